import Foundation
import Testing

/// End-to-end: merges never lose a side. Two new actions of one id are both kept (`draft
/// finish` and `git merge` with the driver), a recommendation's status, implemented part and
/// reason changed both ways is a conflict, theirs' directives are kept, and a comment a merge
/// would lose stops it.
@Suite("git workflow: merges keep both sides")
struct MergeSidesTests {
    static let file = MergeTests.file

    /// Appends action 5.2 to recommendation 5 (after action 5.1's update).
    static func addAction(text: String, owner: String, target: String, in repo: URL) throws {
        let url = repo.appendingPathComponent(file)
        let content = try #require(GitFixture.text(of: url))
        try Data((content + "  - id: \"5.2\"\n    text: \(text)\n    owners:\n      - \(owner)\n    target: \(target)\n").utf8).write(to: url)
    }

    static func mainAndDraftAddAction52(in repo: URL) throws {
        let plan = repo.appendingPathComponent("plan")
        try GitDraftTests.plantoolOK(["draft", "start", "second"], in: repo)
        try addAction(text: "Publish the revised Part B guidance.", owner: "Head of Public Protection Policy", target: "2022-06", in: repo)
        try GitDraftTests.plantoolOK(["commit", "-m", "Draft: action 5.2, the guidance"], in: plan)
        try GitDraftTests.plantoolOK(["draft", "switch", "main"], in: repo)
        try addAction(text: "Train report writers in the 15-day timescale.", owner: "Head of Learning and Development", target: "2022-09", in: repo)
        try GitDraftTests.plantoolOK(["commit", "-m", "Main: action 5.2, training"], in: plan)
    }

