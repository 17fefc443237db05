/// The official layout (`OfficialDocument`) as GitHub-flavoured Markdown: for a pull request, a
/// wiki or a repository's README, where the plan should read as the published document does.
///
/// - **Title block**: the organisation as the level-1 heading, then the title lines as a list,
///   each label in bold ("**Action Plan Submitted:** 7 December 2020").
/// - **INTRODUCTION** (level 2), one Markdown paragraph per paragraph of the introduction, and the
///   template's table of terms.
/// - **The heading** ("ACTION PLAN: …", level 2) and the six-column table. Markdown cannot span
///   cells, so a recommendation's number, text and status are written on its first line only and
///   its later lines (updates, further actions) leave those three cells empty: read down, the
///   empty cells mean "as above". Theme and addressee rows cannot span either; they are a row
///   with the text in column 2 (the wide column that the eye follows down), the theme in bold
///   (a heading) and the addressee in italics (the "… should:" lead-in to the recommendations),
///   so the two stay distinguishable as in the official document. The action id that opens an
///   action's text and an update's first paragraph ("Update December 2021") are in bold, so the
///   eye finds where each action and update starts.
/// - **Summary of responses** (level 2) and its table of counts in the published vertical form:
///   "Recommendations" over a row per label and count.
///
/// Paragraphs inside a cell are joined with `<br>` (an empty paragraph, an empty line in the
/// text, gives two in a row); a list item ("- …") starts with "• ", since a cell cannot hold a
/// Markdown list. Outside the table, list items are a Markdown list. All text goes through `MarkdownText`, the escaper every Markdown
/// output shares: markup characters, entities, HTML, line breaks, mentions and issue references
/// are neutralised, so text such as "a | b", "<script>", "&lt;", "*not emphasis*", "$5m" or
/// "@team" appears as written and a cell's pipe can never split the table; at the start of a
/// paragraph outside a table, the characters that would open a heading, list, quote or thematic
/// break are escaped too, and a heading's trailing `#` is escaped so it stays text.
public enum MarkdownExport {
    public static func render(_ doc: OfficialDocument) -> String {
        var out: [String] = []
        out.append("# " + heading(doc.organisation))
        out.append("")
        for line in doc.titleLines {
            out.append("- " + strong(line.label + ":") + " " + inline(line.value))
        }
        if !doc.titleLines.isEmpty { out.append("") }

        if !doc.introduction.isEmpty {
            out.append("## " + heading(OfficialDocument.introductionHeading))
            out.append("")
            for (index, paragraph) in doc.introduction.enumerated() where !paragraph.trimmingSpaces.isEmpty {
                // A list's items are one Markdown list: no blank line between them.
                if let item = OfficialDocument.listItem(paragraph) {
                    out.append("- " + inline(item))
                    let next = doc.introduction.dropFirst(index + 1).first
                    if next.flatMap(OfficialDocument.listItem) == nil { out.append("") }
                } else {
                    out.append(block(paragraph))
                    out.append("")
                }
            }
        }

        out.append(row(OfficialDocument.termColumns.map(inline)))
        out.append(delimiter(OfficialDocument.termColumns.count))
        for term in doc.terms {
            out.append(row([strong(term.term), inline(term.definition), inline(term.comment)]))
        }
        out.append("")

        out.append("## " + heading(doc.heading))
        out.append("")
        out.append(row(doc.columns.map(inline)))
        out.append(delimiter(doc.columns.count))
        for r in doc.rows {
            switch r {
            case .theme(let text):
                out.append(row(["", strong(text), "", "", "", ""]))
            case .addressee(let text):
                out.append(row(["", emphasis(text), "", "", "", ""]))
            case .recommendation(let rec):
                for (index, line) in rec.lines.enumerated() {
                    let first = index == 0
                    let spanned = first ? [inline(rec.label), cell(rec.text), cell(rec.status)] : ["", "", ""]
                    out.append(row(spanned + [responseCell(line), cell(line.owners), cell(line.target)]))
                }
            }
        }
        out.append("")

        out.append("## " + heading(doc.summary.caption))
        out.append("")
        out.append(row([inline(doc.summary.heading), ""]))
        out.append(delimiter(2))
        for count in doc.summary.counts { out.append(row([strong(count.label), String(count.count)])) }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Tables

    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    static func delimiter(_ count: Int) -> String {
        row(Array(repeating: "---", count: count))
    }

    /// A cell's paragraphs, escaped and joined with `<br>`; a list item ("- …") opens with a
    /// bullet, as near to a list as a table cell allows.
    static func cell(_ paragraphs: [String]) -> String {
        paragraphs.map(paragraph).joined(separator: "<br>")
    }

    static func paragraph(_ text: String) -> String {
        OfficialDocument.listItem(text).map { bullet + inline($0) } ?? inline(text)
    }

    static let bullet = "\u{2022} "

    /// Column 4: an update's "Update December 2021" and the id opening an action in bold.
    static func responseCell(_ line: OfficialDocument.Line) -> String {
        guard let first = line.response.first else { return "" }
        let rest = line.response.dropFirst().map(paragraph)
        switch line.kind {
        case .update:
            return ([strong(first)] + rest).joined(separator: "<br>")
        case .action(let id) where first == id || first.hasPrefix(id + " "):
            return ([strong(id) + inline(String(first.dropFirst(id.count)))] + rest).joined(separator: "<br>")
        case .action, .response, .empty:
            return cell(line.response)
        }
    }

    // MARK: Escaping (MarkdownText, shared by every Markdown output)

    public static func inline(_ text: String) -> String { MarkdownText.inline(text) }
    static func block(_ paragraph: String) -> String { MarkdownText.block(paragraph) }
    static func heading(_ text: String) -> String { MarkdownText.heading(text) }
    static func strong(_ text: String) -> String { MarkdownText.strong(text) }
    static func emphasis(_ text: String) -> String { MarkdownText.emphasis(text) }
}
