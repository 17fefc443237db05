import Foundation
import PlanKit
import Testing

/// MarkdownExport: the golden rendering of every example, tables that no text can break, and
/// text that shows as written.
@Suite("MarkdownExport")
struct MarkdownExportTests {
    @Test("each example renders as its golden Markdown", arguments: ExportSupport.exampleNames)
    func golden(_ name: String) throws {
        let plan = try ExportSupport.example(name)
        ExportSupport.checkGolden(MarkdownExport.render(OfficialDocument(plan)), "\(name).md")
    }

    @Test("every table row has as many cell separators as its header", arguments: ExportSupport.exampleNames + ["hostile"])
    func tablesIntact(_ name: String) throws {
        let plan = name == "hostile" ? try ExportSupport.hostile() : try ExportSupport.example(name)
        let markdown = MarkdownExport.render(OfficialDocument(plan))
        let tables = Self.tables(markdown)
        #expect(tables.count == 3, "expected the terms, plan and summary tables, found \(tables.count)")
        for (index, table) in tables.enumerated() {
            let header = Self.unescapedPipes(table[0])
            #expect(header == [4, 7, 3][min(index, 2)], "table \(index + 1)'s header has \(header) pipes: \(table[0])")
            #expect(table.count >= 3)
            for row in table {
                #expect(Self.unescapedPipes(row) == header, "table \(index + 1): \(row)")
                #expect(!row.contains("\n"))
            }
        }
        // The plan table: the delimiter row, then one row per theme, addressee and line.
        let doc = OfficialDocument(plan)
        let lines = doc.rows.reduce(0) { count, row in
            if case .recommendation(let rec) = row { return count + rec.lines.count }
            return count + 1
        }
        #expect(tables.count > 1 && tables[1].count == 2 + lines)
    }

    @Test("the recall-culture plan: layout facts")
    func recallCultureFacts() throws {
        let markdown = MarkdownExport.render(OfficialDocument(try ExportSupport.example("recall-culture-2020")))
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# HM Prison and Probation Service")
        #expect(lines.contains("- **Action Plan Submitted:** 7 December 2020"))
        #expect(lines.contains("- **Action Plan Update Submitted:** 7 December 2021"))
        #expect(lines.contains("## ACTION PLAN: A Thematic Review of Probation Recall Culture and Practice"))
        #expect(lines.contains("|  | *HM Prison and Probation Service should:* |  |  |  |  |"))
        // Recommendation 5: its action on the first line with number, text and status; the
        // update on the next line with those three cells empty.
        let five = try #require(lines.firstIndex { $0.hasPrefix("| 5 | Review the responsibilities") })
        #expect(lines[five].contains("| Agreed | **5.1** The PPG and the Parole Board"))
        #expect(lines[five].hasSuffix("| Deputy Director, Public Protection Group | July 2021 |"))
        #expect(lines[five + 1].hasPrefix("|  |  |  | **Update December 2021**<br>The PPG and the Parole Board are running"))
        #expect(lines[five + 1].hasSuffix("| March 2022 |"))
        #expect(lines[five + 1].contains("| Deputy Director, Public Protection Group | March 2022 |"), "the update names the owner in charge")
        #expect(markdown.hasSuffix("## Summary of responses (counted from the recommendations)\n\n| Recommendations |  |\n| --- | --- |\n"
            + "| **Agreed** | 8 |\n| **Partly Agreed** | 0 |\n| **Not Agreed** | 0 |\n| **Total** | 8 |\n"))
    }

    @Test("hostile text is escaped: it shows as written and cannot open markup")
    func hostileEscaped() throws {
        let markdown = MarkdownExport.render(OfficialDocument(try ExportSupport.hostile()))
        let lines = markdown.split(separator: "\n").map(String.init)
        // No raw HTML tag, code span or link survives unescaped: every '<' (but the exporter's own
        // <br>), backtick and bracket has a backslash before it.
        for c in ["<", "`", "[", "]", "$", "~", "_"] {
            let unescaped = Self.unescaped(Character(c), in: markdown.replacingOccurrences(of: "<br>", with: ""))
            #expect(unescaped == 0, "\(unescaped) unescaped '\(c)'")
        }
        #expect(markdown.contains("\\<script\\>alert('x')\\</script\\>"))
        #expect(markdown.contains("a \\| b, \"quoted\", \\`tick\\`"))
        #expect(markdown.contains("\\[link\\](http://x.invalid) \\~\\~strike\\~\\~ \\\\ back"))
        #expect(markdown.contains("**\\# Theme \\* with \\_marks\\_**") == false)  // '#' is only escaped at a line start
        #expect(markdown.contains("**# Theme \\* with \\_marks\\_**"))
        // Cell paragraphs joined with <br>; a list item "- item" opens with a bullet, "* star" stays text.
        #expect(markdown.contains("<br><br>\u{2022} item \\| one<br>\\* star<br>#hash"))
        // The title block and the introduction: block markers escaped, `&amp;` kept as text.
        #expect(lines[0] == "# HM Prison & Probation Service \\<script\\>alert(\"o\")\\</script\\>")
        // '#' opens a heading only at the start of a line: in a list item after the label it is text.
        #expect(lines.contains("- **A Response to the HM Inspectorate of \"Probation\" report:** # Not a heading \\| really"))
        #expect(lines.contains("\\# Heading?"))
        #expect(lines.contains("- a list?"), "a list item of the introduction is a Markdown list item")
        #expect(lines.contains("1\\. ordered?"))
        #expect(lines.contains("indented code?"))
        #expect(lines.contains("\\> quote?"))
        #expect(lines.contains("\\---"))
        #expect(lines.contains("A & B \\&amp; C \\$5m and \\$6m"))
        // A heading's trailing '#' would close the heading and vanish: it is escaped.
        #expect(lines.contains("## ACTION PLAN: Pipes \\| \\<b\\>bold\\</b\\> & \\`code\\` \\*stars\\* \\#"))
    }

    @Test("inline escaping, character by character")
    func inlineEscaping() {
        #expect(MarkdownExport.inline("a|b") == "a\\|b")
        #expect(MarkdownExport.inline("\\|") == "\\\\\\|")
        #expect(MarkdownExport.inline("*x* _y_ `z` [l](u) <t> ~s~ $m$") == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<t\\> \\~s\\~ \\$m\\$")
        #expect(MarkdownExport.inline("R&D &copy; &#169; &#x1F; & ;") == "R&D \\&copy; \\&#169; \\&#x1F; & ;")
        #expect(MarkdownExport.inline("two\nlines") == "two lines")
    }

    // MARK: Helpers

    /// The Markdown tables: runs of lines starting with "|".
    static func tables(_ markdown: String) -> [[String]] {
        var tables: [[String]] = []
        var current: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                current.append(String(line))
            } else if !current.isEmpty {
                tables.append(current)
                current = []
            }
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }

    /// Pipes not escaped by an odd number of backslashes.
    static func unescapedPipes(_ line: String) -> Int {
        unescaped("|", in: line)
    }

    /// Occurrences of `character` not escaped by an odd number of backslashes.
    static func unescaped(_ character: Character, in line: String) -> Int {
        var count = 0
        var backslashes = 0
        for c in line {
            if c == "\\" {
                backslashes += 1
                continue
            }
            if c == character, backslashes % 2 == 0 { count += 1 }
            backslashes = 0
        }
        return count
    }
}
