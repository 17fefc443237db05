import Foundation
import Testing

/// A `draft finish` whose checkout is refused (a tracked file changed where the dirty check did
/// not see it) leaves no journal: nothing was written, and `commit` is not held up.
@Suite("draft finish refused by its checkout")
struct DraftFinishRefusedTests {
    @Test("a tracked file changed out of the dirty check's sight: refused, no journal, the change kept, commit works")
    func refusedCheckoutLeavesNoJournal() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            try GitDraftTests.plantoolOK(["draft", "start", "edit"], in: repo)
            try GitDraftTests.setAddressee("Draft Office", of: 3, in: repo)
            try GitDraftTests.plantoolOK(["commit", "-m", "Draft: 3"], in: plan)
            try GitDraftTests.plantoolOK(["draft", "switch", "main"], in: repo)
            try GitDraftTests.setAddressee("Main Office", of: 2, in: repo)
            try GitDraftTests.plantoolOK(["commit", "-m", "Main: 2"], in: plan)
            // The change the checkout would overwrite, hidden from the dirty check as a change
            // made after it would be.
            let three = GitDraftTests.recommendation(3, in: repo)
            try gitOK(["update-index", "--assume-unchanged", "plan/recommendations/03.yaml"], in: repo)
            try GitFixture.replace("addressee: ", with: "addressee: Local ", in: three)
            let refs = try gitOK(["for-each-ref", "--format=%(refname) %(objectname)"], in: repo)
            let files = GitFixture.workingTreeFiles(of: repo)

            let finish = run(["draft", "finish", "edit"], in: repo)
            #expect(finish.status == 2, "\(finish)")
            #expect(finish.stderr.contains("would be overwritten"), "\(finish)")
            #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/plantool-draft-finish").path))
            #expect(try gitOK(["for-each-ref", "--format=%(refname) %(objectname)"], in: repo) == refs)
            #expect(GitFixture.workingTreeFiles(of: repo) == files)

            // With the file seen again, commit takes it: no journal holds it up.
            try gitOK(["update-index", "--no-assume-unchanged", "plan/recommendations/03.yaml"], in: repo)
            let commit = run(["commit", "-m", "Local change"], in: plan)
            #expect(commit.status == 0, "\(commit)")
        }
    }
}
