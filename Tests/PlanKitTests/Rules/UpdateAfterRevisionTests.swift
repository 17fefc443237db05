import Testing
@testable import PlanKit

@Suite struct UpdateAfterRevisionTests {
    static let rule = "update-after-revision"

    /// plan.yaml with one revision, of 2024-03-07.
    static let revised = LintFixture.planYAML + "revisions:\n  - submitted: \"2024-03-07\"\n    title: Action Plan Update\n"

    /// One action with one update whose `date` is on line 12, column 9.
    static func recommendation(date: String) -> String {
        UpdateInFutureTests.recommendation(date: date)
    }

    @Test func anUpdateAfterTheLastRevisionIsAWarningAtItsDate() throws {
        let found = LintFixture.lint(Self.recommendation(date: "2024-04"), plan: Self.revised).of(Self.rule)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location == at(12, 9))
        #expect(diagnostic.message == "update of action 1.1 is dated 2024-04, after the plan's last revision (2024-03-07); record the round with `plantool revision start DATE`")
    }

    @Test(arguments: ["2024-03", "\"2024-03-07\"", "2024-02"])
    func anUpdateWithinTheLastRevisionIsFine(date: String) {
        #expect(LintFixture.lint(Self.recommendation(date: date), plan: Self.revised).of(Self.rule).isEmpty)
    }

    @Test func aPlanWithoutRevisionsIsNotChecked() {
        #expect(LintFixture.lint(Self.recommendation(date: "2024-05")).of(Self.rule).isEmpty)
    }
}
