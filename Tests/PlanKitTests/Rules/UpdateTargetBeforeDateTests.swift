import Testing
@testable import PlanKit

@Suite struct UpdateTargetBeforeDateTests {
    static let rule = "update-target-before-date"
    typealias F = HistoryFixture

    /// Action 1.1 (target 2024-07) with the updates given. The fixture's report was published on
    /// 2023-12-14 and the plan is linted on 2024-06-01.
    static func recommendation(_ updates: String...) -> String {
        F.recommendation(actions: [F.action(updates: updates)])
    }

    @Test func aNewTargetBeforeTheUpdatesDateIsAnErrorAtThatTarget() throws {
        let text = Self.recommendation(F.update("2024-05", "Delayed by the consultation", target: "2024-03"))
        let found = LintFixture.lint(text).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == F.location(of: "target: 2024-03", in: text))
        #expect(diagnostic.message == "update 2024-05 of action 1.1 sets its target to 2024-03, before the update's own date; give a target still to come (check the year), or complete or drop the action in this update")
    }

    @Test func onlyTheUpdateThatSetsAPastTargetIsReported() throws {
        let text = Self.recommendation(F.update("2024-02", "Guidance drafted", target: "2024-04"),
                                       F.update("\"2024-05-20\"", "Consultation ran late", state: "in-progress", target: "\"2024-05-10\""))
        let diagnostic = try #require(LintFixture.lint(text).of(Self.rule).first)
        #expect(LintFixture.lint(text).of(Self.rule).count == 1)
        #expect(diagnostic.location == F.location(of: "target: \"2024-05-10\"", in: text))
        #expect(diagnostic.message.hasPrefix("update 2024-05-20 of action 1.1 sets its target to 2024-05-10, before the update's own date"))
    }

    @Test(arguments: [("2024-05", "2024-Q1"), ("\"2024-05-02\"", "\"2024-05-01\""), ("2024-05", "\"2024-04-30\""), ("\"2024-05-31\"", "2024-04")])
    func targetsThatEndBeforeTheUpdateBeginsAreReported(date: String, target: String) {
        let text = Self.recommendation(F.update(date, "Moved", target: target))
        #expect(LintFixture.lint(text).of(Self.rule).count == 1, "update \(date), target \(target)")
    }

    @Test(arguments: [("2024-05", "2024-05"), ("\"2024-05-20\"", "2024-05"), ("2024-05", "2024-Q2"), ("2024-05", "2024-09"), ("\"2024-05-01\"", "\"2024-05-01\"")])
    func aTargetInTheUpdatesOwnMonthOrLaterIsFine(date: String, target: String) {
        let text = Self.recommendation(F.update(date, "Moved", target: target))
        #expect(LintFixture.lint(text).of(Self.rule).isEmpty, "update \(date), target \(target)")
    }

    @Test(arguments: ["completed", "dropped"])
    func anUpdateThatClosesTheActionMayGiveThePastDateItEndedBy(state: String) {
        let text = Self.recommendation(F.update("2024-05", "Published in March", state: state, target: "2024-03"))
        #expect(LintFixture.lint(text).of(Self.rule).isEmpty)
    }

    @Test(arguments: ["planned", "in-progress", "ongoing"])
    func anUpdateThatKeepsTheActionGoingIsReported(state: String) {
        let text = Self.recommendation(F.update("2024-05", "Still under way", state: state, target: "2024-03"))
        #expect(LintFixture.lint(text).of(Self.rule).count == 1, "state \(state)")
    }

    @Test func aTargetBeforePublicationIsLeftToTargetBeforePublication() {
        let text = Self.recommendation(F.update("2024-05", "Moved", target: "2022-09"))
        let found = LintFixture.lint(text)
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.of("target-before-publication").count == 1)
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(F.update("2024-05", "Moved", target: "2024-03"))
        let lowered = LintFixture.configuration("rules:\n  update-target-before-date: warning\n")
        #expect(try #require(LintFixture.lint(text, configuration: lowered).of(Self.rule).first).severity == .warning)
        let off = LintFixture.configuration("rules:\n  update-target-before-date: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
