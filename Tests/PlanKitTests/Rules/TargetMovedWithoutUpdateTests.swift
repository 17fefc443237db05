import Testing
@testable import PlanKit

@Suite struct TargetMovedWithoutUpdateTests {
    static let rule = "target-moved-without-update"
    typealias F = HistoryFixture

    @Test func aTargetEditedLaterWithNoUpdateIsAnErrorAtTheTarget() throws {
        let now = F.recommendation(actions: [F.action(target: "2025-03")])
        let found = F.lint(base: [F.recommendation(actions: [F.action(target: "2024-07")])], now: [now]).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == F.location(of: "target:", in: now))
        #expect(diagnostic.message.hasPrefix("target moved from 2024-07 (in HEAD) to 2025-03 with no update added to 1.1"))
    }

    @Test func aTargetMovedByANewUpdateIsClean() {
        let base = F.recommendation(actions: [F.action(target: "2024-07")])
        let now = F.recommendation(actions: [F.action(target: "2024-07", updates: [
            F.update("2024-05", "The pilot was extended into 2025", state: "in-progress", target: "2025-03"),
        ])])
        #expect(F.lint(base: [base], now: [now]).of(Self.rule).isEmpty)
    }

    @Test func editingAnOldUpdatesTargetIsAnErrorAtThatTarget() throws {
        let base = F.recommendation(actions: [F.action(updates: [F.update("2024-05", "The pilot was extended", target: "2024-09")])])
        let now = F.recommendation(actions: [F.action(updates: [F.update("2024-05", "The pilot was extended", target: "2025-01")])])
        let found = F.lint(base: [base], now: [now], baseName: "origin/main").of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.location == F.location(of: "target:", in: now, occurrence: 2))
        #expect(found.first?.message.hasPrefix("target moved from 2024-09 (in origin/main) to 2025-01 with no update added to 1.1") == true)
    }

    @Test func aTargetRemovedWithNoUpdateIsAnError() throws {
        let base = F.recommendation(actions: [F.action(target: "2024-07")])
        let now = F.recommendation(actions: [F.action(target: nil)])
        let found = F.lint(base: [base], now: [now]).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("target 2024-07 (in HEAD) was removed with no update added to 1.1") == true)
        #expect(found.first?.location == F.location(of: "id:", in: now))
    }

    @Test(arguments: ["2024-07", "2024-07-31", "2024-05", "2024-Q2"])
    func aTargetNotMovedLaterIsClean(target: String) {
        let base = F.recommendation(actions: [F.action(target: "2024-07")])
        let now = F.recommendation(actions: [F.action(target: target, text: "Publish the revised guidance to every member of staff")])
        #expect(F.lint(base: [base], now: [now]).of(Self.rule).isEmpty)
    }

    @Test func withoutABaseTheRuleIsOff() {
        let now = F.recommendation(actions: [F.action(target: "2025-03")])
        let loaded = PlanLoader.load(LintFixture.planFiles([now]))
        #expect(Linter.lint(loaded, asOf: LintFixture.asOf).of(Self.rule).isEmpty)
    }

    @Test func aNewActionOrANewTargetIsNotAMove() {
        let base = F.recommendation(actions: [F.action(target: nil)])
        let now = F.recommendation(actions: [F.action(target: "2025-03"), F.action("1.2", target: "2026-01")])
        #expect(F.lint(base: [base], now: [now]).of(Self.rule).isEmpty)
    }

    @Test func aRenumberedRecommendationIsFollowedByItsText() throws {
        let base = F.recommendation(1, actions: [F.action("1.1", target: "2024-07")])
        let now = F.recommendation(2, actions: [F.action("2.1", target: "2025-03")])
        let found = HistoryFixture.lint(base: LintFixture.planFiles([base]),
                                        now: LintFixture.planFiles([], files: [("recommendations/02.yaml", now)])).diagnostics.of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.path == "recommendations/02.yaml")
        #expect(found.first?.message.contains("no update added to 2.1") == true)
    }

    @Test func theRuleCanBeTurnedOffOrSilencedInTheFile() {
        let base = F.recommendation(actions: [F.action(target: "2024-07")])
        let now = F.recommendation(actions: [F.action(target: "2025-03")])
        let off = F.lint(base: [base], now: [now], configuration: LintFixture.configuration("rules:\n  \(Self.rule): off\n"))
        #expect(off.of(Self.rule).isEmpty)
        let warning = F.lint(base: [base], now: [now], configuration: LintFixture.configuration("rules:\n  \(Self.rule): warning\n"))
        #expect(warning.of(Self.rule).map(\.severity) == [.warning])
        let silenced = now.replacingOccurrences(of: "target: 2025-03", with: "target: 2025-03  # plantool: disable=\(Self.rule)")
        #expect(F.lint(base: [base], now: [silenced]).of(Self.rule).isEmpty)
    }

    @Test func onlyTheFilesThatDifferFromTheBaseAreParsed() {
        let recs = (1...5).map { F.recommendation($0, actions: [F.action("\($0).1", target: "2024-07")]) }
        var changed = recs
        changed[2] = F.recommendation(3, actions: [F.action("3.1", target: "2025-03")])
        let result = F.lint(base: LintFixture.planFiles(recs), now: LintFixture.planFiles(changed))
        #expect(result.parsedBaseFiles == 1)
        #expect(result.diagnostics.of(Self.rule).map(\.path) == ["recommendations/03.yaml"])
        #expect(F.lint(base: LintFixture.planFiles(recs), now: LintFixture.planFiles(recs)).parsedBaseFiles == 0)
    }
}
