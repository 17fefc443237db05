import Foundation
import Testing
@testable import PlanKit

/// The bundled example plans are real plans: the linter finds no errors in them.
@Suite struct ExamplePlansLintTests {
    static let asOf = Day(year: 2026, month: 11, day: 22)!

    @Test func thereAreFourExamplePlans() {
        #expect(Paths.examplePlans.count == 4)
    }

    @Test(arguments: Paths.examplePlans)
    func anExamplePlanLintsWithoutErrors(plan: URL) {
        let files = PlanDirectory.files(of: plan, displayRoot: "examples/" + plan.lastPathComponent)
        #expect(files.recommendationFiles.count > 0)
        let diagnostics = Linter.lint(PlanLoader.load(files), asOf: Self.asOf)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }
}
