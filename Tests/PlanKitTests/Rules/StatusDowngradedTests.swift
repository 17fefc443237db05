import Testing
@testable import PlanKit

@Suite struct StatusDowngradedTests {
    static let rule = "status-downgraded"
    typealias F = HistoryFixture

    static let reason = "implemented-part: The review of timescales\nreason:\n  categories: [affordability]\n  text: resourcing need and affordability will need to be balanced\n"

    @Test(arguments: [("agreed", "partly-agreed"), ("agreed", "not-agreed"), ("partly-agreed", "not-agreed")])
    func aWeakerResponseIsAWarningAtTheStatus(was: String, now: String) throws {
        let text = F.recommendation(status: now, extra: Self.reason, actions: [F.action()])
        let found = F.lint(base: [F.recommendation(status: was, actions: [F.action()])], now: [text]).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location == F.location(of: "status:", in: text))
        #expect(found.first?.message == "recommendation 1 was \(was) in HEAD and is now \(now); say why the response changed in 'reason'")
    }

    @Test(arguments: [("partly-agreed", "agreed"), ("not-agreed", "agreed"), ("agreed", "agreed")])
    func theSameOrAStrongerResponseIsClean(was: String, now: String) {
        let base = F.recommendation(status: was, extra: Self.reason, actions: [F.action()])
        let text = F.recommendation(status: now, actions: [F.action(target: "2024-09")])
        #expect(F.lint(base: [base], now: [text]).of(Self.rule).isEmpty)
    }
}
