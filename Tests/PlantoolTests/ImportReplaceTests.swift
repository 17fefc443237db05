import Foundation
import Testing

/// `plantool import --replace` replaces the plan's files and nothing else: the other files a
/// team keeps in recommendations/ stay.
@Suite("plantool import --replace keeps other files")
struct ImportReplaceTests {
    @Test("--replace keeps README.md, .gitkeep and a folder in recommendations/, committed or not")
    func replaceKeepsOtherFiles() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let docx = dir.appendingPathComponent("plan.docx")
            #expect(run(["export", "-o", docx.path], in: plan).status == 0)
            try write("# Recommendations\n\nOne file per recommendation.\n", to: "recommendations/README.md", in: plan)
            try write("", to: "recommendations/.gitkeep", in: plan)
            try write("evidence\n", to: "recommendations/evidence/05.txt", in: plan)
            try gitOK(["add", "-A"], in: repo)
            try gitOK(["commit", "-q", "-m", "Notes beside the plan"], in: repo)
            // One more, never committed: it is not replaced, so it need not be recoverable.
            try write("draft notes\n", to: "recommendations/NOTES.txt", in: plan)

            let result = run(["import", docx.path, "--into", ".", "--replace"], in: plan)
            #expect(result.status == 0, "\(result)")
            let folder = plan.appendingPathComponent("recommendations")
            func text(_ name: String) -> String? {
                try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            }
            #expect(text("README.md") == "# Recommendations\n\nOne file per recommendation.\n")
            #expect(text(".gitkeep") == "")
            #expect(text("evidence/05.txt") == "evidence\n")
            #expect(text("NOTES.txt") == "draft notes\n")
            // git sees no file deleted: the plan came back as it was exported.
            let status = try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo)
            #expect(!status.contains(" D "), "\(status)")
            #expect(status == "?? plan/recommendations/NOTES.txt", "\(status)")
        }
    }
}
