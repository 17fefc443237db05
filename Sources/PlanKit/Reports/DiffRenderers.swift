import Foundation

/// Pure renderers of a semantic diff. The JSON form is documented by schema/diff.schema.json.
public enum DiffRenderer {
    /// What was compared, for headings.
    public struct Labels: Sendable {
        public var old: String
        public var new: String

        public init(old: String, new: String) {
            self.old = old
            self.new = new
        }
    }

    /// Changes grouped under their recommendation (plan-wide ones first), in order.
    public static func groups(_ changes: [Change]) -> [(title: String, changes: [Change])] {
        var order: [String] = []
        var titles: [String: String] = [:]
        var grouped: [String: [Change]] = [:]
        // A file's plan folder is worked out once, however many changes it has.
        var folders: [String: String] = [:]
        for change in changes {
            let title: String
            if change.kind == .planChanged || (change.kind == .orderChanged && change.recommendation == nil) {
                title = "Plan"
            } else if let number = change.recommendation {
                title = "Recommendation \(number)"
            } else {
                title = change.path ?? "Other"
            }
            // Several plans in one repository each keep their own groups.
            let folder: String
            if let path = change.path, let known = folders[path] {
                folder = known
            } else {
                folder = planFolder(of: change.path)
                if let path = change.path { folders[path] = folder }
            }
            let key = folder + "\u{0}" + title
            if grouped[key] == nil {
                order.append(key)
                titles[key] = title
            }
            grouped[key, default: []].append(change)
        }
        return order.map { (titles[$0]!, grouped[$0]!) }
    }

    /// The plan folder a change's file is in ("" at the top).
    static func planFolder(of path: String?) -> String {
        guard let path else { return "" }
        if let range = path.range(of: "recommendations/", options: .backwards) { return String(path[..<range.lowerBound]) }
        if path.hasSuffix("plan.yaml") { return String(path.dropLast("plan.yaml".count)) }
        return ""
    }

    /// Counts by kind, in the order of ChangeKind.
    public static func counts(_ changes: [Change]) -> [(kind: ChangeKind, count: Int)] {
        // One pass that counts: a filter for each kind would copy every change as many times.
        let kinds = ChangeKind.allCases
        var tally = [Int](repeating: 0, count: kinds.count)
        for index in changes.indices {
            if let position = kinds.firstIndex(of: changes[index].kind) { tally[position] += 1 }
        }
        return kinds.indices.compactMap { tally[$0] > 0 ? (kinds[$0], tally[$0]) : nil }
    }

    /// One line of counts: "4 targets slipped, 6 actions completed, 11 updates added, …".
    public static func summaryLine(_ changes: [Change]) -> String {
        guard !changes.isEmpty else { return "no changes to the plan" }
        var parts: [String] = []
        var slipped = 0, completed = 0
        for index in changes.indices {
            if changes[index].isSlip { slipped += 1 }
            if changes[index].completes { completed += 1 }
        }
        for (kind, count) in counts(changes) {
            parts.append("\(count) \(noun(kind, count))")
        }
        var highlights: [String] = []
        if slipped > 0 { highlights.append("\(Wording.count(slipped, "target")) slipped") }
        if completed > 0 { highlights.append("\(Wording.count(completed, "action")) completed") }
        return (highlights + parts).joined(separator: ", ")
    }

