/// The changes between two versions of one recommendation: one change per field that differs,
/// each naming its place as the merge names conflict fields (`reason.text`,
/// `actions[5.1].updates[2021-12].target`). Actions are matched by id; updates first whole, then
/// by date (the n-th remaining update of a date with the n-th), then by text (its date edited).
/// A move of an action's current target, state or owners is carried by the one change that
/// caused it, so a slip made by editing or adding an update shows as a slip.
enum RecommendationDiff {
    static func compare(_ a: Recommendation, _ b: Recommendation, path: String?) -> [Change] {
        let n = b.number
        var found: [Change] = []
        func add(_ kind: ChangeKind, _ field: String, _ x: String?, _ y: String?, text: Bool = true) {
            guard x != y else { return }
            var change = Change(kind: kind, recommendation: n, field: field, old: x, new: y, path: path)
            if text, let x, let y { change.words = WordDiff.diff(x, y) }
            found.append(change)
        }
        add(.textChanged, "text", a.text, b.text)
        add(.fieldChanged, "addressee", a.addressee, b.addressee)
        add(.fieldChanged, "reference", a.reference, b.reference, text: false)
        add(.fieldChanged, "kind", a.kind.rawValue, b.kind.rawValue, text: false)
        add(.fieldChanged, "theme", a.theme, b.theme)
        add(.fieldChanged, "implemented-part", a.implementedPart, b.implementedPart)
        add(.fieldChanged, "response", a.response, b.response)
        add(.statusChanged, "status", a.status.rawValue, b.status.rawValue, text: false)
        switch (a.reason, b.reason) {
        case (let x?, let y?):
            // Equal lists of categories read the same: only differing ones are written out.
            if x.categories != y.categories {
                add(.reasonChanged, "reason.categories", categories(x), categories(y), text: false)
            }
            add(.reasonChanged, "reason.text", x.text, y.text)
        default:
            add(.reasonChanged, "reason", a.reason.map(describe), b.reason.map(describe), text: false)
        }
        let oldIDs = a.actions.map(\.id), newIDs = b.actions.map(\.id)
        for action in b.actions {
            if let before = a.actions.first(where: { $0.id == action.id }) {
                found += compare(before, action, recommendation: n, path: path)
            } else {
                var change = Change(kind: .actionAdded, recommendation: n, action: action.id, field: "actions[\(action.id)]",
                                    new: action.text, path: path)
                change.actionValue = ActionValue(action)
                found.append(change)
            }
        }
        for action in a.actions where !newIDs.contains(action.id) {
            var change = Change(kind: .actionRemoved, recommendation: n, action: action.id, field: "actions[\(action.id)]",
                                old: action.text, path: path)
            change.actionValue = ActionValue(action)
            found.append(change)
        }
        let kept = Set(oldIDs).intersection(newIDs)
        let oldOrder = oldIDs.filter(kept.contains), newOrder = newIDs.filter(kept.contains)
        if oldOrder != newOrder {
            found.append(Change(kind: .orderChanged, recommendation: n, field: "actions", old: oldOrder.joined(separator: ", "),
                                new: newOrder.joined(separator: ", "), path: path))
        }
        return found
    }

    static func categories(_ reason: Reason) -> String { reason.categories.map(\.rawValue).joined(separator: ", ") }
    static func describe(_ reason: Reason) -> String { categories(reason) + ": " + reason.text }

    /// Which of an action's values a change concerns, and where: for giving the move of a
    /// current value to the change that caused it.
    enum Attribute { case target, state, owners }
    enum Source: Equatable {
        case own
        case pair(old: Int, new: Int)
        case added(Int)
        case removed(Int)
        case order
    }

