import Testing
@testable import PlanKit

@Suite struct UpdateRewrittenTests {
    static let rule = "update-rewritten"
    typealias F = HistoryFixture

    static let base = F.recommendation(actions: [F.action(updates: [
        F.update("2024-03", "Drafting has started", state: "in-progress"),
        F.update("2024-05", "The pilot was extended", target: "2024-09"),
    ])])

    @Test func anEditedUpdateTextIsAnErrorAtTheText() throws {
        let now = Self.base.replacingOccurrences(of: "The pilot was extended", with: "The pilot was extended by the board")
        let found = F.lint(base: [Self.base], now: [now]).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
        #expect(found.first?.location == F.location(of: "text: The pilot", in: now))
        #expect(found.first?.message == "update 2024-05 of 1.1 was edited: its text was \"The pilot was extended\" in HEAD; updates are a record: put it back and add a new update for what changed")
    }

    @Test func anEditedUpdateTargetOrStateIsAnError() throws {
        let target = Self.base.replacingOccurrences(of: "target: 2024-09", with: "target: 2024-10")
        let found = F.lint(base: [Self.base], now: [target]).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.location == F.location(of: "target:", in: target, occurrence: 2))
        #expect(found.first?.message.contains("its target was 2024-09 in HEAD") == true)
        let state = Self.base.replacingOccurrences(of: "state: in-progress", with: "state: completed")
        #expect(F.lint(base: [Self.base], now: [state]).of(Self.rule).first?.message.contains("its state was in-progress in HEAD") == true)
    }

    @Test func aRemovedUpdateIsAnError() throws {
        let now = F.recommendation(actions: [F.action(updates: [F.update("2024-03", "Drafting has started", state: "in-progress")])])
        let found = F.lint(base: [Self.base], now: [now]).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.message == "update 2024-05 of 1.1 (in HEAD) was removed; updates are a record: keep it, and add a new update for what changed")
        #expect(found.first?.location == F.location(of: "updates:", in: now))
    }

    @Test func addedOrReorderedUpdatesAreClean() {
        let added = Self.base + F.update("2024-06", "The pilot report is with the board")
        #expect(F.lint(base: [Self.base], now: [added]).of(Self.rule).isEmpty)
        let reordered = F.recommendation(actions: [F.action(updates: [
            F.update("2024-05", "The pilot was extended", target: "2024-09"),
            F.update("2024-03", "Drafting has started", state: "in-progress"),
        ])])
        let found = F.lint(base: [Self.base], now: [reordered])
        #expect(found.of(Self.rule).isEmpty)
        #expect(!found.of("update-order").isEmpty)
    }

    static let owned = F.recommendation(actions: [F.action(updates: [
        F.update("2024-05", "The pilot was extended", target: "2024-09") + "        owners:\n          - Head of PPG\n",
    ])])

    @Test func anOwnerSpeltAnewEverywhereIsNotARewrite() {
        let now = Self.owned.replacingOccurrences(of: "Head of PPG", with: "Head of the Public Protection Group")
        #expect(F.lint(base: [Self.owned], now: [now]).of(Self.rule).isEmpty)
    }

    @Test func anUpdatesOwnerChangedWhileTheOldNameStaysIsARewrite() throws {
        // The update's owner becomes the action's owner, while the old name is still named by an
        // action: that changes who owned the update, not how the name is spelt.
        let now = Self.owned.replacingOccurrences(of: "          - Head of PPG", with: "          - Head of Public Protection")
            + F.action("1.2", text: "Brief the PPG", updates: []).replacingOccurrences(of: "Head of Public Protection", with: "Head of PPG")
        let found = F.lint(base: [Self.owned], now: [now]).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("its owners was Head of PPG in HEAD") == true)
    }

    @Test func anOwnerRemovedFromAnUpdateIsARewrite() {
        let now = Self.owned.replacingOccurrences(of: "        owners:\n          - Head of PPG\n", with: "        owners:\n          - Head of PPG\n          - Head of Policy\n")
        let back = F.lint(base: [now], now: [Self.owned]).of(Self.rule)
        #expect(back.count == 1)
    }
}
