import Testing
@testable import PlanKit

@Suite struct SummaryMatchesTests {
    static let rule = "summary-matches"

    /// LintFixture.planYAML with a summary: `agreed` on line 10, `partly-agreed` on line 11,
    /// `not-agreed` on line 12, each key at column 3.
    static func plan(agreed: Int, partlyAgreed: Int, notAgreed: Int) -> String {
        LintFixture.planYAML + """
            summary:
              agreed: \(agreed)
              partly-agreed: \(partlyAgreed)
              not-agreed: \(notAgreed)

            """
    }

    static let agreed = """
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

        """

    static let notAgreed = """
        number: 2
        addressee: HM Prison and Probation Service
        text: Recruit more staff
        status: not-agreed
        reason:
          categories: [affordability]
          text: There is no funding for more posts

        """

    @Test func aWrongCountIsAnErrorAtItsKeyInPlanYAML() throws {
        let found = LintFixture.lint(Self.agreed, Self.notAgreed, plan: Self.plan(agreed: 2, partlyAgreed: 0, notAgreed: 1)).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "plan.yaml")
        #expect(diagnostic.location == at(10, 3))
        #expect(diagnostic.message.contains("summary says 2 agreed, but the plan has 1"))
        #expect(diagnostic.message.contains("correct the count"))
    }

    @Test func eachWrongCountIsReportedAtItsOwnKey() throws {
        let found = LintFixture.lint(Self.agreed, Self.notAgreed, plan: Self.plan(agreed: 1, partlyAgreed: 1, notAgreed: 0)).of(Self.rule)
        #expect(found.count == 2)
        #expect(found.map(\.location) == [at(11, 3), at(12, 3)])
        #expect(found.first?.message.contains("summary says 1 partly agreed, but the plan has 0") == true)
        #expect(found.last?.message.contains("summary says 0 not agreed, but the plan has 1") == true)
    }

    @Test func matchingCountsAreFine() {
        let found = LintFixture.lint(Self.agreed, Self.notAgreed, plan: Self.plan(agreed: 1, partlyAgreed: 0, notAgreed: 1))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func withoutASummaryTheRuleIsSilent() {
        #expect(LintFixture.lint(Self.agreed, Self.notAgreed).of(Self.rule).isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let plan = Self.plan(agreed: 2, partlyAgreed: 0, notAgreed: 1)
        let lowered = LintFixture.configuration("rules:\n  summary-matches: warning\n")
        let diagnostic = try #require(LintFixture.lint(Self.agreed, Self.notAgreed, plan: plan, configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  summary-matches: off\n")
        #expect(LintFixture.lint(Self.agreed, Self.notAgreed, plan: plan, configuration: off).of(Self.rule).isEmpty)
    }
}