    static func compare(_ a: Action, _ b: Action, recommendation n: Int, path: String?) -> [Change] {
        // Most actions of a changed recommendation are unchanged. Equal actions differ in no
        // field that is compared below (each comparison is `==` on a field, as this is), so
        // nothing below would be found.
        if a == b { return [] }
        let id = b.id
        let base = "actions[\(id)]"
        var found: [(change: Change, source: Source, attribute: Attribute?)] = []
        func add(_ kind: ChangeKind, _ field: String, _ x: String?, _ y: String?, source: Source, attribute: Attribute? = nil,
                 update: String? = nil, text: Bool = false) {
            guard x != y else { return }
            var change = Change(kind: kind, recommendation: n, action: id, update: update, field: field, old: x, new: y, path: path)
            if text, let x, let y { change.words = WordDiff.diff(x, y) }
            found.append((change, source, attribute))
        }
        func addOwners(_ field: String, _ x: [String]?, _ y: [String]?, source: Source, update: String? = nil) {
            guard x != y else { return }
            var change = Change(kind: .ownerChanged, recommendation: n, action: id, update: update, field: field,
                                old: x.map(joined), new: y.map(joined), path: path)
            change.added = (y ?? []).filter { !(x ?? []).contains($0) }
            change.removed = (x ?? []).filter { !(y ?? []).contains($0) }
            found.append((change, source, .owners))
        }
        add(.actionTextChanged, base + ".text", a.text, b.text, source: .own, text: true)
        addOwners(base + ".owners", a.owners, b.owners, source: .own)
        add(.targetChanged, base + ".target", a.target?.description, b.target?.description, source: .own, attribute: .target)
        add(.noteChanged, base + ".note", a.note, b.note, source: .own, text: true)
        add(.stateChanged, base + ".state", a.state.rawValue, b.state.rawValue, source: .own, attribute: .state)

        let match = matchUpdates(a.updates, b.updates)
        // Keys worked out only for the updates a change names (most pairs are equal).
        let oldKeys = LazyKeys(updates: a.updates), newKeys = LazyKeys(updates: b.updates)
        for (o, m) in match.pairs.sorted(by: { $0.new < $1.new }).map({ ($0.old, $0.new) }) {
            let x = a.updates[o], y = b.updates[m]
            // Most pairs are the same update: equal, they differ in no field compared below.
            if x == y { continue }
            let source = Source.pair(old: o, new: m)
            let place = base + ".updates[\(newKeys[m])]"
            add(.updateChanged, base + ".updates[\(oldKeys[o])].date", x.date.description, y.date.description, source: source,
                update: oldKeys[o])
            add(.updateChanged, place + ".text", x.text, y.text, source: source, update: newKeys[m], text: true)
            add(.stateChanged, place + ".state", x.state?.rawValue, y.state?.rawValue, source: source, attribute: .state, update: newKeys[m])
            add(.targetChanged, place + ".target", x.target?.description, y.target?.description, source: source, attribute: .target,
                update: newKeys[m])
            addOwners(place + ".owners", x.owners, y.owners, source: source, update: newKeys[m])
        }
        for m in match.added {
            var change = Change(kind: .updateAdded, recommendation: n, action: id, update: newKeys[m],
                                field: base + ".updates[\(newKeys[m])]", new: b.updates[m].text, path: path)
            change.updateValue = UpdateValue(b.updates[m])
            found.append((change, .added(m), nil))
        }
        for o in match.removed {
            var change = Change(kind: .updateRemoved, recommendation: n, action: id, update: oldKeys[o],
                                field: base + ".updates[\(oldKeys[o])]", old: a.updates[o].text, path: path)
            change.updateValue = UpdateValue(a.updates[o])
            found.append((change, .removed(o), nil))
        }
        let order = match.pairs.sorted(by: { $0.new < $1.new }).map(\.old)
        if order != order.sorted() {
            found.append((Change(kind: .orderChanged, recommendation: n, action: id, field: base + ".updates",
                                 old: order.sorted().map { oldKeys[$0] }.joined(separator: ", "),
                                 new: order.map { oldKeys[$0] }.joined(separator: ", "), path: path), .order, nil))
        }

        // The moves of the current values, each given to the change that caused it.
        func decider(_ updates: [Update], _ gives: (Update) -> Bool) -> Int? { updates.lastIndex(where: gives) }
        func give(_ attribute: Attribute, oldDecider: Int?, newDecider: Int?, apply: (inout Change) -> Void) {
            guard !found.isEmpty else { return }
            let candidates: [(Source, Attribute?) -> Bool] = [
                { source, attr in
                    guard let m = newDecider else { return source == .own && attr == attribute }
                    if source == .added(m) { return true }
                    if case .pair(_, m) = source { return attr == attribute }
                    return false
                },
                { source, attr in
                    guard let o = oldDecider else { return source == .own && attr == attribute }
                    if source == .removed(o) { return true }
                    if case .pair(o, _) = source { return attr == attribute }
                    return false
                },
                { source, _ in source == .order },
                { _, attr in attr == attribute },
                { _, _ in true },
            ]
            for test in candidates {
                if let index = found.firstIndex(where: { test($0.source, $0.attribute) }) {
                    apply(&found[index].change)
                    return
                }
            }
        }
        let oldTarget = a.currentTarget, newTarget = b.currentTarget
        if oldTarget != newTarget {
            give(.target, oldDecider: decider(a.updates) { $0.target != nil }, newDecider: decider(b.updates) { $0.target != nil }) {
                $0.currentTarget = Move(old: oldTarget?.description, new: newTarget?.description)
                if let x = oldTarget, let y = newTarget { $0.months = y.monthIndex - x.monthIndex }
            }
        }
        if a.currentState != b.currentState {
            give(.state, oldDecider: decider(a.updates) { $0.state != nil }, newDecider: decider(b.updates) { $0.state != nil }) {
                $0.currentState = Move(old: a.currentState.rawValue, new: b.currentState.rawValue)
            }
        }
        if a.currentOwners != b.currentOwners {
            give(.owners, oldDecider: decider(a.updates) { $0.owners != nil }, newDecider: decider(b.updates) { $0.owners != nil }) {
                $0.currentOwners = Move(old: joined(a.currentOwners), new: joined(b.currentOwners))
            }
        }
        return found.map(\.change)
    }

