import Testing
@testable import PlanKit

@Suite struct PartlyAgreedStatesPartTests {
    static let rule = "partly-agreed-states-part"

    // Line 4 is `status`; there is no `implemented-part`.
    static let withoutPart = """
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions and fund a new team
        status: partly-agreed
        reason:
          categories: [affordability]
          text: Resourcing need and affordability will need to be balanced
        actions:
          - id: "1.1"
            text: Publish guidance on recall decisions
            owners:
              - Head of Operations
            target: 2024-09

        """

    @Test func partlyAgreedWithoutImplementedPartIsAWarningAtStatus() throws {
        let found = LintFixture.lint(Self.withoutPart).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(4, 1))
        #expect(diagnostic.message.contains("recommendation 1 is partly agreed"))
        #expect(diagnostic.message.contains("'implemented-part'"))
    }

    @Test func partlyAgreedNamingItsPartIsFine() {
        let found = LintFixture.lint("""
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions and fund a new team
            status: partly-agreed
            implemented-part: The guidance on recall decisions
            reason:
              categories: [affordability]
              text: Resourcing need and affordability will need to be balanced
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

    @Test func agreedNeedsNoImplementedPart() {
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
    }

    @Test func severityCanBeRaisedOrTurnedOff() throws {
        let raised = LintFixture.configuration("rules:\n  partly-agreed-states-part: error\n")
        let diagnostic = try #require(LintFixture.lint(Self.withoutPart, configuration: raised).of(Self.rule).first)
        #expect(diagnostic.severity == .error)
        let off = LintFixture.configuration("rules:\n  partly-agreed-states-part: off\n")
        #expect(LintFixture.lint(Self.withoutPart, configuration: off).of(Self.rule).isEmpty)
    }
}
