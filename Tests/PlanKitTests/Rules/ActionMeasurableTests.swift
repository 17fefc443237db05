import Testing
@testable import PlanKit

@Suite struct ActionMeasurableTests {
    static let rule = "action-measurable"

    /// A recommendation with one action whose `text` is on line 8, key at column 5.
    static func recommendation(actionText: String, state: String = "planned") -> String {
        """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "1.1"
            text: \(actionText)
            owners:
              - Head of Operations
            target: 2024-09
            state: \(state)

        """
    }

    @Test func anActionNamingNothingMeasurableIsAWarningAtItsText() throws {
        let found = LintFixture.lint(Self.recommendation(actionText: "Improve outcomes for people on probation")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(8, 5))
        #expect(diagnostic.message.contains("action 1.1 names no deliverable, number, date or measure"))
    }

    @Test(arguments: [
        "Publish guidance on recall decisions",
        "Deliver at least 5 sessions for staff",
        "Improve outcomes for people on probation by March",
        "Report outcomes quarterly",
        "Improve outcomes in every region",
    ])
    func anActionNamingADeliverableNumberDateOrMeasureIsFine(text: String) {
        let found = LintFixture.lint(Self.recommendation(actionText: text))
        #expect(found.of(Self.rule).isEmpty)
    }

    /// The check promises to look for measure words; words that merely contain one
    /// ("collaborate" holds "rate", "reach" holds "each") are not measures.
    @Test(arguments: [
        "Collaborate with partners to improve outcomes",
        "Reach out to local partners",
    ])
    func aMeasureWordInsideAnotherWordIsNotAMeasure(text: String) throws {
        let found = LintFixture.lint(Self.recommendation(actionText: text)).of(Self.rule)
        #expect(found.count == 1, "\"\(text)\" names no deliverable, number, date or measure")
        #expect(found.first?.location == at(8, 5))
    }

    @Test func aDroppedActionIsNotJudged() {
        let found = LintFixture.lint(Self.recommendation(actionText: "Improve outcomes for people on probation", state: "dropped"))
        #expect(found.of(Self.rule).isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(actionText: "Improve outcomes for people on probation")
        let raised = LintFixture.configuration("rules:\n  action-measurable: error\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: raised).of(Self.rule).first)
        #expect(diagnostic.severity == .error)
        let off = LintFixture.configuration("rules:\n  action-measurable: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
