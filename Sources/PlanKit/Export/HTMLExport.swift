/// The official layout (`OfficialDocument`) as one self-contained, accessible HTML5 file: no
/// external style sheet, font, image or script, so it can be mailed, archived or printed as it is.
///
/// Structure, for screen readers and for print:
/// - `<h1>` the organisation, then the title lines as a description list (`<dt>` label, `<dd>`
///   value); `<h2>` INTRODUCTION with its paragraphs and the table of terms.
/// - The main table's `<caption>` holds the heading ("ACTION PLAN: …") as an `<h2>`, so it is
///   both the table's name and a heading in the page's outline. `<thead>` has the six column
///   headers (`<th scope="col">`) and is repeated on every printed page.
/// - A `<tbody>` per section: the theme row (`<tr class="theme">`) and the addressee row
///   ("… should:", `<tr class="addressee">`) are `<th colspan="6" scope="rowgroup">`, the
///   headers of the recommendations that follow them in the same `<tbody>`; a new section starts
///   whenever a theme or an addressee row does.
/// - Per recommendation, one `<tr>` per line (response, action, update), the number cell a row
///   header (`<th scope="row" rowspan="N">`) and the recommendation and status cells
///   `<td rowspan="N">`, N being the number of lines: a row header spanning rows heads every row
///   it spans, so each response, owner and target cell is announced with its recommendation.
/// - The terms and the summary tables have a `<caption>`, column headers (`scope="col"`) and
///   row headers (`scope="row"`): the term; the summary's label ("Agreed") beside its count,
///   under "Recommendations", as the published plans lay it out.
/// - A cell's paragraphs are `<p>` elements (empty paragraphs dropped: they only separate), runs
///   of list items ("- …") a `<ul>` (an action whose text opens with a list has its id in a
///   paragraph above it); the action id opening an action's text, an
///   update's first paragraph ("Update December 2021") and the status word are in bold. Every
///   text is HTML-escaped (`& < > " '`).
///
/// Print: A4 landscape, header rows repeated, rows free to break across pages (a long row kept
/// whole leaves half-empty pages), theme and addressee rows kept with what follows, readable sans-serif
/// type; the column widths follow the official template.
public enum HTMLExport {
    public static func render(_ doc: OfficialDocument, title: String) -> String {
        var h = HTMLBuilder()
        pageStart(title: title, &h)

        h.line("<header>")
        h.line("<h1>\(escape(doc.organisation))</h1>")
        if !doc.titleLines.isEmpty {
            h.line("<dl class=\"title-lines\">")
            for line in doc.titleLines {
                h.line("<div><dt>\(escape(line.label)):</dt> <dd>\(escape(line.value))</dd></div>")
            }
            h.line("</dl>")
        }
        h.line("</header>")

        h.line("<section class=\"introduction\">")
        if !doc.introduction.isEmpty {
            h.line("<h2>\(escape(OfficialDocument.introductionHeading))</h2>")
            h.raw(paragraphs(doc.introduction))
        }
        termsTable(doc, &h)
        h.line("</section>")

        planTable(doc, &h)
        summaryTable(doc.summary, &h)

        h.line("</main>")
        h.line("</body>")
        h.line("</html>")
        return h.output
    }

    // MARK: Tables

