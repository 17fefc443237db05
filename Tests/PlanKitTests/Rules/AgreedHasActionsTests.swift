import Testing
@testable import PlanKit

@Suite struct AgreedHasActionsTests {
    static let rule = "agreed-has-actions"

    // Line 5 is `status`.
    static let withoutActions = """
        number: 1
        addressee: HM Prison and Probation Service
        theme: Leadership
        text: Improve the quality of recall decisions
        status: agreed

        """

    @Test func agreedWithoutActionsIsAnErrorAtStatus() throws {
        let found = LintFixture.lint(Self.withoutActions).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(5, 1))
        #expect(diagnostic.message.contains("recommendation 1 is agreed but has no actions"))
        #expect(diagnostic.message.contains("owner"))
        #expect(diagnostic.message.contains("target"))
    }

    @Test func anEmptyActionListCountsAsNoActions() throws {
        let found = LintFixture.lint("""
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: agreed
            actions: []

            """).of(Self.rule)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.location == at(4, 1))
    }

    @Test func agreedWithOneActionIsFine() {
        let found = LintFixture.lint("""
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

            """)
        #expect(found.of(Self.rule).isEmpty)
        // The near miss is clean under every rule.
        #expect(found.isEmpty)
    }

    @Test func otherStatusesWithoutActionsAreNotThisRulesConcern() {
        let found = LintFixture.lint("""
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: not-agreed
            reason:
              categories: [policy]
              text: The policy is under review

            """)
        #expect(found.of(Self.rule).isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let configuration = LintFixture.configuration("rules:\n  agreed-has-actions: warning\n")
        let diagnostic = try #require(LintFixture.lint(Self.withoutActions, configuration: configuration).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location == at(5, 1))
    }

    @Test func ruleCanBeTurnedOff() {
        let configuration = LintFixture.configuration("rules:\n  agreed-has-actions: off\n")
        #expect(LintFixture.lint(Self.withoutActions, configuration: configuration).of(Self.rule).isEmpty)
    }
}
