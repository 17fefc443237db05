import Testing
@testable import PlanKit

@Suite struct ActionHasTargetTests {
    static let rule = "action-has-target"

    // The second action (`id` on line 11, column 5) is planned with no target.
    static let withoutTarget = """
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
            owners:
              - Head of Operations
            state: planned

        """

    @Test func aPlannedActionWithoutTargetIsAWarningAtItsID() throws {
        let found = LintFixture.lint(Self.withoutTarget).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(11, 5))
        #expect(diagnostic.message.contains("action 1.2 is planned but has no target date"))
        #expect(diagnostic.message.contains("'target'"))
    }

    @Test func anActionInProgressByItsUpdateWithoutTargetIsReported() throws {
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
                state: ongoing
                updates:
                  - date: 2024-03
                    text: Drafting has started
                    state: in-progress

            """).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == at(6, 5))
        #expect(diagnostic.message.contains("action 1.1 is in-progress but has no target date"))
    }

    @Test(arguments: ["ongoing", "completed", "dropped"])
    func actionsThatAreNotOpenNeedNoTarget(state: String) {
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
                state: \(state)

            """)
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func aTargetGivenByAnUpdateCounts() {
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
                updates:
                  - date: 2024-03
                    text: Drafting has started
                    state: in-progress
                    target: 2024-09

            """)
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let raised = LintFixture.configuration("rules:\n  action-has-target: error\n")
        let diagnostic = try #require(LintFixture.lint(Self.withoutTarget, configuration: raised).of(Self.rule).first)
        #expect(diagnostic.severity == .error)
        let off = LintFixture.configuration("rules:\n  action-has-target: off\n")
        #expect(LintFixture.lint(Self.withoutTarget, configuration: off).of(Self.rule).isEmpty)
    }
}
