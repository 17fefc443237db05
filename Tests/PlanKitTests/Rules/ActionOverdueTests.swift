import Testing
@testable import PlanKit

@Suite struct ActionOverdueTests {
    static let rule = "action-overdue"

    /// One action with `target` on line 10 (key at column 5), its `state` on line 11, then
    /// `updates` (given as lines already indented for an action's key) from line 12.
    static func recommendation(target: String, state: String = "planned", updates: [String] = []) -> String {
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
            target: \(target)
            state: \(state)

        """ + updates.map { $0 + "\n" }.joined()
    }

    @Test func anOpenActionPastItsTargetIsAWarningAtTheTarget() throws {
        let found = LintFixture.lint(Self.recommendation(target: "2024-03")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(10, 5))
        #expect(diagnostic.message.contains("action 1.1 is overdue: target 2024-03, "))
        #expect(diagnostic.message.contains("late on 2024-06-01"))
        #expect(diagnostic.message.contains("add an update"))
    }

    @Test func theLatestUpdatesTargetIsTheOneReported() throws {
        // Update 1 moves the target to 2024-04 (its `target` on line 15, column 9); update 2
        // (line 16) only reports progress.
        let updates = [
            "    updates:",
            "      - date: 2024-01",
            "        text: Delayed by the consultation",
            "        target: 2024-04",
            "      - date: 2024-05",
            "        text: Drafting has started",
            "        state: in-progress",
        ]
        let found = LintFixture.lint(Self.recommendation(target: "2024-02", updates: updates)).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == at(15, 9))
        #expect(diagnostic.message.contains("action 1.1 is overdue: target 2024-04, "))
    }

    @Test func aQuarterTargetRunsToTheQuartersEnd() throws {
        #expect(LintFixture.lint(Self.recommendation(target: "2024-Q2")).of(Self.rule).isEmpty)
        let diagnostic = try #require(LintFixture.lint(Self.recommendation(target: "2024-Q1")).of(Self.rule).first)
        #expect(diagnostic.message.contains("target 2024-Q1, "))
        #expect(diagnostic.location == at(10, 5))
    }

    /// "N months late" should count whole months since the target's last day: a target of
    /// 31 May is a day late on 1 June, and a target of March (met by 31 March) is two months
    /// and a day late on 1 June, three months late on 30 June.
    @Test(arguments: [
        ("2024-05-31", Day(year: 2024, month: 6, day: 1)!, "late on 2024-06-01"),
        ("2024-05", Day(year: 2024, month: 6, day: 1)!, "late on 2024-06-01"),
        ("2024-03", Day(year: 2024, month: 6, day: 1)!, "2 months late on 2024-06-01"),
        ("2024-03", Day(year: 2024, month: 6, day: 30)!, "3 months late on 2024-06-30"),
    ])
    func latenessCountsWholeMonthsSinceTheTarget(target: String, asOf: Day, expected: String) throws {
        let diagnostic = try #require(LintFixture.lint(Self.recommendation(target: target), asOf: asOf).of(Self.rule).first)
        #expect(diagnostic.message.contains("target \(target), \(expected)"), "found: \(diagnostic.message)")
    }

    @Test func aTargetInTheCurrentMonthIsNotYetOverdue() {
        let found = LintFixture.lint(Self.recommendation(target: "2024-06"))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test(arguments: ["completed", "ongoing", "dropped"])
    func aClosedActionPastItsTargetIsFine(state: String) {
        let found = LintFixture.lint(Self.recommendation(target: "2024-01", state: state))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func anActionCompletedByAnUpdateIsFine() {
        let updates = [
            "    updates:",
            "      - date: 2024-02",
            "        text: The guidance was published",
            "        state: completed",
        ]
        let found = LintFixture.lint(Self.recommendation(target: "2024-01", updates: updates))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func overdueIsJudgedOnTheGivenDay() {
        let text = Self.recommendation(target: "2024-03")
        #expect(LintFixture.lint(text, asOf: Day(year: 2024, month: 3, day: 31)!).of(Self.rule).isEmpty)
        #expect(LintFixture.lint(text, asOf: Day(year: 2024, month: 4, day: 1)!).of(Self.rule).count == 1)
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(target: "2024-03")
        let raised = LintFixture.configuration("rules:\n  action-overdue: error\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: raised).of(Self.rule).first)
        #expect(diagnostic.severity == .error)
        let off = LintFixture.configuration("rules:\n  action-overdue: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