    static func noun(_ kind: ChangeKind, _ count: Int) -> String {
        let plural = count != 1
        switch kind {
        case .planChanged: return plural ? "plan fields changed" : "plan field changed"
        case .recommendationAdded: return plural ? "recommendations added" : "recommendation added"
        case .recommendationRemoved: return plural ? "recommendations removed" : "recommendation removed"
        case .recommendationRenumbered: return plural ? "recommendations renumbered" : "recommendation renumbered"
        case .textChanged: return plural ? "recommendation texts reworded" : "recommendation text reworded"
        case .fieldChanged: return plural ? "recommendation fields changed" : "recommendation field changed"
        case .statusChanged: return plural ? "statuses changed" : "status changed"
        case .reasonChanged: return plural ? "reasons changed" : "reason changed"
        case .actionAdded: return plural ? "actions added" : "action added"
        case .actionRemoved: return plural ? "actions removed" : "action removed"
        case .actionTextChanged: return plural ? "action texts reworded" : "action text reworded"
        case .ownerChanged: return plural ? "owner changes" : "owner change"
        case .targetChanged: return plural ? "target changes" : "target change"
        case .noteChanged: return plural ? "target notes changed" : "target note changed"
        case .stateChanged: return plural ? "state changes" : "state change"
        case .updateAdded: return plural ? "updates added" : "update added"
        case .updateRemoved: return plural ? "updates removed" : "update removed"
        case .updateChanged: return plural ? "updates edited" : "update edited"
        case .orderChanged: return plural ? "orders changed" : "order changed"
        case .unreadable: return plural ? "files that do not parse" : "file that does not parse"
        }
    }

    /// The marker of a change in the text form: + added, - removed, ~ changed, ! attention (a
    /// slipped target, a file that does not parse).
    public static func marker(_ change: Change) -> String {
        if change.isSlip || change.kind == .unreadable { return "!" }
        switch change.kind {
        case .recommendationAdded, .actionAdded, .updateAdded: return "+"
        case .recommendationRemoved, .actionRemoved, .updateRemoved: return "-"
        default: return "~"
        }
    }

    // MARK: Text

