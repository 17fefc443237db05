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

    /// A cell as read: the `'` that keeps a formula-like text from being a formula removed.
    static func unguarded(_ cell: String) -> String {
        cell.hasPrefix("'") && cell.dropFirst().first.map { "=+-@".contains($0) } == true ? String(cell.dropFirst()) : cell
    }

    /// The records of CSV text: fields split at commas and records at LF, CRLF or CR outside
    /// quotes; a spreadsheet's semicolon-separated export is read too when its header says so.
    static func records(_ text: String) throws -> [[String]] {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let firstLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Unicode.Scalar = !firstLine.contains(",") && firstLine.contains(";") ? ";" : ","
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
