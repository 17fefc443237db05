import Foundation
import Testing

@Suite("plantool --version")
struct VersionTests {
    @Test("--version names plantool and the libgit2 it links")
    func versionNamesToolAndLibgit2() throws {
        try #require(FileManager.default.isExecutableFile(atPath: PackagePaths.binary.path),
                     "no plantool binary at \(PackagePaths.binary.path)")
        try withTemporaryDirectory { dir in
            let result = run(["--version"], in: dir)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("plantool "), "\(result)")
            #expect(result.stdout.contains("libgit2 1."), "\(result)")
            #expect(result.stderr.isEmpty, "\(result)")
        }
    }
}
