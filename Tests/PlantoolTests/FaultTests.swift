import Foundation
import TestSupport
import Testing

/// Fault tests of plantool's git operations: a process killed part way, a full disk, a read-only
/// repository, a damaged repository and two commits at once. Each checks afterwards, with the
/// git CLI, that no ref moved (or the operation fully happened), that the index and working tree
/// are as they were, and that `git fsck --strict` is clean.
@Suite("faults: killed, full disk, read-only, damaged, concurrent", .serialized)
struct FaultTests {
    static let original = "addressee: HM Prison and Probation Service"

    static func recommendation(_ number: Int, in repo: URL) -> URL {
        repo.appendingPathComponent("plan/recommendations/0\(number).yaml")
    }

    /// A repository whose working tree changes recommendation 2 (not staged).
    static func changedRepository(in dir: URL) throws -> URL {
        let repo = try GitFixture.repository(in: dir, name: "pristine")
        try GitFixture.replace(Self.original, with: "addressee: Ministry of Justice", in: recommendation(2, in: repo))
        return repo
    }

    /// When a lock is left behind, the next command (`next`, run on a copy so the repository
    /// itself stays as the kill left it) must go through or refuse saying what to do; then the
    /// test removes the locks, as that message tells the user to.
    static func checkLeftLocks(_ repo: URL, next: [String], from folder: String = "", context: String) throws {
        let locks = Faults.locks(in: repo)
        guard !locks.isEmpty else { return }
        let copy = try Faults.copy(repo, as: repo.lastPathComponent + "-next")
        defer { try? FileManager.default.removeItem(at: copy) }
        let result = run(next, in: folder.isEmpty ? copy : copy.appendingPathComponent(folder))
        let blocked = result.stderr.contains("another git process")
        // Or it refused earlier, for a reason of its own that is also true: a checkout cut short
        // leaves changed files, which must be settled first anyway.
        let unaffected = result.status == 0 || result.stderr.contains("nothing to commit")
            || result.stderr.contains("these files have uncommitted changes")
        #expect(result.status < 128, "\(context): locks \(locks) left; then \(next.joined(separator: " ")) crashed: \(result)")
        #expect(blocked || unaffected, "\(context): locks \(locks) left; then \(next.joined(separator: " ")) failed unclearly: \(result)")
        if blocked {
            #expect(locks.contains { result.stderr.contains($0) }, "\(context): the refusal does not name the lock: \(result)")
        }
        for lock in locks {
            try FileManager.default.removeItem(at: repo.appendingPathComponent(".git").appendingPathComponent(lock))
        }
    }

