import Testing
@testable import PlanKit

@Suite struct OwnerNotPlaceholderTests {
    static let rule = "owner-not-placeholder"

    /// One action whose second owner (line 10) is `owner`, written as a YAML plain or quoted
    /// scalar; the list item's text starts at column 9.
    static func recommendation(owner: String) -> String {
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
              - \(owner)
            target: 2024-09

        """
    }

    @Test func aPlaceholderOwnerIsAnErrorAtTheListItem() throws {
        let found = LintFixture.lint(Self.recommendation(owner: "TBC")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(10, 9))
        #expect(diagnostic.message.contains("owner \"TBC\" of action 1.1 is a placeholder"))
        #expect(diagnostic.message.contains("name the responsible role"))
    }

    @Test(arguments: ["tbc", "TBC.", "\"-\"", "n/a", "N/A", "\"?\"", "To be confirmed", "Owner", "none", "TBD"])
    func everyPlaceholderIsFound(owner: String) throws {
        let found = LintFixture.lint(Self.recommendation(owner: owner)).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.location == at(10, 9))
    }

    @Test func aPlaceholderSetByAnUpdateIsReportedAtTheUpdatesOwner() throws {
        // The update's owner is on line 14, inside the flow list: its text starts at column 18.
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
                updates:
                  - date: 2024-03
                    text: The post is vacant
                    owners: [n/a]

            """).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == at(14, 18))
        #expect(diagnostic.message.contains("owner \"n/a\" of action 1.1 is a placeholder"))
    }

    @Test(arguments: ["Head of Operations", "Deputy Director, Public Protection Group", "Tbc Team Lead"])
    func aRealOwnerIsFine(owner: String) {
        let found = LintFixture.lint(Self.recommendation(owner: owner))
        #expect(found.of(Self.rule).isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(owner: "TBC")
        let lowered = LintFixture.configuration("rules:\n  owner-not-placeholder: warning\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  owner-not-placeholder: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
