import Foundation
import Testing

/// `plantool draft finish` keeps a journal in the git folder while it checks out the result and
/// moves the base. These tests leave a journal and a working tree as an interrupted finish
/// leaves them, written by hand in the form plantool writes, and check with the git CLI what
/// the next command does.
@Suite("git workflow: an interrupted draft finish and its journal")
struct DraftJournalTests {
    /// An interrupted finish of draft/update into main: main changed recommendation 3, the
    /// draft recommendation 2, and the merge of the two (made with the git CLI) is the result.
    struct Interrupted {
        var repo: URL
        var main: String
        var draft: String
        var result: String
        var journal: URL

        /// Recommendation 2 as the result has it.
        var newRecommendation2: Data { Data(git(["show", "\(result):plan/recommendations/02.yaml"], in: repo).stdout.utf8) }
    }

    static func journalText(draft: String = "update", base: String = "main", baseWas: String, result: String,
                            draftTip: String, head: String = "base", keep: Bool = false, headWas: String? = nil) -> String {
        """
        # plantool draft finish was interrupted while this file is here; `plantool draft finish NAME` completes it
        draft \(draft)
        base \(base)
        base-was \(baseWas)
        result \(result)
        draft-tip \(draftTip)
        head \(head)
        keep \(keep ? "yes" : "no")

        """ + (headWas.map { "head-was \($0)\n" } ?? "")
    }

    /// The repository as a finish leaves it when stopped in the middle of its checkout: the
    /// journal written, recommendation 2 (the one file the merge changes on main) half written.
    static func interrupted(in dir: URL) throws -> Interrupted {
        let (repo, main, draft) = try FaultTests.draftRepository(in: dir)
        let tree = try gitOK(["merge-tree", "--write-tree", "main", "draft/update"], in: repo)
        let result = try gitOK(["commit-tree", tree, "-p", "main", "-p", "draft/update", "-m", "Merge draft 'update' into main"], in: repo)
        let journal = repo.appendingPathComponent(".git/plantool-draft-finish")
        try Data(journalText(baseWas: main, result: result, draftTip: draft).utf8).write(to: journal)
        let state = Interrupted(repo: repo, main: main, draft: draft, result: result, journal: journal)
        try state.newRecommendation2.prefix(100).write(to: FaultTests.recommendation(2, in: repo))
        return state
    }

