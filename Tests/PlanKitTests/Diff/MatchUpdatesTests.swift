import TestSupport
import Testing
@testable import PlanKit

/// `RecommendationDiff.matchUpdates` pairs updates as its three passes always did, whatever the
/// lists: the shared start it pairs without hashing is paired as the first pass would pair it.
@Suite struct MatchUpdatesTests {
    /// The three passes over whole lists, as they stood before the shared start was taken first.
    static func reference(_ a: [Update], _ b: [Update]) -> (pairs: [(old: Int, new: Int)], added: [Int], removed: [Int]) {
        var oldLeft = Array(a.indices), newLeft = Array(b.indices)
        var pairs: [(old: Int, new: Int)] = []
        func pass<Key: Hashable>(_ key: (Update) -> Key) {
            var queues: [Key: [Int]] = [:]
            for old in oldLeft { queues[key(a[old]), default: []].append(old) }
            var heads: [Key: Int] = [:]
            var taken = Set<Int>()
            newLeft = newLeft.filter { m in
                let k = key(b[m])
                guard let queue = queues[k], heads[k, default: 0] < queue.count else { return true }
                let old = queue[heads[k, default: 0]]
                heads[k, default: 0] += 1
                taken.insert(old)
                pairs.append((old, m))
                return false
            }
            oldLeft.removeAll { taken.contains($0) }
        }
        pass { $0 }
        pass(\.date)
        pass(\.text)
        return (pairs, newLeft, oldLeft)
    }

    /// Updates from a small pool, so that equal updates, equal dates and equal texts recur.
    static func update(_ random: inout SplitMix64) -> Update {
        let dates = [PlanDate.read("2021-12"), PlanDate.read("2022-06"), PlanDate.read("2023-01-15")].compactMap { $0 }
        let texts = ["Work is under way.", "Completed.", "Delayed by the review."]
        let states: [ActionState?] = [nil, .completed, .inProgress]
        return Update(date: dates.randomElement(using: &random)!, text: texts.randomElement(using: &random)!,
                      state: states.randomElement(using: &random)!)
    }

    @Test(arguments: 0..<4) func pairsAsTheThreePasses(seed: UInt64) {
        var random = SplitMix64(state: 500 + seed)
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 0...6, using: &random)).map { _ in Self.update(&random) }
            var b: [Update]
            switch Int.random(in: 0...3, using: &random) {
            case 0: b = a + (0..<Int.random(in: 0...2, using: &random)).map { _ in Self.update(&random) }  // added at the end
            case 1: b = a.shuffled(using: &random)
            case 2:
                b = a
                if !b.isEmpty { b[Int.random(in: 0..<b.count, using: &random)] = Self.update(&random) }
            default: b = (0..<Int.random(in: 0...6, using: &random)).map { _ in Self.update(&random) }
            }
            let found = RecommendationDiff.matchUpdates(a, b), expected = Self.reference(a, b)
            #expect(found.pairs.map { [$0.old, $0.new] } == expected.pairs.map { [$0.old, $0.new] }, "\(a) → \(b)")
            #expect(found.added == expected.added && found.removed == expected.removed, "\(a) → \(b)")
        }
    }

    @Test func keysWorkedOutOneAtATimeAreTheListsKeys() {
        var random = SplitMix64(state: 600)
        for _ in 0..<2_000 {
            let updates = (0..<Int.random(in: 0...8, using: &random)).map { _ in Self.update(&random) }
            let lazy = RecommendationDiff.LazyKeys(updates: updates)
            #expect(updates.indices.map { lazy[$0] } == RecommendationDiff.keys(updates), "\(updates)")
        }
    }
}
