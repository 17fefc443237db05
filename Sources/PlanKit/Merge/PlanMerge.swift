/// A field that two sides changed in different ways.
public struct MergeConflict: Hashable, Sendable, CustomStringConvertible {
    /// The recommendation's number (in the merged result); nil for plan.yaml.
    public var recommendation: Int?
    /// The field: `status`, `reason.text`, `actions[3.2].target`, `actions[3.2].updates[2021-12].text`,
    /// or a whole action or update (`actions[3.2]`) deleted on one side and changed on the other.
    public var field: String
    /// Each side's value in words; nil when the side has no such field (absent or deleted).
    public var ours: String?
    public var theirs: String?

    public init(recommendation: Int?, field: String, ours: String?, theirs: String?) {
        self.recommendation = recommendation
        self.field = field
        self.ours = ours
        self.theirs = theirs
    }

    public var description: String {
        let what = recommendation.map { "Recommendation \($0)" } ?? "plan.yaml"
        return "\(what): \(field): ours \(Self.show(ours)), theirs \(Self.show(theirs))"
    }

    /// A value as the messages quote it.
    public static func show(_ value: String?) -> String {
        guard let value else { return "(none)" }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}

/// The merged value, with "ours" kept in every conflicting field, and the conflicts.
public struct MergeResult<Value: Sendable>: Sendable {
    public var value: Value
    public var conflicts: [MergeConflict]
    public var isClean: Bool { conflicts.isEmpty }
}

/// Three-way merge of plan files by structure, not by lines: each field is merged on its own;
/// actions are matched by id, updates by date; additions on both sides are all kept (actions in
/// id order, updates in date order); a conflict only where the same field changed in two
/// different ways.
public enum PlanMerge {
    /// Merges a recommendation. A side that renumbered the recommendation (and its action ids
    /// with it) is matched action by action with the other side's ids.
    public static func merge(base: Recommendation?, ours: Recommendation, theirs: Recommendation) -> MergeResult<Recommendation> {
        if ours == theirs || theirs == base { return MergeResult(value: ours, conflicts: []) }
        if ours == base { return MergeResult(value: theirs, conflicts: []) }
        var m = Merger(recommendation: nil)
        let number = m.field("number", base.map(\.number), ours.number, theirs.number, String.init)
        m.recommendation = number
        var result = Recommendation(
            number: number,
            addressee: m.field("addressee", base.map(\.addressee), ours.addressee, theirs.addressee) { $0 },
            theme: m.field("theme", base.map(\.theme), ours.theme, theirs.theme) { $0 },
            text: m.field("text", base.map(\.text), ours.text, theirs.text) { $0 },
            status: m.field("status", base.map(\.status), ours.status, theirs.status) { $0.rawValue },
            implementedPart: m.field("implemented-part", base.map(\.implementedPart), ours.implementedPart, theirs.implementedPart) { $0 },
            reason: nil,
            response: m.field("response", base.map(\.response), ours.response, theirs.response) { $0 })
        if let b = base?.reason, let o = ours.reason, let t = theirs.reason {
            result.reason = Reason(categories: m.field("reason.categories", b.categories, o.categories, t.categories, describe),
                                   text: m.field("reason.text", b.text, o.text, t.text) { $0 })
        } else {
            result.reason = m.field("reason", base.map(\.reason), ours.reason, theirs.reason, describe)
        }
        // Action ids are compared as if every side had the base's number (or ours, with no base).
        let key = base.map(\.number) ?? ours.number
        let baseActions = (base.map(\.actions) ?? []).map { renumbered($0, from: key, to: key) }
        let ourActions = ours.actions.map { renumbered($0, from: ours.number, to: key) }
        let theirActions = theirs.actions.map { renumbered($0, from: theirs.number, to: key) }
        let merged = m.keyed("actions", base: base == nil ? nil : baseActions, ourActions, theirActions,
                             key: \.id, label: { $0 }, order: { idLess($0.id, $1.id) },
                             describe: { "action \($0.id): \($0.text)" }) { path, b, o, t, m in
            mergeAction(path: path, b, o, t, &m)
        }
        result.actions = merged.map { renumbered($0, from: key, to: number) }
        return MergeResult(value: result, conflicts: m.conflicts)
    }