    static func joined(_ owners: [String]) -> String { owners.joined(separator: "; ") }

    /// `keys(updates)[index]`, worked out for one index when asked.
    struct LazyKeys {
        let updates: [Update]

        subscript(index: Int) -> String {
            let date = updates[index].date
            var occurrence = 1
            for earlier in updates[..<index] where earlier.date == date { occurrence += 1 }
            return date.description + (occurrence > 1 ? "#\(occurrence)" : "")
        }
    }

    /// Each update's key in its action: its date, then `#2`, `#3` for later updates of that date.
    static func keys(_ updates: [Update]) -> [String] {
        var seen: [PlanDate: Int] = [:]
        return updates.map { update in
            let occurrence = seen[update.date, default: 0] + 1
            seen[update.date] = occurrence
            return update.date.description + (occurrence > 1 ? "#\(occurrence)" : "")
        }
    }

    /// Pairs of (old index, new index): identical updates first, then the n-th remaining update of
    /// a date with the n-th, then the same text under another date; the rest were added or removed.
    static func matchUpdates(_ a: [Update], _ b: [Update]) -> (pairs: [(old: Int, new: Int)], added: [Int], removed: [Int]) {
        // Updates are mostly added at the end: the run of equal updates both lists start with
        // pairs up in order, as the first pass would pair it (each new update there takes the
        // first old one left of its value, which is the one at its own place), and only the
        // rest goes through the passes.
        var shared = 0
        while shared < min(a.count, b.count), a[shared] == b[shared] { shared += 1 }
        var oldLeft = Array(a.indices.dropFirst(shared)), newLeft = Array(b.indices.dropFirst(shared))
        var pairs: [(old: Int, new: Int)] = (0..<shared).map { ($0, $0) }
        // Each pass matches a new update with the first old one left that has the same key:
        // the old ones left are queued by key, so thousands of updates stay linear.
        func pass<Key: Hashable>(_ key: (Update) -> Key) {
            guard !oldLeft.isEmpty, !newLeft.isEmpty else { return }
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
}
