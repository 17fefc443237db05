import Foundation
import PlanKit
import Testing

/// HTMLExport: the golden rendering of every example, a table structure whose spans add up, a
/// header scope on every header cell, and nothing external or unescaped.
@Suite("HTMLExport")
struct HTMLExportTests {
    @Test("each example renders as its golden HTML", arguments: ExportSupport.exampleNames)
    func golden(_ name: String) throws {
        let plan = try ExportSupport.example(name)
        ExportSupport.checkGolden(HTMLExport.render(OfficialDocument(plan), title: plan.info.title), "\(name).html")
    }

    @Test("structure: captions, scopes, spans that fill the six columns", arguments: ExportSupport.exampleNames + ["hostile"])
    func structure(_ name: String) throws {
        let plan = name == "hostile" ? try ExportSupport.hostile() : try ExportSupport.example(name)
        let doc = OfficialDocument(plan)
        let html = HTMLExport.render(doc, title: plan.info.title)

        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains("<title>\(HTMLExport.escape(plan.info.title))</title>"))
        #expect(html.hasSuffix("</html>\n"))
        // Print: A4 landscape, header rows repeated, short rows unbroken.
        #expect(html.contains("@page { size: A4 landscape;"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("tr { break-inside: avoid;"))

        // Nothing external, nothing executable: no tag refers to anything or runs anything, and
        // the style sheet loads nothing.
        for tag in Self.matches(#"<[^>]*>"#, in: html) {
            let lower = tag.lowercased()
            for banned in ["src=", "href=", "<script", "<link", "<img", "<iframe", "<object", "<embed", " on"] {
                #expect(!lower.contains(banned), "\(tag)")
            }
        }
        let style = try #require(Self.elements("style", in: html).first)
        #expect(!style.contains("url(") && !style.contains("@import"))
        if name != "hostile" { #expect(!html.contains("http"), "an example's export refers to something on the web") }

        // Every header cell has a scope; one caption per table.
        let ths = Self.matches(#"<th\b[^>]*>"#, in: html)
        #expect(!ths.isEmpty)
        for th in ths { #expect(th.contains(" scope=\""), "\(th)") }
        let tables = Self.elements("table", in: html)
        #expect(tables.count == 3)
        for table in tables {
            #expect(Self.matches("<caption>", in: table).count == 1)
            #expect(table.contains("<thead>") && table.contains("<tbody>"))
        }

        // The plan table: every row covers exactly six columns once the spans are counted, and
        // each recommendation's number, text and status cells span exactly its lines.
        let planTable = try #require(tables.dropFirst().first)
        let rows = Self.elements("tr", in: planTable)
        var pending = [Int](repeating: 0, count: 6)  // rows still covered by a cell above, per column
        for row in rows {
            var column = 0
            for cell in Self.matches(#"<t[hd]\b[^>]*>"#, in: row) {
                while column < 6, pending[column] > 0 {
                    pending[column] -= 1
                    column += 1
                }
                let colspan = Self.attribute("colspan", in: cell) ?? 1
                let rowspan = Self.attribute("rowspan", in: cell) ?? 1
                for c in column..<min(6, column + colspan) { pending[c] = rowspan - 1 }
                column += colspan
            }
            while column < 6, pending[column] > 0 {
                pending[column] -= 1
                column += 1
            }
            #expect(column == 6, "a row covers \(column) columns: \(row)")
        }
        #expect(pending == [0, 0, 0, 0, 0, 0], "a span runs past the table's end")

        var expectedRows = 1
        for row in doc.rows {
            guard case .recommendation(let rec) = row else {
                expectedRows += 1
                continue
            }
            expectedRows += rec.lines.count
            let span = rec.lines.count > 1 ? " rowspan=\"\(rec.lines.count)\"" : ""
            #expect(planTable.contains("<th scope=\"row\"\(span)>\(rec.number)</th><td\(span)>"),
                    "recommendation \(rec.number) does not span its \(rec.lines.count) lines")
        }
        #expect(rows.count == expectedRows)
        // Theme and addressee rows head their section.
        let themes = doc.rows.filter { if case .theme = $0 { return true } else { return false } }.count
        let addressees = doc.rows.filter { if case .addressee = $0 { return true } else { return false } }.count
        #expect(Self.matches(#"<tr class="theme"><th colspan="6" scope="rowgroup">"#, in: planTable).count == themes)
        #expect(Self.matches(#"<tr class="addressee"><th colspan="6" scope="rowgroup">"#, in: planTable).count == addressees)
        #expect(Self.matches(#"<th scope="col">"#, in: planTable).count == 6)
    }

    @Test("the recall-culture plan: rows, spans and words")
    func recallCultureFacts() throws {
        let plan = try ExportSupport.example("recall-culture-2020")
        let html = HTMLExport.render(OfficialDocument(plan), title: plan.info.title)
        #expect(html.contains("<h1>HM Prison and Probation Service</h1>"))
        #expect(html.contains("<div><dt>Action Plan Update Submitted:</dt> <dd>7 December 2021</dd></div>"))
        #expect(html.contains("<caption><h2>ACTION PLAN: A Thematic Review of Probation Recall Culture and Practice</h2></caption>"))
        // Recommendation 5: one action and its update, so two rows.
        #expect(html.contains("<tr class=\"action\"><th scope=\"row\" rowspan=\"2\">5</th><td rowspan=\"2\"><p>Review the responsibilities"))
        #expect(html.contains("<td rowspan=\"2\"><p><strong>Agreed</strong></p></td><td><p><strong>5.1</strong> The PPG and the Parole Board are exploring"))
        #expect(html.contains("<tr class=\"update\"><td><p><strong>Update December 2021</strong></p><p>The PPG and the Parole Board are running a pilot project"))
        // The update names no new owner, so its owner cell names the action's, as the published
        // plans fill it; its target cell has the new target.
        #expect(html.contains("quality of the reports</p></td><td><p>Deputy Director, Public Protection Group</p></td><td><p>March 2022</p></td></tr>"))
        // Recommendation 4: two actions, each with its update.
        #expect(html.contains("<th scope=\"row\" rowspan=\"4\">4</th>"))
        #expect(html.contains("<caption><h2>Summary of responses (counted from the recommendations)</h2></caption>"))
        // The published vertical form: a label and a count per row.
        #expect(html.contains("<tr><th scope=\"col\" colspan=\"2\">Recommendations</th></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Agreed</th><td>8</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Total</th><td>8</td></tr>"))
    }

    @Test("every text is escaped")
    func hostileEscaped() throws {
        let plan = try ExportSupport.hostile()
        let html = HTMLExport.render(OfficialDocument(plan), title: "<script>alert(\"t\")</script> & 'q'")
        #expect(html.contains("<title>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &#39;q&#39;</title>"))
        #expect(html.contains("<h1>HM Prison &amp; Probation Service &lt;script&gt;alert(&quot;o&quot;)&lt;/script&gt;</h1>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("<td><p>+Update | one</p><p>with &lt;p&gt; and &amp;</p></td>") == false)  // the label comes first
        #expect(html.contains("<p><strong>Update December 2021</strong></p><p>+Update | one</p><p>with &lt;p&gt; and &amp;</p>"))
        #expect(html.contains("<ul><li>item | one</li></ul>"))
        #expect(html.contains("Report available at:</dt> <dd>https://example.invalid/report?a=1&amp;b=2</dd>"))
        // The only tags are the exporter's own.
        let tags = Set(Self.matches(#"</?([a-z0-9]+)"#, in: html).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "</")) })
        #expect(tags.isSubset(of: ["html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "dl", "div", "dt", "dd",
                                   "section", "p", "table", "caption", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong"]),
                "\(tags.sorted())")
    }

    // MARK: Helpers

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            Issue.record("bad pattern \(pattern)")
            return []
        }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    /// The text of each `<name …>…</name>` element (not nested).
    static func elements(_ name: String, in text: String) -> [String] {
        matches("(?s)<\(name)\\b[^>]*>.*?</\(name)>", in: text)
    }

    static func attribute(_ name: String, in tag: String) -> Int? {
        guard let match = matches("\(name)=\"[0-9]+\"", in: tag).first else { return nil }
        return Int(match.dropFirst(name.count + 2).dropLast())
    }
}
