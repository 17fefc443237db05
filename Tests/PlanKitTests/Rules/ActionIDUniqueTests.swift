import Testing
@testable import PlanKit

@Suite struct ActionIDUniqueTests {
    static let rule = "action-id-unique"

    // Two actions with id 1.1: the first on line 6, the second on line 11 (column 5).
    static let twice = """
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
          - id: "1.1"
            text: Deliver training on recall decisions
            owners:
              - Head of Operations
            target: 2024-09

        """

    @Test func aRepeatedIDIsAnErrorAtTheSecondID() throws {
        let found = LintFixture.lint(Self.twice).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(11, 5))
        #expect(diagnostic.message.contains("action id 1.1 is used twice (first at recommendations/01.yaml:6)"))
    }

    @Test func idsAreUniqueAcrossThePlan() throws {
        let first = """
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
        // Line 11 of 02.yaml: the misfiled 1.1.
        let second = """
            number: 2
            addressee: HM Prison and Probation Service
            text: Improve the training of staff
            status: agreed
            actions:
              - id: "2.1"
                text: Deliver training on recall decisions
                owners:
                  - Head of Operations
                target: 2024-09
              - id: "1.1"
                text: Deliver refresher training on recall decisions
                owners:
                  - Head of Operations
                target: 2024-09

            """
        let found = LintFixture.lint(first, second).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.path == "recommendations/02.yaml")
        #expect(diagnostic.location == at(11, 5))
        #expect(diagnostic.message.contains("(first at recommendations/01.yaml:6)"))
    }

    @Test func idsThatDifferAsTextAreFine() {
        // "1.1" and "1.10" are different ids, though equal as numbers.
        let found = LintFixture.lint(Self.twice.replacingOccurrences(of: "- id: \"1.1\"\n    text: Deliver", with: "- id: \"1.10\"\n    text: Deliver"))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let lowered = LintFixture.configuration("rules:\n  action-id-unique: warning\n")
        let diagnostic = try #require(LintFixture.lint(Self.twice, configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  action-id-unique: off\n")
        #expect(LintFixture.lint(Self.twice, configuration: off).of(Self.rule).isEmpty)
    }
}
