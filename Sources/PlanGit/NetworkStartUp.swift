import Foundation
import Synchronization

/// libgit2 as Debian builds it starts its network transports inside `git_libgit2_init`:
/// mbedTLS parses the system's whole CA bundle, from a path compiled into the library, with no
/// option or variable to stop it (more than half of the start-up's instructions, mostly base64
/// decoding), and libssh2 starts OpenSSL (about 1.5 MB of its pages, and 0.2 ms). plantool
/// never talks to a network. `Git` marks the thread that runs `git_libgit2_init`; while it is
/// inside, the definitions below of `mbedtls_x509_crt_parse_file` and `libssh2_init`, which the
/// dynamic linker binds in place of the libraries' own, do nothing and succeed. Any other call,
/// from any thread at any other time, goes to the library's own function. libgit2 is left with
/// an empty list of trusted certificates, so a TLS connection (which plantool never makes)
/// would fail to verify rather than trust anything; libssh2 starts itself when a session is
/// made (`libssh2_session_init_ex` calls `libssh2_init` when it has not run).
enum NetworkStartUp {
    /// The thread inside `git_libgit2_init` (its `pthread_self`), or 0.
    private static let initialisingThread = Atomic<UInt>(0)
    /// How many of each were skipped: a test's way of seeing that the definitions took effect.
    private static let skippedBundles = Atomic<Int>(0)
    private static let skippedSSH = Atomic<Int>(0)

    /// Runs libgit2's initialisation with the transports' start-up skipped on this thread.
    static func skipping<Result>(_ body: () -> Result) -> Result {
        initialisingThread.store(UInt(pthread_self()), ordering: .sequentiallyConsistent)
        defer { initialisingThread.store(0, ordering: .sequentiallyConsistent) }
        return body()
    }

    static var skippedCertificateBundles: Int { skippedBundles.load(ordering: .sequentiallyConsistent) }
    static var skippedSSHStarts: Int { skippedSSH.load(ordering: .sequentiallyConsistent) }

    /// Whether this thread is inside `git_libgit2_init`, marked by `skipping`.
    static var isInitialisingThread: Bool {
        let thread = initialisingThread.load(ordering: .sequentiallyConsistent)
        return thread != 0 && thread == UInt(pthread_self())
    }

    fileprivate static func skipsOnThisThread(counting counter: borrowing Atomic<Int>) -> Bool {
        guard isInitialisingThread else { return false }
        counter.add(1, ordering: .sequentiallyConsistent)
        return true
    }

    fileprivate static func skipsBundle() -> Bool { skipsOnThisThread(counting: skippedBundles) }
    fileprivate static func skipsSSH() -> Bool { skipsOnThisThread(counting: skippedSSH) }

    /// The library's own definition of `name`, found past the binary's.
    static func next<Function>(_ name: String, as type: Function.Type) -> Function? {
        // RTLD_NEXT: ((void *) -1l) in glibc's dlfcn.h, a macro Swift does not import.
        dlsym(UnsafeMutableRawPointer(bitPattern: -1), name).map { unsafeBitCast($0, to: type) }
    }

    fileprivate typealias ParseFile = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32
    fileprivate typealias SSHInit = @convention(c) (Int32) -> Int32

    fileprivate static let mbedTLSParseFile = next("mbedtls_x509_crt_parse_file", as: ParseFile.self)
    fileprivate static let libssh2Init = next("libssh2_init", as: SSHInit.self)
}

/// mbedTLS's `int mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path)`: see
/// `NetworkStartUp`. Returns 0 (nothing added, no error) while libgit2 initialises on the
/// marked thread; otherwise mbedTLS's answer.
@_cdecl("mbedtls_x509_crt_parse_file")
public func plantoolCertificateParseFile(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    if NetworkStartUp.skipsBundle() { return 0 }
    // MBEDTLS_ERR_X509_FILE_IO_ERROR when mbedTLS itself cannot be found (not loaded at all).
    guard let parse = NetworkStartUp.mbedTLSParseFile else { return -0x2900 }
    return parse(chain, path)
}

/// libssh2's `int libssh2_init(int flags)`: see `NetworkStartUp`. Returns 0 (success) without
/// starting anything while libgit2 initialises on the marked thread; otherwise libssh2's answer.
@_cdecl("libssh2_init")
public func plantoolSSHInit(_ flags: Int32) -> Int32 {
    if NetworkStartUp.skipsSSH() { return 0 }
    // A failure (-1) when libssh2 itself is not loaded.
    guard let start = NetworkStartUp.libssh2Init else { return -1 }
    return start(flags)
}
