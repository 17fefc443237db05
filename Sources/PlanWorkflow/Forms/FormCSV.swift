import Foundation

/// An owner's form as CSV, for owners who work in a spreadsheet: the same header and rows as the
/// Word form (RFC 4180, CRLF line ends, a byte-order mark so spreadsheets read it as UTF-8). A
/// CSV has nowhere to record the commit it was made from, so import checks it against the
/// "Current target" and "Current state" columns instead.
enum FormCSV {
    static func write(_ form: OwnerForm) -> Data {
        let rows = [OwnerForm.headers] + form.groups.flatMap { $0.actions.map(OwnerForm.cells) }
        let text = rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data(("\u{FEFF}" + text).utf8)
    }

    /// A field, quoted (its quotes doubled) when it holds a quote, a comma or a line break; one
    /// a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) behind a `'`, as the
    /// plan's CSV export writes it.
    static func field(_ cell: String) -> String {
        let value = cell.first.map { "=+-@".contains($0) } == true ? "'" + cell : cell
        guard value.unicodeScalars.contains(where: { "\",\r\n".unicodeScalars.contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The text of a CSV file: UTF-8 (with or without a byte order mark), or, when the bytes
    /// are not UTF-8, Windows-1252, the code page Excel's "CSV (Comma delimited)" saves in on a
    /// Western Windows: read as UTF-8, its "é" and "–" would become U+FFFD, losing the words.
    static func text(_ data: [UInt8]) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        for byte in data {
            if (0x80...0x9F).contains(byte), let scalar = Unicode.Scalar(windows1252[Int(byte - 0x80)]), windows1252[Int(byte - 0x80)] != 0 {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Windows-1252's characters for the bytes 0x80–0x9F (0: unassigned, read as the C1 control).
    static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// A cell as read: the `'` that keeps a formula-like text from being a formula removed.
    static func unguarded(_ cell: String) -> String {
        cell.hasPrefix("'") && cell.dropFirst().first.map { "=+-@".contains($0) } == true ? String(cell.dropFirst()) : cell
    }

    /// The records of CSV text: fields split at commas and records at LF, CRLF or CR outside
    /// quotes; a spreadsheet's semicolon-separated export is read too when its header says so.
    static func records(_ text: String) throws -> [[String]] {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var firstLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Unicode.Scalar
        // Excel's separator line, `sep=;`, names the separator and is no record.
        if firstLine.count == 5, String(firstLine).lowercased().hasPrefix("sep="), let named = firstLine.last {
            separator = named
            scalars = scalars.dropFirst(5)
            if scalars.first == "\r" { scalars.removeFirst() }
            if scalars.first == "\n" { scalars.removeFirst() }
            firstLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        } else {
            separator = !firstLine.contains(",") && firstLine.contains(";") ? ";" : ","
        }
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return iterator.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case separator:
                record.append(String(field))
                field = String.UnicodeScalarView()
            case "\r", "\n":
                if scalar == "\r" {
                    let following = next()
                    if following != "\n" { pending = following }
                }
                record.append(String(field))
                records.append(record)
                record = []
                field = String.UnicodeScalarView()
            default: field.append(scalar)
            }
        }
        if quoted { throw WorkflowError(message: "the CSV form ends inside a quoted field: a quote is missing") }
        if !field.isEmpty || !record.isEmpty {
            record.append(String(field))
            records.append(record)
        }
        return records
    }
}
