import Foundation
import Testing

/// End-to-end tests of merging plan files: `plantool merge-driver` as git's merge driver (git
/// merge and git rebase through the real git CLI), and `plantool draft finish` when both sides
/// changed the same recommendation.
@Suite("git workflow: merging plan files")
struct MergeTests {
    static let file = "plan/recommendations/05.yaml"

    /// An update appended at the end of recommendation 5 (after action 5.1's last update).
    static func appendUpdate(date: String, text: String, state: String? = nil, in repo: URL) throws {
        let url = repo.appendingPathComponent(file)
        var content = try String(contentsOf: url, encoding: .utf8)
        content += "      - date: \(date)\n        text: \(text)\n" + (state.map { "        state: \($0)\n" } ?? "")
        try Data(content.utf8).write(to: url)
    }

    static func setTarget(_ target: String, in repo: URL) throws {
        try GitFixture.replace("    target: 2021-07\n", with: "    target: \(target)\n", in: repo.appendingPathComponent(file))
    }

    /// Configures the driver for plan files, as the README says.
    static func configureDriver(in repo: URL) throws {
        try Data("plan.yaml merge=plantool\n**/recommendations/*.yaml merge=plantool\n".utf8)
            .write(to: repo.appendingPathComponent(".gitattributes"))
        try gitOK(["add", ".gitattributes"], in: repo)
        try gitOK(["commit", "-q", "-m", "Merge plan files with plantool"], in: repo)
        try gitOK(["config", "merge.plantool.name", "plantool: plan files by structure"], in: repo)
        try gitOK(["config", "merge.plantool.driver", "\(GitFixture.plantoolPath) merge-driver %O %A %B %P"], in: repo)
    }

