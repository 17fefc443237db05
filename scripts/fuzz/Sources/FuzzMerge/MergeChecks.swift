import PlanKit

/// What a clean merge must keep. Which actions and updates a side added is found as the merge
/// finds it: action ids compared as if every side had the base's recommendation number (ours,
/// with no base), since renumbering a recommendation renumbers its actions ("3.1" of
/// recommendation 3 is "5.1" once it is 5). In the result, an added action is looked for by its
/// content, whatever its id: the merge may give theirs a new id, writes the result's ids under the
/// result's number, and, when one side is the base, takes the other side as it stands (ids with
/// another number's prefix included).
enum MergeChecks {
    static func keepsAdditions(base: Recommendation?, ours: Recommendation, theirs: Recommendation,
                               result: Recommendation) {
        let number = base?.number ?? ours.number
        func actions(_ r: Recommendation) -> [Action] { r.actions.map { renumbered($0, from: r.number, to: number) } }
        let baseActions = base.map(actions) ?? []
        let baseKeys = Set(keyed(baseActions, \.id).map(\.key))
        func withoutID(_ action: Action) -> Action {
            var copy = action
            copy.id = ""
            return copy
        }
        let resultContents = result.actions.map(withoutID)
        for (side, recommendation) in [("ours", ours), ("theirs", theirs)] {
            for ((key, action), original) in zip(keyed(actions(recommendation), \.id), recommendation.actions) {
                if !baseKeys.contains(key) {
                    // Added by this side: kept whole, under some id.
                    precondition(resultContents.contains(withoutID(action)), "a clean merge lost the action \(original.id) \(side) added")
                } else if let before = keyed(baseActions, \.id).first(where: { $0.key == key })?.item {
                    // Updates this side added to an action the base had, found in the result's
                    // action of that id (under the result's number, or as the side wrote it).
                    let beforeKeys = Set(keyed(before.updates, { $0.date.description }).map(\.key))
                    let added = keyed(action.updates, { $0.date.description }).filter { !beforeKeys.contains($0.key) }
                    guard !added.isEmpty else { continue }
                    let ids: Set<String> = [renumberedID(action.id, from: number, to: result.number), original.id]
                    let after = result.actions.filter { ids.contains($0.id) }.flatMap(\.updates)
                    for (_, update) in added {
                        precondition(after.contains(update), "a clean merge lost the update \(update.date) \(side) added to action \(original.id)")
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
