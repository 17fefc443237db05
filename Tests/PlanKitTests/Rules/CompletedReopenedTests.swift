import Testing
@testable import PlanKit

@Suite struct CompletedReopenedTests {
    static let rule = "completed-reopened"
    typealias F = HistoryFixture

    static let completed = F.recommendation(actions: [F.action(updates: [F.update("2024-04", "The guidance was published", state: "completed")])])

    @Test func aCompletedActionOpenAgainIsAWarningAtItsState() throws {
        let now = F.recommendation(actions: [F.action(updates: [
            F.update("2024-04", "The guidance was published", state: "completed"),
            F.update("2024-05", "The guidance is being revised after legal advice", state: "in-progress"),
        ])])
        let found = F.lint(base: [Self.completed], now: [now]).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location == F.location(of: "state:", in: now, occurrence: 2))
        #expect(found.first?.message == "action 1.1 was completed in HEAD and is in-progress again; say in an update why it was reopened")
    }

    @Test func aCompletedActionThatStaysDoneIsClean() {
        let now = F.recommendation(actions: [F.action(updates: [
            F.update("2024-04", "The guidance was published", state: "completed"),
            F.update("2024-05", "All staff have read the guidance"),
        ])])
        #expect(F.lint(base: [Self.completed], now: [now]).of(Self.rule).isEmpty)
    }

    @Test func anOpenActionMovingOnIsClean() {
        let base = F.recommendation(actions: [F.action(state: "planned")])
        let now = F.recommendation(actions: [F.action(state: "planned", updates: [F.update("2024-05", "Drafting started", state: "in-progress")])])
        #expect(F.lint(base: [base], now: [now]).of(Self.rule).isEmpty)
    }
}
