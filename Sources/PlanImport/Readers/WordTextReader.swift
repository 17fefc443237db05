import PlanKit

/// Reads the text Word writes when a plan document is saved or copied as plain text: a line per
/// paragraph, and a line per table row with its cells separated by tabs. Cells may hold HTML
/// fragments (`<p>`, `<ul>`, `<li>`, `<i>`, `<br>`, `&amp;`), which become the cell's paragraphs,
/// list items written "- item".
///
/// - A line without a tab is a paragraph; a blank line is an empty paragraph.
/// - Consecutive lines with tabs form one table; blank lines between its rows do not end it (Word
///   leaves them at page breaks), a line of text does.
/// - Places are the line and column of the source, counted from 1.
public enum WordTextReader {
    /// Reads bytes that must be UTF-8 text (a leading byte-order mark is skipped). Bytes that are
    /// not UTF-8 are refused with the line and column of the first bad one.
    public static func read(_ bytes: [UInt8]) throws(ImportError) -> TableDocument {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidByte(bytes)
            let before = String(decoding: bytes[..<bad], as: UTF8.self)
            let line = before.reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
            let lastLine = before.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).last ?? ""
            let column = lastLine.unicodeScalars.count + 1
            throw ImportError("the file is not UTF-8 text: byte \(bad + 1) is not valid UTF-8 (save it from Word as plain text, UTF-8)",
                              at: TableDocument.Place(line: line, column: column))
        }
        return try read(text)
    }

    /// Reads the text of a plan document.
    public static func read(_ text: String) throws(ImportError) -> TableDocument {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        try checkIsText(body)
        if body.allSatisfy(\.isWhitespace) {
            throw ImportError("the text is empty: there is no plan to read", at: TableDocument.Place(line: 1, column: 1))
        }
        var builder = Builder()
        // "\r\n" is one Character in Swift: each line end is matched as a whole.
        var lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }  // the last line's end
        for (index, line) in lines.enumerated() {
            // Word writes a line break inside a paragraph or cell as a vertical tab.
            builder.add(line: line.replacingOccurrences(of: "\u{0B}", with: "\n"), number: index + 1)
        }
        return builder.finish()
    }

    /// Refuses what cannot be a text document: control characters other than tab, line feed,
    /// vertical tab, form feed and carriage return (a binary file), and replacement characters
    /// left by a decoder that met bytes that are not UTF-8.
    static func checkIsText(_ text: Substring) throws(ImportError) {
        var line = 1
        var column = 1
        var afterReturn = false
        for scalar in text.unicodeScalars {
            defer { afterReturn = scalar.value == 0x0D }
            switch scalar.value {
            case 0x0A where afterReturn:
                continue
            case 0x0A, 0x0D:
                line += 1
                column = 1
                continue
            case 0x09, 0x0B, 0x0C:
                break
            case 0x00..<0x20, 0x7F:
                throw ImportError("the text holds the control character \(ImportText.code(scalar)); this is not a text document (a binary file?)",
                                  at: TableDocument.Place(line: line, column: column))
            case 0xFFFD:
                throw ImportError("the text holds a replacement character (U+FFFD): it was decoded from bytes that are not UTF-8",
                                  at: TableDocument.Place(line: line, column: column))
            default:
                break
            }
            column += 1
        }
    }

    /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int {
        var index = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                index += UTF8.width(scalar)
            case .emptyInput:
                return bytes.count
            case .error:
                return index
            }
        }
    }

    /// Collects blocks line by line.
    private struct Builder {
        var blocks: [TableDocument.Block] = []
        var rows: [TableDocument.Row] = []
        /// Blank lines seen since the last table row: inside the table if another row follows.
        var pendingBlanks: [Int] = []

        mutating func add(line: String, number: Int) {
            let text = line.contains("\u{0C}") ? String(line.map { $0 == "\u{0C}" ? " " : $0 }) : line
            if text.contains("\t") {
                pendingBlanks = []
                let cells = text.split(separator: "\t", omittingEmptySubsequences: false)
                    .map { TableDocument.Cell(paragraphs: CellHTML.paragraphs(String($0))) }
                rows.append(TableDocument.Row(cells: cells, place: TableDocument.Place(line: number, column: 1)))
            } else if text.allSatisfy(\.isWhitespace) {
                if rows.isEmpty {
                    blocks.append(.paragraph("", at: TableDocument.Place(line: number, column: 1)))
                } else {
                    pendingBlanks.append(number)
                }
            } else {
                endTable()
                let place = TableDocument.Place(line: number, column: 1 + text.prefix(while: { $0 == " " }).count)
                for paragraph in CellHTML.paragraphs(text) {
                    blocks.append(.paragraph(paragraph, at: place))
                }
            }
        }

        mutating func endTable() {
            if !rows.isEmpty { blocks.append(.table(TableDocument.Table(rows: rows))) }
            rows = []
            for number in pendingBlanks {
                blocks.append(.paragraph("", at: TableDocument.Place(line: number, column: 1)))
            }
            pendingBlanks = []
        }

        mutating func finish() -> TableDocument {
            endTable()
            return TableDocument(blocks: blocks)
        }
    }
}

