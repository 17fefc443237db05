import PlanKit

/// The plan table's header row, recognised by what its cells mean rather than their exact words:
/// numbered ("1. Rec No") or not ("Rec. No", "Concern No"), "Recommendation" or "Concern", the
/// status column as the template words it ("Agreed/ Partly Agreed/ Not Agreed"), as HM
/// Inspectorate of Prisons does ("Accepted/ Partly Accepted/ Rejected") or just "Status", then
/// "Response Action Taken/Planned", "Responsible Owner" or "Function Responsible/ Policy Lead",
/// and "Target Date".
enum HeaderRow {
    /// What a header cell names.
    enum Column: CaseIterable {
        case number, text, status, response, owner, target
    }

    /// The cell's words without the template's numbering ("3. ", "3 ").
    static func words(_ text: String) -> String {
        var t = text.trimmingSpaces.lowercased()
        if let first = t.first, first.isNumber {
            t = String(t.drop(while: { $0.isNumber }))
            if t.hasPrefix(".") || t.hasPrefix(")") { t.removeFirst() }
            t = t.trimmingSpaces
        }
        return t.replacingOccurrences(of: "\n", with: " ")
    }

    /// The column a header cell names, if it names one.
    static func column(_ text: String) -> Column? {
        let t = words(text)
        guard !t.isEmpty, t.count <= 120 else { return nil }
        let w = Words(t)
        let numberWords: Set<String> = ["no", "number", "ref", "reference", "rec", "recs", "concern", "recommendation"]
        if (w.set.contains("no") || w.set.contains("number") || w.set.contains("ref")), w.tokens.count <= 4,
           w.tokens.allSatisfy(numberWords.contains) { return .number }
        if ["recommendation", "recommendations", "concern", "concerns", "area of concern"].contains(t) { return .text }
        if statusWords(t) != nil || ["status", "response status", "agreement"].contains(t) { return .status }
        if w.set.contains("response") || w.contains(["action", "taken"]) || w.contains(["actions", "taken"]) { return .response }
        if w.set.contains("owner") || w.set.contains("responsible") || w.set.contains("lead") { return .owner }
        if w.set.contains("target") || w.set.contains("date") || w.set.contains("timescale") || w.set.contains("deadline") { return .target }
        return nil
    }

    /// A header row: its first two cells name the number and the recommendation (or concern), and
    /// at least three of the next four name their columns in the template's order.
    static func isHeader(_ row: TableDocument.Row) -> Bool {
        let cells = row.cells.filter { !$0.continuesAbove }.map(\.text)
        guard cells.count >= 4, column(cells[0]) == .number, column(cells[1]) == .text else { return false }
        let rest: [Column] = [.status, .response, .owner, .target]
        let named = zip(cells.dropFirst(2), rest).filter { column($0) == $1 }.count
        return named >= 3
    }

    /// The status words a header names ("Accepted/ Partly Accepted/ Rejected"), each given to its
    /// status; nil when the cell does not list three words.
    static func statusWords(_ text: String) -> [Status: String]? {
        var cell = text.trimmingSpaces
        if let first = cell.first, first.isNumber {
            cell = String(cell.drop(while: { $0.isNumber || $0 == "." || $0 == ")" })).trimmingSpaces
        }
        let parts = cell.split(separator: "/").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        guard parts.count == 3 else { return nil }
        var found: [Status: String] = [:]
        for part in parts {
            guard let (status, rest) = StatusWords.parse(part), rest.isEmpty, found[status] == nil else { return nil }
            found[status] = part
        }
        return found.count == 3 ? found : nil
    }

    /// The words the plan speaks, from its header's status column and, when the header says only
    /// "Status", from the words of its status cells; nil when they are the template's.
    static func vocabulary(header: TableDocument.Row?, statusCells: [String], sections: [String] = []) -> PlanWords? {
        var statuses: [Status: String] = [:]
        if let header, let found = header.cells.lazy.compactMap({ statusWords($0.text) }).first {
            statuses = found
        } else if statusCells.contains(where: StatusWords.isPrisonsWord) {
            statuses = PlanWords.prisons.statuses
        }
        var headings: [RecommendationKind: String] = [:]
        for case let (kind, words)? in sections.map(SectionWords.heading) where headings[kind] == nil {
            headings[kind] = words
        }
        var words = PlanWords(statuses: statuses.filter { $0.value != $0.key.title })
        // Headings as the document writes them, when they differ from the published ones.
        words.headings = headings.filter { $0.value != PlanWords.defaultHeadings[$0.key] }
        return words.isStandard ? nil : words
    }
}
