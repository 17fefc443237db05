/// An item's identity in a list: its key and which of the items with that key it is.
struct ItemKey: Hashable {
    var key: String
    var occurrence: Int
}

/// Collects conflicts while fields are merged.
struct Merger {
    var recommendation: Int?
    var conflicts: [MergeConflict] = []

    /// One field: a side that left it as it was takes the other's; equal changes agree; two
    /// different changes conflict, and ours is kept. With no base (both sides added the file or
    /// the item), equal values agree and different ones conflict.
    mutating func field<T: Equatable>(_ path: String, _ base: T??, _ ours: T?, _ theirs: T?,
                                      _ describe: (T) -> String) -> T? {
        if ours == theirs { return ours }
        if let base {
            if ours == base { return theirs }
            if theirs == base { return ours }
        }
        conflicts.append(MergeConflict(recommendation: recommendation, field: path,
                                       ours: ours.map(describe), theirs: theirs.map(describe)))
        return ours
    }

    mutating func field<T: Equatable>(_ path: String, _ base: T?, _ ours: T, _ theirs: T,
                                      _ describe: (T) -> String) -> T {
        if ours == theirs { return ours }
        if let base {
            if ours == base { return theirs }
            if theirs == base { return ours }
        }
        conflicts.append(MergeConflict(recommendation: recommendation, field: path,
                                       ours: describe(ours), theirs: describe(theirs)))
        return ours
    }

    /// A list of items with an identity (`key`; the n-th item with the same key is matched with
    /// the n-th): items are merged one by one; an item deleted on one side and unchanged on the
    /// other goes; deleted on one side and changed on the other is a conflict, and the changed
    /// item is kept; items added on one side are inserted in `order`. Items both sides added
    /// under the same key are one item when equal; when they differ, both are kept (theirs passed
    /// through `distinct`: an action gets a free id, updates of one date stay as they are), or,
    /// with no `distinct`, merged field by field.
    mutating func keyed<T: Equatable>(_ path: String, base: [T]?, _ ours: [T], _ theirs: [T],
                                      key: (T) -> String, label: (String) -> String,
                                      order: (T, T) -> Bool, describe: (T) -> String,
                                      distinct: ((T) -> T)?,
                                      merge: (String, T?, T, T, inout Merger) -> T) -> [T] {
        if ours == theirs { return ours }
        if let base {
            if ours == base { return theirs }
            if theirs == base { return ours }
        }
        func keyed(_ items: [T]) -> [(ItemKey, T)] {
            var seen: [String: Int] = [:]
            return items.map { item in
                let k = key(item)
                let n = seen[k, default: 0]
                seen[k] = n + 1
                return (ItemKey(key: k, occurrence: n), item)
            }
        }
        let b = keyed(base ?? []), o = keyed(ours), t = keyed(theirs)
        let baseByKey = Dictionary(b, uniquingKeysWith: { a, _ in a })
        let theirsByKey = Dictionary(t, uniquingKeysWith: { a, _ in a })
        let oursByKey = Dictionary(o, uniquingKeysWith: { a, _ in a })
        func itemPath(_ k: ItemKey) -> String {
            "\(path)[\(label(k.key))\(k.occurrence > 0 ? "#\(k.occurrence + 1)" : "")]"
        }
        var result: [T] = []
        var added: [T] = []
        for (k, ourItem) in o {
            let baseItem = baseByKey[k]
            if let theirItem = theirsByKey[k] {
                if baseItem == nil, ourItem != theirItem, let distinct {
                    result.append(ourItem)
                    added.append(distinct(theirItem))
                } else {
                    result.append(merge(itemPath(k), baseItem, ourItem, theirItem, &self))
                }
            } else if let baseItem {
                // Theirs deleted it.
                if ourItem != baseItem {
                    conflicts.append(MergeConflict(recommendation: recommendation, field: itemPath(k),
                                                   ours: "changed: " + describe(ourItem), theirs: nil))
                    result.append(ourItem)
                }
            } else {
                result.append(ourItem)  // ours added it
            }
        }
        for (k, theirItem) in t where oursByKey[k] == nil {
            if let baseItem = baseByKey[k] {
                // Ours deleted it.
                if theirItem != baseItem {
                    conflicts.append(MergeConflict(recommendation: recommendation, field: itemPath(k),
                                                   ours: nil, theirs: "changed: " + describe(theirItem)))
                    added.append(theirItem)
                }
            } else {
                added.append(theirItem)  // theirs added it
            }
        }
        return Self.inserting(added, into: result, order: order)
    }

    /// Each item of `added` goes after the last item that does not come after it, so additions
    /// land in order and equal ones keep ours first. When both lists are already in order (as
    /// plan files keep them) that is a stable merge of the two, done in one pass; inserting one
    /// by one would be quadratic (20,000 updates added on each side took seconds).
    static func inserting<T>(_ added: [T], into result: [T], order: (T, T) -> Bool) -> [T] {
        func sorted(_ items: [T]) -> Bool {
            zip(items, items.dropFirst()).allSatisfy { !order($1, $0) }
        }
        guard sorted(result), sorted(added) else {
            var result = result
            for item in added {
                let at = (result.lastIndex { !order(item, $0) }).map { $0 + 1 } ?? 0
                result.insert(item, at: at)
            }
            return result
        }
        var merged: [T] = []
        merged.reserveCapacity(result.count + added.count)
        var i = result.startIndex, j = added.startIndex
        while i < result.endIndex, j < added.endIndex {
            if order(added[j], result[i]) {
                merged.append(added[j])
                j += 1
            } else {
                merged.append(result[i])
                i += 1
            }
        }
        merged += result[i...]
        merged += added[j...]
        return merged
    }
}

/// Fields that only mean something together: a recommendation's status, implemented part and
/// reason; an action's state, target and note; an update's state and target. When both sides
/// changed a group in different ways, its fields are merged as if there were no base (equal
/// values agree, different ones conflict), so the merged group is never half one side's and
/// half the other's.
struct Stance: Equatable {
    private var parts: [AnyHashable?]

    init(_ recommendation: Recommendation) {
        parts = [recommendation.status, recommendation.implementedPart, recommendation.reason]
    }

    init(_ action: Action) { parts = [action.state, action.target, action.note] }

    init(_ update: Update) { parts = [update.state, update.target] }

    /// Whether both sides changed the group, in different ways.
    static func contested(_ base: Stance?, _ ours: Stance, _ theirs: Stance) -> Bool {
        guard let base else { return false }
        return ours != base && theirs != base && ours != theirs
    }
}
