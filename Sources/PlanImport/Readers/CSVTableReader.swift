import Foundation
import PlanKit

/// The rows of a CSV table after its header, read into recommendations and their actions.
struct CSVTableReader {
    let header: CSVHeader
    /// Recommendations by number, with the row that first gave each.
    var byNumber: [Int: (rec: Recommendation, line: Int, fields: [String: String], noActionRow: TableDocument.Place?)] = [:]
    var actionIDs: [String: TableDocument.Place] = [:]

    init(header: CSVHeader) {
        self.header = header
    }

    var recommendations: [Recommendation] {
        byNumber.keys.sorted().compactMap { byNumber[$0]?.rec }
    }

    /// One row's cells by column name.
    struct Row {
        var fields: [String: CSVField]
        var end: TableDocument.Place

        /// The cell's text, nil when empty or only spaces.
        func value(_ name: String) -> String? {
            guard let v = fields[name]?.value, !v.trimmingSpaces.isEmpty else { return nil }
            return v
        }

        func place(_ name: String) -> TableDocument.Place {
            fields[name]?.place ?? end
        }

        func error(_ name: String, _ message: String) -> ImportError {
            ImportError("column \(name): \(message)", at: place(name))
        }
    }

    mutating func read(_ record: [CSVField]) throws {
        let end = record.last?.place ?? .init(line: 1)
        if record.count > header.names.count {
            for extra in record[header.names.count...] where !extra.value.trimmingSpaces.isEmpty {
                throw ImportError("this row has \(record.count) cells but the header names \(header.names.count) columns; the cell '\(extra.value)' has no column",
                                  at: extra.place)
            }
        }
        var fields: [String: CSVField] = [:]
        for (name, i) in header.index where i < record.count { fields[name] = record[i] }
        let row = Row(fields: fields, end: end)

        // The recommendation.
        guard let numberText = row.value("number") else {
            throw row.error("number", "no recommendation number; every row needs one")
        }
        guard let number = Int.digitsOnly(numberText.trimmingSpaces), (1...Limits.maxNumber).contains(number) else {
            throw row.error("number", "'\(numberText)' is not a recommendation number (a whole number from 1 to \(Limits.maxNumber))")
        }
        let rec = try readRecommendation(row, number: number)
        let recFields = Dictionary(uniqueKeysWithValues: CSVExport.recommendationColumns.map { ($0, row.value($0) ?? "") })

        // The action, if the row has one.
        let action = try readAction(row)

        if var entry = byNumber[number] {
            for name in CSVExport.recommendationColumns where entry.fields[name] != recFields[name] {
                throw row.error(name, "recommendation \(number) has '\(Self.shown(entry.fields[name] ?? ""))' here on line \(entry.line) but '\(Self.shown(recFields[name] ?? ""))' on this row; the rows of one recommendation must agree in every recommendation column")
            }
            if let action {
                if let noAction = entry.noActionRow {
                    throw row.error("action_id", "recommendation \(number) has a row without an action (line \(noAction.line)) and rows with actions; give that row an action or delete it")
                }
                entry.rec.actions.append(action)
            } else {
                let what = entry.rec.actions.isEmpty ? "a second row without an action" : "actions on other rows"
                throw row.error("action_id", "recommendation \(number) has \(what); a row without an action id is only for a recommendation without actions")
            }
            byNumber[number] = entry
        } else {
            var first = rec
            if let action { first.actions = [action] }
            byNumber[number] = (first, row.place("number").line, recFields, action == nil ? row.place("action_id") : nil)
        }
    }

    /// Long cells shortened in messages.
    static func shown(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 60 ? String(oneLine.prefix(57)) + "..." : oneLine
    }

