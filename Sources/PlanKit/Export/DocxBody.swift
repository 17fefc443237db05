import Foundation

/// The body of the Word document: `word/document.xml`, built from the official layout. Each part
/// is its own function, so the redline (`DocxRedline`) writes version B through the same code,
/// with its marked lines where the export has plain ones.
extension DocxWriter {
    /// `word/document.xml`.
    struct Body {
        var xml = ""

        init(_ document: OfficialDocument) {
            let rows = document.rows.flatMap { row -> [String] in
                switch row {
                case .theme(let text): [Self.themeRow(text)]
                case .addressee(let text): [Self.addresseeRow(text)]
                case .recommendation(let rec): Self.recommendationRows(Self.lines(rec))
                }
            }
            xml = Self.document(Self.titleBlock(document) + Self.introduction(document.introduction.map { Line($0) })
                + [Self.termsTable(document.terms), Self.heading(run(document.heading)), Self.planTable(rows, header: document.columns)]
                + Self.summary(document.summary))
        }

        /// The document around its blocks, with the page set up.
        static func document(_ blocks: [String]) -> String {
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document xmlns:w=\"\(Package.wordNamespace)\" xmlns:r=\"\(Package.relationshipNamespace)\"><w:body>"
                + blocks.joined()
                + "<w:sectPr><w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\" w:orient=\"landscape\"/>"
                + "<w:pgMar w:top=\"\(margin)\" w:right=\"\(margin)\" w:bottom=\"\(margin)\" w:left=\"\(margin)\""
                + " w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:cols w:space=\"708\"/></w:sectPr>"
                + "</w:body></w:document>"
        }

        /// The organisation (Title style) and the title lines, each "Label:" in bold.
        static func titleBlock(_ document: OfficialDocument) -> [String] {
            [paragraph(run(document.organisation), ParagraphStyle(style: "Title"))]
                + document.titleLines.map { titleLine(labelRuns: run($0.label + ":", bold: true), valueRuns: run(" " + $0.value)) }
        }

        static func titleLine(labelRuns: String, valueRuns: String) -> String {
            paragraph(labelRuns + valueRuns)
        }

        /// INTRODUCTION and its paragraphs, when there are any.
        static func introduction(_ lines: [Line]) -> [String] {
            guard !lines.isEmpty else { return [] }
            return [paragraph(run(OfficialDocument.introductionHeading), ParagraphStyle(style: "Heading1"))] + block(lines)
        }

        /// "ACTION PLAN: …" as Heading 1 on a new page.
        static func heading(_ runs: String) -> String {
            paragraph(runs, ParagraphStyle(style: "Heading1", pageBreakBefore: true))
        }

        // MARK: Tables

        /// A cell's properties and paragraphs.
        struct Cell {
            var paragraphs: [String]  // paragraph XML
            var width: Int
            var span = 1
            var merge: Merge = .none
            var shading: String?

            enum Merge { case none, restart, `continue` }

            init(paragraphs: [String], width: Int, span: Int = 1, merge: Merge = .none, shading: String? = nil) {
                self.paragraphs = paragraphs
                self.width = width
                self.span = span
                self.merge = merge
                self.shading = shading
            }

            /// A cell of the layout's lines.
            init(_ lines: [Line], width: Int, merge: Merge = .none) {
                self.init(paragraphs: block(lines), width: width, merge: merge)
            }

            var xml: String {
                var p = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                if span > 1 { p += "<w:gridSpan w:val=\"\(span)\"/>" }
                switch merge {
                case .none: break
                case .restart: p += "<w:vMerge w:val=\"restart\"/>"
                case .continue: p += "<w:vMerge/>"
                }
                if let shading { p += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(shading)\"/>" }
                // A cell must end with a paragraph, even an empty one.
                let content = paragraphs.isEmpty ? "<w:p/>" : paragraphs.joined()
                return "<w:tc><w:tcPr>" + p + "</w:tcPr>" + content + "</w:tc>"
            }
        }

