import Foundation
import PlanKit

/// One cell as read: its text (leading apostrophe removed) and where it starts.
struct CSVField {
    var value: String
    var place: TableDocument.Place
}

/// RFC 4180 with positions: fields separated by commas, records by LF, CRLF or CR, quoted fields
/// with doubled quotes and line breaks inside.
///
/// Read on Unicode scalars, as the writer (`CSVRecords`) writes and every byte-level reader
/// reads: a quote, comma or line break followed by a combining mark is one Character, but still
/// a quote, comma or line break. Columns count Characters from the start of the line.
enum CSVTokenizer {
    static func records(_ text: String) throws -> [[CSVField]] {
        var scanner = CSVScanner(text)
        guard !scanner.atEnd else { return [] }
        var records: [[CSVField]] = []
        var record: [CSVField] = []
        while true {
            record.append(try scanner.field())
            guard let separator = scanner.next() else {
                records.append(record)
                return records
            }
            if separator != "," {
                scanner.endLine(after: separator)
                records.append(record)
                record = []
                if scanner.atEnd { return records }
            }
        }
    }
}

/// A cursor over the scalars of CSV text that knows its line and, on request, its column.
private struct CSVScanner {
    private let text: Substring
    private var index: String.Index
    private var line = 1
    /// A place on the current line whose column is known, so columns are counted once.
    private var mark: (index: String.Index, column: Int)

    init(_ text: String) {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.text = Substring(scalars)
        index = self.text.startIndex
        mark = (index, 1)
    }

    var atEnd: Bool { index == text.endIndex }

    private var current: Unicode.Scalar? { atEnd ? nil : text.unicodeScalars[index] }

    mutating func next() -> Unicode.Scalar? {
        guard let scalar = current else { return nil }
        index = text.unicodeScalars.index(after: index)
        return scalar
    }

    static func isBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }

    /// After `scalar`, a line break just read: a CR takes the LF after it, and a new line starts.
    mutating func endLine(after scalar: Unicode.Scalar) {
        if scalar == "\r", current == "\n" { _ = next() }
        line += 1
        mark = (index, 1)
    }

    /// The place of the cursor: its column is 1 + the Characters before it on its line.
    mutating func place() -> TableDocument.Place {
        mark = (index, mark.column + text[mark.index..<index].count)
        return .init(line: line, column: mark.column)
    }

    /// The field at the cursor, which is left at the separator after it (or the end).
    mutating func field() throws -> CSVField {
        let start = place()
        var value = String.UnicodeScalarView()
        if current == "\"" {
            _ = next()
            while true {
                guard let scalar = next() else {
                    throw ImportError("unterminated quote: the quoted cell that starts here has no closing quote (\") before the end of the file", at: start)
                }
                if scalar == "\"" {
                    guard current == "\"" else { break }
                    _ = next()
                    value.append("\"")
                } else if Self.isBreak(scalar) {
                    endLine(after: scalar)
                    value.append("\n")
                } else {
                    value.append(scalar)
                }
            }
            if let after = current, after != ",", !Self.isBreak(after) {
                let shown = text[index...].first.map(String.init) ?? String(after)
                throw ImportError("unexpected '\(shown)' after the closing quote of a quoted cell; a quote inside a quoted cell is written twice (\"\")",
                                  at: place())
            }
        } else {
            while let scalar = current, scalar != ",", !Self.isBreak(scalar) {
                if scalar == "\"" {
                    throw ImportError("a quote (\") inside an unquoted cell; quote the whole cell and write the quote twice (\"\")", at: place())
                }
                value.append(scalar)
                _ = next()
            }
        }
        var cell = String(value)
        // A scalar, as `CSVExport.neutralised` decides on the first scalar when it adds one.
        if cell.unicodeScalars.first == "'" { cell.unicodeScalars.removeFirst() }
        return CSVField(value: cell, place: start)
    }
}
