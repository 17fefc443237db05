import PropertyBased
import Testing
@testable import PlanKit

/// The one-pass merge of items added on both sides gives what inserting them one by one gives
/// (each after the last item that does not come after it), for lists in order or not.
@Suite struct MergeInsertionPropertyTests {
    struct Lists: Sendable, CustomStringConvertible {
        var result: [Pair]
        var added: [Pair]
        var description: String { "result \(result)\nadded \(added)" }
    }

    /// A key to order by, and which item it is (to tell equal keys apart).
    struct Pair: Equatable, Sendable, CustomStringConvertible {
        var key: Int
        var tag: Int
        var description: String { "\(key)/\(tag)" }
    }

    static func list(_ rng: inout any SeededRandomNumberGenerator, tag: Int) -> [Pair] {
        let items = (0..<Int(rng.next() % 12)).map { Pair(key: Int(rng.next() % 6), tag: tag + $0) }
        // Mostly in order, as plan files keep them; sometimes not.
        return rng.next() % 4 == 0 ? items : items.sorted { $0.key < $1.key }
    }

    static let lists = Generator<Lists, Shrink.None<Lists>>(run: { rng in
        Lists(result: list(&rng, tag: 0), added: list(&rng, tag: 100))
    })

    static func oneByOne(_ added: [Pair], into result: [Pair]) -> [Pair] {
        var result = result
        for item in added {
            let at = (result.lastIndex { !(item.key < $0.key) }).map { $0 + 1 } ?? 0
            result.insert(item, at: at)
        }
        return result
    }

    @Test func mergingInOnePassGivesWhatInsertingOneByOneGives() async {
        await propertyCheck(count: 500, input: Self.lists) { l in
            #expect(Merger.inserting(l.added, into: l.result, order: { $0.key < $1.key }) == Self.oneByOne(l.added, into: l.result))
        }
    }
}
