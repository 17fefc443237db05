import PlanKit

/// What a clean merge must keep. Which actions and updates a side added is found as the merge
/// finds it: action ids compared as if every side had the base's recommendation number (ours,
/// with no base), since renumbering a recommendation renumbers its actions ("3.1" of
/// recommendation 3 is "5.1" once it is 5). An added action is then looked for in the result
/// under the result's number, as the merge writes it.
enum MergeChecks {
    static func keepsAdditions(base: Recommendation?, ours: Recommendation, theirs: Recommendation,
                               result: Recommendation, renumbered moves: [ActionRenumbering]) {
        let number = base?.number ?? ours.number
        func actions(_ r: Recommendation) -> [Action] { r.actions.map { renumbered($0, from: r.number, to: number) } }
        func inResult(_ action: Action) -> Action { renumbered(action, from: number, to: result.number) }
        let baseActions = base.map(actions) ?? []
        let baseKeys = Set(keyed(baseActions, \.id).map(\.key))
        let moved = Set(moves.map(\.to))
        for (side, actions) in [("ours", actions(ours)), ("theirs", actions(theirs))] {
            for (key, action) in keyed(actions, \.id) {
                let expected = inResult(action)
                if !baseKeys.contains(key) {
                    // Added by this side: kept whole, theirs perhaps under a new id.
                    let kept = result.actions.contains { kept in
                        var renamed = kept
                        renamed.id = expected.id
                        return kept == expected || (moved.contains(kept.id) && renamed == expected)
                    }
                    precondition(kept, "a clean merge lost the action \(action.id) \(side) added")
                } else if let before = keyed(baseActions, \.id).first(where: { $0.key == key })?.item {
                    // Updates this side added to an action the base had.
                    let beforeKeys = Set(keyed(before.updates, { $0.date.description }).map(\.key))
                    let added = keyed(action.updates, { $0.date.description }).filter { !beforeKeys.contains($0.key) }
                    guard !added.isEmpty else { continue }
                    let after = result.actions.filter { $0.id == expected.id }.flatMap(\.updates)
                    for (_, update) in added {
                        precondition(after.contains(update), "a clean merge lost the update \(update.date) \(side) added to action \(action.id)")
                    }
                }
            }
        }
    }

    /// Items with their identity: the key and which occurrence of it (as the merge matches them).
    static func keyed<T>(_ items: [T], _ key: (T) -> String) -> [(key: String, item: T)] {
        var seen: [String: Int] = [:]
        return items.map { item in
            let k = key(item)
            let n = seen[k, default: 0]
            seen[k] = n + 1
            return ("\(k)#\(n)", item)
        }
    }

    static func renumbered(_ action: Action, from: Int, to: Int) -> Action {
        var copy = action
        copy.id = renumberedID(action.id, from: from, to: to)
        return copy
    }

    /// As the merge renumbers: "3" and "3.x" become "5" and "5.x"; other ids stay.
    static func renumberedID(_ id: String, from: Int, to: Int) -> String {
        let prefix = "\(from)"
        guard from != to else { return id }
        if id == prefix { return "\(to)" }
        if id.hasPrefix(prefix + ".") { return "\(to)" + id.dropFirst(prefix.count) }
        return id
    }
}
