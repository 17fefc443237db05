import Foundation
import Synchronization

/// libgit2 as Debian builds it (with mbedTLS) parses the system's whole CA bundle inside
/// `git_libgit2_init`, from a path compiled into the library, with no option or variable to
/// stop it: more than half of the start-up's instructions (mostly base64 decoding), for
/// certificates plantool never uses, since it never talks to a network. `Git` marks the thread
/// that runs `git_libgit2_init`; while it is inside, the definition of
/// `mbedtls_x509_crt_parse_file` below, which the dynamic linker binds in place of mbedTLS's,
/// loads nothing. Any other call, from any thread at any other time, goes to mbedTLS's own
/// function. libgit2 is left with an empty list of trusted certificates, so a TLS connection
/// (which plantool never makes) would fail to verify rather than trust anything.
enum CertificateBundle {
    /// The thread inside `git_libgit2_init` (its `pthread_self`), or 0.
    private static let initialisingThread = Atomic<UInt>(0)
    /// How many bundles were skipped: a test's way of seeing that the definition took effect.
    private static let skippedCount = Atomic<Int>(0)

    /// Runs libgit2's initialisation with the bundle skipped on this thread.
    static func skipping<Result>(_ body: () -> Result) -> Result {
        initialisingThread.store(UInt(pthread_self()), ordering: .sequentiallyConsistent)
        defer { initialisingThread.store(0, ordering: .sequentiallyConsistent) }
        return body()
    }

    static var skipped: Int { skippedCount.load(ordering: .sequentiallyConsistent) }

    fileprivate static func skipsOnThisThread() -> Bool {
        let thread = initialisingThread.load(ordering: .sequentiallyConsistent)
        guard thread != 0, thread == UInt(pthread_self()) else { return false }
        skippedCount.add(1, ordering: .sequentiallyConsistent)
        return true
    }

    fileprivate typealias ParseFile = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32

    /// mbedTLS's own function, found past this definition.
    fileprivate static let mbedTLSParseFile: ParseFile? = {
        // RTLD_NEXT: ((void *) -1l) in glibc's dlfcn.h, a macro Swift does not import.
        let next = UnsafeMutableRawPointer(bitPattern: -1)
        return dlsym(next, "mbedtls_x509_crt_parse_file").map { unsafeBitCast($0, to: ParseFile.self) }
    }()
}

/// mbedTLS's `int mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path)`: see
/// `CertificateBundle`. Returns 0 (nothing added, no error) while libgit2 initialises on the
/// marked thread; otherwise mbedTLS's answer.
@_cdecl("mbedtls_x509_crt_parse_file")
public func plantoolCertificateParseFile(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    if CertificateBundle.skipsOnThisThread() { return 0 }
    // MBEDTLS_ERR_X509_FILE_IO_ERROR when mbedTLS itself cannot be found (not linked at all).
    guard let parse = CertificateBundle.mbedTLSParseFile else { return -0x2900 }
    return parse(chain, path)
}
