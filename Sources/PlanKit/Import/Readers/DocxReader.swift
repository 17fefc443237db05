import Foundation
import ZIPFoundation
internal import CZlib

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

    // MARK: The package

    static func openArchive(_ data: Data) throws -> Archive {
        let head = [UInt8](data.prefix(8))
        guard !head.isEmpty else { throw ImportError("the file is empty, not a DOCX document") }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ImportError("not a DOCX document: this is an older Word .doc file or a password-protected document; "
                              + "save it from Word as an unprotected .docx")
        }
        if head.starts(with: Array("{\\rtf".utf8)) {
            throw ImportError("not a DOCX document: this is an RTF file; save it from Word as .docx")
        }
        guard head.starts(with: [0x50, 0x4B]) else {
            throw ImportError("not a DOCX document: a DOCX is a ZIP archive, and this file is not one")
        }
        // Not `Archive(data:)`: ZIPFoundation's in-memory archive stops the program (a range
        // fault in its MemoryFile.readData) when an offset in the archive points past its end. A
        // file-backed archive reads such an offset as the end of the file and reports an error.
        // The bytes go to a temporary file, removed as soon as it is open.
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("plantool-docx-\(UUID().uuidString).zip")
        do {
            try data.write(to: url)
        } catch {
            throw ImportError("cannot read the DOCX document: no temporary file could be written (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw ImportError("not a DOCX document: the ZIP archive cannot be read (it may be damaged or cut short)")
        }
    }

    /// The main part the package's relationships name, else `word/document.xml`. A
    /// relationships part that is present but damaged (cut short, failing its checksum, too
    /// large) is an error: it is inflated by the same bounded reader as the document.
    static func mainPartName(_ archive: Archive, raw: Data) throws -> String {
        let fallback = "word/document.xml"
        guard let rels = archive["_rels/.rels"] else { return fallback }
        let xml = try extract(rels, named: "_rels/.rels", from: archive, limit: relationshipsSizeLimit, raw: raw)
        // The officeDocument relationship's target.
        var found: String?
        do {
            try XMLEvents.read(xml) { event in
                guard found == nil, case .start("Relationship", _, let attributes) = event,
                      let type = attributes["Type"], type.hasSuffix("/officeDocument") else { return }
                found = attributes["Target"]
            }
        } catch {
            return fallback
        }
        guard var target = found, !target.isEmpty else { return fallback }
        while target.hasPrefix("/") { target.removeFirst() }
        return target.removingPercentEncoding ?? target
    }

    static func notWordMessage(_ archive: Archive, missing partName: String) -> String {
        var message = "not a Word document: the ZIP archive has no \(partName)"
        if archive["xl/workbook.xml"] != nil {
            message += " (it looks like an Excel workbook)"
        } else if archive["ppt/presentation.xml"] != nil {
            message += " (it looks like a PowerPoint presentation)"
        } else if archive["content.xml"] != nil {
            message += " (it looks like an OpenDocument file; save it as .docx)"
        }
        return message
    }

    /// Reads an entry, refusing one that is, or turns out to be, larger than `limit`. Every part
    /// the reader opens comes through here.
    ///
    /// ZIPFoundation's inflate loop never ends on a deflate stream cut short (it keeps asking for
    /// input past the end of the file), so no part is read through ZIPFoundation: a compressed
    /// entry is inflated here, from its own bytes only, and a stream that stops before its end is
    /// reported as damage; a stored entry is its own bytes, which must lie inside the file.
    static func extract(_ entry: Entry, named name: String, from archive: Archive, limit: Int, raw: Data) throws -> Data {
        guard entry.type == .file else { throw ImportError("\(name) in the DOCX archive is not a file") }
        func tooLarge() -> ImportError {
            ImportError("\(name) is larger than \(limit >> 20 > 0 ? "\(limit >> 20) MiB" : "\(limit) bytes") uncompressed; "
                        + "plantool does not read a document that large")
        }
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge() }
        let data: Data
        if entry.isCompressed {
            data = try inflateEntry(entry, named: name, in: raw, limit: limit, tooLarge: tooLarge)
        } else {
            data = try compressedBytes(of: entry, named: name, in: raw)
            if data.count > limit { throw tooLarge() }
        }
        guard data.crc32(checksum: 0) == entry.checksum else {
            throw ImportError("\(name) in the DOCX archive is damaged (its checksum does not match)")
        }
        return data
    }

    /// The compressed bytes of `entry` in the archive's bytes: found through its local file
    /// header (signature, then the entry's name), and required to lie inside the file.
    static func compressedBytes(of entry: Entry, named name: String, in raw: Data) throws -> Data {
        let bytes = [UInt8](raw)
        let path = Array(entry.path.utf8)
        let damaged = ImportError("\(name) in the DOCX archive is damaged (its data is missing or cut short)")
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        var at = 0
        while at + 30 <= bytes.count {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x03, bytes[at + 3] == 0x04 {
                let nameLength = u16(at + 26), extraLength = u16(at + 28)
                let nameStart = at + 30
                if nameStart + nameLength <= bytes.count, Array(bytes[nameStart..<nameStart + nameLength]) == path {
                    let start = nameStart + nameLength + extraLength
                    guard entry.compressedSize <= UInt64(Int.max), start <= bytes.count,
                          Int(entry.compressedSize) <= bytes.count - start else { throw damaged }
                    return Data(bytes[start..<start + Int(entry.compressedSize)])
                }
            }
            at += 1
        }
        throw damaged
    }

    /// Inflates a raw deflate stream that must end within its bytes and within `limit`.
    static func inflateEntry(_ entry: Entry, named name: String, in raw: Data, limit: Int,
                             tooLarge: () -> ImportError) throws -> Data {
        var input = [UInt8](try compressedBytes(of: entry, named: name, in: raw))
        let damaged = ImportError("\(name) in the DOCX archive cannot be inflated (the archive is damaged)")
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw damaged }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = input.count
        return try input.withUnsafeMutableBufferPointer { inputPointer -> Data in
            stream.next_in = inputPointer.baseAddress
            stream.avail_in = UInt32(count)
            while true {
                let (result, produced) = buffer.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    let result = inflate(&stream, Z_NO_FLUSH)
                    return (result, out.count - Int(stream.avail_out))
                }
                output.append(contentsOf: buffer[0..<produced])
                if output.count > limit { throw tooLarge() }
                if result == Z_STREAM_END { return output }
                // No progress possible: the input is used up before the stream's end, or bad.
                guard result == Z_OK, produced > 0 || stream.avail_in > 0 else { throw damaged }
            }
        }
    }

    // MARK: The document part

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

    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  // transitional
        "http://purl.oclc.org/ooxml/wordprocessingml/main",              // strict
    ]
    static let mathNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://purl.oclc.org/ooxml/officeDocument/math",
    ]
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    /// Builds the blocks from the document's events.
    struct Builder {
        var blocks: [TableDocument.Block] = []
        /// Elements opened and not yet closed, and whether there was any.
        var openElements = 0
        var sawRoot = false

        private var inBody = false
        /// Depth inside an element whose content is ignored (0: none).
        private var skipDepth = 0
        private var tableDepth = 0
        private var runDepth = 0
        private var inText = false
        /// Open paragraphs' text (a stack, though paragraphs do not nest outside text boxes).
        private var paragraphs: [String] = []
        private var paragraphCount = 0
        private var tableCount = 0

        // The top-level table being read.
        private var rows: [TableDocument.Row] = []
        private var cells: [TableDocument.Cell] = []
        private var gridBefore = 0
        private var cell = CellState()
        /// Per nested table level (depth 2 and more): whether its current cell continues above.
        private var nestedContinues: [Bool] = []

        private struct CellState {
            var paragraphs: [String] = []
            var span = 1
            var continuesAbove = false
            var mergedLeft = false
        }

        private func isWord(_ ns: String?) -> Bool { ns.map { DocxReader.wordNamespaces.contains($0) } ?? false }

        private mutating func appendText(_ text: String) {
            guard !paragraphs.isEmpty else { return }
            paragraphs[paragraphs.count - 1] += text
        }

        /// An element starts; `attributes` by local name, whatever their prefix.
        mutating func start(_ name: String, _ ns: String?, _ attributes: [String: String]) {
            openElements += 1
            sawRoot = true
            if skipDepth > 0 {
                skipDepth += 1
                return
            }
            if ns == DocxReader.markupCompatibility, name == "Fallback" {
                skipDepth = 1
                return
            }
            if DocxReader.mathNamespaces.contains(ns ?? ""), name == "t" {
                inText = true
                return
            }
            guard isWord(ns) else { return }
            if !inBody {
                if name == "body" { inBody = true }
                return
            }
            switch name {
            case "del", "moveFrom", "txbxContent", "instrText", "delText", "delInstrText":
                skipDepth = 1
            case "p":
                paragraphs.append("")
            case "r":
                runDepth += 1
            case "t":
                inText = true
            case "tab", "ptab":
                if runDepth > 0 { appendText("\t") }
            case "br":
                let type = attributes["type"] ?? "textWrapping"
                if runDepth > 0, type == "textWrapping" { appendText("\n") }
            case "cr":
                if runDepth > 0 { appendText("\n") }
            case "noBreakHyphen":
                if runDepth > 0 { appendText("\u{2011}") }
            case "tbl":
                tableDepth += 1
                if tableDepth == 1 {
                    rows = []
                } else {
                    nestedContinues.append(false)
                }
            case "tr":
                if tableDepth == 1 {
                    cells = []
                    gridBefore = 0
                }
            case "gridBefore":
                if tableDepth == 1 { gridBefore = max(0, Int(attributes["val"] ?? "") ?? 0) }
            case "tc":
                if tableDepth == 1 {
                    cell = CellState()
                } else if tableDepth > 1 {
                    nestedContinues[nestedContinues.count - 1] = false
                }
            case "gridSpan":
                if tableDepth == 1 { cell.span = max(1, Int(attributes["val"] ?? "") ?? 1) }
            case "vMerge":
                let continues = (attributes["val"] ?? "continue") != "restart"
                if tableDepth == 1 {
                    cell.continuesAbove = continues
                } else if tableDepth > 1 {
                    nestedContinues[nestedContinues.count - 1] = continues
                }
            case "hMerge":
                if tableDepth == 1 { cell.mergedLeft = (attributes["val"] ?? "continue") != "restart" }
            default:
                break
            }
        }

        mutating func end(_ name: String, _ ns: String?) {
            openElements -= 1
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            if DocxReader.mathNamespaces.contains(ns ?? ""), name == "t" {
                inText = false
                return
            }
            guard isWord(ns), inBody else { return }
            switch name {
            case "body":
                inBody = false
            case "t":
                inText = false
            case "r":
                runDepth = max(0, runDepth - 1)
            case "p":
                guard let text = paragraphs.popLast() else { return }
                endParagraph(text)
            case "tc":
                if tableDepth == 1 { endCell() }
            case "tr":
                if tableDepth == 1 {
                    if gridBefore > 0 { cells.insert(TableDocument.Cell(paragraphs: [], span: gridBefore), at: 0) }
                    let index = rows.count + 1
                    rows.append(TableDocument.Row(cells: cells, place: .init(line: index, label: "table \(tableCount + 1), row \(index)")))
                    cells = []
                }
            case "tbl":
                if tableDepth == 1 {
                    tableCount += 1
                    blocks.append(.table(TableDocument.Table(rows: rows)))
                    rows = []
                } else if tableDepth > 1 {
                    nestedContinues.removeLast()
                }
                tableDepth = max(0, tableDepth - 1)
            default:
                break
            }
        }

        private mutating func endParagraph(_ text: String) {
            guard paragraphs.isEmpty else {
                // A paragraph inside another (a text box not marked as one): its text joins the outer.
                appendText(text)
                return
            }
            if tableDepth == 0 {
                paragraphCount += 1
                blocks.append(.paragraph(text, at: .init(line: paragraphCount, label: "paragraph \(paragraphCount)")))
            } else if tableDepth == 1 {
                cell.paragraphs.append(text)
            } else if !text.isEmpty, nestedContinues.last != true {
                cell.paragraphs.append(text)
            }
        }

        private mutating func endCell() {
            var paragraphs = cell.paragraphs
            if paragraphs == [""] || (cell.continuesAbove && paragraphs.allSatisfy(\.isEmpty)) {
                paragraphs = []
            }
            if cell.mergedLeft, !cells.isEmpty {
                cells[cells.count - 1].span += cell.span
                cells[cells.count - 1].paragraphs += paragraphs.filter { !$0.isEmpty }
            } else {
                cells.append(TableDocument.Cell(paragraphs: paragraphs, continuesAbove: cell.continuesAbove, span: cell.span))
            }
            cell = CellState()
        }

        /// Text, whitespace and CDATA sections alike.
        mutating func text(_ string: String) {
            if inText, skipDepth == 0 { appendText(string) }
        }
    }
}
