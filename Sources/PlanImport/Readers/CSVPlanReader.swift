import Foundation
import PlanKit

/// Reads a plan's recommendations back from the spreadsheet table `CSVExport` writes (or one
/// edited since): columns found by the header's names, every cell checked, and every refusal an
/// `ImportError` placed at the cell's line and column. The columns and what a table cannot hold
/// are described at `CSVExport`.
public enum CSVPlanReader {
    /// The plan: `info` (plan.yaml's details, which the table does not hold) and the
    /// recommendations read from `text`, in number order.
    public static func read(_ text: String, info: PlanInfo) throws -> Plan {
        Plan(info: info, recommendations: try readRecommendations(text))
    }

    /// The recommendations of a table written by `CSVExport.render` (or edited since), in number order.
    public static func readRecommendations(_ text: String) throws -> [Recommendation] {
        var records = try CSVTokenizer.records(text)
        guard !records.isEmpty else { throw ImportError("the table is empty: expected a header row naming the columns (\(CSVExport.columns.joined(separator: ", ")))", at: .init(line: 1)) }
        // A character no plan text may hold would give files that do not read back: refused at
        // its cell (the Word and DOCX importers show it by a stand-in and remark it).
        for field in records.joined() {
            if let bad = UnsafeCharacters.firstForbidden(in: field.value) {
                throw ImportError("the cell holds \(UnsafeCharacters.describe(bad.scalar)), which no plan text may hold; remove it", at: field.place)
            }
        }
        let header = try CSVHeader(records.removeFirst())
        var reader = CSVTableReader(header: header)
        for record in records where !record.allSatisfy({ $0.value.trimmingSpaces.isEmpty }) {
            try reader.read(record)
        }
        return reader.recommendations
    }
}

// MARK: - The header

struct CSVHeader {
    /// Column name → index.
    var index: [String: Int] = [:]
    var updateCount = 0
    var names: [String]
    var places: [TableDocument.Place]

    init(_ record: [CSVField]) throws {
        names = record.map(\.value)
        places = record.map(\.place)
        var updateGroups: [Int: Set<String>] = [:]
        var firstPlace: [Int: TableDocument.Place] = [:]
        for (i, field) in record.enumerated() {
            let name = field.value.trimmingSpaces
            if name.isEmpty {
                throw ImportError("header column \(i + 1) has no name; name it or delete the column", at: field.place)
            }
            if let earlier = index[name] {
                throw ImportError("the header names column '\(name)' twice (first at \(record[earlier].place))", at: field.place)
            }
            if let (k, part) = Self.updateColumn(name) {
                updateGroups[k, default: []].insert(part)
                if firstPlace[k] == nil { firstPlace[k] = field.place }
            } else if !CSVExport.columns.contains(name), !CSVExport.optionalColumns.contains(name) {
                let known = CSVExport.columns + CSVExport.optionalColumns + CSVExport.updateFields.map { "update_1_\($0)" }
                let hint = Suggestion.nearest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw ImportError("unknown column '\(name)'\(hint); the columns are \(CSVExport.columns.joined(separator: ", ")) and update_K_date, update_K_text, update_K_state, update_K_target, update_K_owners", at: field.place)
            }
            index[name] = i
        }
        let end = record.last?.place ?? .init(line: 1)
        for name in CSVExport.requiredColumns where index[name] == nil {
            throw ImportError("the header has no column '\(name)'; the table needs \(CSVExport.requiredColumns.joined(separator: ", "))", at: end)
        }
        for (k, parts) in updateGroups.sorted(by: { $0.key < $1.key }) {
            for part in CSVExport.updateFields where !parts.contains(part) {
                throw ImportError("the header has update \(k) columns but no 'update_\(k)_\(part)'; each update needs all of \(CSVExport.updateColumns(k).joined(separator: ", "))",
                                  at: firstPlace[k] ?? end)
            }
        }
        updateCount = updateGroups.keys.max() ?? 0
    }

    /// `update_12_text` → (12, "text").
    static func updateColumn(_ name: String) -> (Int, String)? {
        let parts = name.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "update", let k = Int.digitsOnly(parts[1]), k >= 1, k <= 10_000,
              CSVExport.updateFields.contains(String(parts[2])) else { return nil }
        return (k, String(parts[2]))
    }
}
