import Foundation
import Testing

/// A file linted on its own is held to the file-name rules exactly when it sits in a plan's
/// recommendations/ folder, as `check` does.
@Suite("lint of a single file")
struct LintSingleFileTests {
    @Test("outside recommendations/ any name is fine; inside, the name must be the number")
    func fileNameRulesFollowTheFolder() throws {
        try withTemporaryDirectory { dir in
            try write(Fixture.recommendationWithAction(5), to: "drafts/draft.yaml", in: dir)
            let loose = run(["lint", "drafts/draft.yaml", "--as-of", "2024-01-01"], in: dir)
            #expect(loose.status == 0, "\(loose)")
            #expect(!loose.stdout.contains("[file-name]"), "\(loose)")
            let check = run(["check", "drafts/draft.yaml"], in: dir)
            #expect(check.status == 0, "\(check)")

            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: ["05.yaml": Fixture.recommendationWithAction(6)])
            let placed = run(["lint", "recommendations/05.yaml", "--as-of", "2024-01-01"], in: plan)
            #expect(placed.status == 1, "\(placed)")
            #expect(placed.stdout.contains("recommendations/05.yaml:2:9: error: number 6 does not match the file name 05.yaml"), "\(placed)")
            let placedCheck = run(["check", "recommendations/05.yaml"], in: plan)
            #expect(placedCheck.stdout.contains("[number-mismatch]"), "\(placedCheck)")
        }
    }
}