    static func termsTable(_ doc: OfficialDocument, _ h: inout HTMLBuilder) {
        h.line("<table class=\"terms\">")
        h.line("<caption>The terms used in column 3</caption>")
        h.line("<thead>")
        h.line("<tr>" + OfficialDocument.termColumns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr>")
        h.line("</thead>")
        h.line("<tbody>")
        for term in doc.terms {
            h.line("<tr><th scope=\"row\">\(escape(term.term))</th><td>\(escape(term.definition))</td><td>\(escape(term.comment))</td></tr>")
        }
        h.line("</tbody>")
        h.line("</table>")
    }

    /// The page up to its `<main>`: one title, the export's style and any the page adds.
    static func pageStart(title: String, extraStyle: String = "", _ h: inout HTMLBuilder) {
        h.line("<!DOCTYPE html>")
        h.line("<html lang=\"en\">")
        h.line("<head>")
        h.line("<meta charset=\"utf-8\">")
        h.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        h.line("<title>\(escape(title))</title>")
        h.line("<style>")
        h.raw(style)
        h.raw(extraStyle)
        h.line("</style>")
        h.line("</head>")
        h.line("<body>")
        h.line("<main>")
    }

    static let columnClasses = ["number", "recommendation", "status", "response", "owner", "target"]

    static func planTable(_ doc: OfficialDocument, _ h: inout HTMLBuilder) {
        h.line("<table class=\"plan\">")
        h.line("<caption><h2>\(escape(doc.heading))</h2></caption>")
        h.line("<colgroup>" + columnClasses.map { "<col class=\"\($0)\">" }.joined() + "</colgroup>")
        h.line("<thead>")
        h.line("<tr>" + doc.columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr>")
        h.line("</thead>")

        var open = false
        func startSection() {
            if open { h.line("</tbody>") }
            h.line("<tbody>")
            open = true
        }
        var previousWasHeading = false
        for row in doc.rows {
            switch row {
            case .theme(let text):
                startSection()
                h.line("<tr class=\"theme\"><th colspan=\"6\" scope=\"rowgroup\">\(escape(text))</th></tr>")
                previousWasHeading = true
            case .addressee(let text):
                // The addressee row after a theme row belongs to the theme's section.
                if !previousWasHeading { startSection() }
                h.line("<tr class=\"addressee\"><th colspan=\"6\" scope=\"rowgroup\">\(escape(text))</th></tr>")
                previousWasHeading = true
            case .recommendation(let rec):
                if !open { startSection() }
                previousWasHeading = false
                recommendationRows(lines: rec.lines.count, number: rec.label, text: cellContent(rec.text),
                                   status: cellContent(rec.status, firstStrong: true), &h) { index in
                    let line = rec.lines[index]
                    var cells = ""
                    switch line.kind {
                    case .update: cells += "<td>\(cellContent(line.response, firstStrong: true))</td>"
                    case .action(let id): cells += "<td>\(cellContent(line.response, leadingID: id))</td>"
                    case .response, .empty: cells += "<td>\(cellContent(line.response))</td>"
                    }
                    cells += "<td>\(cellContent(line.owners))</td><td>\(cellContent(line.target))</td>"
                    return (cells, " class=\"\(rowClass(line.kind))\"")
                }
            }
        }
        if open { h.line("</tbody>") }
        h.line("</table>")
    }

    /// One recommendation's rows: its number, text and status in cells spanning every line, then
    /// each line's cells (the last three columns) with its row's attributes.
    static func recommendationRows(lines: Int, number: String, text: String, status: String, _ h: inout HTMLBuilder,
                                   line: (Int) -> (cells: String, attributes: String)) {
        let spanAttribute = lines > 1 ? " rowspan=\"\(lines)\"" : ""
        for index in 0..<lines {
            var cells = ""
            if index == 0 {
                cells += "<th scope=\"row\"\(spanAttribute)>\(number)</th>"
                cells += "<td\(spanAttribute)>\(text)</td>"
                cells += "<td\(spanAttribute)>\(status)</td>"
            }
            let (lineCells, attributes) = line(index)
            h.line("<tr\(attributes)>\(cells)\(lineCells)</tr>")
        }
    }

    static func rowClass(_ kind: OfficialDocument.Line.Kind) -> String {
        switch kind {
        case .response: "response"
        case .action: "action"
        case .update: "update"
        case .empty: "empty"
        }
    }

    /// The published vertical table: "Recommendations" over a label (a row header) and a
    /// count per row.
    static func summaryTable(_ summary: OfficialDocument.SummaryTable, _ h: inout HTMLBuilder) {
        h.line("<table class=\"summary\">")
        h.line("<caption><h2>\(escape(summary.caption))</h2></caption>")
        h.line("<thead>")
        h.line("<tr><th scope=\"col\" colspan=\"2\">\(escape(summary.heading))</th></tr>")
        h.line("</thead>")
        h.line("<tbody>")
        for count in summary.counts {
            h.line("<tr><th scope=\"row\">\(escape(count.label))</th><td>\(count.count)</td></tr>")
        }
        h.line("</tbody>")
        h.line("</table>")
    }

    // MARK: Cells

    /// A cell's paragraphs as `<p>` elements, runs of "- " items as a list. `firstStrong` puts
    /// the first paragraph in bold (an update's label, the status word); `leadingID` the action
    /// id that opens the first paragraph.
    static func cellContent(_ paragraphs: [String], firstStrong: Bool = false, leadingID: String? = nil,
                            separator: String = "") -> String {
        var out = ""
        var items: [String] = []
        func flush() {
            guard !items.isEmpty else { return }
            out += "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" + separator
            items = []
        }
        for (index, p) in paragraphs.enumerated() {
            if let item = OfficialDocument.listItem(p) {
                items.append(item)
                continue
            }
            flush()
            guard !p.trimmingSpaces.isEmpty else { continue }
            if index == 0, firstStrong {
                out += "<p><strong>\(escape(p))</strong></p>" + separator
            } else if index == 0, let id = leadingID, p == id || p.hasPrefix(id + " ") {
                out += "<p><strong>\(escape(id))</strong>\(escape(String(p.dropFirst(id.count))))</p>" + separator
            } else {
                out += "<p>\(escape(p))</p>" + separator
            }
        }
        flush()
        return out
    }

    /// Paragraphs outside a table, one per line, list items as a list.
    static func paragraphs(_ paragraphs: [String]) -> String {
        cellContent(paragraphs, separator: "\n")
    }

    /// Text for HTML content and attribute values; a control character or bidirectional
    /// control (`UnsafeCharacters`) is shown by its stand-in, never written raw.
    public static func escape(_ text: String) -> String {
        ScalarEscaping.escape(text, htmlEntities) { scalar, out in
            if UnsafeCharacters.isAllowed(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += escape(UnsafeCharacters.standIn(scalar))
            }
        }
    }

    static let htmlEntities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]

    // MARK: Style

    static let style = """
        :root { color-scheme: light; }
        body { margin: 0; background: #fff; color: #0b0c0c; font: 16px/1.45 Arial, "Helvetica Neue", Helvetica, "Liberation Sans", sans-serif; }
        main { max-width: 100rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.75rem; margin: 0 0 0.75rem; }
        h2 { font-size: 1.35rem; margin: 1.5rem 0 0.5rem; }
        caption h2 { margin: 0 0 0.5rem; }
        caption { text-align: left; font-weight: bold; padding: 0.5rem 0; caption-side: top; }
        dl.title-lines { margin: 0 0 1rem; }
        dl.title-lines div { margin: 0.15rem 0; }
        dl.title-lines dt { display: inline; font-weight: bold; }
        dl.title-lines dd { display: inline; margin: 0; }
        p { margin: 0 0 0.6em; }
        td p:last-child, th p:last-child { margin-bottom: 0; }
        ul { margin: 0 0 0.6em; padding-left: 1.2em; }
        li { margin: 0 0 0.2em; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; }
        th, td { border: 1px solid #505a5f; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        thead th { background: #dee0e2; }
        table.plan { table-layout: fixed; font-size: 0.9rem; }
        col.number { width: 4.5%; }
        col.recommendation { width: 20%; }
        col.status { width: 11%; }
        col.response { width: 37%; }
        col.owner { width: 16%; }
        col.target { width: 11.5%; }
        table.plan tbody th[scope="row"] { text-align: center; }
        tr.theme th { background: #1d70b8; color: #fff; font-size: 1.05rem; }
        tr.addressee th { background: #f3f2f1; font-style: italic; }
        tr.update td { background: #f8f8f8; }
        table.terms th[scope="row"] { width: 12%; }
        table.summary { width: auto; min-width: 18rem; }
        table.summary td { text-align: right; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
          body { font-size: 9.5pt; }
          main { max-width: none; padding: 0; }
          table.plan { font-size: 8.5pt; }
          thead { display: table-header-group; }
          tr.theme, tr.addressee, thead tr { break-inside: avoid; page-break-inside: avoid; }
          caption, h1, h2, tr.theme, tr.addressee { break-after: avoid; page-break-after: avoid; }
          thead th, tr.theme th, tr.addressee th, tr.update td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}

/// Lines of HTML.
struct HTMLBuilder {
    var output = ""

    mutating func line(_ text: String) {
        output += text + "\n"
    }

    mutating func raw(_ text: String) {
        output += text
    }
}
