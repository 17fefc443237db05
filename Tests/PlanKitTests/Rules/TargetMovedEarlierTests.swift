import Testing
@testable import PlanKit

@Suite struct TargetMovedEarlierTests {
    static let rule = "target-moved-earlier"
    typealias F = HistoryFixture

    @Test func aTargetBroughtForwardIsNotedAsInfo() throws {
        let now = F.recommendation(actions: [F.action(target: "2024-07", updates: [
            F.update("2024-05", "Staff training finished early", target: "2024-06"),
        ])])
        let found = F.lint(base: [F.recommendation(actions: [F.action(target: "2024-07")])], now: [now]).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.severity == .info)
        #expect(found.first?.location == F.location(of: "target:", in: now, occurrence: 2))
        #expect(found.first?.message == "target of 1.1 moved earlier, from 2024-07 (in HEAD) to 2024-06")
        // Not a move later.
        #expect(F.lint(base: [F.recommendation(actions: [F.action(target: "2024-07")])], now: [now]).of("target-moved-without-update").isEmpty)
    }

    @Test(arguments: ["2024-07", "2024-08", "2024-07-31"])
    func aTargetNotBroughtForwardIsNotNoted(target: String) {
        let base = F.recommendation(actions: [F.action(target: "2024-07")])
        let now = F.recommendation(actions: [F.action(target: target)])
        #expect(F.lint(base: [base], now: [now]).of(Self.rule).isEmpty)
    }
}
