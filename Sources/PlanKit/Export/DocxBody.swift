import Foundation

/// The body of the Word document: `word/document.xml`, built from the official layout.
extension DocxWriter {
    /// `word/document.xml`.
    struct Body {
        var xml = ""

        init(_ document: OfficialDocument) {
            xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document xmlns:w=\"\(Package.wordNamespace)\" xmlns:r=\"\(Package.relationshipNamespace)\"><w:body>"
            xml += paragraph(run(document.organisation), ParagraphStyle(style: "Title"))
            for line in document.titleLines {
                xml += paragraph(run(line.label + ":", bold: true) + run(" " + line.value))
            }
            if !document.introduction.isEmpty {
                xml += paragraph(run(OfficialDocument.introductionHeading), ParagraphStyle(style: "Heading1"))
                for p in document.introduction { xml += paragraph(run(p)) }
            }
            xml += termsTable(document.terms)
            xml += paragraph(run(document.heading), ParagraphStyle(style: "Heading1", pageBreakBefore: true))
            xml += planTable(document.rows, header: document.columns)
            xml += paragraph(run(document.summary.caption, bold: true), ParagraphStyle(keepNext: true, spaceBefore: 240))
            xml += summaryTable(document.summary)
            xml += "<w:sectPr><w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\" w:orient=\"landscape\"/>"
                + "<w:pgMar w:top=\"\(margin)\" w:right=\"\(margin)\" w:bottom=\"\(margin)\" w:left=\"\(margin)\""
                + " w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:cols w:space=\"708\"/></w:sectPr>"
            xml += "</w:body></w:document>"
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

        func row(_ cells: [Cell], header: Bool = false, unbreakable: Bool) -> String {
            var properties = ""
            if unbreakable { properties += "<w:cantSplit/>" }
            if header { properties += "<w:tblHeader/>" }
            return "<w:tr>" + (properties.isEmpty ? "" : "<w:trPr>" + properties + "</w:trPr>")
                + cells.map(\.xml).joined() + "</w:tr>"
        }

        func table(columns: [Int], rows: [String]) -> String {
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(columns.reduce(0, +))\" w:type=\"dxa\"/>"
                + "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
                + columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
                + rows.joined() + "</w:tbl>"
        }

        /// A header row: bold, shaded, repeated at the top of every page the table runs onto.
        func headerRow(_ titles: [String], columns: [Int]) -> String {
            row(zip(titles, columns).map { title, width in
                Cell(paragraphs: [paragraph(run(title, bold: true), ParagraphStyle(keepNext: true))],
                     width: width, shading: Self.headerShading)
            }, header: true, unbreakable: true)
        }

        /// How many lines a cell's text takes, roughly: 10 pt Arial averages about 100 twips a
        /// character, and each paragraph takes at least a line.
        static func estimatedLines(_ paragraphs: [String], width: Int) -> Int {
            let perLine = max(8, (width - 2 * 108) / 100)
            return paragraphs.reduce(0) { $0 + max(1, ($1.count + perLine - 1) / perLine) }
        }

        static func fitsUnbroken(_ cells: [(paragraphs: [String], width: Int)]) -> Bool {
            cells.map { estimatedLines($0.paragraphs, width: $0.width) }.max() ?? 0 <= DocxWriter.unbreakableLines
        }

        func plainCell(_ texts: [String], width: Int) -> Cell {
            Cell(paragraphs: texts.map { paragraph(run($0)) }, width: width)
        }

        func termsTable(_ terms: [(term: String, definition: String, comment: String)]) -> String {
            let w = DocxWriter.termColumns
            var rows = [headerRow(OfficialDocument.termColumns, columns: w)]
            for term in terms {
                let texts = [[term.term], [term.definition], [term.comment]]
                rows.append(row([Cell(paragraphs: [paragraph(run(term.term, bold: true))], width: w[0]),
                                 plainCell(texts[1], width: w[1]), plainCell(texts[2], width: w[2])],
                                unbreakable: Self.fitsUnbroken(zip(texts, w).map { ($0, $1) })))
            }
            return table(columns: w, rows: rows)
        }

        func summaryTable(_ summary: OfficialDocument.SummaryTable) -> String {
            let w = DocxWriter.summaryColumns
            let counts = [summary.agreed, summary.partlyAgreed, summary.notAgreed, summary.total]
            return table(columns: w, rows: [
                headerRow(summary.columns, columns: w),
                row(zip(counts, w).map { plainCell([String($0)], width: $1) }, unbreakable: true),
            ])
        }

        func planTable(_ planRows: [OfficialDocument.Row], header: [String]) -> String {
            let w = DocxWriter.planColumns
            var rows = [headerRow(header, columns: w)]
            for planRow in planRows {
                switch planRow {
                case .theme(let text):
                    rows.append(spanningRow(text, shading: Self.themeShading))
                case .addressee(let text):
                    rows.append(spanningRow(text, shading: Self.addresseeShading))
                case .recommendation(let rec):
                    rows += recommendationRows(rec)
                }
            }
            return table(columns: w, rows: rows)
        }

        /// A theme or addressee row: one bold cell across the table, kept with the row below.
        func spanningRow(_ text: String, shading: String) -> String {
            row([Cell(paragraphs: [paragraph(run(text, bold: true), ParagraphStyle(keepNext: true))],
                      width: DocxWriter.planColumns.reduce(0, +), span: 6, shading: shading)],
                unbreakable: true)
        }

        func recommendationRows(_ rec: OfficialDocument.RecommendationRows) -> [String] {
            let w = DocxWriter.planColumns
            let merged = rec.lines.count > 1
            var rows: [String] = []
            for (i, line) in rec.lines.enumerated() {
                var cells: [Cell]
                var measured: [(paragraphs: [String], width: Int)] = []
                if i == 0 {
                    let merge: Cell.Merge = merged ? .restart : .none
                    let status = rec.status.enumerated().map { j, text in
                        paragraph(j == 0 ? run(text, bold: true) : runs(text, boldPrefix: Self.labelLength(text)))
                    }
                    cells = [Cell(paragraphs: [paragraph(run(rec.label, bold: true))], width: w[0], merge: merge),
                             Cell(paragraphs: rec.text.map { paragraph(run($0)) }, width: w[1], merge: merge),
                             Cell(paragraphs: status, width: w[2], merge: merge)]
                    // Merged cells flow on into the rows below, so only a lone row's count.
                    if !merged { measured = [([rec.label], w[0]), (rec.text, w[1]), (rec.status, w[2])] }
                } else {
                    cells = (0..<3).map { Cell(paragraphs: [], width: w[$0], merge: .continue) }
                }
                cells += [Cell(paragraphs: responseParagraphs(line), width: w[3]),
                          plainCell(line.owners, width: w[4]), plainCell(line.target, width: w[5])]
                measured += [(line.response, w[3]), (line.owners, w[4]), (line.target, w[5])]
                rows.append(row(cells, unbreakable: Self.fitsUnbroken(measured)))
            }
            return rows
        }

        /// Column 4: the action id at the start of an action's text, and an update's "Update …"
        /// label, in bold.
        func responseParagraphs(_ line: OfficialDocument.Line) -> [String] {
            line.response.enumerated().map { i, text in
                guard i == 0 else { return paragraph(run(text)) }
                switch line.kind {
                case .action(let id) where text.hasPrefix(id):
                    return paragraph(runs(text, boldPrefix: id.count))
                case .update:
                    return paragraph(run(text, bold: true))
                default:
                    return paragraph(run(text))
                }
            }
        }

        /// The length of a status cell paragraph's label: "Reason (policy):" or "Part agreed:".
        static func labelLength(_ text: String) -> Int {
            if text.hasPrefix(OfficialDocument.partAgreedLabel) {
                return OfficialDocument.partAgreedLabel.count - 1
            }
            if text.hasPrefix(OfficialDocument.reasonLabel + " ("), let close = text.range(of: "): ") {
                return text.distance(from: text.startIndex, to: close.lowerBound) + 2
            }
            return 0
        }
    }
}