/// Turns the HTML fragments Word leaves in a cell into paragraphs: `<p>` and `<div>` blocks,
/// list items ("- item", from `<li>` or from "•" bullets inside `<ul>`), `<br>` as a line break
/// inside a paragraph; inline tags (`<i>`, `<b>`, `<u>`, `<span>`, `<a>`) are dropped and their
/// words kept; entities are decoded. Runs of spaces become one space. Text that is not one of
/// these tags is kept as written ("a < b" stays).
enum CellHTML {
    static func paragraphs(_ raw: String) -> [String] {
        var state = State()
        var index = raw.startIndex
        var text = ""
        while index < raw.endIndex {
            if raw[index] == "<", let (tag, end) = Tag.parse(raw, at: index) {
                state.addText(text)
                text = ""
                state.apply(tag)
                index = end
            } else {
                text.append(raw[index])
                index = raw.index(after: index)
            }
        }
        state.addText(text)
        state.flush()
        return state.paragraphs
    }

    private struct State {
        var paragraphs: [String] = []
        var buffer = ""
        var listDepth = 0
        var inItem = false

        mutating func addText(_ raw: String) {
            guard !raw.isEmpty else { return }
            let decoded = Entities.decode(raw)
            // Inside a list but outside an item, "•" bullets separate the items.
            guard listDepth > 0, !inItem, decoded.contains("•") else {
                buffer += decoded
                return
            }
            let pieces = decoded.split(separator: "•", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() {
                if i > 0 { flush() }
                buffer += piece
            }
        }

        mutating func apply(_ tag: Tag) {
            switch tag.name {
            case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
                flush()
                // A paragraph directly inside a list whose closing tag was lost ends the list.
                if !tag.closing, listDepth > 0, !inItem { listDepth = 0 }
            case "ul", "ol":
                flush()
                listDepth = max(0, listDepth + (tag.closing ? -1 : 1))
                inItem = false
            case "li":
                flush()
                inItem = !tag.closing
            case "br":
                buffer += "\n"
            default:
                // Inline tags: a word boundary at most.
                break
            }
        }

        mutating func flush() {
            let lines = buffer.split(separator: "\n", omittingEmptySubsequences: true)
                .map { ImportText.collapse($0) }
                .filter { !$0.isEmpty }
            buffer = ""
            guard !lines.isEmpty else { return }
            var text = lines.joined(separator: "\n")
            if listDepth > 0 { text = "- " + text }
            paragraphs.append(text)
        }
    }

    /// An HTML tag the reader knows; anything else in angle brackets is text.
    struct Tag {
        var name: String
        var closing: Bool

        static let known: Set<String> = [
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "br",
            "i", "b", "u", "em", "strong", "span", "a", "sup", "sub", "s", "strike", "font", "small",
            "mark", "code",
        ]

        /// The tag starting at `start` ("<p>", "</p>", "<ul style=...>", "<br/>") and the index
        /// after it, or nil when the text there is not a known tag.
        static func parse(_ text: String, at start: String.Index) -> (Tag, String.Index)? {
            // Tags are short; looking further would make text full of "<" slow to read.
            guard let close = text[start...].prefix(500).firstIndex(of: ">") else { return nil }
            var inner = text[text.index(after: start)..<close]
            guard !inner.contains("<") else { return nil }
            var closing = false
            if inner.first == "/" {
                closing = true
                inner = inner.dropFirst()
            }
            if inner.last == "/" { inner = inner.dropLast() }
            let name = inner.prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
            let rest = inner.dropFirst(name.count)
            guard known.contains(name), rest.isEmpty || rest.first == " " else { return nil }
            return (Tag(name: name, closing: closing), text.index(after: close))
        }
    }
}

/// HTML character references: the named ones Word writes, and numeric ones.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{a0}", "ndash": "–",
        "mdash": "—", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…",
        "pound": "£", "bull": "•", "euro": "€", "copy": "©",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";"),
                  let value = value(of: text[text.index(after: index)..<semicolon]) else {
                result.append(text[index])
                index = text.index(after: index)
                continue
            }
            result += value
            index = text.index(after: semicolon)
        }
        return result
    }

    static func value(of name: Substring) -> String? {
        if let named = named[String(name)] { return named }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let code: UInt32?
        if digits.first == "x" || digits.first == "X" {
            code = UInt32(digits.dropFirst(), radix: 16)
        } else {
            code = UInt32(digits)
        }
        guard let code, code >= 0x20, let scalar = Unicode.Scalar(code) else { return nil }
        return String(Character(scalar))
    }
}

/// Small text operations the readers and the importer share.
enum ImportText {
    /// Runs of spaces, tabs and no-break spaces as one space, without spaces at either end.
    static func collapse(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{a0}" || $0 == "\r" || $0 == "\u{0C}" })
            .joined(separator: " ")
    }

    /// A scalar's code as "U+0007".
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
