import Foundation
import ZIPFoundation

/// Writes the official layout as a Word document (DOCX: WordprocessingML in a ZIP package), built
/// in memory: the caller writes the bytes where it wants them, in one go.
///
/// The document holds exactly what `OfficialDocument.tableDocument` lists, in that order, so
/// `DocxReader` reads it back to the same `TableDocument`:
///
/// - the organisation (Title style), the title lines ("Label:" in bold), the INTRODUCTION heading
///   and its paragraphs;
/// - the table of terms, with a header row;
/// - the heading "ACTION PLAN: …" (Heading 1, on a new page), then the six-column table: its
///   header row repeats on every page (`w:tblHeader`); theme and addressee rows are one shaded
///   cell spanning the six columns; a recommendation's number, text and status cells are merged
///   down its lines (`w:vMerge`); the action id, the "Update …" label and the status word are
///   bold;
/// - the summary caption and table.
///
/// Pages are landscape A4. Rows whose text fits in about a quarter of a page are kept on one page
/// (`w:cantSplit`); longer rows may break across pages, since a row taller than a page that may
/// not break would be cut off. Tabs in the text become `w:tab`, line breaks `w:br`; characters
/// XML 1.0 does not allow (most control characters, U+FFFE, U+FFFF) are left out. The package
/// has no timestamps, so the same document always gives the same bytes.
public enum DocxWriter {
    /// The DOCX package of `document`. `title` becomes the document's title property
    /// (`dc:title`); without one, the heading ("ACTION PLAN: …") does.
    public static func write(_ document: OfficialDocument, title: String?) throws -> Data {
        let parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", Package.contentTypes),
            ("_rels/.rels", Package.packageRelationships),
            ("docProps/core.xml", Package.coreProperties(title: title ?? document.heading,
                                                         creator: document.organisation)),
            ("docProps/app.xml", Package.appProperties),
            ("word/_rels/document.xml.rels", Package.documentRelationships),
            ("word/document.xml", Body(document).xml),
            ("word/styles.xml", Package.styles),
            ("word/settings.xml", Package.settings),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Package.timestamp, compressionMethod: .deflate) { position, size in
                let start = bytes.startIndex + Int(position)
                return bytes.subdata(in: start..<min(start + size, bytes.endIndex))
            }
        }
        guard let data = archive.data else { throw ArchiveFailure() }
        return data
    }

    /// The in-memory archive had no bytes to give back (ZIPFoundation never does this).
    struct ArchiveFailure: Error, CustomStringConvertible {
        var description: String { "the DOCX archive could not be built in memory" }
    }

    // MARK: Page and columns (twentieths of a point)

    /// Landscape A4 with 2 cm margins.
    static let pageWidth = 16838
    static let pageHeight = 11906
    static let margin = 1134
    static let textWidth = pageWidth - 2 * margin  // 14570

    /// The six columns: number, recommendation, status, response, owner, target.
    static let planColumns = [900, 3000, 2100, 4670, 2200, 1700]
    static let termColumns = [2000, 5000, 7570]
    static let summaryColumns = [2000, 2000, 2000, 2000]

    /// A row estimated at more lines than this may break across pages.
    static let unbreakableLines = 10

    // MARK: Text

    /// Whether XML 1.0 allows the character at all.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Text for element content or an attribute value: markup characters escaped, tabs and line
    /// feeds as character references (so no XML reader normalises them), a control character or
    /// bidirectional control (`UnsafeCharacters`; C0 is not even XML 1.0) shown by its stand-in,
    /// other characters XML cannot hold left out.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out += "&#\(scalar.value);"
            default:
                if !UnsafeCharacters.isAllowed(scalar) {
                    out += escaped(UnsafeCharacters.standIn(scalar))
                } else if isXMLCharacter(scalar) {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// One run of text: `w:t` pieces, a `w:tab` for each tab, a `w:br` for each line break
    /// (CR, LF or CRLF), a control character or bidirectional control shown by its stand-in
    /// (`UnsafeCharacters`). Empty text gives no run.
    static func run(_ text: String, bold: Bool = false) -> String {
        var content = ""
        var piece = ""
        func flush() {
            guard !piece.isEmpty else { return }
            let spaced = piece.first == " " || piece.last == " " || piece.contains("  ")
            content += (spaced ? "<w:t xml:space=\"preserve\">" : "<w:t>") + escaped(piece) + "</w:t>"
            piece = ""
        }
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t":
                flush()
                content += "<w:tab/>"
            case "\r":
                flush()
                content += "<w:br/>"
            case "\n":
                if !afterCR {
                    flush()
                    content += "<w:br/>"
                }
            default:
                if !UnsafeCharacters.isAllowed(scalar) {
                    piece += UnsafeCharacters.standIn(scalar)
                } else if isXMLCharacter(scalar) {
                    piece.unicodeScalars.append(scalar)
                }
            }
            afterCR = scalar == "\r"
        }
        flush()
        guard !content.isEmpty else { return "" }
        return "<w:r>" + (bold ? "<w:rPr><w:rStyle w:val=\"Strong\"/></w:rPr>" : "") + content + "</w:r>"
    }

    /// Text whose first `boldCount` characters are bold.
    static func runs(_ text: String, boldPrefix boldCount: Int) -> String {
        guard boldCount > 0 else { return run(text) }
        let cut = text.index(text.startIndex, offsetBy: min(boldCount, text.count))
        return run(String(text[..<cut]), bold: true) + run(String(text[cut...]))
    }

    /// Paragraph properties, in the order the schema requires.
    struct ParagraphStyle {
        var style: String?
        var keepNext = false
        var pageBreakBefore = false
        /// Space above the paragraph, in twentieths of a point.
        var spaceBefore: Int?

        var xml: String {
            var p = ""
            if let style { p += "<w:pStyle w:val=\"\(style)\"/>" }
            if keepNext { p += "<w:keepNext/>" }
            if pageBreakBefore { p += "<w:pageBreakBefore/>" }
            if let spaceBefore { p += "<w:spacing w:before=\"\(spaceBefore)\"/>" }
            return p.isEmpty ? "" : "<w:pPr>" + p + "</w:pPr>"
        }
    }

    static func paragraph(_ runs: String, _ style: ParagraphStyle = ParagraphStyle()) -> String {
        let properties = style.xml
        if runs.isEmpty && properties.isEmpty { return "<w:p/>" }
        return "<w:p>" + properties + runs + "</w:p>"
    }

    // MARK: The body

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
            xml += termsTable()
            xml += paragraph(run(document.heading), ParagraphStyle(style: "Heading1", pageBreakBefore: true))
            xml += planTable(document.rows)
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

        func termsTable() -> String {
            let w = DocxWriter.termColumns
            var rows = [headerRow(OfficialDocument.termColumns, columns: w)]
            for term in OfficialDocument.terms {
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
                headerRow(OfficialDocument.summaryColumns, columns: w),
                row(zip(counts, w).map { plainCell([String($0)], width: $1) }, unbreakable: true),
            ])
        }

        func planTable(_ planRows: [OfficialDocument.Row]) -> String {
            let w = DocxWriter.planColumns
            var rows = [headerRow(OfficialDocument.columns, columns: w)]
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
                    cells = [Cell(paragraphs: [paragraph(run(String(rec.number), bold: true))], width: w[0], merge: merge),
                             Cell(paragraphs: rec.text.map { paragraph(run($0)) }, width: w[1], merge: merge),
                             Cell(paragraphs: status, width: w[2], merge: merge)]
                    // Merged cells flow on into the rows below, so only a lone row's count.
                    if !merged { measured = [([String(rec.number)], w[0]), (rec.text, w[1]), (rec.status, w[2])] }
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

    // MARK: The package's other parts

    enum Package {
        static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        /// 1 January 1980, the earliest date a ZIP entry holds: no real timestamp, so the bytes
        /// depend only on the document.
        static let timestamp = Date(timeIntervalSince1970: 315_532_800)

        static let contentTypes = declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
            + "</Types>"

        static let packageRelationships = declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>"

        static let documentRelationships = declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
            + "</Relationships>"

        static func coreProperties(title: String, creator: String) -> String {
            declaration
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<dc:title>\(escaped(title))</dc:title><dc:creator>\(escaped(creator))</dc:creator>"
                + "<dc:language>en-GB</dc:language></cp:coreProperties>"
        }

        static let appProperties = declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
            + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
            + "<Application>plantool</Application><DocSecurity>0</DocSecurity></Properties>"

        /// Word 2013+ layout rules, so Word does not open the file in compatibility mode.
        static let settings = declaration
            + "<w:settings xmlns:w=\"\(wordNamespace)\"><w:defaultTabStop w:val=\"720\"/>"
            + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
            + "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
            + "</w:compat></w:settings>"

        static let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""

        /// Normal (Arial 10 pt, British English), Title, Heading 1, Strong (bold) and Table Grid
        /// (black single borders, tighter paragraph spacing in cells).
        static let styles = declaration
            + "<w:styles xmlns:w=\"\(wordNamespace)\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
            + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after=\"120\" w:line=\"259\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr>"
            + "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
            + "<w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
            + "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
            + "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>"
            + "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
            + "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:name w:val=\"Strong\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>"
            + "<w:uiPriority w:val=\"22\"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
            + "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
            + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
            + "<w:uiPriority w:val=\"39\"/><w:pPr><w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
            + "<w:tblPr><w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/>"
            + "<w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>"
            + "<w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
            + "<w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }
}
