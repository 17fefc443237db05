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
/// - **Summary of responses** (level 2) and its table of counts.
///
/// Paragraphs inside a cell are joined with `<br>` (an empty paragraph, an empty line in the
/// text, gives two in a row). Every character Markdown would read as markup is escaped with a
/// backslash (`\ ` * _ [ ] < > | ~ $`, and `&` where it would start an entity such as `&amp;`),
/// so text such as "a | b", "<script>", "*not emphasis*" or "$5m" appears as written and a
/// cell's pipe can never split the table; at the start of a paragraph outside a table, the
/// characters that would open a heading, list, quote or thematic break (`#`, `-`, `+`, `1.`) are
/// escaped too, and leading spaces (an indented code block) dropped; a heading's trailing `#`
/// is escaped so it stays text.
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
            for paragraph in doc.introduction where !paragraph.trimmingSpaces.isEmpty {
                out.append(block(paragraph))
                out.append("")
            }
        }

        out.append(row(OfficialDocument.termColumns.map(inline)))
        out.append(delimiter(OfficialDocument.termColumns.count))
        for term in OfficialDocument.terms {
            out.append(row([strong(term.term), inline(term.definition), inline(term.comment)]))
        }
        out.append("")

        out.append("## " + heading(doc.heading))
        out.append("")
        out.append(row(OfficialDocument.columns.map(inline)))
        out.append(delimiter(OfficialDocument.columns.count))
        for r in doc.rows {
            switch r {
            case .theme(let text):
                out.append(row(["", strong(text), "", "", "", ""]))
            case .addressee(let text):
                out.append(row(["", emphasis(text), "", "", "", ""]))
            case .recommendation(let rec):
                for (index, line) in rec.lines.enumerated() {
                    let first = index == 0
                    let spanned = first ? [String(rec.number), cell(rec.text), cell(rec.status)] : ["", "", ""]
                    out.append(row(spanned + [responseCell(line), cell(line.owners), cell(line.target)]))
                }
            }
        }
        out.append("")

        out.append("## " + heading(doc.summary.caption))
        out.append("")
        out.append(row(OfficialDocument.summaryColumns.map(inline)))
        out.append(delimiter(OfficialDocument.summaryColumns.count))
        let counts = [doc.summary.agreed, doc.summary.partlyAgreed, doc.summary.notAgreed, doc.summary.total]
        out.append(row(counts.map(String.init)))
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Tables

    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    static func delimiter(_ count: Int) -> String {
        row(Array(repeating: "---", count: count))
    }

    /// A cell's paragraphs, escaped and joined with `<br>`.
    static func cell(_ paragraphs: [String]) -> String {
        paragraphs.map(inline).joined(separator: "<br>")
    }

    /// Column 4: an update's "Update December 2021" and the id opening an action in bold.
    static func responseCell(_ line: OfficialDocument.Line) -> String {
        guard let first = line.response.first else { return "" }
        let rest = line.response.dropFirst().map(inline)
        switch line.kind {
        case .update:
            return ([strong(first)] + rest).joined(separator: "<br>")
        case .action(let id) where first.hasPrefix(id + " "):
            return ([strong(id) + inline(String(first.dropFirst(id.count)))] + rest).joined(separator: "<br>")
        case .action, .response, .empty:
            return cell(line.response)
        }
    }

    // MARK: Escaping

    /// The characters Markdown (with GitHub's extensions: tables, strikethrough, math) reads as
    /// markup wherever they stand.
    static let significant: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "$"]

    /// Text escaped for use inside a line: every significant character backslash-escaped, `&`
    /// escaped where it would start an entity, line breaks as spaces.
    public static func inline(_ text: String) -> String {
        var out = ""
        let characters = Array(text)
        for (index, c) in characters.enumerated() {
            if c == "\n" || c == "\r" || c == "\r\n" {
                out.append(" ")
            } else if significant.contains(c) {
                out.append("\\")
                out.append(c)
            } else if c == "&", startsEntity(characters, at: index) {
                out.append("\\&")
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// `&name;`, `&#123;` or `&#x1F;` begins at `index`.
    static func startsEntity(_ characters: [Character], at index: Int) -> Bool {
        var i = index + 1
        var length = 0
        if i < characters.count, characters[i] == "#" { i += 1 }
        while i < characters.count, characters[i].isASCII, characters[i].isLetter || characters[i].isNumber {
            i += 1
            length += 1
        }
        return length > 0 && i < characters.count && characters[i] == ";"
    }

    /// A paragraph standing on its own: inline escaping, plus whatever would make its start a
    /// heading, a list item, a quote, a thematic break or an indented code block.
    static func block(_ paragraph: String) -> String {
        let text = inline(String(paragraph.drop(while: { $0 == " " || $0 == "\t" })))
        guard let first = text.first else { return text }
        if first == "#" || first == "-" || first == "+" || first == "=" {
            return "\\" + text
        }
        // "1. " or "1) " would open an ordered list.
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")",
               rest.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true {
                return String(digits) + "\\" + String(rest)
            }
        }
        return text
    }

    /// A heading's text: inline escaping, and a trailing run of `#` escaped so it is not taken for
    /// the heading's optional closing sequence.
    static func heading(_ text: String) -> String {
        let escaped = inline(text.trimmingSpaces)
        let run = escaped.reversed().prefix(while: { $0 == "#" }).count
        guard run > 0 else { return escaped }
        return String(escaped.dropLast(run)) + "\\" + String(repeating: "#", count: run)
    }

    /// Bold text: `**…**` around the escaped, trimmed text (an empty text stays empty).
    static func strong(_ text: String) -> String {
        let t = text.trimmingSpaces
        return t.isEmpty ? "" : "**" + inline(t) + "**"
    }

    /// Italic text: `*…*` around the escaped, trimmed text.
    static func emphasis(_ text: String) -> String {
        let t = text.trimmingSpaces
        return t.isEmpty ? "" : "*" + inline(t) + "*"
    }
}
