import Testing
@testable import PlanKit

@Suite struct UpdateOrderTests {
    static let rule = "update-order"

    /// One action with two updates; the second update's `date` is on line 14, column 9.
    static func recommendation(firstDate: String, secondDate: String) -> String {
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
              - date: \(firstDate)
                text: Drafting has started
              - date: \(secondDate)
                text: The draft is with the board

        """
    }

    @Test func anUpdateOlderThanTheOneBeforeIsAnErrorAtItsDate() throws {
        let found = LintFixture.lint(Self.recommendation(firstDate: "2024-03", secondDate: "2023-12")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(14, 9))
        #expect(diagnostic.message.contains("update 2023-12 of action 1.1 comes after the update of 2024-03"))
        #expect(diagnostic.message.contains("oldest first"))
    }

    @Test func daysAreComparedToo() throws {
        let found = LintFixture.lint(Self.recommendation(firstDate: "2024-03-20", secondDate: "2024-03-05")).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.location == at(14, 9))
    }

    @Test(arguments: [("2023-12", "2024-03"), ("2024-03", "2024-03"), ("2024-03", "2024-03-20")])
    func updatesInDateOrderAreFine(first: String, second: String) {
        let found = LintFixture.lint(Self.recommendation(firstDate: first, secondDate: second))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.lintOnly.isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(firstDate: "2024-03", secondDate: "2023-12")
        let lowered = LintFixture.configuration("rules:\n  update-order: warning\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  update-order: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
