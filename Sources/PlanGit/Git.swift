import CLibGit2
import Foundation

/// libgit2, initialised once for the life of the process (and never shut down, as git2-rs does).
public enum Git {
    /// Without the system's CA bundle or libssh2's start, which plantool, never on a network,
    /// has no use for (see `NetworkStartUp`).
    private static let initialised: Bool = {
        NetworkStartUp.skipping { git_libgit2_init() } >= 0
    }()

    /// How many times libgit2's start-up was kept from parsing the CA bundle (1 once started,
    /// where the binary's definition of the parsing function took effect).
    public static var skippedCertificateBundles: Int {
        ensureInitialised()
        return NetworkStartUp.skippedCertificateBundles
    }

    /// How many times libgit2's start-up was kept from starting libssh2 (1 once started, where
    /// the binary's definition took effect).
    public static var skippedSSHStarts: Int {
        ensureInitialised()
        return NetworkStartUp.skippedSSHStarts
    }

    /// Makes sure libgit2 is initialised; every handle calls this before its first use.
    static func ensureInitialised() {
        _ = initialised
    }

    /// libgit2 being initialised on a thread of its own: see `initialiseInBackground`.
    public final class BackgroundStart: @unchecked Sendable {
        private var thread: pthread_t
        private var joined = false

        fileprivate init(thread: pthread_t) {
            self.thread = thread
        }

        /// Waits until the initialisation has finished. The process must not exit before: its
        /// exit handlers would run while the other thread is inside `git_libgit2_init`.
        /// Call it from the thread that started it; a second call returns at once.
        public func wait() {
            guard !joined else { return }
            joined = true
            pthread_join(thread, nil)
        }
    }

    /// Starts initialising libgit2 on a thread of its own, so that what a command does before
    /// its first git call (the Swift runtime's start, parsing its arguments) overlaps it.
    /// The first handle to need libgit2 waits for it (the one-time initialiser is
    /// thread-safe). The caller must `wait()` before the process exits, whether or not it used
    /// git. Nil when no thread could be started: libgit2 is then initialised on first use.
    public static func initialiseInBackground() -> BackgroundStart? {
        var thread = pthread_t()
        guard pthread_create(&thread, nil, { _ in
            Git.ensureInitialised()
            return nil
        }, nil) == 0 else { return nil }
        return BackgroundStart(thread: thread)
    }

    /// Whether every object read is hashed again and refused when its content does not match its
    /// id: libgit2's default, on. The git CLI does not do this when it shows, compares or logs
    /// history (`git diff`, `git log -p` read objects unchecked; `git fsck` is the check), and
    /// it is about 5 % of what `plantool diff` does on a plan of 2,000 files. Commands
    /// that only read turn it off; commands that write keep it, so that an object whose content
    /// was damaged in place is never copied into a new commit. A damaged object that no longer
    /// inflates is still reported either way.
    public static func setVerifiesObjectHashes(_ verifies: Bool) {
        ensureInitialised()
        _ = plantool_git_set_strict_hash_verification(verifies ? 1 : 0)
    }

    /// libgit2's version, e.g. "1.5.1".
    public static var libraryVersion: String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        guard git_libgit2_version(&major, &minor, &revision) >= 0 else { return "unknown" }
        return "\(major).\(minor).\(revision)"
    }
}

/// A libgit2 call that failed: which operation, libgit2's code, class and message.
public struct GitError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var code: Int32
    public var errorClass: Int32
    public var message: String

    public var description: String { "\(operation): \(message)" }

    /// libgit2's code for a lock held by another process.
    public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
    public var isAmbiguous: Bool { code == GIT_EAMBIGUOUS.rawValue }
    public var isUnbornBranch: Bool { code == GIT_EUNBORNBRANCH.rawValue }
    /// libgit2's code for a ref that moved since it was read (another process updated it).
    public var isModified: Bool { code == GIT_EMODIFIED.rawValue }
    public var isConflict: Bool { code == GIT_ECONFLICT.rawValue || code == GIT_EMERGECONFLICT.rawValue }
    /// A blob refused for its size (`Repository.blob`'s limit): it was read, and is not damaged.
    public internal(set) var isTooLarge = false

    init(operation: String, code: Int32) {
        let systemError = errno
        self.operation = operation
        self.code = code
        // Read the error only after a failure: libgit2 1.5 may leave a stale one after success.
        let last = git_error_last()?.pointee
        (errorClass, message) = Self.reason(code: code, errorClass: last?.klass ?? Self.noErrorClass,
                                            libraryMessage: last?.message.map { String(cString: $0) },
                                            systemError: systemError)
        git_error_clear()
    }

    /// libgit2's class for "no error".
    static let noErrorClass = Int32(GIT_ERROR_NONE.rawValue)

    /// The class and message of a failed call. When libgit2 set no error of its own (up to 1.7
    /// `git_error_last()` is then NULL; from 1.8 it is a "no error" of class GIT_ERROR_NONE),
    /// the system's reason is the clear one: some failed writes (a file past `ulimit -f`,
    /// EFBIG) set only errno.
    static func reason(code: Int32, errorClass: Int32, libraryMessage: String?,
                       systemError: Int32) -> (errorClass: Int32, message: String) {
        if errorClass != noErrorClass { return (errorClass, libraryMessage ?? "unknown error") }
        let message = systemError != 0 ? "error \(code): \(String(cString: strerror(systemError)))" : "error \(code)"
        return (noErrorClass, message)
    }

    /// An error of plantool's own about a git operation (no libgit2 call failed).
    public init(operation: String, message: String) {
        self.operation = operation
        self.code = GIT_ERROR.rawValue
        self.errorClass = 0
        self.message = message
    }
}

/// A libgit2 handle and the function that frees it: freed exactly once, when its owner goes,
/// whichever way (return or throw) the code that opened it leaves.
final class OwnedHandle {
    let pointer: OpaquePointer
    private let free: (OpaquePointer?) -> Void

    init(_ pointer: OpaquePointer, free: @escaping (OpaquePointer?) -> Void) {
        self.pointer = pointer
        self.free = free
    }

    deinit { free(pointer) }
}

/// Throws for a negative libgit2 return code; zero and positive codes are results, not errors.
@discardableResult
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
    guard code < 0 else { return code }
    throw GitError(operation: operation(), code: code)
}
