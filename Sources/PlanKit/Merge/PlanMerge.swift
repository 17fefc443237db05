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

/// Both sides added an action with the same id and different content: both are kept, and
/// theirs was given the next free id.
public struct ActionRenumbering: Hashable, Sendable, CustomStringConvertible {
    /// The recommendation's number (in the merged result).
    public var recommendation: Int
    /// The id both sides gave their new action, and theirs' id in the merged result.
    public var from: String
    public var to: String

    public var description: String {
        let from = UnsafeCharacters.neutralised(from, keepingLineBreaks: false)
        let to = UnsafeCharacters.neutralised(to, keepingLineBreaks: false)
        return "Recommendation \(recommendation): both sides added action \(from); theirs is kept as \(to)"
    }
}

/// The merged value, with "ours" kept in every conflicting field, the conflicts, and the new
/// actions of theirs that had to take another id.
public struct MergeResult<Value: Sendable>: Sendable {
    public var value: Value
    public var conflicts: [MergeConflict]
    public var renumbered: [ActionRenumbering] = []
    public var isClean: Bool { conflicts.isEmpty }
}

/// Three-way merge of plan files by structure, not by lines: each field is merged on its own;
/// actions are matched by id, updates by date; additions on both sides are all kept (actions in
/// id order, updates in date order; a new action of theirs whose id ours gave to another new
/// action takes the next free id); a conflict only where the same field changed in two
/// different ways. Fields that only mean something together are merged as a group
/// (`PlanMerge.Stance`): when both sides changed a group in different ways, every field of it
/// on which they differ is a conflict, so a merged group is always one side's.
public enum PlanMerge {
    /// Merges a recommendation. A side that renumbered the recommendation (and its action ids
    /// with it) is matched action by action with the other side's ids.
    public static func merge(base: Recommendation?, ours: Recommendation, theirs: Recommendation) -> MergeResult<Recommendation> {
        if ours == theirs || theirs == base { return MergeResult(value: ours, conflicts: []) }
        if ours == base { return MergeResult(value: theirs, conflicts: []) }
        var m = Merger(recommendation: nil)
        let number = m.field("number", base.map(\.number), ours.number, theirs.number, String.init)
        m.recommendation = number
        // Status, implemented part and reason: one side's, or conflicts.
        let stanceBase = Stance.contested(base.map(Stance.init), Stance(ours), Stance(theirs)) ? nil : base
        var result = Recommendation(
            number: number,
            addressee: m.field("addressee", base.map(\.addressee), ours.addressee, theirs.addressee) { $0 },
            theme: m.field("theme", base.map(\.theme), ours.theme, theirs.theme) { $0 },
            text: m.field("text", base.map(\.text), ours.text, theirs.text) { $0 },
            status: m.field("status", stanceBase.map(\.status), ours.status, theirs.status) { $0.rawValue },
            implementedPart: m.field("implemented-part", stanceBase.map(\.implementedPart), ours.implementedPart, theirs.implementedPart) { $0 },
            reason: nil,
            response: m.field("response", base.map(\.response), ours.response, theirs.response) { $0 },
            kind: m.field("kind", base.map(\.kind), ours.kind, theirs.kind) { $0.rawValue },
            reference: m.field("reference", base.map(\.reference), ours.reference, theirs.reference) { $0 })
        if let b = base?.reason, let o = ours.reason, let t = theirs.reason {
            let b = stanceBase == nil ? nil : b
            result.reason = Reason(categories: m.field("reason.categories", b?.categories, o.categories, t.categories, describe),
                                   text: m.field("reason.text", b?.text, o.text, t.text) { $0 })
        } else {
            result.reason = m.field("reason", stanceBase.map(\.reason), ours.reason, theirs.reason, describe)
        }
        // Action ids are compared as if every side had the base's number (or ours, with no base).
        let key = base.map(\.number) ?? ours.number
        let baseActions = (base.map(\.actions) ?? []).map { renumbered($0, from: key, to: key) }
        let ourActions = ours.actions.map { renumbered($0, from: ours.number, to: key) }
        let theirActions = theirs.actions.map { renumbered($0, from: theirs.number, to: key) }
        // An id either side ever used is not free: a new action never takes a deleted one's id.
        var used = Set((baseActions + ourActions + theirActions).map(\.id))
        var moves: [(from: String, to: String)] = []
        let merged = m.keyed("actions", base: base == nil ? nil : baseActions, ourActions, theirActions,
                             key: \.id, label: { $0 }, order: { idLess($0.id, $1.id) },
                             describe: { "action \($0.id): \($0.text)" },
                             distinct: { action in
                                 var moved = action
                                 moved.id = nextFreeID(after: action.id, used: used)
                                 used.insert(moved.id)
                                 moves.append((action.id, moved.id))
                                 return moved
                             }) { path, b, o, t, m in
            mergeAction(path: path, b, o, t, &m)
        }
        result.actions = merged.map { renumbered($0, from: key, to: number) }
        let renumberings = moves.map { move in
            ActionRenumbering(recommendation: number, from: renumberedID(move.from, from: key, to: number),
                              to: renumberedID(move.to, from: key, to: number))
        }
        return MergeResult(value: result, conflicts: m.conflicts, renumbered: renumberings)
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
        // Two revisions of one date are one revision: different titles conflict.
        result.revisions = m.keyed("revisions", base: base.map(\.revisions), ours.revisions, theirs.revisions,
                                   key: { $0.submitted.description }, label: { $0 },
                                   order: { $0.submitted < $1.submitted },
                                   describe: { "\($0.submitted) \($0.title)" }, distinct: nil) { path, b, o, t, m in
            Revision(submitted: o.submitted, title: m.field(path + ".title", b.map(\.title), o.title, t.title) { $0 })
        }
        result.summary = m.field("summary", base.map(\.summary), ours.summary, theirs.summary) {
            "agreed \($0.agreed), partly-agreed \($0.partlyAgreed), not-agreed \($0.notAgreed)"
        }
        result.introduction = m.field("introduction", base.map(\.introduction), ours.introduction, theirs.introduction) { $0 }
        result.vocabulary = m.field("vocabulary", base.map(\.vocabulary), ours.vocabulary, theirs.vocabulary) { $0.description }
        return MergeResult(value: result, conflicts: m.conflicts)
    }

