/// One sentence for a change, built from its fields: in the file's own spelling for text and
/// JSON (`partly-agreed`, `2022-03`), or in the plan's words for a pull-request comment
/// ("Partly Agreed", "March 2022").
public enum ChangeWording {
    public enum Vocabulary: Sendable {
        /// As the files write values: `partly-agreed`, `in-progress`, `2022-03`.
        case plain
        /// As the plan's table words them: "Partly Agreed", "In progress", "March 2022".
        case words
    }

    /// `words`: the plan's own words for statuses, used with `.words`.
    public static func sentence(_ c: Change, _ v: Vocabulary, words: PlanWords = .standard) -> String {
        let n = c.recommendation.map(String.init) ?? "?"
        let noun = (c.recommendationKind ?? .recommendation).noun
        let subject = noun.prefix(1).uppercased() + String(noun.dropFirst())
        func status(_ raw: String, _ v: Vocabulary) -> String { ChangeWording.status(raw, v, words: words) }
        let id = c.action ?? "?"
        let update = "update " + (c.update.map { key($0, v) } ?? "?")
        let field = c.field ?? ""
        let ownField = c.update == nil
        var handled: Set<String> = []
        var base: String
        switch c.kind {
        case .unreadable:
            return c.summary
        case .planChanged:
            switch field {
            case "plan.yaml":
                base = c.new != nil ? "plan: plan.yaml added (\(short(c.new!)))" : "plan: plan.yaml removed (it was \(short(c.old ?? "")))"
            case _ where field.hasPrefix("revisions[") && field.hasSuffix("].submitted"):
                base = "plan: revision \(revisionKey(field, v)) date \(date(c.old ?? "", v)) → \(date(c.new ?? "", v))"
            case _ where field.hasPrefix("revisions[") && field.hasSuffix("].title"):
                base = "plan: revision \(revisionKey(field, v)) title " + describe(c.old, c.new)
            case _ where field.hasPrefix("revisions["):
                base = c.new != nil ? "plan: revisions added " + revision(c.new!, v) : "plan: revisions removed " + revision(c.old ?? "", v)
            case "introduction" where c.old != nil && c.new != nil:
                base = "plan: introduction reworded"
            case "report.published", "submitted":
                base = "plan: \(field) " + describe(c.old.map { date($0, v) }, c.new.map { date($0, v) }, quoted: false)
            default:
                base = "plan: \(field) " + describe(c.old, c.new)
            }
        case .recommendationAdded:
            let rec = c.recommendationValue
            base = "\(subject) \(n) added (\(rec.map { status($0.status, v) } ?? "?"), \(Wording.count(rec?.actions.count ?? 0, "action")))"
        case .recommendationRemoved:
            let rec = c.recommendationValue
            base = "\(subject) \(n) removed (it was \(rec.map { status($0.status, v) } ?? "?"), \(Wording.count(rec?.actions.count ?? 0, "action")))"
        case .recommendationRenumbered:
            base = "\(subject) \(c.oldNumber.map(String.init) ?? "?") is now \(noun) \(n)"
        case .textChanged:
            base = "\(subject) \(n): text reworded"
        case .fieldChanged:
            base = "\(subject) \(n): \(field) " + (c.words != nil && (c.old?.count ?? 0) > 60 ? "reworded" : describe(c.old, c.new))
        case .statusChanged:
            base = "\(subject) \(n): status \(status(c.old ?? "", v)) → \(status(c.new ?? "", v))"
        case .reasonChanged:
            switch field {
            case "reason.categories": base = "\(subject) \(n): reason categories \(c.old ?? "") → \(c.new ?? "")"
            case "reason.text": base = "\(subject) \(n): reason reworded"
            default:
                if let new = c.new {
                    base = "\(subject) \(n): reason given (\(new.split(separator: ":").first.map(String.init) ?? ""))"
                } else {
                    base = "\(subject) \(n): reason removed (it was \(c.old?.split(separator: ":").first.map(String.init) ?? ""))"
                }
            }
        case .actionAdded, .actionRemoved:
            let value = c.actionValue
            let current = value.map { state($0.currentState, v) + ($0.currentTarget.map { ", due " + date($0, v) } ?? "") } ?? "?"
            base = c.kind == .actionAdded ? "action \(id) added (\(current))" : "action \(id) removed (it was \(current))"
        case .actionTextChanged:
            base = "action \(id): text reworded"
        case .noteChanged:
            base = "action \(id): target note " + describe(c.old, c.new)
        case .ownerChanged:
            let what = ownersChange(c.added ?? [], c.removed ?? [], c.old, c.new)
            if !ownField {
                base = "action \(id): \(update) owners \(what)"
                if c.currentOwners == Move(old: c.old, new: c.new) { handled.insert("owners") }
            } else if c.currentOwners != nil {
                base = "action \(id): owners \(what)"
                handled.insert("owners")
            } else {
                base = "action \(id): original owners \(what); a later update sets the current owners"
            }
        case .targetChanged:
            let x = c.old.map { date($0, v) }, y = c.new.map { date($0, v) }
            if !ownField, c.currentTarget == Move(old: c.old, new: c.new) {
                base = "action \(id): \(update) " + targetMove(c, v)
                handled.insert("target")
            } else if !ownField {
                base = "action \(id): \(update) target " + describe(x, y, quoted: false)
            } else if c.currentTarget != nil {
                base = "action \(id): " + targetMove(c, v)
                handled.insert("target")
            } else {
                base = "action \(id): original target " + describe(x, y, quoted: false) + "; a later update sets the current target"
            }
        case .stateChanged:
            let x = c.old.map { state($0, v) }, y = c.new.map { state($0, v) }
            if !ownField {
                base = "action \(id): \(update) state " + describe(x, y, quoted: false)
                if c.currentState == Move(old: c.old, new: c.new) {
                    handled.insert("state")
                    if c.completes { base += " (action \(id) completed)" }
                }
            } else if c.currentState != nil {
                base = stateMove(c, v)
                handled.insert("state")
            } else {
                base = "action \(id): original state " + describe(x, y, quoted: false) + "; a later update sets the current state"
            }
        case .updateAdded:
            base = "action \(id): \(update) added"
        case .updateRemoved:
            base = "action \(id): \(update) removed"
        case .updateChanged:
            if field.hasSuffix(".date") {
                base = "action \(id): \(update) date \(date(c.old ?? "", v)) → \(date(c.new ?? "", v))"
            } else {
                base = "action \(id): \(update) text reworded"
            }
        case .orderChanged:
            if c.recommendation == nil { base = "plan: revisions reordered" }
            else { base = c.action == nil ? "\(subject) \(n): actions reordered (\(c.new ?? ""))" : "action \(id): updates reordered" }
        }
        var effects: [String] = []
        if c.currentTarget != nil, !handled.contains("target") { effects.append(targetMove(c, v)) }
        if c.currentState != nil, !handled.contains("state") {
            let move = c.currentState!
            effects.append(c.completes ? "completed (was \(state(move.old ?? "", v)))" : "state \(state(move.old ?? "", v)) → \(state(move.new ?? "", v))")
        }
        if let move = c.currentOwners, !handled.contains("owners") {
            effects.append("owners " + quote(move.old ?? "") + " → " + quote(move.new ?? ""))
        }
        return effects.isEmpty ? base : base + ": " + effects.joined(separator: ", ")
    }

