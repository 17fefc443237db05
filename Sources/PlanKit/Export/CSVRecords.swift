import Foundation

/// RFC 4180 text: fields separated by commas, each record ended by LF; a field holding a quote,
/// a comma or a line break is quoted, its quotes doubled. (The same bytes the CSV.swift package
/// wrote for plantool, which needed an OutputStream to do it.)
///
/// Decided and doubled on Unicode scalars, not Characters: RFC 4180 is about bytes, and a quote,
/// comma or line break followed by a combining mark (`,\u{301}`) is one Character that equals
/// none of them, yet every byte-level reader still splits or closes the field there.
enum CSVRecords {
    static func text(_ rows: [[String]]) -> String {
        var out = ""
        for row in rows {
            out += row.map(field).joined(separator: ",")
            out += "\n"
        }
        return out
    }

    static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: needsQuotes) else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append(scalar) }
        }
        quoted.append("\"")
        return String(quoted)
    }

    private static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "," || scalar == "\r" || scalar == "\n"
    }
}

extension CSVExport: PlanExporter {
    public static let formatName = "csv"
    public static let fileExtensions = ["csv"]
    public static func export(_ plan: Plan) -> [UInt8] { Array(render(plan).utf8) }
}
