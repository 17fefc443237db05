import Foundation
import Testing
import CLibGit2
@testable import PlanGit

/// The wrapper's own behaviour, on real repositories made with the git CLI.
@Suite struct PlanGitTests {
    /// A new repository in a temporary folder, made by the git CLI, with one commit.
    func makeRepository() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "a\n".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try git(["init", "-q", "-b", "main"], in: folder)
        try git(["add", "a.txt"], in: folder)
        try git(["commit", "-q", "-m", "first"], in: folder)
        return folder
    }

    @discardableResult
    func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment.merge(["GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "C",
                           "GIT_COMMITTER_EMAIL": "c@example.org", "GIT_AUTHOR_DATE": "@1638871200 +0000",
                           "GIT_COMMITTER_DATE": "@1638871200 +0000", "GIT_CONFIG_NOSYSTEM": "1"]) { _, new in new }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitError(operation: "git \(arguments.joined(separator: " "))", message: "exit \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func objectIDsMatchGit() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try Repository.discover(from: folder.path, environment: [:])
        let head = try #require(try repository.headCommit())
        #expect(head.id.description == (try git(["rev-parse", "HEAD"], in: folder)))
        #expect(ObjectID(hex: head.id.description) == head.id)
        #expect(try ObjectID.hashBlob(Array("a\n".utf8)).description == (try git(["hash-object", "a.txt"], in: folder)))
        #expect(head.author == Person(name: "A", email: "a@example.org", time: 1_638_871_200, offsetMinutes: 0))
    }

    @Test("an object altered in place is refused by default, and read as stored once hash checks are off")
    func alteredObjectAndHashVerification() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The object of "b\n" put where the object of a.txt's "a\n" is: it inflates, but its
        // content is not what its id says.
        try "b\n".write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let id = try git(["rev-parse", "HEAD:a.txt"], in: folder)
        let other = try git(["hash-object", "-w", "b.txt"], in: folder)
        let objects = folder.appendingPathComponent(".git/objects")
        let object = objects.appendingPathComponent("\(id.prefix(2))/\(id.dropFirst(2))")
        try FileManager.default.removeItem(at: object)
        try FileManager.default.copyItem(at: objects.appendingPathComponent("\(other.prefix(2))/\(other.dropFirst(2))"), to: object)
        let blobID = try #require(ObjectID(hex: id))

        let verifying = try Repository.discover(from: folder.path, environment: [:])
        do {
            _ = try verifying.blob(blobID)
            Issue.record("an altered object was read")
        } catch let error as GitError {
            #expect(error.message.contains("hash mismatch"), "\(error)")
        }
        Git.setVerifiesObjectHashes(false)
        defer { Git.setVerifiesObjectHashes(true) }
        let reading = try Repository.discover(from: folder.path, environment: [:])
        #expect(try reading.blob(blobID) == Array("b\n".utf8))
    }

    @Test func missingRevisionIsAClearError() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try Repository.discover(from: folder.path, environment: [:])
        #expect(throws: GitError.self) { try repository.commit("does-not-exist") }
        do {
            _ = try repository.commit("does-not-exist")
        } catch let error as GitError {
            #expect(error.message.contains("'does-not-exist' does not exist"))
        }
        // A failed call leaves no stale error behind for the next one.
        #expect(try repository.commit("HEAD").summary == "first")
    }

    @Test func outsideARepositoryIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangit-none-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let found = try Repository.discover(from: folder.path, environment: [:])
            Issue.record("a repository was found around \(folder.path): \(found.gitDirectory)")
        } catch let error as GitError {
            #expect(error.message.contains("not inside a git repository"))
        }
    }

    @Test func discoveryFollowsGitDirAndWorkTreeVariables() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let elsewhere = FileManager.default.temporaryDirectory
        let repository = try Repository.discover(from: elsewhere.path, environment: [
            "GIT_DIR": folder.appendingPathComponent(".git").path, "GIT_WORK_TREE": folder.path,
        ])
        #expect(repository.workingDirectory.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == folder.resolvingSymlinksInPath().path)
        #expect(try repository.headCommit()?.summary == "first")
    }

    @Test func datesInGitsForms() {
        #expect(Identity.parseDate("@1638871200 +0000")! == (1_638_871_200, 0))
        #expect(Identity.parseDate("1638871200 -0130")! == (1_638_871_200, -90))
        #expect(Identity.parseDate("2021-12-07T10:00:00Z")! == (1_638_871_200, 0))
        #expect(Identity.parseDate("2021-12-07T11:00:00+01:00")! == (1_638_871_200, 60))
        #expect(Identity.parseDate("2021-12-07 11:00:00 +0100")! == (1_638_871_200, 60))
        #expect(Identity.parseDate("yesterday") == nil)
        #expect(Identity.parseDate("2021-12-07") == nil)
    }

    @Test func authorOverrideAndEnvironment() throws {
        let person = try Identity.resolve(.author, repository: nil, override: "Ann Other <ann@example.org>",
                                          environment: ["GIT_AUTHOR_DATE": "@100 +0000"])
        #expect(person == Person(name: "Ann Other", email: "ann@example.org", time: 100, offsetMinutes: 0))
        #expect(throws: GitError.self) {
            try Identity.resolve(.author, repository: nil, override: "no email here", environment: [:])
        }
        #expect(throws: GitError.self) {
            try Identity.resolve(.author, repository: nil, override: "A <a@b>", environment: ["GIT_AUTHOR_DATE": "soon"])
        }
    }

    @Test func identitiesThatWouldBreakTheCommitLine() throws {
        let environment = ["GIT_AUTHOR_NAME": "Ann", "GIT_AUTHOR_EMAIL": "ann@example.org", "GIT_AUTHOR_DATE": "@100 +0000"]
        for bad in ["\n", "\r", "<", ">", "\u{1}", "\u{7F}", "\tparent"] {
            for key in ["GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL"] {
                var hostile = environment
                hostile[key] = "Ann" + bad + " x"
                #expect(throws: GitError.self, "\(key) with \(bad.debugDescription)") {
                    try Identity.resolve(.author, repository: nil, environment: hostile)
                }
            }
        }
        // Letters of any script, punctuation, and spaces inside are kept.
        let kept = try Identity.resolve(.author, repository: nil,
                                        environment: environment.merging(["GIT_AUTHOR_NAME": "Zoë O'Brien-Ł, Jr."]) { $1 })
        #expect(kept.name == "Zoë O'Brien-Ł, Jr.")
        // The seconds libgit2 writes are 32 unsigned bits; zones, as git takes them, under 24 hours.
        for (date, accepted) in [("@0 +0000", true), ("@4294967295 +0000", true), ("@-1 +0000", false),
                                 ("@4294967296 +0000", false), ("@100 -2359", true), ("@100 -9959", false),
                                 ("@100 +2400", false), ("@100 +0575", false), ("@100 +9999", false)] {
            let result = Result { try Identity.resolve(.author, repository: nil, environment: environment.merging(["GIT_AUTHOR_DATE": date]) { $1 }) }
            #expect(((try? result.get()) != nil) == accepted, "\(date)")
        }
    }

    @Test func branchNamesGitRefuses() {
        #expect(Repository.isValidBranchName("draft/update-2021"))
        for bad in ["draft/a..b", "draft/a b", "draft/x.lock", "draft/", "draft/a~b", "draft/a^b", "draft/a:b", "draft/\u{7}"] {
            #expect(!Repository.isValidBranchName(bad), "\(bad)")
        }
    }
}

