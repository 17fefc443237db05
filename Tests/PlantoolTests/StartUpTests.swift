import Foundation
import Testing

/// A command that opens the repository starts libgit2 on another thread while its arguments are
/// parsed. Whatever way the process then leaves, it must wait for that thread: exit handlers run
/// while it is inside libgit2's start-up crash the process.
@Suite("start-up: libgit2 on its own thread, and every way out")
struct StartUpTests {
    @Test("commands that end before they need git (bad option, bad value, no repository, help) exit cleanly, every time")
    func earlyExitsAreClean() throws {
        try withTemporaryDirectory { dir in
            let cases: [(arguments: [String], status: Int32)] = [
                (["diff", "--format", "nonsense"], 2),    // refused while parsing
                (["log", "--no-such-option"], 2),
                (["status", "--as-of", "not-a-date"], 2),
                (["diff"], 2),                            // no repository here
                (["lint", "--staged"], 2),
                (["diff", "--help"], 0),                  // help: no thread started
            ]
            for round in 0..<15 {
                for item in cases {
                    let result = run(item.arguments, in: dir)
                    #expect(result.status == item.status, "round \(round), \(item.arguments): \(result)")
                    if result.status != item.status { return }
                }
            }
        }
    }
}

/// libgit2 and the libraries it needs are loaded only by what calls git (CLibGit2.h), as the
/// dynamic linker tells (`LD_DEBUG=files` lists every library it opens).
@Suite("start-up: libgit2 loaded only when needed")
struct LibraryStartUpTests {
    func loadsLibgit2(_ arguments: [String], in dir: URL) -> (Bool, RunResult) {
        let result = run(arguments, in: dir, env: ["LD_DEBUG": "files"])
        return (result.stderr.contains("file=libgit2.so."), result)
    }

    @Test("help, and commands that never touch git, start without it")
    func withoutGit() throws {
        try withTemporaryDirectory { dir in
            for arguments in [["--help"], ["diff", "--help"], ["fmt", "--help"]] {
                let (loaded, result) = loadsLibgit2(arguments, in: dir)
                #expect(result.status == 0, "\(arguments): \(result.status)")
                #expect(!loaded, "\(arguments) loaded libgit2")
            }
        }
    }

    @Test("the binary's definitions of the transports' start-up functions are the ones libgit2's libraries call")
    func networkStartUpBound() throws {
        // NetworkStartUp and DeferredRandomSeed (PlanGit) work only if the dynamic linker binds
        // these names, in the libraries that call them, to plantool's own definitions.
        try withTemporaryDirectory { dir in
            let result = run(["--version"], in: dir, env: ["LD_DEBUG": "bindings"])
            #expect(result.status == 0, "\(result.status)")
            for symbol in ["mbedtls_x509_crt_parse_file", "libssh2_init", "mbedtls_entropy_init", "mbedtls_entropy_func",
                           "mbedtls_ctr_drbg_seed", "mbedtls_ctr_drbg_random", "mbedtls_ctr_drbg_free"] {
                let bound = result.stderr.split(separator: "\n").filter { $0.hasSuffix("normal symbol `\(symbol)'") }
                #expect(!bound.isEmpty, "\(symbol) is not bound at all")
                #expect(bound.allSatisfy { $0.contains(" to \(PackagePaths.binary.standardizedFileURL.path) [0]:") },
                        "\(symbol): \(bound)")
            }
        }
    }

    @Test("--version and commands that open the repository load it")
    func withGit() throws {
        try withTemporaryDirectory { dir in
            for arguments in [["--version"], ["diff"], ["status"]] {
                let (loaded, result) = loadsLibgit2(arguments, in: dir)
                #expect(loaded, "\(arguments) did not load libgit2: \(result.status)")
            }
        }
    }
}
