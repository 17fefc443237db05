import Testing
@testable import PlanKit

@Suite struct PlanDatesTests {
    static let rule = "plan-dates"

    static let recommendation = """
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

    // The modeline is line 1, `format` line 2, `report` line 6; neither date is given.
    static let withoutDates = """
        # yaml-language-server: $schema=schema/plan.schema.json
        format: 1
        title: A test plan
        organisation: HM Prison and Probation Service
        inspectorate: HM Inspectorate of Probation
        report:
          title: A test report

        """

    @Test func aMissingPublicationDateIsAWarningAtReport() throws {
        let plan = LintFixture.planYAML.replacingOccurrences(of: "  published: \"2023-12-14\"\n", with: "")
        let found = LintFixture.lint(Self.recommendation, plan: plan).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.path == "plan.yaml")
        #expect(diagnostic.location == at(5, 1))
        #expect(diagnostic.message.contains("the report's publication date is missing"))
        #expect(diagnostic.message.contains("'published' under 'report'"))
    }

    @Test func aMissingSubmissionDateIsAWarningAtTheTopOfThePlan() throws {
        let plan = LintFixture.planYAML.replacingOccurrences(of: "submitted: \"2024-01-03\"\n", with: "")
        let found = LintFixture.lint(Self.recommendation, plan: plan).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.path == "plan.yaml")
        // There is no key to point at: the rule points at the first key, `format`.
        #expect(diagnostic.location == at(1, 1))
        #expect(diagnostic.message.contains("the plan's submission date is missing; add 'submitted'"))
    }

    @Test func bothMissingDatesAreReported() {
        let found = LintFixture.lint(Self.recommendation, plan: Self.withoutDates).of(Self.rule)
        #expect(found.map(\.location) == [at(2, 1), at(6, 1)])
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func aPlanWithBothDatesIsFine() {
        let found = LintFixture.lint(Self.recommendation)
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let raised = LintFixture.configuration("rules:\n  plan-dates: error\n")
        let found = LintFixture.lint(Self.recommendation, plan: Self.withoutDates, configuration: raised).of(Self.rule)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .error })
        let off = LintFixture.configuration("rules:\n  plan-dates: off\n")
        #expect(LintFixture.lint(Self.recommendation, plan: Self.withoutDates, configuration: off).of(Self.rule).isEmpty)
    }
}