    static func ids(in text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("  - id: ") }.map { String($0.dropFirst(8)) }
    }

    @Test("draft finish: main and the draft both added action 5.2: both kept, the draft's as 5.3, and it says so")
    func draftFinishKeepsBothNewActions() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.mainAndDraftAddAction52(in: repo)
            let finish = run(["draft", "finish", "second"], in: repo)
            #expect(finish.status == 0, "\(finish)")
            #expect(finish.stdout.contains("Recommendation 5 (plan/recommendations/05.yaml): main and the draft both added action 5.2; the draft's is kept as 5.3\n"), "\(finish)")
            #expect(finish.stdout.contains("merge commit"), "\(finish)")
            let text = try #require(GitFixture.text(of: repo.appendingPathComponent(Self.file)))
            #expect(Self.ids(in: text) == ["\"5.1\"", "\"5.2\"", "\"5.3\""], "\(text)")
            #expect(text.contains("  - id: \"5.2\"\n    text: Train report writers in the 15-day timescale.\n"), "\(text)")
            #expect(text.contains("  - id: \"5.3\"\n    text: Publish the revised Part B guidance.\n"), "\(text)")
            #expect(try gitOK(["log", "--format=%s", "-1", "main"], in: repo) == "Merge draft 'second' into main")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(GitDraftTests.fsckClean(repo) == nil)
            let lint = run(["lint", "--as-of", "2021-12-08"], in: repo.appendingPathComponent("plan"))
            #expect(lint.status == 0, "\(lint)")
        }
    }

    @Test("a finish that fails after the merge (an author git would refuse) does not say an action was kept under a new id")
    func failedFinishSaysNothingOfTheMerge() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.mainAndDraftAddAction52(in: repo)
            let mainWas = try gitOK(["rev-parse", "main"], in: repo)
            let finish = run(["draft", "finish", "second"], in: repo, env: ["GIT_AUTHOR_NAME": "Ann <ann@x"])
            #expect(finish.status != 0, "\(finish)")
            #expect(!(finish.stdout + finish.stderr).contains("is kept as"), "\(finish)")
            #expect(try gitOK(["rev-parse", "main"], in: repo) == mainWas)
        }
    }

    @Test("git merge with the driver: both new actions 5.2 kept, theirs as 5.3, and the driver says so on stderr")
    func driverKeepsBothNewActions() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try MergeTests.configureDriver(in: repo)
            try Self.mainAndDraftAddAction52(in: repo)
            let merge = git(["merge", "--no-edit", "draft/second"], in: repo)
            #expect(merge.status == 0, "\(merge)")
            #expect(merge.stderr.contains("plantool: plan/recommendations/05.yaml: both sides added action 5.2; theirs is kept as 5.3"), "\(merge)")
            let text = try #require(GitFixture.text(of: repo.appendingPathComponent(Self.file)))
            #expect(Self.ids(in: text) == ["\"5.1\"", "\"5.2\"", "\"5.3\""], "\(text)")
            #expect(text.contains("  - id: \"5.3\"\n    text: Publish the revised Part B guidance.\n"), "\(text)")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(GitDraftTests.fsckClean(repo) == nil)
        }
    }

    /// Recommendation 5 partly agreed on main; then the draft edits its implemented part while
    /// main makes it not agreed (no implemented part, another reason).
    static func stanceBothWays(in repo: URL) throws {
        let plan = repo.appendingPathComponent("plan")
        let url = repo.appendingPathComponent(Self.file)
        try GitFixture.replace("status: agreed\n", with: "status: partly-agreed\nimplemented-part: The review of timescales\nreason:\n  categories: [affordability]\n  text: Resourcing will need to be balanced.\n", in: url)
        try GitDraftTests.plantoolOK(["commit", "-m", "Recommendation 5 partly agreed"], in: plan)
        try GitDraftTests.plantoolOK(["draft", "start", "part"], in: repo)
        try GitFixture.replace("implemented-part: The review of timescales\n", with: "implemented-part: The review of timescales and of training\n", in: url)
        try GitDraftTests.plantoolOK(["commit", "-m", "Draft: more is implemented"], in: plan)
        try GitDraftTests.plantoolOK(["draft", "switch", "main"], in: repo)
        try GitFixture.replace("status: partly-agreed\nimplemented-part: The review of timescales\n", with: "status: not-agreed\n", in: url)
        try GitFixture.replace("  categories: [affordability]\n  text: Resourcing will need to be balanced.\n", with: "  categories: [policy]\n  text: Not government policy.\n", in: url)
        try gitOK(["commit", "-q", "-am", "Main: not agreed"], in: repo)
    }

    @Test("status, implemented part and reason changed both ways: a conflict on each field they differ on (draft finish and git merge)")
    func stanceConflict() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.stanceBothWays(in: repo)
            let before = try RepositoryState.of(repo)
            let finish = run(["draft", "finish", "part"], in: repo)
            #expect(finish.status == 1, "\(finish)")
            for line in ["    status: main \"not-agreed\", the draft \"partly-agreed\"",
                         "    implemented-part: main (none), the draft \"The review of timescales and of training\"",
                         "    reason.categories: main \"policy\", the draft \"affordability\"",
                         "    reason.text: main \"Not government policy.\", the draft \"Resourcing will need to be balanced.\""] {
                #expect(finish.stderr.contains(line + "\n"), "\(finish)")
            }
            #expect(try RepositoryState.of(repo) == before)

            try MergeTests.configureDriver(in: repo)
            let merge = git(["merge", "--no-edit", "draft/part"], in: repo)
            #expect(merge.status == 1, "\(merge)")
            #expect(merge.stderr.contains("  implemented-part: ours (none), theirs \"The review of timescales and of training\""), "\(merge)")
            let text = try #require(GitFixture.text(of: repo.appendingPathComponent(Self.file)))
            #expect(text.contains("# plantool: conflict status: ours \"not-agreed\", theirs \"partly-agreed\"\n"), "\(text)")
            #expect(text.contains("\nstatus: not-agreed\n") && !text.contains("\nimplemented-part:"), "\(text)")
        }
    }

    @Test("the driver keeps a directive theirs added")
    func driverKeepsTheirDirective() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try MergeTests.configureDriver(in: repo)
            try gitOK(["switch", "-q", "-c", "theirs"], in: repo)
            try GitFixture.replace("  - id: \"5.1\"\n", with: "  - id: \"5.1\"  # plantool: disable=action-measurable\n", in: repo.appendingPathComponent(Self.file))
            try gitOK(["commit", "-q", "-am", "Theirs: a directive"], in: repo)
            try gitOK(["switch", "-q", "main"], in: repo)
            try MergeTests.setTarget("2021-09", in: repo)
            try gitOK(["commit", "-q", "-am", "Main: September"], in: repo)
            let merge = git(["merge", "--no-edit", "theirs"], in: repo)
            #expect(merge.status == 0, "\(merge)")
            let text = try #require(GitFixture.text(of: repo.appendingPathComponent(Self.file)))
            #expect(text.contains("  - id: \"5.1\"  # plantool: disable=action-measurable\n") && text.contains("    target: 2021-09\n"), "\(text)")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
        }
    }

    @Test("a comment that is not a directive: the driver exits 1, merges as text and says why; draft finish refuses and changes nothing")
    func foreignCommentRefused() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            try GitDraftTests.plantoolOK(["draft", "start", "note"], in: repo)
            try GitFixture.replace("status: agreed\n", with: "# ask Ann before December\nstatus: agreed\n", in: repo.appendingPathComponent(Self.file))
            let line = try GitFixture.line(startingWith: "# ask Ann", in: repo.appendingPathComponent(Self.file))
            try gitOK(["commit", "-q", "-am", "Draft: a comment"], in: repo)
            try GitDraftTests.plantoolOK(["draft", "switch", "main"], in: repo)
            try MergeTests.setTarget("2021-09", in: repo)
            try GitDraftTests.plantoolOK(["commit", "-m", "Main: September"], in: plan)

            let before = try RepositoryState.of(repo)
            let finish = run(["draft", "finish", "note"], in: repo)
            #expect(finish.status == 1, "\(finish)")
            #expect(finish.stderr.contains("    the draft, line \(line): \"# ask Ann before December\" is not a '# plantool:' directive, and a merged plan file keeps only the modeline and directives"), "\(finish)")
            #expect(try RepositoryState.of(repo) == before)

            try MergeTests.configureDriver(in: repo)
            let merge = git(["merge", "--no-edit", "draft/note"], in: repo)
            #expect(merge.status == 1, "\(merge)")
            #expect(merge.stderr.contains("plantool: plan/recommendations/05.yaml: conflict: merged as text, not by structure, so that nothing a side holds is lost; check the file:\n  theirs, line \(line): \"# ask Ann before December\" is not a '# plantool:' directive"), "\(merge)")
            let text = try #require(GitFixture.text(of: repo.appendingPathComponent(Self.file)))
            #expect(text.contains("# ask Ann before December\n") && text.contains("    target: 2021-09\n"), "\(text)")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "UU \(Self.file)")
        }
    }
}