    func readRecommendation(_ row: Row, number: Int) throws -> Recommendation {
        guard let addressee = row.value("addressee") else { throw row.error("addressee", "no addressee (whom the recommendation is addressed to)") }
        guard let text = row.value("recommendation") else { throw row.error("recommendation", "no recommendation text") }
        guard let statusText = row.value("status") else {
            throw row.error("status", "no status; use \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let status = try Self.choice(statusText, as: Status.self, row: row, column: "status", what: "status")
        var reason: Reason?
        switch (row.value("reason_categories"), row.value("reason")) {
        case (nil, nil): reason = nil
        case (let categories?, let reasonText?):
            var list: [ReasonCategory] = []
            for word in categories.split(separator: ";", omittingEmptySubsequences: false) {
                let category = try Self.choice(word.trimmingSpaces, as: ReasonCategory.self, row: row,
                                               column: "reason_categories", what: "reason category")
                if list.contains(category) {
                    throw row.error("reason_categories", "category '\(category.rawValue)' is listed twice")
                }
                list.append(category)
            }
            reason = Reason(categories: list, text: reasonText)
        case (nil, let reasonText?):
            // As in the YAML files: a reason not yet given a category; lint asks for one.
            reason = Reason(categories: [], text: reasonText)
        case (_?, nil):
            throw row.error("reason", "reason categories without a reason; give the reason's text")
        }
        let kind = try row.value("kind").map { try Self.choice($0.trimmingSpaces, as: RecommendationKind.self, row: row, column: "kind", what: "kind") }
        return Recommendation(number: number, addressee: addressee, theme: row.value("theme"), text: text, status: status,
                              implementedPart: row.value("implemented_part"), reason: reason, response: row.value("response"),
                              kind: kind ?? .recommendation, reference: row.value("reference"))
    }

    mutating func readAction(_ row: Row) throws -> Action? {
        let updateNames = (0..<header.updateCount).flatMap { CSVExport.updateColumns($0 + 1) }
        let actionNames = ["action", "owners", "target", "target_words", "state", "current_target", "current_state", "note"] + updateNames
        guard let id = row.value("action_id")?.trimmingSpaces else {
            if let name = actionNames.first(where: { row.value($0) != nil }) {
                throw row.error(name, "this row has action columns but no action_id; give the action its id (such as 3.1)")
            }
            return nil
        }
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 8, parts.allSatisfy({ Int.digitsOnly($0) != nil }) else {
            throw row.error("action_id", "action id '\(id)' must be dot-separated whole numbers, such as 3.1 or 1.1.2")
        }
        if let first = actionIDs[id] {
            throw row.error("action_id", "action id \(id) is used twice (first on line \(first.line)); every action needs its own id")
        }
        actionIDs[id] = row.place("action_id")
        guard let text = row.value("action") else { throw row.error("action", "action \(id) has no text") }
        let owners = Self.owners(row.value("owners"))
        let target = try Self.date(row, "target", quarters: true)
        let state = try row.value("state").map {
            try Self.choice($0.trimmingSpaces, as: ActionState.self, row: row, column: "state", what: "state")
        } ?? .planned

        var updates: [Update] = []
        for k in stride(from: 1, through: header.updateCount, by: 1) {
            let names = CSVExport.updateColumns(k)
            let (dateName, textName, stateName, targetName, ownersName) = (names[0], names[1], names[2], names[3], names[4])
            guard names.contains(where: { row.value($0) != nil }) else { continue }
            guard row.value(dateName) != nil else {
                let given = names.first(where: { row.value($0) != nil }) ?? textName
                throw row.error(given, "update \(k) of action \(id) has no date; give \(dateName) (such as 2021-12) or clear the update's cells")
            }
            guard let updateText = row.value(textName) else {
                throw row.error(textName, "update \(k) of action \(id) has a date but no text")
            }
            guard let date = try Self.date(row, dateName, quarters: false) else { continue }
            let updateState = try row.value(stateName).map {
                try Self.choice($0.trimmingSpaces, as: ActionState.self, row: row, column: stateName, what: "state")
            }
            let updateTarget = try Self.date(row, targetName, quarters: true)
            let updateOwners = row.value(ownersName).map { Self.owners($0) }
            updates.append(Update(date: date, text: updateText, state: updateState, target: updateTarget, owners: updateOwners))
        }
        let action = Action(id: id, text: text, owners: owners, target: target, state: state, note: row.value("note"), updates: updates)

        // The derived cells, when filled, must say what the data says.
        let derived: [(String, String)] = [
            ("target_words", action.target.map(DateWords.words) ?? ""),
            ("current_target", action.currentTarget?.description ?? ""),
            ("current_state", action.currentState.rawValue),
        ]
        for (name, expected) in derived {
            guard let given = row.value(name), given != expected else { continue }
            let source = name == "target_words" ? "target" : "target, state and the updates"
            throw row.error(name, "'\(Self.shown(given))' disagrees with \(source), which give '\(expected)'; \(name) is derived and never read: change \(source), and clear or correct this cell")
        }
        return action
    }

    /// Owners: one per line, empty lines skipped.
    static func owners(_ cell: String?) -> [String] {
        guard let cell else { return [] }
        return cell.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.trimmingSpaces.isEmpty }
    }

    static func date(_ row: Row, _ name: String, quarters: Bool) throws -> PlanDate? {
        guard let text = row.value(name)?.trimmingSpaces else { return nil }
        guard let date = PlanDate(text) else {
            let forms = quarters ? "YYYY-MM, YYYY-MM-DD or YYYY-Qn (such as 2021-07, 2021-07-31, 2021-Q3)" : "YYYY-MM or YYYY-MM-DD (such as 2021-12, 2021-12-07)"
            throw row.error(name, "'\(text)' is not a date written \(forms)")
        }
        if !quarters, case .quarter = date {
            throw row.error(name, "'\(text)' is a quarter; an update's date is written YYYY-MM or YYYY-MM-DD")
        }
        return date
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, as: T.Type, row: Row, column: String, what: String) throws -> T
        where T.RawValue == String {
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        let hint = Suggestion.nearest(to: text, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
        throw row.error(column, "unknown \(what) '\(text)'\(hint); use one of \(allowed.joined(separator: ", "))")
    }
}
