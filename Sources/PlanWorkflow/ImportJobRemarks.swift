import Foundation
import PlanImport
import PlanKit

/// The remarks of an import for a person to review: written whole to a file (`--remarks FILE`,
/// JSON or YAML by its extension), and counted by kind and topic for the terminal.
public enum ImportRemarks {
    public enum Format: String, Sendable {
        case json, yaml
    }

    /// The format FILE's extension names: .json, .yaml or .yml; nil for any other.
    public static func format(of path: String) -> Format? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json": .json
        case "yaml", "yml": .yaml
        default: nil
        }
    }

    /// The format of `--remarks FILE`, or a usage error (exit 2) that names the extension.
    public static func checkedFormat(of path: String) throws -> Format {
        guard let format = format(of: path) else {
            let ext = URL(fileURLWithPath: path).pathExtension
            throw WorkflowError(message: "--remarks \(path): \(ext.isEmpty ? "no extension" : "the extension .\(ext)") names no format; use .json, .yaml or .yml")
        }
        return format
    }

    /// One remark as the file holds it.
    struct Entry: Encodable {
        var place: String
        var line: Int?
        var column: Int?
        var kind: String
        var topic: String
        var subject: String?
        var decided: String
        var alternative: String?
    }

    struct Document: Encodable {
        var source: String
        var count: Int
        var remarks: [Entry]
    }

    static func document(_ remarks: [ImportRemark], source: String) -> Document {
        Document(source: source, count: remarks.count, remarks: remarks.map { remark in
            let lines = remark.place.label == nil
            return Entry(place: remark.place.description, line: lines ? remark.place.line : nil, column: lines ? remark.place.column : nil,
                         kind: remark.kind.rawValue, topic: remark.topic.rawValue, subject: remark.subject, decided: remark.message,
                         alternative: remark.alternative)
        })
    }

    /// Every remark, in the source's order, in `format`.
    public static func render(_ remarks: [ImportRemark], source: String, format: Format) -> String {
        let document = document(remarks, source: source)
        switch format {
        case .json:
            return JSONOutput.encode(document) + "\n"
        case .yaml:
            // Strings double-quoted as JSON writes them: a YAML reader reads them back exactly.
            func quoted(_ text: String) -> String { String(JSONOutput.encode([text]).dropFirst(1).dropLast(1)).trimmingSpaces }
            var out = "source: \(quoted(document.source))\ncount: \(document.count)\nremarks:\n"
            if document.remarks.isEmpty { out = "source: \(quoted(document.source))\ncount: 0\nremarks: []\n" }
            for entry in document.remarks {
                out += "  - place: \(quoted(entry.place))\n"
                if let line = entry.line, let column = entry.column { out += "    line: \(line)\n    column: \(column)\n" }
                out += "    kind: \(entry.kind)\n    topic: \(quoted(entry.topic))\n"
                if let subject = entry.subject { out += "    subject: \(quoted(subject))\n" }
                out += "    decided: \(quoted(entry.decided))\n"
                if let alternative = entry.alternative { out += "    alternative: \(quoted(alternative))\n" }
            }
            return out
        }
    }

    /// The remarks counted by kind, then by topic: "12 guesses: 5 owners, 4 targets and dates, …".
    public static func summary(_ remarks: [ImportRemark]) -> [String] {
        ImportRemark.Kind.allCases.compactMap { kind in
            let ofKind = remarks.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            // Most first; equal counts in the topics' own order.
            let topics = ImportRemark.Topic.allCases.enumerated().compactMap { order, topic -> (order: Int, topic: ImportRemark.Topic, count: Int)? in
                let n = ofKind.filter { $0.topic == topic }.count
                return n == 0 ? nil : (order, topic, n)
            }.sorted { ($0.count, $1.order) > ($1.count, $0.order) }
            let noun = kind == .guess ? Wording.count(ofKind.count, "guess", "guesses") : "\(ofKind.count) \(kind.rawValue)"
            return "\(noun): " + topics.map { "\($0.count) \($0.topic.rawValue)" }.joined(separator: ", ")
        }
    }
}
