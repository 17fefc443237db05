import Foundation
import PlanKit

/// One cell as read: its text (leading apostrophe removed) and where it starts.
struct CSVField {
    var value: String
    var place: TableDocument.Place
}

/// RFC 4180 with positions: fields separated by commas, records by LF, CRLF or CR, quoted fields
/// with doubled quotes and line breaks inside.
enum CSVTokenizer {
    static func records(_ text: String) throws -> [[CSVField]] {
        var chars = Substring(text)
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var records: [[CSVField]] = []
        var record: [CSVField] = []
        var line = 1
        var column = 1
        var index = chars.startIndex
        if chars.isEmpty { return [] }

        func isBreak(_ c: Character) -> Bool { c == "\n" || c == "\r" || c == "\r\n" }

        while true {
            // The start of a field.
            let start = TableDocument.Place(line: line, column: column)
            var value = ""
            if index < chars.endIndex, chars[index] == "\"" {
                index = chars.index(after: index)
                column += 1
                var closed = false
                while index < chars.endIndex {
                    let c = chars[index]
                    index = chars.index(after: index)
                    if c == "\"" {
                        column += 1
                        if index < chars.endIndex, chars[index] == "\"" {
                            value.append("\"")
                            index = chars.index(after: index)
                            column += 1
                            continue
                        }
                        closed = true
                        break
                    }
                    if isBreak(c) {
                        value.append("\n")
                        line += 1
                        column = 1
                    } else {
                        value.append(c)
                        column += 1
                    }
                }
                guard closed else {
                    throw ImportError("unterminated quote: the quoted cell that starts here has no closing quote (\") before the end of the file", at: start)
                }
                if index < chars.endIndex, chars[index] != ",", !isBreak(chars[index]) {
                    throw ImportError("unexpected '\(chars[index])' after the closing quote of a quoted cell; a quote inside a quoted cell is written twice (\"\")",
                                      at: .init(line: line, column: column))
                }
            } else {
                while index < chars.endIndex, chars[index] != ",", !isBreak(chars[index]) {
                    if chars[index] == "\"" {
                        throw ImportError("a quote (\") inside an unquoted cell; quote the whole cell and write the quote twice (\"\")",
                                          at: .init(line: line, column: column))
                    }
                    value.append(chars[index])
                    index = chars.index(after: index)
                    column += 1
                }
            }
            if value.first == "'" { value.removeFirst() }
            record.append(CSVField(value: value, place: start))

            guard index < chars.endIndex else {
                records.append(record)
                return records
            }
            let separator = chars[index]
            index = chars.index(after: index)
            if separator == "," {
                column += 1
            } else {
                records.append(record)
                record = []
                line += 1
                column = 1
                if index == chars.endIndex { return records }
            }
        }
    }
}