    /// "target slipped 8 months (2021-07 → 2022-03)" and the like.
    static func targetMove(_ c: Change, _ v: Vocabulary) -> String {
        let x = c.currentTarget?.old.map { date($0, v) }, y = c.currentTarget?.new.map { date($0, v) }
        switch (x, y) {
        case (let x?, let y?):
            let m = c.months ?? 0
            if m > 0 { return "target slipped \(Wording.count(m, "month")) (\(x) → \(y))" }
            if m < 0 { return "target brought forward \(Wording.count(-m, "month")) (\(x) → \(y))" }
            return "target restated (\(x) → \(y))"
        case (nil, let y?): return "target set (\(y))"
        case (let x?, nil): return "target removed (was \(x))"
        default: return "target changed"
        }
    }

    static func stateMove(_ c: Change, _ v: Vocabulary) -> String {
        let id = c.action ?? "?"
        let x = state(c.currentState?.old ?? "", v), y = state(c.currentState?.new ?? "", v)
        return c.completes ? "action \(id) completed (was \(x))" : "action \(id): state \(x) → \(y)"
    }

    static func ownersChange(_ added: [String], _ removed: [String], _ old: String?, _ new: String?) -> String {
        if old == nil, let new { return "set to " + quote(new) }
        if new == nil, let old { return "removed (was \(quote(old)))" }
        var parts: [String] = []
        if !added.isEmpty { parts.append("added " + added.map(quote).joined(separator: ", ")) }
        if !removed.isEmpty { parts.append("removed " + removed.map(quote).joined(separator: ", ")) }
        return parts.isEmpty ? "reordered" : parts.joined(separator: ", ")
    }

