import Testing
@testable import PlanKit

@Suite struct StatusDowngradedTests {
    static let rule = "status-downgraded"
    typealias F = HistoryFixture

    static let part = "implemented-part: The review of timescales\n"
    static func reason(_ text: String = "resourcing need and affordability will need to be balanced") -> String {
        "reason:\n  categories: [affordability]\n  text: \(text)\n"
    }
    static let askReason = "say why the response changed in 'reason'"
    static let askPart = "which part will be implemented in 'implemented-part'"

    /// The one status-downgraded finding of linting `now` against `base`, else nil (and a failure when more).
    static func finding(base: String, now: String) -> Diagnostic? {
        let found = F.lint(base: [base], now: [now]).of(rule)
        #expect(found.count <= 1, "\(found)")
        return found.first
    }

    @Test(arguments: [("agreed", "partly-agreed"), ("agreed", "not-agreed"), ("partly-agreed", "not-agreed")])
    func aWeakerResponseWithNoExplanationIsAWarningAtTheStatus(was: String, now: String) throws {
        let base = F.recommendation(status: was, extra: was == "partly-agreed" ? Self.part + Self.reason() : "", actions: [F.action()])
        let text = F.recommendation(status: now, extra: was == "partly-agreed" ? Self.part : "", actions: [F.action()])
        let diagnostic = try #require(Self.finding(base: base, now: text))
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location == F.location(of: "status:", in: text))
        let asks = now == "partly-agreed" ? "\(Self.askReason) and \(Self.askPart)" : Self.askReason
        #expect(diagnostic.message == "recommendation 1 was \(was) in HEAD and is now \(now); \(asks)")
    }

    @Test(arguments: [("agreed", "partly-agreed"), ("agreed", "not-agreed"), ("partly-agreed", "not-agreed")])
    func aWeakerResponseExplainedInTheSameChangeIsClean(was: String, now: String) {
        let base = F.recommendation(status: was, extra: was == "partly-agreed" ? Self.part + Self.reason("an older reason") : "", actions: [F.action()])
        let text = F.recommendation(status: now, extra: (now == "partly-agreed" ? Self.part : "") + Self.reason(), actions: [F.action()])
        #expect(Self.finding(base: base, now: text) == nil)
    }

    @Test func theBasesReasonLeftAsItWasDoesNotExplainANewResponse() throws {
        let base = F.recommendation(status: "partly-agreed", extra: Self.part + Self.reason(), actions: [F.action()])
        let text = F.recommendation(status: "not-agreed", extra: Self.reason(), actions: [F.action()])
        let diagnostic = try #require(Self.finding(base: base, now: text))
        #expect(diagnostic.message == "recommendation 1 was partly-agreed in HEAD and is now not-agreed; \(Self.askReason) (it is unchanged since HEAD)")
    }

    @Test func aChangedCategoryIsAChangedReason() {
        let base = F.recommendation(status: "partly-agreed", extra: Self.part + Self.reason(), actions: [F.action()])
        let text = F.recommendation(status: "not-agreed", extra: Self.reason().replacingOccurrences(of: "[affordability]", with: "[affordability, policy]"),
                                    actions: [F.action()])
        #expect(Self.finding(base: base, now: text) == nil)
    }

    @Test func partlyAgreedWithANewReasonStillNeedsItsPart() throws {
        let base = F.recommendation(status: "agreed", actions: [F.action()])
        let noPart = F.recommendation(status: "partly-agreed", extra: Self.reason(), actions: [F.action()])
        let diagnostic = try #require(Self.finding(base: base, now: noPart))
        #expect(diagnostic.message == "recommendation 1 was agreed in HEAD and is now partly-agreed; say \(Self.askPart)")

        // A part the agreed base already named is not this change's explanation either.
        let baseWithPart = F.recommendation(status: "agreed", extra: Self.part, actions: [F.action()])
        let samePart = F.recommendation(status: "partly-agreed", extra: Self.part + Self.reason(), actions: [F.action()])
        let again = try #require(Self.finding(base: baseWithPart, now: samePart))
        #expect(again.message == "recommendation 1 was agreed in HEAD and is now partly-agreed; say \(Self.askPart) (it is unchanged since HEAD)")
    }

    @Test(arguments: [("partly-agreed", "agreed"), ("not-agreed", "agreed"), ("agreed", "agreed")])
    func theSameOrAStrongerResponseIsClean(was: String, now: String) {
        let base = F.recommendation(status: was, extra: Self.part + Self.reason(), actions: [F.action()])
        let text = F.recommendation(status: now, actions: [F.action(target: "2024-09")])
        #expect(F.lint(base: [base], now: [text]).of(Self.rule).isEmpty)
    }
}
