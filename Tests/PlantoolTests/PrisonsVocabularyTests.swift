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
}