    /// Merges plan.yaml.
    public static func merge(base: PlanInfo?, ours: PlanInfo, theirs: PlanInfo) -> MergeResult<PlanInfo> {
        if ours == theirs || theirs == base { return MergeResult(value: ours, conflicts: []) }
        if ours == base { return MergeResult(value: theirs, conflicts: []) }
        var m = Merger(recommendation: nil)
        var result = PlanInfo(
            format: m.field("format", base.map(\.format), ours.format, theirs.format, String.init),
            title: m.field("title", base.map(\.title), ours.title, theirs.title) { $0 },
            organisation: m.field("organisation", base.map(\.organisation), ours.organisation, theirs.organisation) { $0 },
            inspectorate: m.field("inspectorate", base.map(\.inspectorate), ours.inspectorate, theirs.inspectorate) { $0 },
            report: ours.report,
            submitted: m.field("submitted", base.map(\.submitted), ours.submitted, theirs.submitted) { $0.description })
        result.report = Report(
            title: m.field("report.title", base.map(\.report.title), ours.report.title, theirs.report.title) { $0 },
            published: m.field("report.published", base.map(\.report.published), ours.report.published, theirs.report.published) { $0.description },
            url: m.field("report.url", base.map(\.report.url), ours.report.url, theirs.report.url) { $0 })
        result.revisions = m.keyed("revisions", base: base.map(\.revisions), ours.revisions, theirs.revisions,
                                   key: { $0.submitted.description }, label: { $0 },
                                   order: { $0.submitted < $1.submitted },
                                   describe: { "\($0.submitted) \($0.title)" }) { path, b, o, t, m in
            Revision(submitted: o.submitted, title: m.field(path + ".title", b.map(\.title), o.title, t.title) { $0 })
        }
        result.summary = m.field("summary", base.map(\.summary), ours.summary, theirs.summary) {
            "agreed \($0.agreed), partly-agreed \($0.partlyAgreed), not-agreed \($0.notAgreed)"
        }
        result.introduction = m.field("introduction", base.map(\.introduction), ours.introduction, theirs.introduction) { $0 }
        return MergeResult(value: result, conflicts: m.conflicts)
    }

    // MARK: actions and updates

    private static func mergeAction(path: String, _ b: Action?, _ o: Action, _ t: Action, _ m: inout Merger) -> Action {
        var action = Action(
            id: o.id,
            text: m.field(path + ".text", b.map(\.text), o.text, t.text) { $0 },
            owners: m.field(path + ".owners", b.map(\.owners), o.owners, t.owners, describe),
            target: m.field(path + ".target", b.map(\.target), o.target, t.target) { $0.description },
            state: m.field(path + ".state", b.map(\.state), o.state, t.state) { $0.rawValue },
            note: m.field(path + ".note", b.map(\.note), o.note, t.note) { $0 })
        action.updates = m.keyed(path + ".updates", base: b.map(\.updates), o.updates, t.updates,
                                 key: { $0.date.description }, label: { $0 },
                                 order: { dateLess($0.date, $1.date) },
                                 describe: { "\($0.date): \($0.text)" }, bothAddedKeepsBoth: true) { path, b, o, t, m in
            Update(date: o.date,
                   text: m.field(path + ".text", b.map(\.text), o.text, t.text) { $0 },
                   state: m.field(path + ".state", b.map(\.state), o.state, t.state) { $0.rawValue },
                   target: m.field(path + ".target", b.map(\.target), o.target, t.target) { $0.description },
                   owners: m.field(path + ".owners", b.map(\.owners), o.owners, t.owners, describe))
        }
        return action
    }

    static func describe(_ list: [String]) -> String { list.joined(separator: "; ") }
    static func describe(_ categories: [ReasonCategory]) -> String { categories.map(\.rawValue).joined(separator: ", ") }
    static func describe(_ reason: Reason) -> String { "[\(describe(reason.categories))] \(reason.text)" }

    /// Action ids in number order, part by part ("1.2" before "1.10"); ids that are not numbers
    /// after those, by their text.
    static func idLess(_ a: String, _ b: String) -> Bool {
        let pa = a.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        let pb = b.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        for (x, y) in zip(pa, pb) where x != y {
            switch (x, y) {
            case let (x?, y?): return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a < b
            }
        }
        return pa.count != pb.count ? pa.count < pb.count : a < b
    }

    static func dateLess(_ a: PlanDate, _ b: PlanDate) -> Bool {
        (a.firstDay, a.lastDay) < (b.firstDay, b.lastDay)
    }

    /// The action with ids `FROM.x` written `TO.x` (the recommendation's number is an id's first part).
    static func renumbered(_ action: Action, from: Int, to: Int) -> Action {
        guard from != to else { return action }
        let prefix = "\(from)"
        var copy = action
        if action.id == prefix {
            copy.id = "\(to)"
        } else if action.id.hasPrefix(prefix + ".") {
            copy.id = "\(to)" + action.id.dropFirst(prefix.count)
        }
        return copy
    }
}

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
    /// under the same key are merged field by field, unless `bothAddedKeepsBoth` (different
    /// updates of the same date are two updates, both kept).
    mutating func keyed<T: Equatable>(_ path: String, base: [T]?, _ ours: [T], _ theirs: [T],
                                      key: (T) -> String, label: (String) -> String,
                                      order: (T, T) -> Bool, describe: (T) -> String,
                                      bothAddedKeepsBoth: Bool = false,
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
                if baseItem == nil && bothAddedKeepsBoth && ourItem != theirItem {
                    result.append(ourItem)
                    added.append(theirItem)
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
        // Each item of theirs goes after the last item that does not come after it, so
        // additions land in order and equal ones keep ours first.
        for item in added {
            let at = (result.lastIndex { !order(item, $0) }).map { $0 + 1 } ?? 0
            result.insert(item, at: at)
        }
        return result
    }
}
