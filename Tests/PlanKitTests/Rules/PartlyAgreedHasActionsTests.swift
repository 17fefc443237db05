import Testing
@testable import PlanKit

@Suite struct PartlyAgreedHasActionsTests {
    static let rule = "partly-agreed-has-actions"

    // Line 1 is the modeline, line 5 `status`.
    static let withoutActions = """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions and fund a new team
        status: partly-agreed
        implemented-part: The guidance on recall decisions
        reason:
          categories: [affordability]
          text: Resourcing need and affordability will need to be balanced

        """

    @Test func partlyAgreedWithoutActionsIsAnErrorAtStatus() throws {
        let found = LintFixture.lint(Self.withoutActions).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(5, 1))
        #expect(diagnostic.message.contains("recommendation 1 is partly agreed but has no actions"))
    }

    @Test func partlyAgreedWithOneActionIsFine() {
        let found = LintFixture.lint(Self.withoutActions + """
            actions:
              - id: "1.1"
                text: Publish guidance on recall decisions
                owners:
                  - Head of Operations
                target: 2024-09

            """)
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func notAgreedWithoutActionsIsNotThisRulesConcern() {
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

    @Test func severityCanBeLoweredOrTurnedOff() throws {
        let lowered = LintFixture.configuration("rules:\n  partly-agreed-has-actions: info\n")
        let diagnostic = try #require(LintFixture.lint(Self.withoutActions, configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .info)
        let off = LintFixture.configuration("rules:\n  partly-agreed-has-actions: off\n")
        #expect(LintFixture.lint(Self.withoutActions, configuration: off).of(Self.rule).isEmpty)
    }
}
