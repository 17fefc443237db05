import Testing
@testable import PlanKit

@Suite struct OwnerNamesRoleTests {
    static let rule = "owner-names-role"

    /// One action whose only owner is on line 9, text at column 9.
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
              - \(owner)
            target: 2024-09

        """
    }

    @Test func anOwnerNamingOnlyAPersonIsAWarningAtTheListItem() throws {
        let found = LintFixture.lint(Self.recommendation(owner: "Jane Smith")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(9, 9))
        #expect(diagnostic.message.contains("owner \"Jane Smith\" of action 1.1 names no role"))
        #expect(diagnostic.message.contains("post or team"))
    }

    @Test(arguments: [
        "Head of Operations",
        "Deputy Director, Public Protection Group",
        "Jane Smith, Head of Operations",
        "HMPPS",
        "Recall Review Team",
    ])
    func anOwnerNamingARoleOrABodyIsFine(owner: String) {
        let found = LintFixture.lint(Self.recommendation(owner: owner))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func aPlaceholderIsLeftToOwnerNotPlaceholder() {
        let found = LintFixture.lint(Self.recommendation(owner: "TBC"))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.of("owner-not-placeholder").count == 1)
    }

    /// An update's `owners` become the action's owners; a person's name there is lost when they
    /// move just as in the action's own list (owner-not-placeholder and owner-known check both).
    @Test func anOwnerSetByAnUpdateIsChecked() throws {
        // The update's owner is on line 15; its text starts at column 13.
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
                    text: Handed over
                    owners:
                      - Jane Smith

            """).of(Self.rule)
        #expect(found.count == 1, "the update's owner \"Jane Smith\" names no role")
        #expect(found.first?.location == at(15, 13))
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(owner: "Jane Smith")
        let raised = LintFixture.configuration("rules:\n  owner-names-role: error\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: raised).of(Self.rule).first)
        #expect(diagnostic.severity == .error)
        let off = LintFixture.configuration("rules:\n  owner-names-role: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
