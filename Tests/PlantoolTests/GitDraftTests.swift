import Foundation
import Testing

/// End-to-end tests of `plantool draft`: drafts are branches draft/NAME in a real repository,
/// made and checked with the git CLI.
@Suite("git workflow: plantool draft")
struct GitDraftTests {
    static let original = "addressee: HM Prison and Probation Service"

    /// Changes recommendation `number`'s addressee in the working tree.
    static func setAddressee(_ addressee: String, of number: Int, in repo: URL, from old: String = original) throws {
        let file = repo.appendingPathComponent("plan/recommendations/" + (number < 10 ? "0\(number)" : "\(number)") + ".yaml")
        try GitFixture.replace(old, with: "addressee: " + addressee, in: file)
    }

    static func recommendation(_ number: Int, in repo: URL) -> URL {
        repo.appendingPathComponent("plan/recommendations/" + (number < 10 ? "0\(number)" : "\(number)") + ".yaml")
    }

    /// Runs plantool and requires exit status 0.
    @discardableResult
    static func plantoolOK(_ args: [String], in dir: URL, env: [String: String] = [:]) throws -> RunResult {
        let result = run(args, in: dir, env: env)
        guard result.status == 0 else {
            throw GitFixtureError(message: "plantool \(args.joined(separator: " ")) failed: \(result)")
        }
        return result
    }

    /// Starts draft `name`, changes recommendation `number` on it and commits with plantool;
    /// returns the draft's tip.
    @discardableResult
    static func draftWithCommit(_ name: String, changing number: Int, to addressee: String = "Ministry of Justice",
                                in repo: URL) throws -> String {
        try plantoolOK(["draft", "start", name], in: repo)
        try setAddressee(addressee, of: number, in: repo)
        try plantoolOK(["commit", "-m", "Draft \(name): recommendation \(number)"], in: repo.appendingPathComponent("plan"))
        return try gitOK(["rev-parse", "draft/\(name)"], in: repo)
    }

    static func drafts(in repo: URL) throws -> String {
        try gitOK(["branch", "--list", "draft/*", "--format=%(refname:short)"], in: repo)
    }

    static func fsckClean(_ repo: URL) -> RunResult? {
        let fsck = git(["fsck", "--strict", "--no-progress"], in: repo)
        return fsck.status == 0 && fsck.stdout.isEmpty && fsck.stderr.isEmpty ? nil : fsck
    }

    @Test("draft start creates draft/NAME at HEAD, switches to it and records its base; starting it again changes nothing")
    func draftStart() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let main = try gitOK(["rev-parse", "main"], in: repo)
            let started = run(["draft", "start", "update-2021"], in: repo)
            #expect(started.status == 0, "\(started)")
            #expect(started.stdout.contains("update-2021"), "\(started)")
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/draft/update-2021")
            #expect(try gitOK(["rev-parse", "draft/update-2021"], in: repo) == main)
            #expect(try gitOK(["rev-parse", "main"], in: repo) == main)
            #expect(try gitOK(["config", "branch.draft/update-2021.plantoolBase"], in: repo) == "main")
            #expect(try Self.drafts(in: repo) == "draft/update-2021")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")

            // Again, from the draft itself.
            let onDraft = try RepositoryState.of(repo)
            let again = run(["draft", "start", "update-2021"], in: repo)
            #expect(again.status != 0 && again.status < 128, "\(again)")
            #expect(again.stderr.contains("exists already"), "\(again)")
            #expect(try RepositoryState.of(repo) == onDraft)