    // MARK: actions and updates

    private static func mergeAction(path: String, _ b: Action?, _ o: Action, _ t: Action, _ m: inout Merger) -> Action {
        // State, target and note: one side's, or conflicts.
        let planBase = Stance.contested(b.map(Stance.init), Stance(o), Stance(t)) ? nil : b
        var action = Action(
            id: o.id,
            text: m.field(path + ".text", b.map(\.text), o.text, t.text) { $0 },
            owners: m.field(path + ".owners", b.map(\.owners), o.owners, t.owners, describe),
            target: m.field(path + ".target", planBase.map(\.target), o.target, t.target) { $0.description },
            state: m.field(path + ".state", planBase.map(\.state), o.state, t.state) { $0.rawValue },
            note: m.field(path + ".note", planBase.map(\.note), o.note, t.note) { $0 })
        action.updates = m.keyed(path + ".updates", base: b.map(\.updates), o.updates, t.updates,
                                 key: { $0.date.description }, label: { $0 },
                                 order: { dateLess($0.date, $1.date) },
                                 describe: { "\($0.date): \($0.text)" }, distinct: { $0 }) { path, b, o, t, m in
            let moveBase = Stance.contested(b.map(Stance.init), Stance(o), Stance(t)) ? nil : b
            return Update(date: o.date,
                          text: m.field(path + ".text", b.map(\.text), o.text, t.text) { $0 },
                          state: m.field(path + ".state", moveBase.map(\.state), o.state, t.state) { $0.rawValue },
                          target: m.field(path + ".target", moveBase.map(\.target), o.target, t.target) { $0.description },
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
        var copy = action
        copy.id = renumberedID(action.id, from: from, to: to)
        return copy
    }

    static func renumberedID(_ id: String, from: Int, to: Int) -> String {
        let prefix = "\(from)"
        guard from != to else { return id }
        if id == prefix { return "\(to)" }
        if id.hasPrefix(prefix + ".") { return "\(to)" + id.dropFirst(prefix.count) }
        return id
    }

    /// The first id after `id` on its level that is not in `used`: `8.2` gives `8.3`, or `8.4`
    /// when `8.3` is taken; an id whose last part is not a number gets one more part.
    static func nextFreeID(after id: String, used: Set<String>) -> String {
        var parts = id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last, var n = Int(last), n >= 0, n < Int.max / 2 else {
            var k = 1
            while used.contains("\(id).\(k)") { k += 1 }
            return "\(id).\(k)"
        }
        repeat {
            n += 1
            parts[parts.count - 1] = String(n)
        } while used.contains(parts.joined(separator: "."))
        return parts.joined(separator: ".")
    }
}
