/// The pull-request comment of a semantic diff (`plantool diff --format markdown`).
extension DiffRenderer {
    /// GitHub refuses a comment longer than this many characters.
    public static let commentLimit = 65_536

    /// A quote longer than this folds into `<details>`.
    static let foldAt = 400

    /// A pull-request comment: one summary line, then a section per recommendation headed by its
    /// number and the start of its text, each change in the plan's words with the text it adds,
    /// removes or rewords quoted, slipped targets in bold. Past `limit` characters, see `shortened`.
    /// `titles` gives each recommendation file's text (by path) for the headings; `words` the
    /// plan's words for its statuses ("Accepted" where the plan says so).
    public static func markdown(_ changes: [Change], labels: Labels, titles: [String: String] = [:],
                                words: PlanWords = .standard, limit: Int = commentLimit) -> String {
        let head = "**Plan changes** " + MarkdownText.inline(labels.old) + " → " + MarkdownText.inline(labels.new) + ": "
            + MarkdownText.inline(summaryLine(changes)) + "\n"
        let sections = groups(changes).map { group in
            (heading: "\n### " + heading(group.title, group.changes, titles) + "\n\n", changes: group.changes)
        }
        let full = head + sections.map { $0.heading + $0.changes.map { item($0, detailed: true, words: words) }.joined() }.joined()
        // Measured in UTF-16 code units, which is never less than the characters GitHub counts
        // (and never more than the UTF-8 bytes, which are counted at once).
        if full.utf8.count <= limit || full.utf16.count <= limit { return full }
        return shortened(head: head, sections: sections, labels: labels, words: words, limit: limit)
    }

    /// The smallest `limit` that leaves room for the summary, the notes and some changes.
    public static let smallestLimit = 2_000

    /// A comment too long for `limit`: what a reviewer must not miss first (slipped targets,
    /// status changes and files that do not parse), then as many other changes as fit, then a
    /// closing line counting what was left out and saying where all of it is.
    static func shortened(head: String, sections: [(heading: String, changes: [Change])], labels: Labels, words: PlanWords,
                          limit: Int) -> String {
        // A file that does not parse is a hole in the comparison, so it ranks with the slips.
        func first(_ change: Change) -> Bool { change.isSlip || change.kind == .statusChanged || change.kind == .unreadable }
        var out = head + "\n> **Shortened** to fit \(limit) characters: slipped targets, status changes and files that do not "
            + "parse first, then as many other changes as fit.\n"
        var used = out.utf16.count
        // Room kept for a part's title and the closing line, whose counts are not known yet.
        let room = max(limit - 600, 0)
        var leftOut: [Change] = []
        func part(_ title: String, _ keep: (Change) -> Bool, detailed: Bool) {
            var text = "\n**" + title + "**\n"
            for section in sections {
                var headed = false
                for change in section.changes where keep(change) {
                    let entry = (headed ? "" : section.heading) + item(change, detailed: detailed, words: words)
                    let brief = (headed ? "" : section.heading) + item(change, detailed: false, words: words)
                    let titleCost = text.utf16.count
                    if used + titleCost + entry.utf16.count <= room {
                        out += text + entry
                        used += titleCost + entry.utf16.count
                    } else if used + titleCost + brief.utf16.count <= room {
                        out += text + brief
                        used += titleCost + brief.utf16.count
                    } else {
                        leftOut.append(change)
                        continue
                    }
                    text = ""
                    headed = true
                }
            }
        }
        part("Slipped targets, status changes and files that do not parse", first, detailed: false)
        part("Other changes", { !first($0) }, detailed: true)
        if !leftOut.isEmpty {
            let slips = leftOut.filter(\.isSlip).count
            out += "\n**Left out for want of room:** " + MarkdownText.inline(countWords(leftOut))
                + (slips > 0 ? MarkdownText.inline(" (\(slips) of them slipped \(slips == 1 ? "target" : "targets"))") : "")
                + ". The full report is in the CI job's summary, or run `plantool diff` from "
                + MarkdownText.inline(labels.old) + " to " + MarkdownText.inline(labels.new) + ".\n"
        }
        return out
    }

    /// "3 updates added, 1 target change".
    static func countWords(_ changes: [Change]) -> String {
        counts(changes).map { "\($0.count) \(noun($0.kind, $0.count))" }.joined(separator: ", ")
    }

    /// "Recommendation 5: Review the responsibilities and the actions of the Part B …".
    static func heading(_ title: String, _ changes: [Change], _ titles: [String: String]) -> String {
        guard title.hasPrefix("Recommendation"), let path = changes.first(where: { $0.path != nil })?.path,
              let text = titles[path] else { return MarkdownText.heading(title) }
        return MarkdownText.heading(title + ": " + excerpt(text, words: 14))
    }

