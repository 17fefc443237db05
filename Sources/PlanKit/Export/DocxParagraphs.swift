/// Paragraphs of the Word document: their properties, bold openings, and the layout's lines of a
/// text written as Word writes a text (items as bullets, blank lines as space).
extension DocxWriter {
    /// Text whose first `boldCount` characters are bold.
    static func runs(_ text: String, boldPrefix boldCount: Int, deleted: Bool = false) -> String {
        guard boldCount > 0 else { return run(text, deleted: deleted) }
        let cut = text.index(text.startIndex, offsetBy: min(boldCount, text.count))
        return run(String(text[..<cut]), bold: true, deleted: deleted) + run(String(text[cut...]), deleted: deleted)
    }

    /// The style that stands for a blank line before a paragraph: the reader gives the blank
    /// line back from it, so a text keeps its paragraphs through export and import.
    public static let afterBlankLineStyle = "AfterBlankLine"
    /// The bullet list of `numbering.xml`.
    static let bulletNumbering = 1

    /// Paragraph properties, in the order the schema requires.
    struct ParagraphStyle {
        var style: String?
        var keepNext = false
        var pageBreakBefore = false
        /// A bulleted list item.
        var bulleted = false
        /// Space above the paragraph, in twentieths of a point.
        var spaceBefore: Int?
        /// The paragraph mark's revision (`<w:ins …/>` or `<w:del …/>`) in a redline: a paragraph
        /// inserted or deleted whole, mark and all.
        var markRevision = ""

        var xml: String {
            var p = ""
            if let style { p += "<w:pStyle w:val=\"\(style)\"/>" }
            if keepNext { p += "<w:keepNext/>" }
            if pageBreakBefore { p += "<w:pageBreakBefore/>" }
            if bulleted { p += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(DocxWriter.bulletNumbering)\"/></w:numPr>" }
            if let spaceBefore { p += "<w:spacing w:before=\"\(spaceBefore)\"/>" }
            if !markRevision.isEmpty { p += "<w:rPr>" + markRevision + "</w:rPr>" }
            return p.isEmpty ? "" : "<w:pPr>" + p + "</w:pPr>"
        }
    }

    static func paragraph(_ runs: String, _ style: ParagraphStyle = ParagraphStyle()) -> String {
        let properties = style.xml
        if runs.isEmpty && properties.isEmpty { return "<w:p/>" }
        return "<w:p>" + properties + runs + "</w:p>"
    }

    /// One line of a text as the layout gives it ("- " opening an item, "" a blank line), with
    /// its runs already written (an item's without the "- ") and its revision in a redline.
    struct Line {
        var text: String
        var runs: String
        var markRevision = ""

        /// A line written plainly, the first `boldPrefix` characters bold.
        init(_ text: String, boldPrefix: Int = 0) {
            self.text = text
            runs = DocxWriter.runs(OfficialDocument.listItem(text) ?? text, boldPrefix: boldPrefix)
        }

        init(text: String, runs: String, markRevision: String = "") {
            self.text = text
            self.runs = runs
            self.markRevision = markRevision
        }
    }

    /// The lines of a text as Word paragraphs: an item is a bullet; a blank line is no paragraph
    /// of its own but the style of the next one (space above it). Further blank lines in a row,
    /// and blank lines at the end, stay empty paragraphs, so that nothing is lost.
    static func block(_ lines: [Line], _ base: ParagraphStyle = ParagraphStyle()) -> [String] {
        var out: [String] = []
        var blanks = 0
        for line in lines {
            guard !line.text.isEmpty else {
                blanks += 1
                continue
            }
            out += Array(repeating: "<w:p/>", count: max(0, blanks - 1))
            var style = base
            if blanks > 0 { style.style = afterBlankLineStyle }
            style.bulleted = OfficialDocument.listItem(line.text) != nil
            style.markRevision = line.markRevision
            out.append(paragraph(line.runs, style))
            blanks = 0
        }
        return out + Array(repeating: "<w:p/>", count: blanks)
    }

    /// Lines written plainly.
    static func block(_ texts: [String], _ base: ParagraphStyle = ParagraphStyle()) -> [String] {
        block(texts.map { Line($0) }, base)
    }
}
