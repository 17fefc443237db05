import Foundation
import Testing

/// A plan in HM Inspectorate of Prisons' words, end to end: imported with the binary, then
/// exported and reported in those words.
@Suite("plantool speaks the plan's vocabulary")
struct PrisonsVocabularyTests {
    static let source = PackagePaths.root.appendingPathComponent("Tests/PlanImportTests/Fixtures/Prisons/northmoor-2019/source.txt")

    @Test("import declares the words; export and status use them")
    func importExportStatus() throws {
        try withTemporaryDirectory { dir in
            let imported = run(["import", Self.source.path, "--into", "plan"], in: dir)
            #expect(imported.status == 0, "\(imported)")
            let planFile = try String(contentsOf: dir.appendingPathComponent("plan/plan.yaml"), encoding: .utf8)
            #expect(planFile.contains("vocabulary:\n  agreed: Accepted\n  partly-agreed: Partly Accepted\n  not-agreed: Rejected\n"))
            let markdown = run(["export", "plan", "--format", "markdown"], in: dir)
            #expect(markdown.status == 0, "\(markdown)")
            #expect(markdown.stdout.contains("| 1 (S41) | Prisoners at risk of self-harm"))
            #expect(markdown.stdout.contains("| 3. Accepted/ Partly Accepted/ Rejected |"))
            #expect(markdown.stdout.contains("| **Recommendations** |"))
            let status = run(["status", "--plan", "plan"], in: dir)
            #expect(status.stdout.contains("5 recommendations: 3 accepted, 1 partly accepted, 1 rejected"), "\(status)")
        }
    }

    /// The pull-request comment speaks the plan's words too, when plan.yaml changes in the compared
    /// range and when it does not (then it is read from the newer revision).
    @Test("diff --format markdown says the plan's status words")
    func markdownDiffSpeaksThePlansWords() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let planFile = plan.appendingPathComponent("plan.yaml")
            let text = try String(contentsOf: planFile, encoding: .utf8)
            try Data((text + "vocabulary:\n  agreed: Accepted\n  partly-agreed: Partly Accepted\n  not-agreed: Rejected\n").utf8).write(to: planFile)
            try gitOK(["commit", "-q", "-am", "The plan speaks HMI Prisons' words"], in: repo)
            try GitFixture.replace("\nstatus: agreed\n", with: "\nstatus: partly-agreed\n", in: plan.appendingPathComponent("recommendations/01.yaml"))
            try gitOK(["commit", "-q", "-am", "Recommendation 1 partly accepted"], in: repo)
            for range in [["HEAD~1", "HEAD"], ["HEAD~2", "HEAD"]] {
                let markdown = run(["diff", "--format", "markdown"] + range, in: plan)
                #expect(markdown.status == 0, "\(markdown)")
                #expect(markdown.stdout.contains("Accepted → Partly Accepted"), "\(range): \(markdown.stdout)")
                #expect(!markdown.stdout.contains("Agreed"), "\(range): \(markdown.stdout)")
            }
        }
    }
}