    /// "set to …", "removed (was …)", "changed from … to …"; values quoted and shortened unless
    /// `quoted` is false (dates, states).
    static func describe(_ x: String?, _ y: String?, quoted: Bool = true) -> String {
        func show(_ value: String) -> String { quoted ? short(value) : value }
        switch (x, y) {
        case (nil, let y?): return "set to \(show(y))"
        case (let x?, nil): return "removed (was \(show(x)))"
        default: return quoted ? "changed from \(show(x ?? "")) to \(show(y ?? ""))" : "\(x ?? "") → \(y ?? "")"
        }
    }

    /// The first line of a text, quoted, cut at 60 characters.
    public static func short(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return quote(line.count > 60 ? String(line.prefix(57)) + "…" : line)
    }

    static func quote(_ text: String) -> String { "\"" + text + "\"" }

    public static func date(_ text: String, _ v: Vocabulary) -> String {
        guard v == .words, let date = PlanDate(text) else { return text }
        return DateWords.words(date)
    }

    /// The key of `revisions[2021-12-07].title`, in words when asked.
    static func revisionKey(_ field: String, _ v: Vocabulary) -> String {
        let inside = field.dropFirst("revisions[".count).prefix(while: { $0 != "]" })
        return key(String(inside), v)
    }

    /// An update's key in words: "December 2021", "December 2021 (second)".
    static func key(_ key: String, _ v: Vocabulary) -> String {
        guard v == .words else { return key }
        let parts = key.split(separator: "#", maxSplits: 1)
        let words = date(String(parts[0]), v)
        guard parts.count == 2, let n = Int(parts[1]) else { return words }
        return words + " (no. \(n))"
    }

    public static func status(_ raw: String, _ v: Vocabulary, words: PlanWords = .standard) -> String {
        guard v == .words, let status = Status(rawValue: raw) else { return raw }
        return words.word(for: status)
    }

    public static func state(_ raw: String, _ v: Vocabulary) -> String {
        guard v == .words, let state = ActionState(rawValue: raw) else { return raw }
        return state.words
    }

    /// "Action Plan Update 2021-12-07" → "Action Plan Update, 7 December 2021" in words.
    static func revision(_ text: String, _ v: Vocabulary) -> String {
        guard v == .words, let space = text.lastIndex(of: " "), let day = PlanDate(text[text.index(after: space)...]) else { return text }
        return text[..<space] + ", " + DateWords.words(day)
    }
}

extension ActionValue {
    /// The state now: the latest update's, else the action's own.
    public var currentState: String { updates.last(where: { $0.state != nil })?.state ?? state }
    /// The target now: the latest update's, else the action's own.
    public var currentTarget: String? { updates.last(where: { $0.target != nil })?.target ?? target }
}
