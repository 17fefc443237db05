/// Tells a renumbered recommendation from a removed one and an added one: a recommendation gone
/// from its number is the same as one new at another number when their texts are similar enough.
/// `plantool diff` and the history rules of `lint` both ask this, and must answer alike.
public enum RecommendationMatcher {
    /// How alike (`WordDiff.similarity`) two texts must be for the recommendation to count as
    /// renumbered rather than removed and added.
    public static let minimumSimilarity = 0.6

    /// A recommendation as the matcher sees it: its number and its text.
    public typealias Candidate = (number: Int, text: String)

    /// A recommendation that moved: `gone[from]` is `new[to]` (indices into the arrays given).
    public struct Match: Hashable, Sendable {
        public var from: Int
        public var to: Int
    }

    /// Pairs the recommendations gone from their numbers with those new at other numbers, most
    /// similar first, each at most once. Ties go to the lower old number, then to the lower new
    /// number (then to the earlier place in the arrays), so the same plans always give the same
    /// pairing, whatever order their files were read in.
    public static func renumberings(gone: [Candidate], new: [Candidate]) -> [Match] {
        var scored: [(match: Match, score: Double)] = []
        for (from, before) in gone.enumerated() {
            for (to, after) in new.enumerated() {
                let score = WordDiff.similarity(before.text, after.text)
                if score >= minimumSimilarity { scored.append((Match(from: from, to: to), score)) }
            }
        }
        func key(_ match: Match) -> (Int, Int, Int, Int) { (gone[match.from].number, new[match.to].number, match.from, match.to) }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : key($0.match) < key($1.match) }
        var usedFrom = Set<Int>()
        var usedTo = Set<Int>()
        var matches: [Match] = []
        for candidate in scored where !usedFrom.contains(candidate.match.from) && !usedTo.contains(candidate.match.to) {
            usedFrom.insert(candidate.match.from)
            usedTo.insert(candidate.match.to)
            matches.append(candidate.match)
        }
        return matches
    }

    /// The earlier recommendation with its actions moved along: 3.1 under recommendation 3 is
    /// 4.1 under 4, when the later side uses the new id and not the old one.
    public static func movingActions(of earlier: Recommendation, from: Int, to: Int,
                                     laterIDs: Set<String>) -> Recommendation {
        var moved = earlier
        let oldPrefix = "\(from)."
        for index in moved.actions.indices {
            let id = moved.actions[index].id
            guard id.hasPrefix(oldPrefix) else { continue }
            let newID = "\(to)." + id.dropFirst(oldPrefix.count)
            if laterIDs.contains(newID) && !laterIDs.contains(id) { moved.actions[index].id = newID }
        }
        return moved
    }
}