    @Test("commit killed by SIGKILL at a random moment: the commit fully happened or nothing did")
    func commitKilled() throws {
        try withTemporaryDirectory { dir in
            let pristine = try Self.changedRepository(in: dir)
            let before = try RepositoryState.of(pristine)
            let main = try gitOK(["rev-parse", "main"], in: pristine)
            // How long a whole commit takes, measured on a copy: the kills fall within it.
            let (duration, timing, full) = try Faults.longestRun(of: ["commit", "-m", "Killed"], copying: pristine, in: "plan")
            try #require(full.status == 0, "\(full)")
            let committedTree = try gitOK(["rev-parse", "main^{tree}"], in: timing)
            let committedIndex = try gitOK(["ls-files", "-s"], in: timing)

            var generator = SplitMix64(state: 20211207)
            var outcomes: [String: Int] = [:]
            for iteration in 0..<30 {
                let repo = try Faults.copy(pristine, as: "kill-\(iteration)")
                defer { try? FileManager.default.removeItem(at: repo) }
                let delay = Double.random(in: 0...(duration * 1.2), using: &generator)
                let status = Faults.runKilled(["commit", "-m", "Killed"], in: repo.appendingPathComponent("plan"), after: delay)
                let context = "iteration \(iteration), killed after \(Int(delay * 1000)) ms (exit \(status))"
                #expect(status == 0 || status == 128 + SIGKILL, "\(context)")
                try Self.checkLeftLocks(repo, next: ["commit", "-m", "After the kill"], from: "plan", context: context)
                #expect(Faults.fsckProblems(repo) == nil, "\(context): \(Faults.fsckProblems(repo).map { "\($0)" } ?? "")")

                let tip = try gitOK(["rev-parse", "main"], in: repo)
                #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main", "\(context)")
                if tip == main {
                    let state = try RepositoryState.of(repo)
                    if state == before {
                        // Nothing happened: every ref, the index and the working tree as before.
                        outcomes["nothing", default: 0] += 1
                    } else {
                        // Stopped after saving the index, before moving the branch: the change
                        // is staged, as `git add` leaves it, and nothing else differs; the next
                        // commit commits it.
                        #expect(state.index == committedIndex, "\(context): the index is neither before nor staged")
                        #expect(state.refs == before.refs && state.files == before.files && state.config == before.config,
                                "\(context)")
                        let next = run(["commit", "-m", "Killed"], in: repo.appendingPathComponent("plan"))
                        #expect(next.status == 0, "\(context): \(next)")
                        #expect(try gitOK(["rev-parse", "main^{tree}"], in: repo) == committedTree, "\(context)")
                        outcomes["staged, not committed", default: 0] += 1
                    }
                } else {
                    // The commit happened, whole: one new commit on main holding the change.
                    #expect(try gitOK(["rev-parse", "main^"], in: repo) == main, "\(context)")
                    #expect(try gitOK(["rev-parse", "main^{tree}"], in: repo) == committedTree, "\(context)")
                    #expect(try gitOK(["log", "-1", "--format=%s", "main"], in: repo) == "Killed", "\(context)")
                    #expect(GitFixture.workingTreeFiles(of: repo) == before.files, "\(context): the working tree changed")
                    // The index was saved before the branch moved.
                    #expect(try gitOK(["ls-files", "-s"], in: repo) == committedIndex, "\(context)")
                    outcomes["committed", default: 0] += 1
                    #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "", "\(context)")
                }
            }
            #expect(outcomes.values.reduce(0, +) == 30, "\(outcomes)")
            print("commitKilled outcomes: \(outcomes)")
        }
    }

    /// main changed recommendation 3; draft/update changed recommendation 2; HEAD is main.
    static func draftRepository(in dir: URL) throws -> (repo: URL, main: String, draft: String) {
        let repo = try GitFixture.repository(in: dir, name: "pristine")
        try GitDraftTests.plantoolOK(["draft", "start", "update"], in: repo)
        try GitFixture.replace(Self.original, with: "addressee: Ministry of Justice", in: recommendation(2, in: repo))
        try GitDraftTests.plantoolOK(["commit", "-m", "Draft: recommendation 2"], in: repo.appendingPathComponent("plan"))
        try GitDraftTests.plantoolOK(["draft", "switch", "main"], in: repo)
        try GitFixture.replace(Self.original, with: "addressee: Purple Futures", in: recommendation(3, in: repo))
        try GitDraftTests.plantoolOK(["commit", "-m", "Main: recommendation 3"], in: repo.appendingPathComponent("plan"))
        return (repo, try gitOK(["rev-parse", "main"], in: repo), try gitOK(["rev-parse", "draft/update"], in: repo))
    }

    @Test("draft finish killed by SIGKILL at a random moment: no commit is lost, the repository stays sound, and one more finish completes it")
    func draftFinishKilled() throws {
        try withTemporaryDirectory { dir in
            let (pristine, main, draft) = try Self.draftRepository(in: dir)
            let before = try RepositoryState.of(pristine)
            let (duration, timing, full) = try Faults.longestRun(of: ["draft", "finish", "update"], copying: pristine)
            try #require(full.status == 0, "\(full)")
            let merged = try gitOK(["rev-parse", "main"], in: timing)
            let after = try RepositoryState.of(timing)

            var generator = SplitMix64(state: 20211208)
            var outcomes: [String: Int] = [:]
            for iteration in 0..<30 {
                let repo = try Faults.copy(pristine, as: "kill-\(iteration)")
                defer { try? FileManager.default.removeItem(at: repo) }
                let delay = Double.random(in: 0...(duration * 1.2), using: &generator)
                let status = Faults.runKilled(["draft", "finish", "update"], in: repo, after: delay)
                let context = "iteration \(iteration), killed after \(Int(delay * 1000)) ms (exit \(status))"
                #expect(status == 0 || status == 128 + SIGKILL, "\(context)")
                let draftLeft = git(["rev-parse", "-q", "--verify", "refs/heads/draft/update"], in: repo).status == 0
                try Self.checkLeftLocks(repo, next: draftLeft ? ["draft", "finish", "update"] : ["draft", "list"], context: context)
                #expect(Faults.fsckProblems(repo) == nil, "\(context): \(Faults.fsckProblems(repo).map { "\($0)" } ?? "")")

                let state = try RepositoryState.of(repo)
                let tip = try gitOK(["rev-parse", "main"], in: repo)
                let draftTip = git(["rev-parse", "-q", "--verify", "refs/heads/draft/update"], in: repo)
                    .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                // main is where it was or at the merge of both: never anywhere else.
                #expect(tip == main || tip == merged, "\(context): main at \(tip)")
                // No commit is lost: the draft's branch stays until main holds its commit.
                if tip == main { #expect(draftTip == draft, "\(context): the draft's branch is gone before main holds it") }
                if draftTip.isEmpty { #expect(tip == merged, "\(context)") } else { #expect(draftTip == draft, "\(context)") }

                // The journal of the finish, from just before its checkout until all is done.
                let journal = exists(repo.appendingPathComponent(".git/plantool-draft-finish"))
                if state == before {
                    outcomes[journal ? "journal written, nothing else yet" : "nothing", default: 0] += 1
                } else if state == after {
                    outcomes[journal ? "finished, journal not yet removed" : "finished", default: 0] += 1
                } else if tip == main {
                    // Killed during or after the checkout, before main moved: the working tree
                    // holds the merge, or part of it (libgit2, like git, writes each file in
                    // place, so a file being written can be cut short). Both commits are whole
                    // (checked above), and the journal says what the checkout was writing.
                    #expect(journal, "\(context): the checkout began with no journal")
                    #expect(Self.filesBetween(state.files, before.files, after.files), "\(context): \(state.files.keys.sorted())")
                    outcomes["checkout cut short, main not moved", default: 0] += 1
                } else {
                    // main holds the merge, the rest (switching, deleting the branch) was cut short.
                    #expect(journal, "\(context): main moved, the draft's cleanup was cut short, and no journal is left")
                    #expect(state.files == after.files, "\(context): the working tree is not the merge's")
                    outcomes["merged, cleanup cut short", default: 0] += 1
                }
                // Whatever the moment, one more finish ends where an uninterrupted one does.
                if state != after || journal {
                    let again = run(["draft", "finish", "update"], in: repo)
                    #expect(again.status == 0, "\(context): \(again)")
                    if journal {
                        #expect(again.stdout.contains("completed an interrupted draft finish of 'update'"), "\(context): \(again)")
                    }
                    #expect(try RepositoryState.of(repo) == after, "\(context): after finishing again")
                    #expect(!exists(repo.appendingPathComponent(".git/plantool-draft-finish")), "\(context)")
                    #expect(Faults.fsckProblems(repo) == nil, "\(context): \(Faults.fsckProblems(repo).map { "\($0)" } ?? "")")
                }
            }
            #expect(outcomes.values.reduce(0, +) == 30, "\(outcomes)")
            print("draftFinishKilled outcomes: \(outcomes)")
        }
    }

    /// Whether each file is as it was before, as it is after, or a write of its after version
    /// cut short (a prefix of it, or absent).
    static func filesBetween(_ files: [String: Data], _ before: [String: Data], _ after: [String: Data]) -> Bool {
        for path in Set(files.keys).union(before.keys).union(after.keys) {
            let now = files[path]
            if now == before[path] || now == after[path] { continue }
            guard let target = after[path] else { return false }
            guard let now else { continue }
            if !target.starts(with: now) { return false }
        }
        return true
    }

    @Test("commit past the file size limit (ulimit -f) fails with a clear error, moves no ref and leaves fsck clean")
    func commitFullDisk() throws {
        guard let bash = Faults.executable(["/bin/bash", "/usr/bin/bash"]) else {
            print("commitFullDisk: no bash to set ulimit -f with; skipped")
            return
        }
        try withTemporaryDirectory { dir in
            let repo = try Self.changedRepository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            // 64 KiB of base64 noise: its blob cannot be compressed below the 4 KiB limit.
            var generator = SplitMix64(state: 7)
            let noise = Data((0..<49_152).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
            try write(noise + "\n", to: "appendix.txt", in: plan)
            let before = try RepositoryState.of(repo)
            let main = try gitOK(["rev-parse", "main"], in: repo)

            // Limits in KiB: each is reached while writing an object, at different points.
            for limit in [1, 4, 16, 32] {
                let script = "ulimit -f \(limit); exec \"$0\" commit --no-verify -m Full"
                let result = runProcess(URL(fileURLWithPath: bash), ["-c", script, GitFixture.plantoolPath], in: plan,
                                        environment: TestEnvironment.make(), timeout: 60)
                let context = "ulimit -f \(limit)"
                #expect(result.status == 2, "\(context): \(result)")
                #expect(result.status < 128, "\(context): killed by a signal instead of failing: \(result)")
                #expect(result.stderr.hasPrefix("plantool: error: cannot commit: "), "\(context): \(result)")
                #expect(result.stderr.contains("File too large"), "\(context): the error does not say why: \(result)")
                #expect(try gitOK(["rev-parse", "main"], in: repo) == main, "\(context)")
                #expect(try RepositoryState.of(repo) == before, "\(context)")
                #expect(Faults.locks(in: repo).isEmpty, "\(context): \(Faults.locks(in: repo))")
                let objects = (try? FileManager.default.contentsOfDirectory(atPath: repo.appendingPathComponent(".git/objects").path)) ?? []
                #expect(!objects.contains { $0.hasPrefix("tmp_") }, "\(context): half-written objects left: \(objects)")
                #expect(Faults.fsckProblems(repo) == nil, "\(context): \(Faults.fsckProblems(repo).map { "\($0)" } ?? "")")
            }

            // Without the limit the same commit goes through.
            let again = run(["commit", "--no-verify", "-m", "Full"], in: plan)
            #expect(again.status == 0, "\(again)")
            #expect(try gitOK(["rev-parse", "main^"], in: repo) == main)
            #expect(Faults.fsckProblems(repo) == nil)
        }
    }

    @Test("output to a full device (/dev/full) fails with exit status 2 and the reason, never a crash")
    func outputToFullDevice() throws {
        guard let bash = Faults.executable(["/bin/bash", "/usr/bin/bash"]),
              FileManager.default.fileExists(atPath: "/dev/full") else {
            print("outputToFullDevice: no bash or no /dev/full to write to; skipped")
            return
        }
        try withTemporaryDirectory { dir in
            let repo = try Self.changedRepository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            // Help and the version, lines, a whole rendered text, and a document's bytes: each way
            // plantool writes.
            for arguments in [["--help"], ["--version"], ["diff", "--help"], ["lint", "--list-rules"], ["diff"], ["status"], ["export", "--format", "markdown"],
                              ["export", "--format", "docx"], ["textconv", "recommendations/02.yaml"]] {
                let script = "exec \"$0\" \"$@\" >/dev/full"
                let result = runProcess(URL(fileURLWithPath: bash), ["-c", script, GitFixture.plantoolPath] + arguments, in: plan,
                                        environment: TestEnvironment.make(), timeout: 60)
                #expect(result.status == 2, "\(arguments): \(result)")
                #expect(result.stderr.hasSuffix("plantool: error: cannot write to standard output: No space left on device\n"),
                        "\(arguments): \(result)")
            }
        }
    }

    @Test("commit and draft start in a read-only repository fail clearly and change nothing")
    func readOnlyRepository() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.changedRepository(in: dir)
            let gitDir = repo.appendingPathComponent(".git").path
            let before = try RepositoryState.of(repo)
            // Root ignores file permissions: make .git immutable instead, where chattr can.
            let protect: [String]
            let unprotect: [String]
            let program: String
            if Faults.isRoot {
                guard let chattr = Faults.executable(["/usr/bin/chattr", "/bin/chattr", "/sbin/chattr", "/usr/sbin/chattr"]) else {
                    print("readOnlyRepository: running as root without chattr, so .git cannot be made read-only; skipped")
                    return
                }
                program = chattr
                protect = ["-R", "+i", gitDir]
                unprotect = ["-R", "-i", gitDir]
            } else {
                program = "/bin/chmod"
                protect = ["-R", "a-w", gitDir]
                unprotect = ["-R", "u+w", gitDir]
            }
            let protected = Faults.tool(program, protect, in: repo)
            defer { Faults.tool(program, unprotect, in: repo) }
            guard protected.status == 0 else {
                print("readOnlyRepository: \(program) \(protect.joined(separator: " ")) failed (\(protected.stderr)); skipped")
                return
            }
            // Whether the protection holds here (some filesystems ignore chattr).
            let probe = repo.appendingPathComponent(".git/probe")
            if FileManager.default.createFile(atPath: probe.path, contents: Data()) {
                try? FileManager.default.removeItem(at: probe)
                print("readOnlyRepository: .git stays writable after \(program); skipped")
                return
            }

            let commit = run(["commit", "-m", "Read-only"], in: repo.appendingPathComponent("plan"))
            #expect(commit.status != 0 && commit.status < 128, "\(commit)")
            #expect(commit.stderr.contains("plantool: error: cannot commit"), "\(commit)")
            let start = run(["draft", "start", "read-only"], in: repo)
            #expect(start.status != 0 && start.status < 128, "\(start)")
            #expect(start.stderr.contains("plantool: error:"), "\(start)")
            #expect(try RepositoryState.of(repo) == before)

            Faults.tool(program, unprotect, in: repo)
            #expect(Faults.fsckProblems(repo) == nil, "\(Faults.fsckProblems(repo).map { "\($0)" } ?? "")")
            #expect(Faults.locks(in: repo).isEmpty, "\(Faults.locks(in: repo))")
            let again = run(["commit", "-m", "Writable again"], in: repo.appendingPathComponent("plan"))
            #expect(again.status == 0, "\(again)")
        }
    }

    @Test("a missing object: check, diff and commit name it and change nothing; commit never writes a tree naming it")
    func damagedRepository() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try write("# The inspection\n", to: "README.md", in: repo)
            try GitFixture.replace(Self.original, with: "addressee: Ministry of Justice", in: Self.recommendation(2, in: repo))
            try gitOK(["add", "-A"], in: repo)
            try gitOK(["commit", "-q", "-m", "Second"], in: repo)
            // Remove the loose object of 02.yaml at HEAD (HEAD~1 has another one) and of README.md.
            var missing: [String: String] = [:]
            for path in ["plan/recommendations/02.yaml", "README.md"] {
                let id = try gitOK(["rev-parse", "HEAD:" + path], in: repo)
                missing[path] = id
                let file = repo.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
                try FileManager.default.removeItem(at: file)
            }
            try GitFixture.replace(Self.original, with: "addressee: Purple Futures", in: Self.recommendation(3, in: repo))
            let before = try RepositoryState.of(repo)
            let fsckBefore = git(["fsck", "--no-dangling", "--no-progress"], in: repo)
            #expect(fsckBefore.status != 0, "\(fsckBefore)")

            let blob = missing["plan/recommendations/02.yaml"] ?? ""
            let check = run(["check", "--rev", "HEAD"], in: repo)
            // The unreadable file is a finding (unreadable-file, exit 1), named with the object.
            #expect(check.status == 1, "\(check)")
            #expect((check.stdout + check.stderr).contains("02.yaml"), "\(check)")
            #expect((check.stdout + check.stderr).contains(blob), "\(check)")

            // diff and log show what they can, name the unreadable file and its object, and exit 2:
            // their output lacks that file's changes.
            for format in ["text", "json", "markdown"] {
                let diff = run(["diff", "HEAD~1", "HEAD", "--format", format], in: repo)
                #expect(diff.status == 2, "\(format): \(diff)")
                #expect((diff.stdout + diff.stderr).contains("02.yaml cannot be read"), "\(format): \(diff)")
                #expect((diff.stdout + diff.stderr).contains(blob), "\(format): \(diff)")
                #expect(diff.stderr.contains("plantool: error: 1 file could not be read"), "\(format): \(diff)")
            }
            // A comparison that does not need the missing object is whole.
            #expect(run(["diff", "HEAD~1", "HEAD~1", "--exit-code"], in: repo).status == 0)
            for arguments in [["log"], ["log", "2"], ["log", "2", "--format", "json"]] {
                let log = run(arguments, in: repo)
                #expect(log.status == 2, "\(arguments): \(log)")
                #expect(log.stderr.contains("plantool: error: 1 file could not be read"), "\(arguments): \(log)")
            }
            #expect(run(["log", "3"], in: repo).status == 0)
            #expect(try RepositoryState.of(repo) == before)

            // The plan's own missing blob is written again from the working tree when it is
            // staged, but README.md's is not: the commit must refuse rather than write a tree
            // that names a missing object (git write-tree refuses too).
            let commit = run(["commit", "-m", "Third"], in: repo.appendingPathComponent("plan"))
            #expect(commit.status == 2, "\(commit)")
            #expect(commit.stderr.contains("damaged"), "\(commit)")
            #expect(commit.stderr.contains(missing["README.md"] ?? "?"), "\(commit)")
            #expect(commit.stderr.contains("README.md"), "\(commit)")
            #expect(try gitOK(["rev-parse", "main^"], in: repo) == (try gitOK(["rev-parse", "HEAD~1"], in: repo)))
            #expect(try RepositoryState.of(repo) == before)
            #expect(Faults.locks(in: repo).isEmpty, "\(Faults.locks(in: repo))")

            // draft start needs no missing object: it may start the draft, but writes no object
            // and leaves the working tree and index as they were.
            let start = run(["draft", "start", "damaged"], in: repo)
            #expect(start.status < 128, "\(start)")
            let afterStart = try RepositoryState.of(repo)
            #expect(afterStart.files == before.files && afterStart.index == before.index, "\(start)")
            // Nothing new is damaged: fsck names no missing object it did not name before (staging
            // 02.yaml from the working tree wrote its blob again, which mends that one).
            let fsckAfter = git(["fsck", "--no-dangling", "--no-progress"], in: repo)
            let linesBefore = Set(fsckBefore.stdout.split(separator: "\n"))
            let linesAfter = Set(fsckAfter.stdout.split(separator: "\n"))
            #expect(linesAfter.isSubset(of: linesBefore), "before:\n\(fsckBefore)\nafter:\n\(fsckAfter)")
            #expect(fsckAfter.stdout.contains("missing blob \(missing["README.md"] ?? "?")"), "\(fsckAfter)")
        }
    }

    @Test("an object altered in place (it inflates, but its content no longer matches its id): diff, log and check read it as git does")
    func alteredObject() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try GitFixture.replace(Self.original, with: "addressee: Ministry of Justice", in: Self.recommendation(2, in: repo))
            try gitOK(["add", "-A"], in: repo)
            try gitOK(["commit", "-q", "-m", "Second"], in: repo)
            // Put a sound object of other content where 02.yaml's object at HEAD is: it inflates
            // and has a valid header, so only hashing it again tells.
            let path = "plan/recommendations/02.yaml"
            let id = try gitOK(["rev-parse", "HEAD:" + path], in: repo)
            let altered = try #require(GitFixture.text(of: Self.recommendation(2, in: repo)))
                .replacingOccurrences(of: "Ministry of Justice", with: "Purple Futures")
            let scratch = try DiffRepo.empty(in: dir, name: "scratch")
            let source = try write(altered, to: "altered.yaml", in: scratch)
            let alteredID = try gitOK(["hash-object", "-w", source.path], in: scratch)
            let object = repo.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
            try FileManager.default.removeItem(at: object)
            try FileManager.default.copyItem(
                at: scratch.appendingPathComponent(".git/objects/\(alteredID.prefix(2))/\(alteredID.dropFirst(2))"), to: object)
            let fsck = git(["fsck", "--no-dangling", "--no-progress"], in: repo)
            #expect(fsck.status != 0 && (fsck.stdout + fsck.stderr).contains(id), "\(fsck)")

            // git shows history without hashing each object again: so do diff and log.
            let gitDiff = git(["diff", "HEAD~1", "HEAD", "--", path], in: repo)
            #expect(gitDiff.status == 0 && gitDiff.stdout.contains("+addressee: Purple Futures"), "\(gitDiff)")
            let diff = run(["diff", "HEAD~1", "HEAD", "--format", "json"], in: repo)
            #expect(diff.status == 0, "\(diff)")
            #expect(diff.stdout.contains("Purple Futures"), "\(diff)")
            #expect(run(["log", "2"], in: repo).status == 0)

            #expect(run(["check", "--rev", "HEAD"], in: repo).status == 0)
        }
    }

    @Test("two commits at once: one wins, the other fails clearly or follows; nothing is lost, history is linear")
    func concurrentCommits() throws {
        try withTemporaryDirectory { dir in
            let pristine = try GitFixture.repository(in: dir, name: "pristine")
            try GitFixture.replace(Self.original, with: "addressee: Ministry of Justice", in: Self.recommendation(2, in: pristine))
            try GitFixture.replace(Self.original, with: "addressee: Purple Futures", in: Self.recommendation(3, in: pristine))
            let main = try gitOK(["rev-parse", "main"], in: pristine)
            var outcomes: [String: Int] = [:]
            for iteration in 0..<10 {
                let repo = try Faults.copy(pristine, as: "race-\(iteration)")
                defer { try? FileManager.default.removeItem(at: repo) }
                let plan = repo.appendingPathComponent("plan")
                let results = UnsafeResults()
                DispatchQueue.concurrentPerform(iterations: 2) { side in
                    results.set(side, run(["commit", "-m", "Side \(side)"], in: plan, timeout: 60))
                }
                let context = "iteration \(iteration)"
                let all = results.all
                let winners = all.indices.filter { all[$0].status == 0 }
                #expect(!winners.isEmpty, "\(context): neither commit went through: \(all)")
                for (side, result) in all.enumerated() where result.status != 0 {
                    #expect(result.status < 128, "\(context): side \(side) crashed: \(result)")
                    let clear = ["another git process", "branch moved", "nothing to commit"].contains { result.stderr.contains($0) }
                    #expect(clear, "\(context): side \(side) failed unclearly: \(result)")
                    outcomes[result.stderr.contains("nothing to commit") ? "serial" :
                             result.stderr.contains("branch moved") ? "branch moved" : "locked", default: 0] += 1
                }
                // Every successful commit is on main, in a line from the old tip; nothing is lost.
                let log = try Faults.log("main", in: repo)
                #expect(log.count == 1 + winners.count, "\(context): \(log)")
                #expect(try gitOK(["rev-list", "--merges", "--count", "main"], in: repo) == "0")
                #expect(try gitOK(["rev-parse", "main~\(winners.count)"], in: repo) == main, "\(context)")
                for side in winners {
                    #expect(log.contains { $0.hasSuffix(" Side \(side)") }, "\(context): the commit of side \(side) is lost: \(log)")
                }
                #expect(try gitOK(["show", "main:plan/recommendations/02.yaml"], in: repo).contains("Ministry of Justice"))
                #expect(try gitOK(["show", "main:plan/recommendations/03.yaml"], in: repo).contains("Purple Futures"))
                #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "", "\(context)")
                #expect(Faults.locks(in: repo).isEmpty, "\(context): \(Faults.locks(in: repo))")
                #expect(Faults.fsckProblems(repo) == nil, "\(context): \(Faults.fsckProblems(repo).map { "\($0)" } ?? "")")
            }
            print("concurrentCommits losers: \(outcomes)")
        }
    }
}

/// The two results of the concurrent runs.
private final class UnsafeResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [RunResult?] = [nil, nil]

    func set(_ side: Int, _ result: RunResult) {
        lock.lock()
        results[side] = result
        lock.unlock()
    }

    var all: [RunResult] {
        lock.lock()
        defer { lock.unlock() }
        return results.map { $0 ?? RunResult(status: -1, stdout: "", stderr: "no result") }
    }
}
