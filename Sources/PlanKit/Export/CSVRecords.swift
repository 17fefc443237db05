import Foundation

/// RFC 4180 text: fields separated by commas, each record ended by LF; a field holding a quote,
/// a comma or a line break is quoted, its quotes doubled. (The same bytes the CSV.swift package
/// wrote for plantool, which needed an OutputStream to do it.)
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
        // Both "\r\n" and its parts: a CRLF is one Character, which a search for "\r" may not find.
        let quoted = value.contains("\"") || value.contains(",") || value.contains("\r") || value.contains("\n") || value.contains("\r\n")
        return quoted ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}

extension CSVExport: PlanExporter {
    public static let formatName = "csv"
    public static let fileExtensions = ["csv"]
    public static func export(_ plan: Plan) -> [UInt8] { Array(render(plan).utf8) }
}
