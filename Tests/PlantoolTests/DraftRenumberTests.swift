import Foundation
import Testing

/// `draft finish` when the draft and its base renumbered one recommendation to two different
/// numbers: it says so, and changes nothing.
@Suite("draft finish: one recommendation renumbered two ways")
struct DraftRenumberTests {
    /// On the current branch: recommendation 5 renumbered `to` (its file renamed, its action id
    /// 5.1 renamed with it), committed with git.
    static func renumberFive(to number: Int, in repo: URL) throws {
        let name = String(format: "plan/recommendations/%02d.yaml", number)
        try gitOK(["mv", MergeTests.file, name], in: repo)
        let url = repo.appendingPathComponent(name)
        try GitFixture.replace("\nnumber: 5\n", with: "\nnumber: \(number)\n", in: url)
        try GitFixture.replace("  - id: \"5.1\"\n", with: "  - id: \"\(number).1\"\n", in: url)
        try gitOK(["commit", "-q", "-am", "Recommendation 5 is now \(number)"], in: repo)
    }

    @Test("renumbered to 12 on main and to 14 on the draft: named, and every branch and file left as it was")
    func renumberedTwoWays() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try GitDraftTests.plantoolOK(["draft", "start", "renumber"], in: repo)
            try Self.renumberFive(to: 14, in: repo)
            try GitDraftTests.plantoolOK(["draft", "switch", "main"], in: repo)
            try Self.renumberFive(to: 12, in: repo)
            let refs = try gitOK(["for-each-ref", "--format=%(refname) %(objectname)"], in: repo)
            let files = GitFixture.workingTreeFiles(of: repo)

            let finish = run(["draft", "finish", "renumber"], in: repo)
            #expect(finish.status == 1, "\(finish)")
            #expect(finish.stderr.contains("Recommendation 5 (plan/recommendations/05.yaml)"), "\(finish)")
            #expect(finish.stderr.contains(
                "renumbered to 12 in main (plan/recommendations/12.yaml) and to 14 in the draft (plan/recommendations/14.yaml)"), "\(finish)")
            #expect(!finish.stderr.contains("not a plan file plantool merges"), "\(finish)")
            #expect(finish.stderr.contains("nothing was changed"), "\(finish)")
            #expect(try gitOK(["for-each-ref", "--format=%(refname) %(objectname)"], in: repo) == refs)
            #expect(GitFixture.workingTreeFiles(of: repo) == files)
            #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
            // No journal: the next commit is not held up.
            #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/plantool-draft-finish").path))
        }
    }
}
