import Testing
@testable import PlanKit

@Suite struct TargetBeforePublicationTests {
    static let rule = "target-before-publication"

    /// One action with `target` on line 10 (column 5) and, when given, an update whose
    /// `target` is on line 15 (column 9). The fixture's report was published on 2023-12-14.
    static func recommendation(target: String, state: String = "completed", updateTarget: String? = nil) -> String {
        var text = """
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: agreed
            actions:
              - id: "1.1"
                text: Publish guidance on recall decisions
                owners:
                  - Head of Operations
                target: \(target)
                state: \(state)

            """
        if let updateTarget {
            text += """
                    updates:
                      - date: 2024-01
                        text: Moved after the consultation
                        target: \(updateTarget)

                """
        }
        return text
    }

    @Test func aTargetBeforePublicationIsAnErrorAtTheTarget() throws {
        let found = LintFixture.lint(Self.recommendation(target: "2023-11")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(10, 5))
        #expect(diagnostic.message.contains("action 1.1's target 2023-11 ends before the report was published (2023-12-14)"))
        #expect(diagnostic.message.contains("check the year"))
    }

    @Test func anUpdatesTargetBeforePublicationIsReportedAtTheUpdate() throws {
        let found = LintFixture.lint(Self.recommendation(target: "2024-09", updateTarget: "2022-09")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == at(15, 9))
        #expect(diagnostic.message.contains("action 1.1's new target 2022-09 ends before the report was published (2023-12-14)"))
    }

    @Test(arguments: ["2023-12", "2023-Q4", "\"2023-12-14\"", "2024-01"])
    func aTargetEndingOnOrAfterPublicationIsFine(target: String) {
        let found = LintFixture.lint(Self.recommendation(target: target))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func withoutAPublicationDateTheRuleIsSilent() {
        let plan = LintFixture.planYAML.replacingOccurrences(of: "  published: \"2023-12-14\"\n", with: "")
        let found = LintFixture.lint(Self.recommendation(target: "2019-01"), plan: plan)
        #expect(found.of(Self.rule).isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(target: "2023-11")
        let lowered = LintFixture.configuration("rules:\n  target-before-publication: warning\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  target-before-publication: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
