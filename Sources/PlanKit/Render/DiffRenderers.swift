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
        for change in changes {
            let title: String
            if change.kind == .planChanged {
                title = "Plan"
            } else if let number = change.recommendation {
                title = "Recommendation \(number)"
            } else {
                title = change.path ?? "Other"
            }
            // Several plans in one repository each keep their own groups.
            let key = planFolder(of: change.path) + "\u{0}" + title
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
        ChangeKind.allCases.compactMap { kind in
            let count = changes.filter { $0.kind == kind }.count
            return count > 0 ? (kind, count) : nil
        }
    }

    /// One line of counts: "12 updates added, 4 targets slipped, 6 actions completed, …".
    public static func summaryLine(_ changes: [Change]) -> String {
        guard !changes.isEmpty else { return "no changes to the plan" }
        var parts: [String] = []
        let slipped = changes.filter(\.isSlip).count
        let completed = changes.filter { $0.kind == .stateChanged && $0.new == ActionState.completed.rawValue }.count
        for (kind, count) in counts(changes) {
            parts.append("\(count) \(noun(kind, count))")
        }
        var highlights: [String] = []
        if slipped > 0 { highlights.append("\(slipped) target\(slipped == 1 ? "" : "s") slipped") }
        if completed > 0 { highlights.append("\(completed) action\(completed == 1 ? "" : "s") completed") }
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
        case .updateRemoved: return plural ? "updates removed or rewritten" : "update removed or rewritten"
        case .unreadable: return plural ? "files that do not parse" : "file that does not parse"
        }
    }

    /// The marker of a change in the text form: + added, - removed, ~ changed, ! attention.
    public static func marker(_ change: Change) -> String {
        switch change.kind {
        case .recommendationAdded, .actionAdded, .updateAdded: return "+"
        case .recommendationRemoved, .actionRemoved, .updateRemoved: return "-"
        case .unreadable: return "!"
        default: return change.isSlip ? "!" : "~"
        }
    }

    /// Plain text, grouped by recommendation; `style` colours parts of a line (identity when plain).
    public static func text(_ changes: [Change], labels: Labels, style: (String, Change) -> String = { text, _ in text }) -> String {
        guard !changes.isEmpty else { return "no changes to the plan between \(labels.old) and \(labels.new)" }
        var lines: [String] = []
        for (title, group) in groups(changes) {
            let path = group.first(where: { $0.path != nil })?.path.map { " (\($0))" } ?? ""
            lines.append(title + path)
            for change in group {
                lines.append("  " + style(marker(change) + " " + change.summary, change))
                if let words = change.words, !words.isEmpty {
                    lines.append("      " + WordDiff.inline(words))
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A pull-request comment: one summary line, then a section per recommendation, slipped
    /// targets in bold.
    public static func markdown(_ changes: [Change], labels: Labels) -> String {
        var out = "**Plan changes** `\(labels.old)` → `\(labels.new)`: \(summaryLine(changes))\n"
        for (title, group) in groups(changes) {
            out += "\n### \(title)\n\n"
            for change in group {
                let text = escape(change.summary)
                out += change.isSlip ? "- ⚠️ **\(text)**\n" : change.kind == .unreadable ? "- ❗ \(text)\n" : "- \(text)\n"
                if let words = change.words, !words.isEmpty {
                    let rendered = words.map { segment -> String in
                        switch segment.kind {
                        case .same: return escape(segment.text)
                        case .removed: return "~~\(escape(segment.text))~~"
                        case .added: return "**\(escape(segment.text))**"
                        }
                    }.joined(separator: " ")
                    out += "  > " + rendered + "\n"
                }
            }
        }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>|#~".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }

    struct JSONDiff: Encodable {
        var version = 1
        var tool = "plantool"
        var old: String
        var new: String
        var counts: [String: Int]
        var parsedFiles: Int
        var changes: [Change]
    }

    public static func json(_ changes: [Change], labels: Labels, parsedFiles: Int) -> String {
        let counts = Dictionary(uniqueKeysWithValues: counts(changes).map { ($0.kind.rawValue, $0.count) })
        return JSONOutput.encode(JSONDiff(old: labels.old, new: labels.new, counts: counts, parsedFiles: parsedFiles, changes: changes))
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
