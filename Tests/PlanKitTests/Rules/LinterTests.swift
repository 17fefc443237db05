import Testing
@testable import PlanKit

/// How the linter runs the rules: whole-plan rules wait for a plan read without errors, and a
/// clean plan gives no diagnostics.
@Suite struct LinterTests {
    static let clean = """
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

    @Test func aCleanPlanHasNoDiagnostics() {
        #expect(LintFixture.lint(Self.clean).isEmpty)
    }

    @Test func wholePlanRulesWaitForAPlanWithoutErrors() {
        // Recommendations 1 and 2 are missing, which numbers-contiguous reports ...
        let third = """
            number: 3
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: agreed

            """
        #expect(LintFixture.lint(files: [("recommendations/03.yaml", third)]).of("numbers-contiguous").count == 1)
        // ... but not while another file has an error; rules on one recommendation still run.
        let broken = """
            number: 4
            addressee: HM Prison and Probation Service
            text: Recruit more staff
            status: agreed
            owner: Head of Operations

            """
        let found = LintFixture.lint(files: [("recommendations/03.yaml", third), ("recommendations/04.yaml", broken)],
                                     allowReaderErrors: true)
        #expect(found.of("unknown-key").count == 1)
        #expect(found.of("numbers-contiguous").isEmpty)
        #expect(found.of("agreed-has-actions").map(\.path) == ["recommendations/03.yaml"])
    }

    @Test func severitiesApplyToTheReadersRulesToo() throws {
        let text = Self.clean.replacingOccurrences(of: "id: \"1.1\"", with: "id: 1.1")
        let raised = LintFixture.configuration("rules:\n  ambiguous-scalar: error\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: raised).first)
        #expect(diagnostic.rule == "ambiguous-scalar")
        #expect(diagnostic.severity == .error)
        let off = LintFixture.configuration("rules:\n  ambiguous-scalar: off\n")
        #expect(LintFixture.lint(text, configuration: off).isEmpty)
    }
}
