import Testing
@testable import PlanKit

@Suite struct UpdateInFutureTests {
    static let rule = "update-in-future"

    /// One action with one update whose `date` is on line 12, column 9.
    static func recommendation(date: String) -> String {
        """
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "1.1"
            text: Publish guidance on recall decisions
            owners:
              - Head of Operations
            target: 2024-09
            updates:
              - date: \(date)
                text: Drafting has started

        """
    }

    @Test func anUpdateAfterTheDayIsAnErrorAtItsDate() throws {
        let found = LintFixture.lint(Self.recommendation(date: "2024-07")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(12, 9))
        #expect(diagnostic.message.contains("update of action 1.1 is dated 2024-07, after 2024-06-01"))
    }

    @Test func theNextDayIsInTheFuture() throws {
        let found = LintFixture.lint(Self.recommendation(date: "\"2024-06-02\"")).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.location == at(12, 9))
    }

    @Test(arguments: ["2024-06", "\"2024-06-01\"", "2024-05"])
    func anUpdateOnOrBeforeTheDayIsFine(date: String) {
        let found = LintFixture.lint(Self.recommendation(date: date))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func theFutureIsJudgedOnTheGivenDay() {
        let text = Self.recommendation(date: "2024-07")
        #expect(LintFixture.lint(text, asOf: Day(year: 2024, month: 7, day: 1)!).of(Self.rule).isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(date: "2024-07")
        let lowered = LintFixture.configuration("rules:\n  update-in-future: warning\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  update-in-future: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