    @Test("draft finish completes an interrupted finish: the half-written file is written, main moves, the draft is deleted")
    func completes() throws {
        try withTemporaryDirectory { dir in
            let state = try Self.interrupted(in: dir)
            let finished = run(["draft", "finish", "update"], in: state.repo)
            #expect(finished.status == 0, "\(finished)")
            #expect(finished.stdout.contains("completed an interrupted draft finish of 'update' into main"), "\(finished)")
            #expect(try gitOK(["rev-parse", "main"], in: state.repo) == state.result)
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: state.repo) == "refs/heads/main")
            #expect(try GitDraftTests.drafts(in: state.repo) == "")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: state.repo) == "")
            #expect(bytes(of: FaultTests.recommendation(2, in: state.repo)).map { Data($0) } == state.newRecommendation2)
            #expect(!exists(state.journal))
            #expect(GitDraftTests.fsckClean(state.repo) == nil)
            // Nothing is left to complete.
            let again = run(["draft", "finish", "update"], in: state.repo)
            #expect(again.status != 0 && again.stderr.contains("no draft named 'update'"), "\(again)")
        }
    }

    @Test("draft finish completes an interrupted finish whichever draft it is asked to finish, then finishes that one")
    func completesBeforeAnotherDraft() throws {
        try withTemporaryDirectory { dir in
            let state = try Self.interrupted(in: dir)
            try gitOK(["branch", "draft/other", state.main], in: state.repo)
            let finished = run(["draft", "finish", "other"], in: state.repo)
            #expect(finished.status == 0, "\(finished)")
            #expect(finished.stdout.contains("completed an interrupted draft finish of 'update'"), "\(finished)")
            #expect(finished.stdout.contains("nothing to merge"), "\(finished)")
            #expect(try gitOK(["rev-parse", "main"], in: state.repo) == state.result)
            #expect(try GitDraftTests.drafts(in: state.repo) == "")
            #expect(!exists(state.journal))
        }
    }

    @Test("a journal whose base already moved to the result: draft finish does the rest of the cleanup")
    func completesCleanup() throws {
        try withTemporaryDirectory { dir in
            let state = try Self.interrupted(in: dir)
            try state.newRecommendation2.write(to: FaultTests.recommendation(2, in: state.repo))
            try gitOK(["update-ref", "refs/heads/main", state.result], in: state.repo)
            try gitOK(["read-tree", "main"], in: state.repo)
            let finished = run(["draft", "finish", "update"], in: state.repo)
            #expect(finished.status == 0, "\(finished)")
            #expect(finished.stdout.contains("completed an interrupted draft finish"), "\(finished)")
            #expect(try GitDraftTests.drafts(in: state.repo) == "")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: state.repo) == "")
            #expect(!exists(state.journal))
        }
    }

    @Test("completing refuses, naming the file and changing nothing, when another file has changes or the interrupted one holds something else")
    func dirtyFileRefuses() throws {
        try withTemporaryDirectory { dir in
            let state = try Self.interrupted(in: dir)
            try GitFixture.replace(FaultTests.original, with: "addressee: Someone Else", in: FaultTests.recommendation(5, in: state.repo))
            let before = try RepositoryState.of(state.repo)
            let refused = run(["draft", "finish", "update"], in: state.repo)
            #expect(refused.status != 0 && refused.status < 128, "\(refused)")
            #expect(refused.stderr.contains("plan/recommendations/05.yaml"), "\(refused)")
            #expect(!refused.stderr.contains("plan/recommendations/02.yaml"), "\(refused)")
            #expect(try RepositoryState.of(state.repo) == before)
            #expect(exists(state.journal))

            // The file the finish was writing, holding neither version nor a part of the new one.
            try gitOK(["checkout", "--", "plan/recommendations/05.yaml"], in: state.repo)
            try Data("number: 2\nsomething: else\n".utf8).write(to: FaultTests.recommendation(2, in: state.repo))
            let before2 = try RepositoryState.of(state.repo)
            let refused2 = run(["draft", "finish", "update"], in: state.repo)
            #expect(refused2.status != 0 && refused2.status < 128, "\(refused2)")
            #expect(refused2.stderr.contains("plan/recommendations/02.yaml"), "\(refused2)")
            #expect(try RepositoryState.of(state.repo) == before2)
            #expect(exists(state.journal))
        }
    }

    @Test("a finish started from another draft and interrupted in its checkout is completed: the file written, main moved, HEAD on main, the other draft kept")
    func completesFromAnotherDraft() throws {
        try withTemporaryDirectory { dir in
            let (repo, main, draft) = try FaultTests.draftRepository(in: dir)
            // HEAD on draft/other, at the commit both main and the draft started from.
            try gitOK(["switch", "-q", "-c", "draft/other", "main~1"], in: repo)
            let other = try gitOK(["rev-parse", "HEAD"], in: repo)
            let tree = try gitOK(["merge-tree", "--write-tree", "main", "draft/update"], in: repo)
            let result = try gitOK(["commit-tree", tree, "-p", "main", "-p", "draft/update", "-m", "Merge draft 'update' into main"], in: repo)
            let journal = repo.appendingPathComponent(".git/plantool-draft-finish")
            try Data(Self.journalText(baseWas: main, result: result, draftTip: draft, head: "other", headWas: other).utf8).write(to: journal)
            // The checkout from draft/other to the result stopped half way through recommendation 2.
            let new2 = Data(git(["show", "\(result):plan/recommendations/02.yaml"], in: repo).stdout.utf8)
            try new2.prefix(100).write(to: FaultTests.recommendation(2, in: repo))

            let finished = run(["draft", "finish", "update"], in: repo)
            #expect(finished.status == 0, "\(finished)")
            #expect(finished.stdout.contains("completed an interrupted draft finish of 'update' into main"), "\(finished)")
            #expect(try gitOK(["rev-parse", "main"], in: repo) == result)
            #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            #expect(try gitOK(["diff", "--name-only", "main"], in: repo) == "")
            #expect(try GitDraftTests.drafts(in: repo) == "draft/other")
            #expect(try gitOK(["rev-parse", "draft/other"], in: repo) == other)
            #expect(!exists(journal))
        }
    }

    @Test("completing refuses, changing nothing, when the base moved since the finish started")
    func movedBaseRefuses() throws {
        try withTemporaryDirectory { dir in
            let state = try Self.interrupted(in: dir)
            let other = try gitOK(["commit-tree", "main^{tree}", "-p", "main", "-m", "Another change"], in: state.repo)
            try gitOK(["update-ref", "refs/heads/main", other], in: state.repo)
            let before = try RepositoryState.of(state.repo)
            let refused = run(["draft", "finish", "update"], in: state.repo)
            #expect(refused.status != 0 && refused.status < 128, "\(refused)")
            #expect(refused.stderr.contains("main has moved"), "\(refused)")
            #expect(refused.stderr.contains(".git/plantool-draft-finish"), "\(refused)")
            #expect(try RepositoryState.of(state.repo) == before)
            #expect(exists(state.journal))
        }
    }

    @Test("draft start, switch, discard and commit refuse while a finish waits to be completed, naming the command that completes it")
    func otherCommandsRefuse() throws {
        try withTemporaryDirectory { dir in
            let state = try Self.interrupted(in: dir)
            try gitOK(["branch", "draft/other", state.main], in: state.repo)
            let before = try RepositoryState.of(state.repo)
            for (args, folder) in [(["draft", "start", "new"], ""), (["draft", "switch", "other"], ""),
                                   (["draft", "discard", "other"], ""), (["commit", "-m", "Too soon"], "plan")] {
                let refused = run(args, in: folder.isEmpty ? state.repo : state.repo.appendingPathComponent(folder))
                #expect(refused.status != 0 && refused.status < 128, "\(args): \(refused)")
                #expect(refused.stderr.contains("`plantool draft finish update`"), "\(args): \(refused)")
                #expect(try RepositoryState.of(state.repo) == before, "\(args)")
            }
            #expect(exists(state.journal))
        }
    }

    @Test("a journal that cannot be read is reported with its path and left in place")
    func corruptJournal() throws {
        try withTemporaryDirectory { dir in
            let state = try Self.interrupted(in: dir)
            try Data("draft update\nbase main\nresult not-a-commit\n".utf8).write(to: state.journal)
            let before = try RepositoryState.of(state.repo)
            for args in [["draft", "finish", "update"], ["draft", "start", "new"]] {
                let refused = run(args, in: state.repo)
                #expect(refused.status != 0 && refused.status < 128, "\(args): \(refused)")
                #expect(refused.stderr.contains(".git/plantool-draft-finish"), "\(args): \(refused)")
                #expect(refused.stderr.contains("cannot be read"), "\(args): \(refused)")
                #expect(try RepositoryState.of(state.repo) == before, "\(args)")
                #expect(exists(state.journal))
            }
        }
    }
}
