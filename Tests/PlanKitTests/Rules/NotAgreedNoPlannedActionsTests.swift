import Testing
@testable import PlanKit

@Suite struct NotAgreedNoPlannedActionsTests {
    static let rule = "not-agreed-no-planned-actions"

    // The first action is dropped; the second (line 13, `id` at column 5) is planned.
    static let withPlannedAction = """
        number: 1
        addressee: HM Prison and Probation Service
        text: Recruit more staff
        status: not-agreed
        reason:
          categories: [affordability]
          text: There is no funding for more posts
        actions:
          - id: "1.1"
            text: Publish a recruitment plan
            target: 2024-09
            state: dropped
          - id: "1.2"
            text: Publish a recruitment campaign
            owners:
              - Head of Operations
            target: 2024-09
            state: planned

        """

    @Test func aPlannedActionUnderNotAgreedIsAnErrorAtItsID() throws {
        let found = LintFixture.lint(Self.withPlannedAction).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(13, 5))
        #expect(diagnostic.message.contains("action 1.2 is planned, but recommendation 1 is not agreed"))
        #expect(diagnostic.message.contains("partly agreed"))
        #expect(diagnostic.message.contains("dropped"))
    }

    @Test func anActionInProgressByItsUpdateIsReported() throws {
        // Line 9 is the action's `id`.
        let found = LintFixture.lint("""
            number: 1
            addressee: HM Prison and Probation Service
            text: Recruit more staff
            status: not-agreed
            reason:
              categories: [affordability]
              text: There is no funding for more posts
            actions:
              - id: "1.1"
                text: Publish a recruitment campaign
                owners:
                  - Head of Operations
                target: 2024-09
                state: dropped
                updates:
                  - date: 2024-03
                    text: Restarted with local funding
                    state: in-progress

            """).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == at(9, 5))
        #expect(diagnostic.message.contains("action 1.1 is in-progress"))
    }

    @Test func droppedAndCompletedActionsAreFine() {
        let found = LintFixture.lint("""
            number: 1
            addressee: HM Prison and Probation Service
            text: Recruit more staff
            status: not-agreed
            reason:
              categories: [affordability]
              text: There is no funding for more posts
            actions:
              - id: "1.1"
                text: Publish a recruitment plan
                target: 2024-09
                state: dropped
              - id: "1.2"
                text: Publish a recruitment campaign
                owners:
                  - Head of Operations
                target: 2024-01
                state: completed

            """)
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let lowered = LintFixture.configuration("rules:\n  not-agreed-no-planned-actions: warning\n")
        let diagnostic = try #require(LintFixture.lint(Self.withPlannedAction, configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  not-agreed-no-planned-actions: off\n")
        #expect(LintFixture.lint(Self.withPlannedAction, configuration: off).of(Self.rule).isEmpty)
    }
}