/// The wrapper's handling of what libgit2 hands back: errors, index entries, handles.
@Suite struct PlanGitWrapperTests {
    @Test("a failure libgit2 gives no message for says the system's reason, on libgit2 before and after 1.8")
    func errorWithoutALibgit2Message() {
        // Up to 1.7 `git_error_last()` is NULL then; from 1.8 it is "no error" of class GIT_ERROR_NONE.
        for libraryMessage in [nil, "no error"] {
            let reason = GitError.reason(code: -1, errorClass: GitError.noErrorClass, libraryMessage: libraryMessage,
                                         systemError: EFBIG)
            #expect(reason.message == "error -1: \(String(cString: strerror(EFBIG)))")
            #expect(reason.errorClass == GitError.noErrorClass)
        }
        #expect(GitError.reason(code: -1, errorClass: GitError.noErrorClass, libraryMessage: nil, systemError: 0).message
                == "error -1")
        // libgit2's own message, when it set one, is the reason.
        let own = GitError.reason(code: -3, errorClass: 2, libraryMessage: "object not found", systemError: EFBIG)
        #expect(own.message == "object not found" && own.errorClass == 2)
    }

    @Test("libgit2 starts without parsing the CA bundle; the parser still works for every other call")
    func certificateBundleSkippedOnlyAtStart() {
        // The binary's definition of mbedTLS's parser is bound by the dynamic linker when the
        // test binary exports it, as plantool's does.
        #expect(Git.skippedCertificateBundles <= 1)
        // Outside libgit2's start-up the call reaches mbedTLS, which fails on a missing file
        // (MBEDTLS_ERR_PK_FILE_IO_ERROR, -0x3E00) instead of answering 0.
        let skippedBefore = Git.skippedCertificateBundles
        #expect(plantoolCertificateParseFile(nil, "/nonexistent/ca-certificates.crt") == -0x3E00)
        #expect(Git.skippedCertificateBundles == skippedBefore)
    }

    @Test("libgit2 starts without starting libssh2; libssh2 still starts for every other call")
    func sshStartSkippedOnlyAtStart() {
        #expect(Git.skippedSSHStarts <= 1)
        // Outside libgit2's start-up the call reaches libssh2, which starts and answers 0.
        let skippedBefore = Git.skippedSSHStarts
        #expect(plantoolSSHInit(0) == 0)
        #expect(Git.skippedSSHStarts == skippedBefore)
    }

    @Test("a failed call whose libgit2 error was cleared still says the system's reason")
    func errorFromTheLibraryWithNoneSet() {
        Git.ensureInitialised()
        git_error_clear()
        errno = ENOSPC
        let error = GitError(operation: "write", code: -1)
        #expect(error.message == "error -1: \(String(cString: strerror(ENOSPC)))", "\(error)")
        #expect(error.description.hasPrefix("write: "))
    }

    @Test("the merge stage is read from bits 12 and 13 of an index entry's flags, whatever the other bits hold")
    func stageFromFlags() {
        for stage in 0...3 {
            let flags = UInt16(stage) << 12
            #expect(IndexEntry.stage(ofFlags: flags) == stage)
            #expect(IndexEntry.stage(ofFlags: flags | 0x0FFF | 0x8000 | 0x4000) == stage)  // name length, valid, extended
        }
    }

    @Test("an index that cannot be read again is a typed error, and the repository stays usable")
    func indexReadFailure() throws {
        let support = PlanGitTests()
        let folder = try support.makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try Repository.discover(from: folder.path, environment: [:])
        // The repository keeps its index open: the second open re-reads the file, and that read fails.
        #expect(try repository.index().conflictedPaths.isEmpty)
        let indexFile = folder.appendingPathComponent(".git/index")
        try Data("not an index, and longer than the real one was, so that it is read again".utf8).write(to: indexFile)
        do {
            _ = try repository.index()
            Issue.record("a damaged index was read")
        } catch let error as GitError {
            // The open succeeded and the read failed: the path where the handle must be freed.
            #expect(error.operation == "read the index", "\(error)")
        }
        #expect(throws: GitError.self) { try repository.indexEntries(under: "") }
        #expect(try repository.headCommit()?.summary == "first")
    }

    @Test("conflicts of a merge come out with their stages")
    func conflictStagesOfAMerge() throws {
        let support = PlanGitTests()
        let folder = try support.makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try support.git(["rev-parse", "HEAD"], in: folder)
        try support.git(["checkout", "-q", "-b", "other"], in: folder)
        try "other\n".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try support.git(["commit", "-q", "-am", "other"], in: folder)
        let theirs = try support.git(["rev-parse", "HEAD"], in: folder)
        try support.git(["checkout", "-q", "main"], in: folder)
        try "main\n".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try support.git(["commit", "-q", "-am", "main"], in: folder)
        let ours = try support.git(["rev-parse", "HEAD"], in: folder)
        let repository = try Repository.discover(from: folder.path, environment: [:])
        let merged = try repository.mergeIndex(base: try #require(ObjectID(hex: base)), ours: try #require(ObjectID(hex: ours)),
                                               theirs: try #require(ObjectID(hex: theirs)))
        let conflicts = try merged.conflicts()
        #expect(conflicts.count == 1)
        #expect(conflicts.first.map { [$0.ancestor?.stage, $0.ours?.stage, $0.theirs?.stage] } == [1, 2, 3])
        #expect(conflicts.first?.paths == ["a.txt"])
    }
}