            // Again, from main.
            try gitOK(["switch", "-q", "main"], in: repo)
            let onMain = try RepositoryState.of(repo)
            let fromMain = run(["draft", "start", "update-2021"], in: repo)
            #expect(fromMain.status != 0 && fromMain.status < 128, "\(fromMain)")
            #expect(fromMain.stderr.contains("exists already"), "\(fromMain)")
            #expect(try RepositoryState.of(repo) == onMain)
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
        }
    }

    @Test("draft list shows commits ahead and behind the base, and marks the current draft with '*'")
    func draftList() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let empty = run(["draft", "list"], in: repo)
            #expect(empty.status == 0, "\(empty)")
            #expect(empty.stdout.contains("no drafts"), "\(empty)")

            let tip = try Self.draftWithCommit("update-2021", changing: 2, in: repo)
            let short = try gitOK(["rev-parse", "--short=7", tip], in: repo)
            let list = run(["draft", "list"], in: repo)
            #expect(list.status == 0, "\(list)")
            let line = list.stdoutLines.first { $0.contains("update-2021") }
            #expect(line?.hasPrefix("* update-2021 ") == true, "\(list)")
            #expect(line?.contains("1 ahead, 0 behind main") == true, "\(list)")
            #expect(line?.contains("2021-12-07") == true, "\(list)")
            #expect(line?.contains(short) == true, "\(list)")
            #expect(line?.contains("Draft update-2021: recommendation 2") == true, "\(list)")

            // A second draft, started from main: it is now the current one.
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            try Self.plantoolOK(["draft", "start", "other"], in: repo)
            let two = run(["draft", "list"], in: repo)
            #expect(two.status == 0, "\(two)")
            #expect(two.stdoutLines.count == 2, "\(two)")
            let first = two.stdoutLines.first { $0.contains("update-2021") }
            let second = two.stdoutLines.first { $0.contains("other") }
            #expect(first?.hasPrefix("  update-2021 ") == true, "\(two)")
            #expect(first?.contains("1 ahead, 0 behind main") == true, "\(two)")
            #expect(second?.hasPrefix("* other ") == true, "\(two)")
            #expect(second?.contains("0 ahead, 0 behind main") == true, "\(two)")
            #expect(two.stdoutLines.filter { $0.hasPrefix("*") }.count == 1, "\(two)")

            // main moves on: the first draft is now one behind.
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            try Self.setAddressee("Purple Futures", of: 5, in: repo)
            try Self.plantoolOK(["commit", "-m", "Main moves on"], in: repo.appendingPathComponent("plan"))
            let three = run(["draft", "list"], in: repo)
            let behind = three.stdoutLines.first { $0.contains("update-2021") }
            #expect(behind?.contains("1 ahead, 1 behind main") == true, "\(three)")
            #expect(!three.stdout.contains("*"), "\(three)")
        }
    }

    @Test("draft switch goes to main and back; with an uncommitted change it refuses and names the file")
    func draftSwitch() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let file = Self.recommendation(2, in: repo)
            let originalText = GitFixture.text(of: file)
            try Self.draftWithCommit("update-2021", changing: 2, in: repo)
            let draftText = GitFixture.text(of: file)
            #expect(draftText != originalText)

            let toMain = run(["draft", "switch", "main"], in: repo)
            #expect(toMain.status == 0, "\(toMain)")
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
            #expect(GitFixture.text(of: file) == originalText)
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")

            let back = run(["draft", "switch", "update-2021"], in: repo)
            #expect(back.status == 0, "\(back)")
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/draft/update-2021")
            #expect(GitFixture.text(of: file) == draftText)
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")

            // An uncommitted change to a tracked file.
            try Self.setAddressee("Purple Futures", of: 2, in: repo, from: "addressee: Ministry of Justice")
            let dirtyText = GitFixture.text(of: file)
            let before = try RepositoryState.of(repo)
            let refused = run(["draft", "switch", "main"], in: repo)
            #expect(refused.status != 0 && refused.status < 128, "\(refused)")
            #expect(refused.stderr.contains("plan/recommendations/02.yaml"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/draft/update-2021")
            #expect(GitFixture.text(of: file) == dirtyText)

            // Staged, too.
            try gitOK(["add", "plan/recommendations/02.yaml"], in: repo)
            let stagedBefore = try RepositoryState.of(repo)
            let staged = run(["draft", "switch", "main"], in: repo)
            #expect(staged.status != 0 && staged.status < 128, "\(staged)")
            #expect(staged.stderr.contains("plan/recommendations/02.yaml"), "\(staged)")
            #expect(try RepositoryState.of(repo) == stagedBefore)
        }
    }

    @Test("draft finish fast-forwards main to the draft, ends on main and deletes the draft; --keep keeps it")
    func draftFinishFastForward() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let tip = try Self.draftWithCommit("update-2021", changing: 2, in: repo)
            let finished = run(["draft", "finish", "update-2021"], in: repo)
            #expect(finished.status == 0, "\(finished)")
            #expect(finished.stdout.contains("fast-forward"), "\(finished)")
            #expect(try gitOK(["rev-parse", "main"], in: repo) == tip)
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
            #expect(try Self.drafts(in: repo) == "")
            #expect(git(["config", "branch.draft/update-2021.plantoolBase"], in: repo).status != 0,
                    "the draft's base is still configured")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(GitFixture.text(of: Self.recommendation(2, in: repo))?.contains("addressee: Ministry of Justice") == true)
            #expect(try gitOK(["rev-list", "--count", "main"], in: repo) == "2")
            #expect(Self.fsckClean(repo) == nil)

            // --keep, finished from main this time.
            let kept = try Self.draftWithCommit("second", changing: 3, in: repo)
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            let keep = run(["draft", "finish", "second", "--keep"], in: repo)
            #expect(keep.status == 0, "\(keep)")
            #expect(try gitOK(["rev-parse", "main"], in: repo) == kept)
            #expect(try gitOK(["rev-parse", "draft/second"], in: repo) == kept)
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
            #expect(try Self.drafts(in: repo) == "draft/second")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(GitFixture.text(of: Self.recommendation(3, in: repo))?.contains("addressee: Ministry of Justice") == true)
        }
    }

    /// A draft changes recommendation 2 and main changes recommendation 3; finishes from `side`.
    static func mergeScenario(in dir: URL, finishingFrom side: String) throws -> (repo: URL, finish: RunResult, main: String, draft: String) {
        let repo = try GitFixture.repository(in: dir)
        let draftTip = try Self.draftWithCommit("update-2021", changing: 2, in: repo)
        try plantoolOK(["draft", "switch", "main"], in: repo)
        try setAddressee("Purple Futures", of: 3, in: repo)
        try plantoolOK(["commit", "-m", "Main: recommendation 3"], in: repo.appendingPathComponent("plan"))
        let mainTip = try gitOK(["rev-parse", "main"], in: repo)
        if side != "main" { try plantoolOK(["draft", "switch", side], in: repo) }
        let finish = run(["draft", "finish", "update-2021"], in: repo)
        return (repo, finish, mainTip, draftTip)
    }

    @Test("draft finish writes a merge commit when main and the draft changed different recommendations")
    func draftFinishMerge() throws {
        var ids: [String] = []
        for side in ["main", "main", "update-2021"] {
            try withTemporaryDirectory { dir in
                let (repo, finish, mainTip, draftTip) = try Self.mergeScenario(in: dir, finishingFrom: side)
                #expect(finish.status == 0, "from \(side): \(finish)")
                #expect(finish.stdout.contains("merge commit"), "\(finish)")
                let parents = try gitOK(["rev-list", "--parents", "-n", "1", "main"], in: repo).split(separator: " ").map(String.init)
                #expect(parents.count == 3, "\(parents)")
                #expect(Array(parents.dropFirst()) == [mainTip, draftTip], "\(parents)")
                #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
                #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == parents.first)
                #expect(try gitOK(["log", "-1", "--format=%s", "main"], in: repo) == "Merge draft 'update-2021' into main")
                #expect(GitFixture.text(of: Self.recommendation(2, in: repo))?.contains("addressee: Ministry of Justice") == true)
                #expect(GitFixture.text(of: Self.recommendation(3, in: repo))?.contains("addressee: Purple Futures") == true)
                #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
                #expect(try Self.drafts(in: repo) == "")
                #expect(Self.fsckClean(repo) == nil)
                let raw = try gitOK(["cat-file", "-p", "main"], in: repo)
                #expect(raw.contains("\n" + GitCommitTests.pinnedAuthor + "\n"), "\(raw)")
                #expect(raw.contains("\n" + GitCommitTests.pinnedCommitter + "\n"), "\(raw)")
                // The merge holds exactly what git's own merge would.
                #expect(try gitOK(["diff", "--name-only", mainTip, "main"], in: repo) == "plan/recommendations/02.yaml")
                #expect(try gitOK(["diff", "--name-only", draftTip, "main"], in: repo) == "plan/recommendations/03.yaml")
                #expect(try gitOK(["rev-parse", "main^{tree}"], in: repo)
                        == (try gitOK(["merge-tree", "--write-tree", mainTip, draftTip], in: repo)))
                ids.append(parents.first ?? "")
            }
        }
        #expect(ids.count == 3 && Set(ids).count == 1, "the same merge gave different commits: \(ids)")
    }

    @Test("draft finish when both sides changed the same recommendation names it and changes nothing")
    func draftFinishConflict() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.draftWithCommit("update-2021", changing: 2, in: repo)
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            try Self.setAddressee("Purple Futures", of: 2, in: repo)
            try Self.plantoolOK(["commit", "-m", "Main: recommendation 2"], in: repo.appendingPathComponent("plan"))

            for side in ["main", "update-2021"] {
                if side != "main" { try Self.plantoolOK(["draft", "switch", side], in: repo) }
                let before = try RepositoryState.of(repo)
                #expect(before.status == "")
                let finish = run(["draft", "finish", "update-2021"], in: repo)
                #expect(finish.status == 1, "from \(side): \(finish)")
                #expect(finish.stderr.contains("Recommendation 2"), "\(finish)")
                #expect(finish.stderr.contains("plan/recommendations/02.yaml"), "\(finish)")
                #expect(!finish.stderr.contains("Recommendation 3"), "\(finish)")
                #expect(try RepositoryState.of(repo) == before, "from \(side)")
                #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
                #expect(!exists(repo.appendingPathComponent(".git/MERGE_HEAD")))
            }
            #expect(Self.fsckClean(repo) == nil)
        }
    }

    @Test("draft finish with uncommitted changes refuses, names the file and changes nothing")
    func draftFinishDirty() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.draftWithCommit("update-2021", changing: 2, in: repo)
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            try Self.setAddressee("Purple Futures", of: 3, in: repo)
            let before = try RepositoryState.of(repo)
            let finish = run(["draft", "finish", "update-2021"], in: repo)
            #expect(finish.status != 0 && finish.status < 128, "\(finish)")
            #expect(finish.stderr.contains("plan/recommendations/03.yaml"), "\(finish)")
            #expect(try RepositoryState.of(repo) == before)

            // On the draft, too.
            try gitOK(["checkout", "-q", "--", "plan/recommendations/03.yaml"], in: repo)
            try Self.plantoolOK(["draft", "switch", "update-2021"], in: repo)
            try Self.setAddressee("Purple Futures", of: 4, in: repo)
            let onDraft = try RepositoryState.of(repo)
            let again = run(["draft", "finish", "update-2021"], in: repo)
            #expect(again.status != 0 && again.status < 128, "\(again)")
            #expect(again.stderr.contains("plan/recommendations/04.yaml"), "\(again)")
            #expect(try RepositoryState.of(repo) == onDraft)
        }
    }

    @Test("draft finish run from another draft ends on the base, clean and holding the result; the other draft is left as it was",
          arguments: [false, true])
    func draftFinishFromAnotherDraft(mainMoved: Bool) throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let c1 = try Self.draftWithCommit("c1", changing: 2, in: repo)
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            if mainMoved {
                try Self.setAddressee("Purple Futures", of: 4, in: repo)
                try Self.plantoolOK(["commit", "-m", "Main: recommendation 4"], in: repo.appendingPathComponent("plan"))
            }
            let c2 = try Self.draftWithCommit("c2", changing: 3, to: "National Probation Service", in: repo)
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/draft/c2")

            let finish = run(["draft", "finish", "c1"], in: repo)
            #expect(finish.status == 0, "\(finish)")
            #expect(finish.stdout.contains(mainMoved ? "merge commit" : "fast-forward"), "\(finish)")
            #expect(finish.stdout.contains("switched to main from draft/c2"), "\(finish)")
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
            let main = try gitOK(["rev-parse", "main"], in: repo)
            if mainMoved {
                #expect(try gitOK(["rev-parse", "main^2"], in: repo) == c1)
            } else {
                #expect(main == c1)
            }
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(try gitOK(["diff", "--name-only", "main"], in: repo) == "", "the working tree does not match main")
            #expect(GitFixture.text(of: Self.recommendation(2, in: repo))?.contains("addressee: Ministry of Justice") == true)
            #expect(GitFixture.text(of: Self.recommendation(3, in: repo))?.contains("addressee: National Probation Service") == false)
            #expect(try Self.drafts(in: repo) == "draft/c2")
            #expect(try gitOK(["rev-parse", "draft/c2"], in: repo) == c2)
            #expect(Self.fsckClean(repo) == nil)
        }
    }

    @Test("draft finish run from another draft with uncommitted changes refuses, names the file and changes nothing")
    func draftFinishFromAnotherDraftDirty() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.draftWithCommit("c1", changing: 2, in: repo)
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            try Self.draftWithCommit("c2", changing: 3, in: repo)
            try Self.setAddressee("Purple Futures", of: 4, in: repo)
            let before = try RepositoryState.of(repo)
            let finish = run(["draft", "finish", "c1"], in: repo)
            #expect(finish.status == 2, "\(finish)")
            #expect(finish.stderr.contains("plan/recommendations/04.yaml"), "\(finish)")
            #expect(finish.stderr.contains("nothing was changed"), "\(finish)")
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("draft finish on a detached HEAD ends on the base when a branch holds that commit, and refuses, changing nothing, when none does")
    func draftFinishFromDetachedHead() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let first = try gitOK(["rev-parse", "main"], in: repo)
            let c1 = try Self.draftWithCommit("c1", changing: 2, in: repo)
            try gitOK(["switch", "-q", "--detach", first], in: repo)
            let finish = run(["draft", "finish", "c1"], in: repo)
            #expect(finish.status == 0, "\(finish)")
            #expect(finish.stdout.contains("switched to main from the detached HEAD at"), "\(finish)")
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
            #expect(try gitOK(["rev-parse", "main"], in: repo) == c1)
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(try gitOK(["diff", "--name-only", "main"], in: repo) == "")

            // A commit made on the detached HEAD, which no branch holds, is not left behind.
            try Self.draftWithCommit("c2", changing: 3, in: repo)
            try gitOK(["switch", "-q", "--detach", "main"], in: repo)
            try Self.setAddressee("Purple Futures", of: 4, in: repo)
            try gitOK(["commit", "-q", "-a", "-m", "On a detached HEAD"], in: repo)
            let before = try RepositoryState.of(repo)
            let refused = run(["draft", "finish", "c2"], in: repo)
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("HEAD is detached at"), "\(refused)")
            #expect(refused.stderr.contains("no branch holds"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("draft discard refuses an unmerged draft without --force and the draft you are on")
    func draftDiscard() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let tip = try Self.draftWithCommit("update-2021", changing: 2, in: repo)
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)

            let before = try RepositoryState.of(repo)
            let refused = run(["draft", "discard", "update-2021"], in: repo)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("--force"), "\(refused)")
            #expect(refused.stderr.contains("1 commit not in main"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)
            #expect(try gitOK(["rev-parse", "draft/update-2021"], in: repo) == tip)

            let forced = run(["draft", "discard", "update-2021", "--force"], in: repo)
            #expect(forced.status == 0, "\(forced)")
            #expect(try Self.drafts(in: repo) == "")
            #expect(git(["config", "branch.draft/update-2021.plantoolBase"], in: repo).status != 0)
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
            #expect(try gitOK(["rev-parse", "main"], in: repo) != tip)
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")

            // The draft you are on: refused, even with --force.
            try Self.plantoolOK(["draft", "start", "current"], in: repo)
            let onIt = try RepositoryState.of(repo)
            for args in [["draft", "discard", "current"], ["draft", "discard", "current", "--force"]] {
                let result = run(args, in: repo)
                #expect(result.status != 0 && result.status < 128, "\(result)")
                #expect(result.stderr.contains("you are on the draft"), "\(result)")
                #expect(try RepositoryState.of(repo) == onIt)
            }

            // A draft with nothing unmerged goes without --force.
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            let merged = run(["draft", "discard", "current"], in: repo)
            #expect(merged.status == 0, "\(merged)")
            #expect(try Self.drafts(in: repo) == "")

            // An unknown draft.
            let unknown = run(["draft", "discard", "nope"], in: repo)
            #expect(unknown.status != 0 && unknown.status < 128, "\(unknown)")
            #expect(unknown.stderr.contains("no draft named 'nope'"), "\(unknown)")
        }
    }

    @Test("invalid draft names are refused and no branch is created")
    func draftInvalidNames() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let before = try RepositoryState.of(repo)
            let names = ["../x", "a b", "a..b", "x.lock", "x/", "a\u{7}b", "a\u{1B}b", "a\tb", ".x", "x//y", "x/.y", "x:y", "x~1", "x^", "x@{1}", "é"]
            for name in names {
                let result = run(["draft", "start", name], in: repo)
                #expect(result.status != 0 && result.status < 128, "\(name.debugDescription): \(result)")
                #expect(result.stderr.contains("not a valid draft name"), "\(name.debugDescription): \(result)")
                #expect(try Self.drafts(in: repo) == "", "\(name.debugDescription)")
            }
            // A leading '-' reaches plantool only after '--'; on its own it is an unknown option.
            let dashed = run(["draft", "start", "--", "-x"], in: repo)
            #expect(dashed.status != 0 && dashed.status < 128, "\(dashed)")
            #expect(dashed.stderr.contains("not a valid draft name"), "\(dashed)")
            let option = run(["draft", "start", "-x"], in: repo)
            #expect(option.status == 2, "\(option)")
            // The empty name.
            let empty = run(["draft", "start", ""], in: repo)
            #expect(empty.status != 0 && empty.status < 128, "\(empty)")
            #expect(empty.stderr.contains("not a valid draft name") || empty.status == 2, "\(empty)")
            #expect(try Self.drafts(in: repo) == "")

            // The other draft commands refuse such names as clearly.
            for command in ["switch", "finish", "discard"] {
                for name in ["../x", "a b", "a\u{7}b"] {
                    let result = run(["draft", command, name], in: repo)
                    #expect(result.status != 0 && result.status < 128, "\(command) \(name.debugDescription): \(result)")
                    #expect(result.stderr.contains("not a valid draft name"), "\(command) \(name.debugDescription): \(result)")
                }
            }
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("draft start on a detached HEAD refuses without --from, and works with --from main")
    func draftDetached() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let main = try gitOK(["rev-parse", "main"], in: repo)
            try gitOK(["switch", "-q", "--detach", "main"], in: repo)
            let before = try RepositoryState.of(repo)
            let refused = run(["draft", "start", "x"], in: repo)
            #expect(refused.status != 0 && refused.status < 128, "\(refused)")
            #expect(refused.stderr.contains("detached"), "\(refused)")
            #expect(refused.stderr.contains("--from"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)
            #expect(try Self.drafts(in: repo) == "")

            let started = run(["draft", "start", "x", "--from", "main"], in: repo)
            #expect(started.status == 0, "\(started)")
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/draft/x")
            #expect(try gitOK(["rev-parse", "draft/x"], in: repo) == main)
            #expect(try gitOK(["config", "branch.draft/x.plantoolBase"], in: repo) == "main")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
        }
    }

    @Test("a revision that does not exist: check --rev and draft start --from name it and change nothing")
    func missingRevision() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let before = try RepositoryState.of(repo)
            let check = run(["check", "--rev", "nope"], in: repo)
            #expect(check.status == 2, "\(check)")
            #expect(check.stderr.contains("'nope'"), "\(check)")

            let start = run(["draft", "start", "x", "--from", "nope"], in: repo)
            #expect(start.status != 0 && start.status < 128, "\(start)")
            #expect(start.stderr.contains("'nope'"), "\(start)")
            #expect(try Self.drafts(in: repo) == "")
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("in a bare repository plantool gives a clear error, not a crash")
    func bareRepository() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let bare = dir.appendingPathComponent("bare.git")
            try gitOK(["clone", "-q", "--bare", repo.path, bare.path], in: dir)
            let empty = dir.appendingPathComponent("empty.git")
            try gitOK(["init", "-q", "--bare", "-b", "main", empty.path], in: dir)
            let before = try gitOK(["for-each-ref", "--format=%(refname) %(objectname)"], in: bare)

            for folder in [bare, empty] {
                for args in [["check", "--staged"], ["check", "--rev", "HEAD"], ["commit", "-m", "x"], ["draft", "list"],
                             ["draft", "start", "x"]] {
                    let result = run(args, in: folder)
                    #expect(result.status != 0 && result.status < 128, "\(args) in \(folder.lastPathComponent): \(result)")
                    #expect(result.stderr.contains("bare"), "\(args) in \(folder.lastPathComponent): \(result)")
                }
            }
            #expect(try gitOK(["for-each-ref", "--format=%(refname) %(objectname)"], in: bare) == before)
            #expect(try gitOK(["for-each-ref"], in: empty) == "")
            let fsck = git(["fsck", "--strict", "--no-progress"], in: bare)
            #expect(fsck.status == 0, "\(fsck)")
        }
    }
    @Test("draft switch in a linked worktree to a branch checked out in another worktree refuses and changes nothing")
    func draftSwitchWorktree() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try gitOK(["worktree", "add", "-q", "../wt", "-b", "other"], in: repo)
            let wt = dir.appendingPathComponent("wt")
            try Self.draftWithCommit("wt-draft", changing: 2, in: wt)
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: wt) == "refs/heads/draft/wt-draft")
            let wtBefore = try RepositoryState.of(wt)
            let mainBefore = try RepositoryState.of(repo)

            // main is checked out in the main worktree: git itself refuses `git switch main` here.
            #expect(git(["switch", "main"], in: wt).status != 0)
            let result = run(["draft", "switch", "main"], in: wt)
            #expect(result.status != 0 && result.status < 128, "\(result)")
            let wtAfter = try RepositoryState.of(wt)
            #expect(wtAfter == wtBefore, "the linked worktree changed: \(wtAfter)")
            #expect(try gitOK(["status", "--porcelain"], in: wt) == "")
            #expect(try RepositoryState.of(repo) == mainBefore)
        }
    }

    @Test("draft finish in a linked worktree into a base checked out in another worktree changes nothing when it fails")
    func draftFinishWorktree() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try gitOK(["worktree", "add", "-q", "--detach", "../wt"], in: repo)
            let wt = dir.appendingPathComponent("wt")
            try Self.plantoolOK(["draft", "start", "wt-draft", "--from", "main"], in: wt)
            #expect(try gitOK(["config", "branch.draft/wt-draft.plantoolBase"], in: repo) == "main")
            try Self.setAddressee("Ministry of Justice", of: 2, in: wt)
            try Self.plantoolOK(["commit", "-m", "Draft in the worktree"], in: wt.appendingPathComponent("plan"))
            let main = try gitOK(["rev-parse", "main"], in: repo)
            let wtBefore = try RepositoryState.of(wt)
            let mainBefore = try RepositoryState.of(repo)

            let result = run(["draft", "finish", "wt-draft"], in: wt)
            #expect(result.status < 128, "\(result)")
            if result.status != 0 {
                // Refused: every branch and both worktrees as they were.
                #expect(try gitOK(["rev-parse", "main"], in: repo) == main, "main moved although finish failed: \(result)")
                #expect(try RepositoryState.of(wt) == wtBefore)
                #expect(try RepositoryState.of(repo) == mainBefore)
            }
            // Whatever happened, the main worktree (on main) must not be left with a tree that no
            // longer matches its HEAD.
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "", "the main worktree was left dirty: \(result)")
        }
    }

    @Test("draft finish of a draft checked out in another worktree: either done, or refused with nothing changed")
    func draftFinishCheckedOutElsewhere() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.draftWithCommit("elsewhere", changing: 2, in: repo)
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            try gitOK(["worktree", "add", "-q", "../wt", "draft/elsewhere"], in: repo)
            let wt = dir.appendingPathComponent("wt")
            let main = try gitOK(["rev-parse", "main"], in: repo)
            let before = try RepositoryState.of(repo)

            let result = run(["draft", "finish", "elsewhere"], in: repo)
            #expect(result.status < 128, "\(result)")
            if result.status == 0 {
                #expect(try gitOK(["rev-parse", "main"], in: repo) == (try gitOK(["rev-parse", "HEAD"], in: wt)))
            } else {
                #expect(try gitOK(["rev-parse", "main"], in: repo) == main, "main moved although finish failed: \(result)")
                #expect(try RepositoryState.of(repo) == before, "finish failed but changed the repository: \(result)")
            }
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "")
            #expect(try gitOK(["status", "--porcelain"], in: wt) == "")
        }
    }
    @Test("draft switch and finish refuse to overwrite an untracked file, changing nothing")
    func draftUntrackedFile() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.plantoolOK(["draft", "start", "new-rec"], in: repo)
            try write(Fixture.recommendationWithAction(9), to: "plan/recommendations/09.yaml", in: repo)
            try Self.plantoolOK(["commit", "-m", "Add recommendation 9"], in: repo.appendingPathComponent("plan"))
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            #expect(!exists(repo.appendingPathComponent("plan/recommendations/09.yaml")))

            // An untracked 09.yaml of the author's own, on main.
            let mine = Fixture.recommendationWithAction(9).replacingOccurrences(of: "status: agreed", with: "status: not-agreed")
            try write(mine, to: "plan/recommendations/09.yaml", in: repo)
            let before = try RepositoryState.of(repo)

            let toDraft = run(["draft", "switch", "new-rec"], in: repo)
            #expect(toDraft.status != 0 && toDraft.status < 128, "\(toDraft)")
            #expect(try RepositoryState.of(repo) == before)

            let finish = run(["draft", "finish", "new-rec"], in: repo)
            #expect(finish.status != 0 && finish.status < 128, "\(finish)")
            #expect(try RepositoryState.of(repo) == before)
            #expect(GitFixture.text(of: repo.appendingPathComponent("plan/recommendations/09.yaml")) == mine)
        }
    }
    @Test("draft finish that needs a merge commit but knows no identity refuses and changes nothing; --author works")
    func draftFinishMergeNoIdentity() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let draftTip = try Self.draftWithCommit("update-2021", changing: 2, in: repo)
            try Self.plantoolOK(["draft", "switch", "main"], in: repo)
            try Self.setAddressee("Purple Futures", of: 3, in: repo)
            try Self.plantoolOK(["commit", "-m", "Main: recommendation 3"], in: repo.appendingPathComponent("plan"))
            let mainTip = try gitOK(["rev-parse", "main"], in: repo)
            let noIdentity = ["GIT_AUTHOR_NAME": "", "GIT_AUTHOR_EMAIL": "", "GIT_COMMITTER_NAME": "", "GIT_COMMITTER_EMAIL": ""]
            let before = try RepositoryState.of(repo)

            let refused = run(["draft", "finish", "update-2021"], in: repo, env: noIdentity)
            #expect(refused.status != 0 && refused.status < 128, "\(refused)")
            #expect(refused.stderr.contains("user.name"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)

            // --author names the author; the committer still has to come from somewhere.
            try gitOK(["config", "user.name", "Config Person"], in: repo)
            try gitOK(["config", "user.email", "config@example.org"], in: repo)
            let merged = run(["draft", "finish", "update-2021", "--author", "Ann Other <ann@example.org>"], in: repo, env: noIdentity)
            #expect(merged.status == 0, "\(merged)")
            #expect(try gitOK(["log", "-1", "--format=%an <%ae>|%cn <%ce>|%P", "main"], in: repo)
                    == "Ann Other <ann@example.org>|Config Person <config@example.org>|\(mainTip) \(draftTip)")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
        }
    }
}
