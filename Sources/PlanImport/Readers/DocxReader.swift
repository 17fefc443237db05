import Foundation
import PlanKit
import ZIPFoundation

/// Reads a Word document (DOCX) into the paragraphs and tables it holds, in order: a plan
/// exported by `DocxWriter`, or one written in Word to the same template.
///
/// What it reads, from the main document part (found through `_rels/.rels`, normally
/// `word/document.xml`), inside `w:body`:
///
/// - **Paragraph text** is its runs' `w:t` text joined as it stands (including text in
///   hyperlinks, fields' shown results, tracked insertions, content controls and math, and CDATA
///   sections), spaces kept whether or not `xml:space` says so; `w:tab` and `w:ptab` give a tab, `w:br` (a line break) and `w:cr` give "\n", `w:noBreakHyphen` a
///   non-breaking hyphen (U+2011). Page and column breaks, soft hyphens, symbols, field codes,
///   deleted and moved-away text (`w:del`, `w:moveFrom`), text boxes (`w:txbxContent`) and
///   alternative content fallbacks (`mc:Fallback`) give nothing.
/// - **Paragraphs** outside tables are blocks, every one, empty ones included, numbered from 1 in
///   order: "paragraph 3".
/// - **Tables** at the top level are blocks, numbered from 1 ("table 2"), their rows from 1
///   ("table 2, row 14"). A cell holds one string per paragraph; a cell whose only paragraph is
///   empty holds none (a DOCX cell always has a paragraph, so no paragraphs and one empty one look
///   the same). `w:gridSpan` gives the span; `w:vMerge` without "restart" marks the cell as
///   continuing the one above, and such a cell's paragraphs are dropped when they are all empty.
///   A horizontally merged cell (`w:hMerge` continue, an older Word form) adds its span to the
///   cell before it. Columns a row skips at its start (`w:gridBefore`) become an empty cell
///   spanning them, so the cells stay under their columns.
/// - A **table inside a cell** is flattened into that cell: its non-empty paragraphs join the
///   cell's, in reading order.
///
/// Anything that is not a readable DOCX gives an `ImportError` that says what is wrong.
public enum DocxReader {
    /// The most `word/document.xml` may hold uncompressed: larger is refused rather than inflated.
    public static let documentSizeLimit = 64 << 20
    /// The most the package's relationships part may hold.
    static let relationshipsSizeLimit = 1 << 20

    public static func read(_ data: Data) throws -> TableDocument {
        try read(data, documentSizeLimit: documentSizeLimit)
    }

    static func read(_ data: Data, documentSizeLimit limit: Int) throws -> TableDocument {
        let archive = try openArchive(data)
        let partName = try mainPartName(archive, raw: data)
        guard let entry = archive[partName] else {
            throw ImportError(notWordMessage(archive, missing: partName))
        }
        let xml = try extract(entry, named: partName, from: archive, limit: limit, raw: data)
        let document = try parse(xml, partName: partName)
        guard document.blocks.contains(where: { if case .table = $0 { true } else { false } }) else {
            throw ImportError("the document has no tables; an action plan is read from its tables")
        }
        return document
    }


    /// Reads a document part's XML (`word/document.xml` as stored in the package, inflated) into
    /// its paragraphs and tables, as `read` does once it has found and inflated the part.
    /// `partName` names the part in error messages.
    public static func parse(_ xml: Data, partName: String = "word/document.xml") throws -> TableDocument {
        // A package part may not declare a DTD (ECMA-376 Part 2); refusing one also keeps entity
        // expansion out.
        if xml.range(of: Data("<!DOCTYPE".utf8)) != nil {
            throw ImportError("\(partName) declares a DTD, which a DOCX part may not; plantool does not read it")
        }
        var builder = Builder()
        func malformed(_ words: String, line: Int, column: Int) -> ImportError {
            ImportError("\(partName) is not well-formed XML: \(words)",
                        at: .init(line: line, column: column, label: "\(partName), line \(line), column \(column)"))
        }
        do {
            try XMLEvents.read(xml) { event in
                switch event {
                case .start(let name, let namespace, let attributes): builder.start(name, namespace, attributes)
                case .end(let name, let namespace): builder.end(name, namespace)
                case .text(let text): builder.text(text)
                }
            }
        } catch let failure as XMLEvents.Failure {
            // libxml2's streaming reader says the document ended early (5) both for content after
            // the root element and for text that stops inside an element: the builder tells
            // which, and a cut-short document is placed at the end of its text, as below.
            if failure.code == 5, builder.openElements > 0 {
                let end = endPosition(xml)
                throw malformed(xmlErrorWords(77), line: end.line, column: end.column)
            }
            throw malformed(xmlErrorWords(failure.code), line: failure.line, column: failure.column)
        } catch {
            throw ImportError("\(error)")
        }
        // A document that stops before its elements are closed, or that has none, is checked
        // here too, and placed at the end of the text.
        if builder.openElements > 0 || !builder.sawRoot {
            let end = endPosition(xml)
            throw malformed(builder.sawRoot ? xmlErrorWords(77) : xmlErrorWords(4), line: end.line, column: end.column)
        }
        return TableDocument(blocks: builder.blocks)
    }

    /// The line and column just after the last character.
    static func endPosition(_ xml: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in xml {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // count characters, not UTF-8 continuation bytes
                column += 1
            }
        }
        return (line, column)
    }

    /// libxml2's error codes in words, for the common ones.
    static func xmlErrorWords(_ code: Int) -> String {
        switch code {
        case 4: "the document is empty"
        case 5, 86: "there is content after the end of the document"
        case 7, 8: "a character reference is not valid"
        case 9: "a character XML does not allow"
        case 23: "an '&' that does not start an entity reference ending in ';'"
        case 26: "an undeclared entity"
        case 31, 81: "the text encoding is unknown or wrong"
        case 34, 38, 39, 41: "an attribute value is not written correctly"
        case 42: "an attribute appears twice"
        case 68: "a name is missing after '<' or '&'"
        case 73: "'>' is missing"
        case 76: "an end tag does not match its start tag"
        case 77: "an element is not closed (the document is cut short?)"
        case 201: "an undeclared namespace prefix"
        case 1544, 6003: "bytes that are not text in the document's declared encoding"
        default: "XML error \(code)"
        }
    }
}
