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
/// Pages are landscape A4. Rows may break across pages (a row kept whole leaves half-empty pages
/// behind it); the header row repeats. List items are Word bullets (`numbering.xml`), and a
/// blank line between paragraphs is space above the next one (`DocxWriter.block`), never an empty
/// paragraph. Tabs in the text become `w:tab`, line breaks `w:br`; characters
/// XML 1.0 does not allow (most control characters, U+FFFE, U+FFFF) are left out. The package
/// has no timestamps, so the same document always gives the same bytes.
public enum DocxWriter {
    /// The DOCX package of `document`. `title` becomes the document's title property
    /// (`dc:title`); without one, the heading ("ACTION PLAN: …") does.
    public static func write(_ document: OfficialDocument, title: String?) throws -> Data {
        try package(parts(title: title ?? document.heading, creator: document.organisation, body: Body(document).xml))
    }

    /// The package's parts around a body; a redline adds its comments part.
    static func parts(title: String, creator: String, body: String, comments: String? = nil) -> [(path: String, xml: String)] {
        [
            ("[Content_Types].xml", Package.contentTypes(comments: comments != nil)),
            ("_rels/.rels", Package.packageRelationships),
            ("docProps/core.xml", Package.coreProperties(title: title, creator: creator)),
            ("docProps/app.xml", Package.appProperties),
            ("word/_rels/document.xml.rels", Package.documentRelationships(comments: comments != nil)),
            ("word/document.xml", body),
            ("word/styles.xml", Package.styles),
            ("word/settings.xml", Package.settings),
            ("word/numbering.xml", Package.numbering),
        ] + (comments.map { [("word/comments.xml", $0)] } ?? [])
    }

    /// The ZIP package of these parts, in this order, with no timestamps.
    static func package(_ parts: [(path: String, xml: String)]) throws -> Data {
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
    static let summaryColumns = [3000, 1200]

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
        ScalarEscaping.escape(text, xmlEntities) { scalar, out in
            if !UnsafeCharacters.isAllowed(scalar) {
                out += escaped(UnsafeCharacters.standIn(scalar))
            } else if isXMLCharacter(scalar) {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    static let xmlEntities: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;",
    ]

    /// One run of text: `w:t` pieces, a `w:tab` for each tab, a `w:br` for each line break
    /// (CR, LF or CRLF), a control character or bidirectional control shown by its stand-in
    /// (`UnsafeCharacters`). Empty text gives no run. `deleted` writes the text as `w:delText`,
    /// as a run inside a tracked deletion (`w:del`) must hold it.
    static func run(_ text: String, bold: Bool = false, deleted: Bool = false) -> String {
        var content = ""
        var piece = ""
        let element = deleted ? "w:delText" : "w:t"
        func flush() {
            guard !piece.isEmpty else { return }
            let spaced = piece.first == " " || piece.last == " " || piece.contains("  ")
            content += "<\(element)" + (spaced ? " xml:space=\"preserve\">" : ">") + escaped(piece) + "</\(element)>"
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
}
