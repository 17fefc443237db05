import Testing
@testable import PlanKit

@Suite struct OwnerKnownTests {
    static let rule = "owner-known"

    static let register = """
        owners:
          - Head of Operations
          - Deputy Director, Public Protection Group

        """

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

    @Test func anOwnerOutsideTheRegisterIsAWarningWithTheNearestRole() throws {
        let configuration = LintFixture.configuration(Self.register)
        let found = LintFixture.lint(Self.recommendation(owner: "Head of Operation"), configuration: configuration).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(9, 9))
        #expect(diagnostic.message.contains("owner \"Head of Operation\" of action 1.1 is not in the owners register"))
        #expect(diagnostic.message.contains("did you mean \"Head of Operations\"?"))
    }

    @Test func anOwnerFarFromEveryRoleGetsNoSuggestion() throws {
        let configuration = LintFixture.configuration(Self.register)
        let diagnostic = try #require(LintFixture.lint(Self.recommendation(owner: "Chief Probation Officer, Wales"),
                                                       configuration: configuration).of(Self.rule).first)
        #expect(diagnostic.message.contains("is not in the owners register"))
        #expect(!diagnostic.message.contains("did you mean"))
    }

    @Test func anUpdatesOwnerIsCheckedAtItsPlace() throws {
        let configuration = LintFixture.configuration(Self.register)
        // The update's owner is on line 15, text at column 13.
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
                      - Deputy Director, Public Protection

            """, configuration: configuration).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == at(15, 13))
        #expect(diagnostic.message.contains("did you mean \"Deputy Director, Public Protection Group\"?"))
    }

    @Test(arguments: ["Head of Operations", "head of operations", "Deputy Director, Public Protection Group"])
    func aRegisteredOwnerIsFineInAnyCase(owner: String) {
        let configuration = LintFixture.configuration(Self.register)
        let found = LintFixture.lint(Self.recommendation(owner: owner), configuration: configuration)
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func withoutARegisterTheRuleIsSilent() {
        #expect(LintFixture.lint(Self.recommendation(owner: "Head of Operation")).of(Self.rule).isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(owner: "Head of Operation")
        let raised = LintFixture.configuration(Self.register + "rules:\n  owner-known: error\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: raised).of(Self.rule).first)
        #expect(diagnostic.severity == .error)
        let off = LintFixture.configuration(Self.register + "rules:\n  owner-known: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
