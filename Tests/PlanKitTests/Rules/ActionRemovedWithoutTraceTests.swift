import Testing
@testable import PlanKit

@Suite struct ActionRemovedWithoutTraceTests {
    static let rule = "action-removed-without-trace"
    typealias F = HistoryFixture

    static let base = F.recommendation(actions: [F.action("1.1"), F.action("1.2", text: "Train every Part B author")])

    @Test func aDeletedActionIsAWarningAtTheActions() throws {
        let now = F.recommendation(actions: [F.action("1.1")])
        let found = F.lint(base: [Self.base], now: [now]).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location == F.location(of: "actions:", in: now))
        #expect(found.first?.message.hasPrefix("action 1.2 (in HEAD) is gone; keep it, with state dropped") == true)
    }

    @Test func aDroppedActionIsClean() {
        let now = F.recommendation(actions: [F.action("1.1"), F.action("1.2", text: "Train every Part B author", updates: [
            F.update("2024-05", "Training is now part of the national induction", state: "dropped"),
        ])])
        #expect(F.lint(base: [Self.base], now: [now]).of(Self.rule).isEmpty)
    }

    @Test func aDeletedRecommendationFileIsAWarningOnThatFile() throws {
        let second = F.recommendation(2, text: "Make recall decisions consistent across regions", actions: [F.action("2.1"), F.action("2.2")])
        let found = F.lint(base: [Self.base, second], now: [Self.base]).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.path == "recommendations/02.yaml")
        #expect(found.first?.location == nil)
        #expect(found.first?.message.hasPrefix("recommendation 2 and its actions 2.1, 2.2 (in HEAD) are gone") == true)
    }

    @Test func aRenumberedRecommendationKeepsItsActions() {
        let now = F.recommendation(2, actions: [F.action("2.1"), F.action("2.2", text: "Train every Part B author")])
        let found = F.lint(base: LintFixture.planFiles([Self.base]),
                           now: LintFixture.planFiles([], files: [("recommendations/02.yaml", now)])).diagnostics
        #expect(found.of(Self.rule).isEmpty)
    }

    @Test func aFileThatDoesNotParseNowIsNotTakenForRemoved() {
        let found = F.lint(base: LintFixture.planFiles([Self.base]), now: LintFixture.planFiles(["number: [1\n"])).diagnostics
        #expect(found.of(Self.rule).isEmpty)
    }
}
