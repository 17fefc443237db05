import Testing
@testable import PlanKit

@Suite struct ActionHasOwnerTests {
    static let rule = "action-has-owner"

    // The second action's `id` is on line 11, column 5; it has no owners.
    static let withoutOwner = """
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
          - id: "1.2"
            text: Publish a training plan for recall decisions
            target: 2024-09

        """

    @Test func anOpenActionWithoutOwnerIsAWarningAtItsID() throws {
        let found = LintFixture.lint(Self.withoutOwner).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(11, 5))
        #expect(diagnostic.message.contains("action 1.2 has no owner"))
        #expect(diagnostic.message.contains("'owners'"))
    }

    @Test func anUpdateThatClearsTheOwnersIsReported() throws {
        // `id` on line 6.
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
                    owners: []

            """).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.location == at(6, 5))
    }

    @Test func anActionWithOneOwnerIsFine() {
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
        #expect(found.isEmpty)
    }

    @Test func aCompletedActionNeedsNoOwner() {
        let found = LintFixture.lint("""
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: agreed
            actions:
              - id: "1.1"
                text: Publish guidance on recall decisions
                target: 2024-01
                state: completed

            """)
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let raised = LintFixture.configuration("rules:\n  action-has-owner: error\n")
        let diagnostic = try #require(LintFixture.lint(Self.withoutOwner, configuration: raised).of(Self.rule).first)
        #expect(diagnostic.severity == .error)
        let off = LintFixture.configuration("rules:\n  action-has-owner: off\n")
        #expect(LintFixture.lint(Self.withoutOwner, configuration: off).of(Self.rule).isEmpty)
    }
}