    /// One change: its sentence in the plan's words, then what it quotes, indented under it.
    static func item(_ change: Change, detailed: Bool, words: PlanWords = .standard) -> String {
        let text = MarkdownText.inline(ChangeWording.sentence(change, .words, words: words))
        var out = change.isSlip ? "- ⚠️ **\(text)**\n" : change.kind == .unreadable ? "- ❗ \(text)\n" : "- \(text)\n"
        guard detailed else { return out }
        let quoted = details(change, words: words)
        guard !quoted.isEmpty else { return out }
        // (A text of no more bytes than the limit has no more characters either.)
        if quoted.utf8.count > foldAt && quoted.count > foldAt {
            let label = MarkdownText.inline(foldLabel(change))
            out += "\n  <details><summary>\(label)</summary>\n\n" + indent(quoted) + "\n\n  </details>\n\n"
        } else {
            out += indent(quoted) + "\n"
        }
        return out
    }

    static func foldLabel(_ change: Change) -> String {
        switch change.kind {
        case .recommendationAdded, .recommendationRemoved: return "The recommendation"
        case .actionAdded, .actionRemoved: return "The action"
        case .updateAdded, .updateRemoved: return "The update"
        default: return change.words != nil ? "The words changed" : "The text"
        }
    }

    static func indent(_ block: String) -> String {
        // Two spaces before each line that is not empty, in one pass over the bytes. A line ends
        // at each line feed that is a character of its own (not the end of a CR LF).
        var source = block
        return source.withUTF8 { bytes -> String in
            func breaksLine(_ index: Int) -> Bool { bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) }
            var lines = 1
            for index in bytes.indices where breaksLine(index) { lines += 1 }
            return String(unsafeUninitializedCapacity: bytes.count + 2 * lines) { out in
                var count = 0
                var lineStart = true
                for index in bytes.indices {
                    let breaks = breaksLine(index)
                    if lineStart && !breaks {
                        out[count] = 0x20
                        out[count + 1] = 0x20
                        count += 2
                    }
                    out[count] = bytes[index]
                    count += 1
                    lineStart = breaks
                }
                return count
            }
        }
    }

    /// What a change quotes, as Markdown lines (not yet indented).
    static func details(_ change: Change, words planWords: PlanWords = .standard) -> String {
        if let words = change.words, !words.isEmpty {
            return "> " + words.enumerated().map { index, segment -> String in
                switch segment.kind {
                // The quote's first words start a block: "- " or "1. " there would make a list.
                case .same: return index == 0 ? MarkdownText.block(segment.text) : MarkdownText.inline(segment.text)
                case .removed: return "~~" + MarkdownText.inline(segment.text) + "~~"
                case .added: return "**" + MarkdownText.inline(segment.text) + "**"
                }
            }.joined(separator: " ")
        }
        switch change.kind {
        case .recommendationAdded, .recommendationRemoved:
            return change.recommendationValue.map { recommendation($0, words: planWords) } ?? ""
        case .actionAdded, .actionRemoved:
            return change.actionValue.map(action) ?? ""
        case .updateAdded, .updateRemoved:
            return change.updateValue.map(update) ?? ""
        default:
            return quotedText(change).map { MarkdownText.quote($0) } ?? ""
        }
    }

    static func recommendation(_ rec: RecommendationValue, words: PlanWords = .standard) -> String {
        var parts = [MarkdownText.quote(rec.text)]
        var facts = ["Status: " + ChangeWording.status(rec.status, .words, words: words), "Addressee: " + rec.addressee]
        if let theme = rec.theme { facts.append("Theme: " + theme) }
        parts.append(MarkdownText.emphasis(facts.joined(separator: " · ")))
        if let part = rec.implementedPart { parts.append("Implemented part:\n\n" + MarkdownText.quote(part)) }
        if let reason = rec.reason {
            parts.append("Reason (" + MarkdownText.inline(reason.categories.joined(separator: ", ")) + "):\n\n" + MarkdownText.quote(reason.text))
        }
        if let response = rec.response { parts.append("Response:\n\n" + MarkdownText.quote(response)) }
        parts += rec.actions.map { "Action " + MarkdownText.inline($0.id) + ":\n\n" + action($0) }
        return parts.joined(separator: "\n\n")
    }

    static func action(_ action: ActionValue) -> String {
        var facts = ["State: " + ChangeWording.state(action.state, .words)]
        if let target = action.target { facts.append("Target: " + ChangeWording.date(target, .words)) }
        if !action.owners.isEmpty { facts.append("Owners: " + action.owners.joined(separator: "; ")) }
        if let note = action.note { facts.append("Note: " + note) }
        var parts = [MarkdownText.quote(action.text), MarkdownText.emphasis(facts.joined(separator: " · "))]
        parts += action.updates.map { "Update " + MarkdownText.inline(ChangeWording.date($0.date, .words)) + ":\n\n" + update($0) }
        return parts.joined(separator: "\n\n")
    }

    /// An update quoted with the state, target and owners it sets.
    static func update(_ update: UpdateValue) -> String {
        var facts: [String] = []
        if let state = update.state { facts.append("State: " + ChangeWording.state(state, .words)) }
        if let target = update.target { facts.append("Target: " + ChangeWording.date(target, .words)) }
        if let owners = update.owners { facts.append("Owners: " + (owners.isEmpty ? "none" : owners.joined(separator: "; "))) }
        let quote = MarkdownText.quote(update.text)
        return facts.isEmpty ? quote : quote + "\n>\n> " + MarkdownText.emphasis(facts.joined(separator: " · "))
    }
}