        static let headerShading = "D9D9D9"
        static let themeShading = "BDD6EE"
        static let addresseeShading = "F2F2F2"

        /// A row. Rows may break across pages; only a header row, short and repeated on every
        /// page, is kept whole. `revision` is a redline's `<w:ins …/>` or `<w:del …/>` of the row.
        static func row(_ cells: [Cell], header: Bool = false, revision: String = "") -> String {
            let properties = (header ? "<w:cantSplit/><w:tblHeader/>" : "") + revision
            return "<w:tr>" + (properties.isEmpty ? "" : "<w:trPr>" + properties + "</w:trPr>")
                + cells.map(\.xml).joined() + "</w:tr>"
        }

        static func table(columns: [Int], rows: [String]) -> String {
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(columns.reduce(0, +))\" w:type=\"dxa\"/>"
                + "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
                + columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
                + rows.joined() + "</w:tbl>"
        }

        /// A header row: bold, shaded, repeated at the top of every page the table runs onto.
        static func headerRow(_ titles: [String], columns: [Int]) -> String {
            row(zip(titles, columns).map { title, width in
                Cell(paragraphs: [paragraph(run(title, bold: true), ParagraphStyle(keepNext: true))],
                     width: width, shading: headerShading)
            }, header: true)
        }

        static func termsTable(_ terms: [(term: String, definition: String, comment: String)]) -> String {
            let w = DocxWriter.termColumns
            var rows = [headerRow(OfficialDocument.termColumns, columns: w)]
            for term in terms {
                rows.append(row([Cell([Line(term.term, boldPrefix: term.term.count)], width: w[0]),
                                 Cell([Line(term.definition)], width: w[1]), Cell([Line(term.comment)], width: w[2])]))
            }
            return table(columns: w, rows: rows)
        }

        /// The caption, then the published vertical table: "Recommendations" over a label and a
        /// count per row. `countRuns` writes a count (a redline marks the ones that changed).
        static func summary(_ summary: OfficialDocument.SummaryTable,
                            captionRuns: String? = nil,
                            countRuns: (_ label: String, _ count: Int) -> String = { run(String($1)) }) -> [String] {
            let w = DocxWriter.summaryColumns
            var rows = [row([Cell(paragraphs: [paragraph(run(summary.heading, bold: true), ParagraphStyle(keepNext: true))],
                                  width: w.reduce(0, +), span: 2, shading: headerShading)], header: true)]
            for count in summary.counts {
                rows.append(row([Cell(paragraphs: [paragraph(run(count.label, bold: true))], width: w[0]),
                                 Cell(paragraphs: [paragraph(countRuns(count.label, count.count))], width: w[1])]))
            }
            return [paragraph(captionRuns ?? run(summary.caption, bold: true), ParagraphStyle(keepNext: true, spaceBefore: 240)),
                    table(columns: w, rows: rows)]
        }

        static func planTable(_ rows: [String], header: [String]) -> String {
            table(columns: DocxWriter.planColumns, rows: [headerRow(header, columns: DocxWriter.planColumns)] + rows)
        }

        /// A theme row: one bold shaded cell across the table, kept with the row below.
        static func themeRow(_ text: String) -> String {
            spanningRow(run(text, bold: true), shading: themeShading, revision: "")
        }

        /// An addressee row ("… should:"), as a theme row with a lighter shade.
        static func addresseeRow(_ text: String) -> String {
            spanningRow(run(text, bold: true), shading: addresseeShading, revision: "")
        }

        static func spanningRow(_ runs: String, shading: String, revision: String) -> String {
            row([Cell(paragraphs: [paragraph(runs, ParagraphStyle(keepNext: true))],
                      width: DocxWriter.planColumns.reduce(0, +), span: 6, shading: shading)], revision: revision)
        }
    }
}
