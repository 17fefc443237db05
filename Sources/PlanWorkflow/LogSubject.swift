import PlanGit
import PlanKit

/// Whether the recommendation or action `plantool log` is asked about was ever in the plan. An
/// id that no version of its file along the history holds is a mistake to name, not an empty
/// history (nor, for an action, its recommendation's history).
public enum LogSubject {
    /// The error to give when recommendation `number` (or, with `action`, that action under it)
    /// is in no version of its file at the commits of `history` (newest first); nil when it is in
    /// one, or when a version that cannot be read leaves the question open.
    public static func absence(number: Int, action: String?, history: [ObjectID], revision: String,
                        fileEntry: (ObjectID) throws -> TreeEntry?, read: (TreeEntry) -> [UInt8]?,
                        recommendationNumbers: () throws -> [Int]) throws -> String? {
        var newest: (recommendation: Recommendation, atTip: Bool)?
        var fileExisted = false
        var seen = Set<ObjectID>()
        for (index, commit) in history.enumerated() {
            guard let entry = try fileEntry(commit) else { continue }
            fileExisted = true
            guard let action else { return nil }
            guard seen.insert(entry.id).inserted else { continue }
            guard let bytes = read(entry),
                  let recommendation = PlanFormat.parseRecommendation(bytes, path: entry.name, keepsPlaces: false).value else { return nil }
            if recommendation.actions.contains(where: { $0.id == action }) { return nil }
            if newest == nil { newest = (recommendation, index == 0) }
        }
        let missing = action.map { "action \($0)" } ?? "recommendation \(number)"
        if action != nil, let newest {
            let ids = newest.recommendation.actions.map(\.id)
            let has = newest.atTip ? "has" : "had"
            return "no \(missing) in the history of \(revision): recommendation \(number) \(has) \(ids.isEmpty ? "no actions" : "actions " + ids.joined(separator: ", "))"
        }
        guard !fileExisted else { return nil }
        let numbers = try recommendationNumbers()
        let plan = numbers.isEmpty ? "the plan has no recommendations" : "the plan has recommendation\(numbers.count == 1 ? "" : "s") \(spans(numbers))"
        return "no \(missing) in the history of \(revision)\(action == nil ? "" : ": there is no recommendation \(number) either"); \(plan)"
    }

    /// Sorted numbers as runs: "1 to 9", "1, 2, 4 to 7".
    public static func spans(_ numbers: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for n in Set(numbers).sorted() {
            if let last = runs.last, n == last.upperBound + 1 {
                runs[runs.count - 1] = last.lowerBound...n
            } else {
                runs.append(n...n)
            }
        }
        return runs.map { run in
            switch run.count {
            case 1: "\(run.lowerBound)"
            case 2: "\(run.lowerBound), \(run.upperBound)"
            default: "\(run.lowerBound) to \(run.upperBound)"
            }
        }.joined(separator: ", ")
    }
}
