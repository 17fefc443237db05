import PlanKit

/// The closing table of counts: a row of labels over a row of numbers (the export), or one label
/// and number per row (real plans).
enum SummaryReader {
    enum Label { case agreed, partlyAgreed, notAgreed, total }

    static func label(_ text: String) -> Label? {
        var t = ImportText.collapse(text.lowercased().replacingOccurrences(of: "-", with: " "))
        if t.hasSuffix(":") { t.removeLast() }
        if t == "total" { return .total }
        // The status words alone, in the template's or the plan's vocabulary ("Rejected").
        guard let (status, rest) = StatusWords.parse(t), rest.isEmpty else { return nil }
        switch status {
        case .agreed: return .agreed
        case .partlyAgreed: return .partlyAgreed
        case .notAgreed: return .notAgreed
        }
    }

    static func texts(_ row: TableDocument.Row) -> [String] {
        row.cells.map { ImportText.collapse($0.text) }.filter { !$0.isEmpty }
    }

    static func counts(_ rows: [TableDocument.Row]) -> [Label: (Int, TableDocument.Place)] {
        var found: [Label: (Int, TableDocument.Place)] = [:]
        for (i, row) in rows.enumerated() {
            let t = texts(row)
            if t.count == 2, let l = label(t[0]), let n = Int.digitsOnly(t[1]) { found[l] = (n, row.place) }
            let labels = t.map(label)
            if t.count >= 3, labels.allSatisfy({ $0 != nil }), i + 1 < rows.count {
                let numbers = texts(rows[i + 1]).map { Int.digitsOnly($0) }
                for (l, n) in zip(labels, numbers) {
                    if let l, let n { found[l] = (n, rows[i + 1].place) }
                }
            }
        }
        return found
    }

    static func looksLikeSummary(_ rows: [TableDocument.Row]) -> Bool {
        let found = counts(rows)
        return found[.agreed] != nil && found[.partlyAgreed] != nil && found[.notAgreed] != nil
    }

    /// Where a summary written into the plan table's last rows begins (the rows' count when
    /// there is none): rows of at most two cells, a label and a number, and a heading above them.
    static func tailStart(_ rows: [TableDocument.Row]) -> Int {
        var start = rows.count
        while start > 0 {
            let t = texts(rows[start - 1])
            let isCount = t.count == 2 && label(t[0]) != nil && Int.digitsOnly(t[1]) != nil
            let isLabels = t.count >= 3 && t.allSatisfy { label($0) != nil }
            let isNumbers = t.count >= 3 && t.allSatisfy { Int.digitsOnly($0) != nil }
            if t.isEmpty || isCount || isLabels || isNumbers { start -= 1 } else { break }
        }
        guard start < rows.count, looksLikeSummary(Array(rows[start...])) else { return rows.count }
        // A one-cell heading over the counts ("Recommendations").
        if start > 0 {
            let t = texts(rows[start - 1])
            if t.count == 1, Int.digitsOnly(t[0]) == nil, t[0].split(separator: " ").count <= 3 { start -= 1 }
        }
        return start
    }

    static func read(_ rows: [TableDocument.Row], caption: PlacedText?, log: inout RemarkLog) -> Summary? {
        let found = counts(rows)
        guard let agreed = found[.agreed], let partly = found[.partlyAgreed], let not = found[.notAgreed] else {
            if let first = rows.first { log.kept(first.place, nil, "a table after the plan that is not a summary of counts; left out") }
            return nil
        }
        let summary = Summary(agreed: agreed.0, partlyAgreed: partly.0, notAgreed: not.0)
        if let total = found[.total], total.0 != summary.total {
            log.guess(total.1, nil, "the summary's total \(total.0) is not the sum of its counts (\(summary.total)); the counts are kept")
        }
        if let caption, caption.text.lowercased().contains(OfficialDocument.countedSuffix.lowercased()) {
            return nil
        }
        return summary
    }
}