    /// main and branch `theirs` both append an update to action 5.1 (a text conflict for git's
    /// own merge); theirs also changes the addressee.
    static func divergingUpdates(in repo: URL) throws {
        try gitOK(["switch", "-q", "-c", "theirs"], in: repo)
        try appendUpdate(date: "2022-06", text: "The pilot is complete.", state: "completed", in: repo)
        try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                               in: repo.appendingPathComponent(file))
        try gitOK(["commit", "-q", "-am", "Theirs: June update"], in: repo)
        try gitOK(["switch", "-q", "main"], in: repo)
        try appendUpdate(date: "2022-03", text: "The pilot runs to June.", in: repo)
        try gitOK(["commit", "-q", "-am", "Main: March update"], in: repo)
    }

    @Test("git merge with the driver merges both sides' updates of one action, commits, and the plan lints clean")
    func gitMergeClean() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.divergingUpdates(in: repo)

            // Without the driver, git's line merge stops on the two appended updates.
            let plain = git(["merge", "--no-edit", "theirs"], in: repo)
            #expect(plain.status == 1, "\(plain)")
            try gitOK(["merge", "--abort"], in: repo)

            try Self.configureDriver(in: repo)
            let merge = git(["merge", "--no-edit", "theirs"], in: repo)
            #expect(merge.status == 0, "\(merge)")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(try gitOK(["rev-list", "--parents", "-n", "1", "HEAD"], in: repo).split(separator: " ").count == 3)
            let text = try #require(GitFixture.text(of: repo.appendingPathComponent(Self.file)))
            #expect(text.contains("addressee: Ministry of Justice"))
            let march = try #require(text.range(of: "The pilot runs to June."))
            let june = try #require(text.range(of: "The pilot is complete."))
            #expect(march.lowerBound < june.lowerBound, "updates in date order:\n\(text)")
            #expect(!text.contains("plantool: conflict"))

            let plan = repo.appendingPathComponent("plan")
            let lint = run(["lint", "--as-of", "2022-12-01"], in: plan)
            #expect(lint.status == 0, "\(lint)")
            #expect(!lint.stdout.contains("error"), "\(lint)")
            let fmt = run(["fmt", "--check"], in: plan)
            #expect(fmt.status == 0, "\(fmt)")
            let diff = run(["diff", "HEAD~1", "HEAD", "--format", "json"], in: plan)
            #expect(diff.status == 0, "\(diff)")
        }
    }

    @Test("git rebase with the driver replays a commit onto a branch that changed the same action")
    func gitRebaseClean() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.configureDriver(in: repo)
            try Self.divergingUpdates(in: repo)
            try gitOK(["switch", "-q", "theirs"], in: repo)
            let rebase = git(["rebase", "main"], in: repo)
            #expect(rebase.status == 0, "\(rebase)")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            let text = try #require(GitFixture.text(of: repo.appendingPathComponent(Self.file)))
            #expect(text.contains("The pilot runs to June.") && text.contains("The pilot is complete."), "\(text)")
            let lint = run(["lint", "--as-of", "2022-12-01"], in: repo.appendingPathComponent("plan"))
            #expect(lint.status == 0, "\(lint)")
        }
    }

    @Test("a true conflict: git stops, the file still reads as a plan, and plantool lint flags it until settled")
    func gitMergeConflict() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.configureDriver(in: repo)
            try gitOK(["switch", "-q", "-c", "theirs"], in: repo)
            try Self.setTarget("2021-10", in: repo)
            try gitOK(["commit", "-q", "-am", "Theirs: October"], in: repo)
            try gitOK(["switch", "-q", "main"], in: repo)
            try Self.setTarget("2021-09", in: repo)
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                                   in: repo.appendingPathComponent(Self.file))
            try gitOK(["commit", "-q", "-am", "Main: September"], in: repo)

            let merge = git(["merge", "--no-edit", "theirs"], in: repo)
            #expect(merge.status == 1, "\(merge)")
            #expect(merge.stderr.contains("actions[5.1].target"), "\(merge)")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "UU \(Self.file)")
            #expect(exists(repo.appendingPathComponent(".git/MERGE_HEAD")))

            let url = repo.appendingPathComponent(Self.file)
            let text = try #require(GitFixture.text(of: url))
            #expect(!text.contains("<<<<<<<"))
            #expect(text.contains("# plantool: conflict actions[5.1].target: ours \"2021-09\", theirs \"2021-10\""), "\(text)")
            #expect(text.contains("    target: 2021-09\n"))
            #expect(text.contains("addressee: Ministry of Justice"))

            let plan = repo.appendingPathComponent("plan")
            let check = run(["check"], in: plan)
            #expect(check.status == 0, "the file still reads as a plan: \(check)")
            let lint = run(["lint", "--as-of", "2021-12-08"], in: plan)
            #expect(lint.status == 1, "\(lint)")
            let line = try GitFixture.line(startingWith: "    target: 2021-09", in: url)
            #expect(lint.stdout.contains("recommendations/05.yaml:\(line):5: error: merge conflict in actions[5.1].target"), "\(lint)")
            #expect(lint.stdout.contains("[merge-conflict]"), "\(lint)")
            // fmt keeps the marker.
            #expect(run(["fmt", "--check"], in: plan).status == 0)
            // The pre-commit check refuses it staged, too.
            try gitOK(["add", Self.file], in: repo)
            #expect(run(["lint", "--staged", "--as-of", "2021-12-08"], in: plan).status == 1)

            // Settled: theirs' target, marker deleted.
            var settled = text.replacingOccurrences(of: "    target: 2021-09\n", with: "    target: 2021-10\n")
            settled = settled.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("# plantool: conflict") }.joined(separator: "\n")
            try Data(settled.utf8).write(to: url)
            #expect(run(["lint", "--as-of", "2021-12-08"], in: plan).status == 0)
            try gitOK(["add", Self.file], in: repo)
            try gitOK(["commit", "-q", "--no-edit"], in: repo)
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "")
        }
    }

    @Test("merge-driver on a file that is not a plan file merges it as git does, with conflict markers")
    func driverTextFallback() throws {
        try withTemporaryDirectory { dir in
            let base = dir.appendingPathComponent("o"), ours = dir.appendingPathComponent("a"), theirs = dir.appendingPathComponent("b")
            try Data("one\ntwo\nthree\nfour\nfive\n".utf8).write(to: base)
            try Data("one\nTWO\nthree\nfour\nfive\n".utf8).write(to: ours)
            try Data("one\ntwo\nthree\nfour\nFIVE\n".utf8).write(to: theirs)
            let clean = run(["merge-driver", base.path, ours.path, theirs.path, "notes/readme.txt"], in: dir)
            #expect(clean.status == 0, "\(clean)")
            #expect(GitFixture.text(of: ours) == "one\nTWO\nthree\nfour\nFIVE\n")

            try Data("one\nzwei\nthree\nfour\nfive\n".utf8).write(to: ours)
            try Data("one\ndeux\nthree\nfour\nfive\n".utf8).write(to: theirs)
            let conflict = run(["merge-driver", base.path, ours.path, theirs.path, "notes/readme.txt"], in: dir)
            #expect(conflict.status == 1, "\(conflict)")
            let text = GitFixture.text(of: ours) ?? ""
            #expect(text.contains("<<<<<<<") && text.contains(">>>>>>>"), "\(text)")
        }
    }

    @Test("merge-driver with a side that is not a readable plan file exits 1 and merges as text")
    func driverUnreadableSide() throws {
        try withTemporaryDirectory { dir in
            let example = PackagePaths.examples.appendingPathComponent("recall-culture-2020/recommendations/05.yaml")
            let original = try #require(GitFixture.text(of: example))
            let base = dir.appendingPathComponent("o"), ours = dir.appendingPathComponent("a"), theirs = dir.appendingPathComponent("b")
            try Data(original.utf8).write(to: base)
            try Data(original.replacingOccurrences(of: "status: agreed", with: "status: maybe").utf8).write(to: ours)
            try Data(original.replacingOccurrences(of: "addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice").utf8).write(to: theirs)
            let result = run(["merge-driver", base.path, ours.path, theirs.path, "plan/recommendations/05.yaml"], in: dir)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("ours version cannot be read"), "\(result)")
            let text = GitFixture.text(of: ours) ?? ""
            #expect(text.contains("status: maybe") && text.contains("addressee: Ministry of Justice"), "\(text)")
        }
    }

    @Test("draft finish merges a recommendation both sides changed, field by field, into one canonical merge commit")
    func draftFinishMerges() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            try GitDraftTests.plantoolOK(["draft", "start", "update"], in: repo)
            try Self.appendUpdate(date: "2022-06", text: "The pilot is complete.", state: "completed", in: repo)
            try GitDraftTests.plantoolOK(["commit", "-m", "Draft: June update"], in: plan)
            let draftTip = try gitOK(["rev-parse", "draft/update"], in: repo)
            try GitDraftTests.plantoolOK(["draft", "switch", "main"], in: repo)
            try Self.appendUpdate(date: "2022-03", text: "The pilot runs to June.", in: repo)
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                                   in: repo.appendingPathComponent(Self.file))
            try GitDraftTests.plantoolOK(["commit", "-m", "Main: March update"], in: plan)
            let mainTip = try gitOK(["rev-parse", "main"], in: repo)

            let finish = run(["draft", "finish", "update"], in: repo)
            #expect(finish.status == 0, "\(finish)")
            #expect(finish.stdout.contains("merge commit"), "\(finish)")
            #expect(try gitOK(["rev-parse", "main^1", "main^2"], in: repo) == mainTip + "\n" + draftTip)
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(try GitDraftTests.drafts(in: repo) == "")
            #expect(GitDraftTests.fsckClean(repo) == nil)
            let text = try #require(GitFixture.text(of: repo.appendingPathComponent(Self.file)))
            #expect(text.contains("addressee: Ministry of Justice"))
            let march = try #require(text.range(of: "The pilot runs to June."))
            let june = try #require(text.range(of: "The pilot is complete."))
            #expect(march.lowerBound < june.lowerBound)
            #expect(try gitOK(["show", "main:" + Self.file], in: repo) + "\n" == text)
            #expect(run(["fmt", "--check"], in: plan).status == 0)
            #expect(run(["lint", "--as-of", "2022-12-01"], in: plan).status == 0)
        }
    }

    /// On the current branch: recommendation 5 renumbered 9 (its file renamed, its action id
    /// 5.1 now 9.1), committed with git.
    static func renumberFiveToNine(in repo: URL) throws {
        try gitOK(["mv", Self.file, "plan/recommendations/09.yaml"], in: repo)
        let url = repo.appendingPathComponent("plan/recommendations/09.yaml")
        try GitFixture.replace("\nnumber: 5\n", with: "\nnumber: 9\n", in: url)
        try GitFixture.replace("  - id: \"5.1\"\n", with: "  - id: \"9.1\"\n", in: url)
        try gitOK(["commit", "-q", "-am", "Recommendation 5 is now 9"], in: repo)
    }

    @Test("a recommendation renumbered on one side merges with the other side's edit: draft finish and git merge")
    func renumbered() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.configureDriver(in: repo)
            try GitDraftTests.plantoolOK(["draft", "start", "renumber"], in: repo)
            try Self.renumberFiveToNine(in: repo)
            try gitOK(["branch", "renumber-copy"], in: repo)
            try GitDraftTests.plantoolOK(["draft", "switch", "main"], in: repo)
            try Self.setTarget("2021-09", in: repo)
            try gitOK(["commit", "-q", "-am", "Main: September"], in: repo)
            try gitOK(["branch", "main-copy"], in: repo)

            let finish = run(["draft", "finish", "renumber"], in: repo)
            #expect(finish.status == 0, "\(finish)")
            #expect(!exists(repo.appendingPathComponent(Self.file)))
            let text = try #require(GitFixture.text(of: repo.appendingPathComponent("plan/recommendations/09.yaml")))
            #expect(text.contains("\nnumber: 9\n") && text.contains("  - id: \"9.1\"\n") && text.contains("    target: 2021-09\n"), "\(text)")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(try gitOK(["ls-tree", "--name-only", "main", "plan/recommendations/"], in: repo).split(separator: "\n").count == 8)
            #expect(GitDraftTests.fsckClean(repo) == nil)

            // git merge with the driver gives the same file.
            try gitOK(["switch", "-q", "main-copy"], in: repo)
            let merge = git(["merge", "--no-edit", "renumber-copy"], in: repo)
            #expect(merge.status == 0, "\(merge)")
            #expect(GitFixture.text(of: repo.appendingPathComponent("plan/recommendations/09.yaml")) == text)
            #expect(!exists(repo.appendingPathComponent(Self.file)))
        }
    }

    @Test("draft finish with a field changed in two ways names the recommendation, the field and both values, and changes nothing")
    func draftFinishConflict() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            try GitDraftTests.plantoolOK(["draft", "start", "update"], in: repo)
            try Self.setTarget("2021-10", in: repo)
            try Self.appendUpdate(date: "2022-06", text: "Done.", in: repo)
            try GitDraftTests.plantoolOK(["commit", "-m", "Draft: October"], in: plan)
            try GitDraftTests.plantoolOK(["draft", "switch", "main"], in: repo)
            try Self.setTarget("2021-09", in: repo)
            try GitDraftTests.setAddressee("Purple Futures", of: 3, in: repo)
            try GitDraftTests.plantoolOK(["commit", "-m", "Main: September"], in: plan)

            let before = try RepositoryState.of(repo)
            let log = try gitOK(["log", "--all", "--oneline"], in: repo)
            let finish = run(["draft", "finish", "update"], in: repo)
            #expect(finish.status == 1, "\(finish)")
            #expect(finish.stderr.contains("Recommendation 5 (plan/recommendations/05.yaml)"), "\(finish)")
            #expect(finish.stderr.contains("actions[5.1].target: main \"2021-09\", the draft \"2021-10\""), "\(finish)")
            #expect(!finish.stderr.contains("Recommendation 3"), "\(finish)")
            #expect(try RepositoryState.of(repo) == before)
            #expect(try gitOK(["log", "--all", "--oneline"], in: repo) == log)
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(GitDraftTests.fsckClean(repo) == nil)
        }
    }
}