    /// Plain text, grouped by recommendation; `style` colours parts of a line (identity when plain).
    public static func text(_ changes: [Change], labels: Labels, style: (String, Change) -> String = { text, _ in text }) -> String {
        guard !changes.isEmpty else { return "no changes to the plan between \(plain(labels.old)) and \(plain(labels.new))" }
        var lines: [String] = []
        for (title, group) in groups(changes) {
            let path = group.first(where: { $0.path != nil })?.path.map { " (\(plain($0)))" } ?? ""
            lines.append(plain(title) + path)
            for change in group {
                lines += textLines(change, indent: "  ", style: style)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A change's lines in the text form (`diff`, `log`): the marked sentence, then its word diff
    /// or the start of the text it added or removed. Every value is neutralised.
    public static func textLines(_ change: Change, indent: String, style: (String, Change) -> String = { text, _ in text }) -> [String] {
        var lines = [indent + style(marker(change) + " " + plain(change.summary), change)]
        if let words = change.words, !words.isEmpty {
            lines.append(indent + "    " + plain(WordDiff.inline(words)))
        } else if let text = quotedText(change) {
            lines.append(indent + "    " + plain("\"" + excerpt(text) + "\""))
        }
        return lines
    }

    /// A value for a terminal: one line, forbidden characters shown by their stand-ins.
    static func plain(_ text: String) -> String {
        // A text over several lines may hold tabs and line separators; on one line they are
        // spaces (CR LF one space; a CR alone is left to be shown by its stand-in). Most values
        // hold none, and are not copied (0xE2 leads U+2028 and U+2029).
        // Exactly the texts that hold a scalar no one-line value may hold (controls, tab and
        // line breaks among them, DEL, C1, the separators and bidi controls) change below: the
        // byte test finds those, and lets the arrows, ellipses and curly quotes of the sentences
        // through.
        guard UnsafeCharacters.mayHoldForbidden(text, multiline: false) else { return text }
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0xE2 }) else {
            return UnsafeCharacters.neutralised(text, keepingLineBreaks: false)
        }
        var flat = String.UnicodeScalarView()
        var previous: Unicode.Scalar? = nil
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                if previous == "\r" { flat.removeLast() }
                flat.append(" ")
            case "\t", "\u{2028}", "\u{2029}": flat.append(" ")
            default: flat.append(scalar)
            }
            previous = scalar
        }
        return UnsafeCharacters.neutralised(String(flat), keepingLineBreaks: false)
    }

    /// The start of a text, whole words, for one line of the text form. Only the words shown
    /// (and one more, to know there are more) are looked at: a long text is not split whole.
    static func excerpt(_ text: String, words: Int = 24) -> String {
        if let ascii = asciiExcerpt(text, words: words) { return ascii }
        var shown: [Substring] = []
        var rest = text[...]
        while true {
            guard let start = rest.firstIndex(where: { !$0.isWhitespace }) else { break }
            if shown.count == words { return shown.joined(separator: " ") + " …" }
            let end = rest[start...].firstIndex(where: \.isWhitespace) ?? rest.endIndex
            shown.append(rest[start..<end])
            rest = rest[end...]
        }
        return shown.joined(separator: " ")
    }

    /// `excerpt` of an ASCII text, from its bytes: a character is then a byte (CR LF aside, both
    /// spaces), and the spaces are tab, line feed, vertical tab, form feed, CR and space. Nil
    /// when a byte beyond ASCII comes before the words are found.
    static func asciiExcerpt(_ text: String, words: Int) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            // The words shown, one space between each, gathered into one buffer.
            var shown: [UInt8] = []
            shown.reserveCapacity(min(bytes.count, 400))
            var count = 0
            var index = 0
            while index < bytes.count {
                guard bytes[index] < 0x80 else { return nil }
                if isSpace(bytes[index]) { index += 1; continue }
                if count == words { break }
                let start = index
                while index < bytes.count, bytes[index] < 0x80, !isSpace(bytes[index]) { index += 1 }
                // A word running into a byte beyond ASCII is left to the general reading.
                if index < bytes.count, bytes[index] >= 0x80 { return nil }
                if count > 0 { shown.append(0x20) }
                shown.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                count += 1
            }
            var result = String(decoding: shown, as: UTF8.self)
            if index < bytes.count { result += " …" }
            return result
        }
    }

    /// The text a change added or removed whole, when it has no word diff: an update's, an
    /// action's, a recommendation's, a reason's, a text field set or removed.
    static func quotedText(_ change: Change) -> String? {
        switch change.kind {
        case .updateAdded, .updateRemoved: return change.updateValue?.text
        case .actionAdded, .actionRemoved: return change.actionValue?.text
        case .recommendationAdded, .recommendationRemoved: return change.recommendationValue?.text
        case .reasonChanged where change.field == "reason": return reasonText(change.new ?? change.old)
        case .fieldChanged, .noteChanged, .planChanged:
            guard change.field != "plan.yaml", !(change.field ?? "").hasPrefix("revisions") else { return nil }
            let value = change.new ?? change.old
            // A short one-line value is whole in the sentence already.
            guard let value, value.count > 60 || value.contains(where: \.isNewline) else { return nil }
            return value
        default: return nil
        }
    }

    /// The text of a reason as changes carry it ("affordability, policy: the text").
    static func reasonText(_ value: String?) -> String? {
        guard let value, let colon = value.range(of: ": ") else { return value }
        return String(value[colon.upperBound...])
    }

    struct JSONDiff: Encodable {
        var version = 2
        var tool = "plantool"
        var old: String
        var new: String
        var counts: [String: Int]
        var parsedFiles: Int
        var changes: [Change]
    }

    public static func json(_ changes: [Change], labels: Labels, parsedFiles: Int) -> String {
        let counts = Dictionary(uniqueKeysWithValues: counts(changes).map { ($0.kind.rawValue, $0.count) })
        return DiffJSON.encode(JSONDiff(old: labels.old, new: labels.new, counts: counts, parsedFiles: parsedFiles, changes: changes))
    }

    /// Counts by kind, one per line, as `--stat` prints them.
    public static func stat(_ changes: [Change]) -> String {
        let rows = counts(changes)
        guard !rows.isEmpty else { return "no changes to the plan" }
        let width = rows.map(\.kind.rawValue.count).max() ?? 0
        return rows.map { $0.kind.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String($0.count) }
            .joined(separator: "\n") + "\n" + summaryLine(changes)
    }
}
