import CSV
import Foundation

/// A plan's recommendations and actions as one spreadsheet table (CSV, RFC 4180), and back.
///
/// **One row per action**, the recommendation's columns repeated on each of its rows; a
/// recommendation without actions has one row whose action columns are empty. plan.yaml's
/// details (title, dates, summary) are not in the table: reading takes them from the caller.
///
/// **Columns**, in this order, named by a header row (reading finds them by name, so a
/// spreadsheet may reorder them):
///
/// | column | value |
/// | --- | --- |
/// | `number` | the recommendation's number |
/// | `addressee` | whom it is addressed to |
/// | `theme` | its theme (empty: none) |
/// | `recommendation` | its text |
/// | `status` | `agreed`, `partly-agreed` or `not-agreed` |
/// | `reason_categories` | the reason's categories, separated by `;` (`affordability;policy`) |
/// | `reason` | the reason's text (with `reason_categories`: both or neither) |
/// | `implemented_part` | for partly agreed, the part that will be implemented |
/// | `response` | narrative that is not an action |
/// | `action_id` | the action's id (`5.1`); empty on the one row of a recommendation without actions |
/// | `action` | the action's text |
/// | `owners` | its owners, one per line inside the cell |
/// | `target` | its target as the format writes it: `2021-07`, `2021-07-31` or `2022-Q1` |
/// | `target_words` | *derived*: the target as the official table writes it ("July 2021") |
/// | `state` | `planned`, `in-progress`, `completed`, `ongoing` or `dropped` (empty: planned) |
/// | `current_target` | *derived*: the target now in force, after the updates |
/// | `current_state` | *derived*: the state now, after the updates |
/// | `note` | target wording that is not a date |
/// | `update_K_date`, `update_K_text`, `update_K_state`, `update_K_target`, `update_K_owners` | the action's K-th update (K = 1 … the most updates any action has): its date (`2021-12` or `2021-12-07`), text, and the new state, target and owners it sets (empty: unchanged) |
///
/// **Derived columns** (`target_words`, `current_target`, `current_state`) are there for people
/// reading the spreadsheet. They are never read as data: a reader may leave them empty, delete
/// them, or leave them as exported; but a value that disagrees with the columns it derives from
/// is refused, because it means someone edited the wrong column (change `target`, or add an
/// update, and clear the derived cell).
///
/// **Formula injection.** Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab
/// or carriage return) as a formula. Every cell that starts with one of those, or with an
/// apostrophe, is written with an apostrophe before it (`'=HYPERLINK(…)`, `'- item`), and
/// reading removes one leading apostrophe from every cell, so the text round-trips exactly and no
/// exported cell is ever a formula.
///
/// **Text** is written as it is: line breaks inside a quoted cell (LF; CRLF and CR are read as
/// LF), quotes doubled. Records end with LF; a leading byte-order mark is ignored on reading. A
/// cell that is empty or only spaces is an absent value (the format has no empty texts).
///
/// **What a table cannot hold**: an owner whose name contains a line break (the cell's lines
/// are its owners), and an update that sets its owners to an empty list (read as "owners
/// unchanged"). Every plan without those reads back exactly as it was written.
///
/// **Spreadsheets guess types**: a file opened by a double click may have `2021-07` turned into a
/// date and the action id `1.10` into the number 1.1, and be saved so. Open the file through the
/// spreadsheet's import (Excel: Data › From Text/CSV; LibreOffice: the import dialogue) with
/// every column as text. A table saved with such guesses is refused on reading (a date that is
/// not `YYYY-MM`, an action id used twice), never read as something else, except an id such as
/// `2.10` turned into `2.1` when the plan has no `2.1`.
///
/// **Reading** refuses, with the line and column of the cell (`ImportError`, place `LINE:COLUMN`)
/// and what is wrong: a missing, unknown or repeated header column; an incomplete update column
/// group; an unterminated quote or a stray one; an unknown status, state or reason category; a
/// bad number, date or action id; an update with text but no date (or the other way round); an
/// action id used twice; rows of one recommendation whose recommendation columns disagree; a row
/// with action columns but no action id; a derived cell that disagrees.
public enum CSVExport {
    /// The fixed columns, in order. Update columns follow.
    public static let columns = [
        "number", "addressee", "theme", "recommendation", "status", "reason_categories", "reason",
        "implemented_part", "response", "action_id", "action", "owners", "target", "target_words",
        "state", "current_target", "current_state", "note",
    ]

    /// Columns read as data; the rest of `columns` are derived.
    public static let requiredColumns = columns.filter { !derivedColumns.contains($0) }
    public static let derivedColumns: Set<String> = ["target_words", "current_target", "current_state"]

    /// The recommendation columns that every row of one recommendation repeats.
    public static let recommendationColumns = [
        "number", "addressee", "theme", "recommendation", "status", "reason_categories", "reason",
        "implemented_part", "response",
    ]

    /// The five columns of update `k` (from 1).
    public static func updateColumns(_ k: Int) -> [String] {
        updateFields.map { "update_\(k)_\($0)" }
    }

    static let updateFields = ["date", "text", "state", "target", "owners"]

    /// Cells starting with these are written with an apostrophe before them.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'"]

    // MARK: Writing

    /// The plan's recommendations and actions as CSV text, header first.
    public static func render(_ plan: Plan) -> String {
        let updateCount = plan.recommendations.flatMap(\.actions).map(\.updates.count).max() ?? 0
        var rows: [[String]] = [columns + (0..<updateCount).flatMap { updateColumns($0 + 1) }]
        for rec in plan.recommendations {
            let recCells = [
                String(rec.number), rec.addressee, rec.theme ?? "", rec.text, rec.status.rawValue,
                rec.reason.map { $0.categories.map(\.rawValue).joined(separator: ";") } ?? "",
                rec.reason?.text ?? "", rec.implementedPart ?? "", rec.response ?? "",
            ]
            if rec.actions.isEmpty {
                rows.append(recCells + Array(repeating: "", count: columns.count - recCells.count + updateCount * 5))
                continue
            }
            for action in rec.actions {
                var cells = recCells + [
                    action.id, action.text, action.owners.joined(separator: "\n"),
                    action.target?.description ?? "", action.target.map(DateWords.words) ?? "",
                    action.state.rawValue, action.currentTarget?.description ?? "", action.currentState.rawValue,
                    action.note ?? "",
                ]
                for k in 0..<updateCount {
                    guard k < action.updates.count else {
                        cells += ["", "", "", "", ""]
                        continue
                    }
                    let u = action.updates[k]
                    cells += [u.date.description, u.text, u.state?.rawValue ?? "", u.target?.description ?? "",
                              u.owners?.joined(separator: "\n") ?? ""]
                }
                rows.append(cells)
            }
        }
        // Control characters and bidirectional controls are shown by their stand-ins (a
        // spreadsheet or a terminal showing the file never gets them raw).
        return write(rows.enumerated().map { index, row in
            index == 0 ? row : row.map { neutralised(UnsafeCharacters.neutralised($0)) }
        })
    }

    /// A cell as written: with an apostrophe before a leading formula character or apostrophe.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.first, formulaStarts.contains(first) || first == "\r\n" else { return cell }
        return "'" + cell
    }

    /// The rows through CSV.swift's writer, each record ended by LF.
    static func write(_ rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        let data: Data
        do {
            let writer = try CSVWriter(stream: stream, delimiter: ",", newline: .lf)
            for row in rows { try writer.write(row: row) }
            data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        } catch {
            // Writing to memory does not fail; should it, the caller must not get half a table.
            preconditionFailure("CSV writer failed on an in-memory stream: \(error)")
        }
        stream.close()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: Reading

    /// The plan: `info` (plan.yaml's details, which the table does not hold) and the
    /// recommendations read from `text`, in number order.
    public static func read(_ text: String, info: PlanInfo) throws -> Plan {
        Plan(info: info, recommendations: try readRecommendations(text))
    }

    /// The recommendations of a table written by `render` (or edited since), in number order.
    public static func readRecommendations(_ text: String) throws -> [Recommendation] {
        var records = try CSVTokenizer.records(text)
        guard !records.isEmpty else { throw ImportError("the table is empty: expected a header row naming the columns (\(columns.joined(separator: ", ")))", at: .init(line: 1)) }
        // A character no plan text may hold would give files that do not read back: refused at
        // its cell (the Word and DOCX importers show it by a stand-in and remark it).
        for field in records.joined() {
            if let bad = UnsafeCharacters.firstForbidden(in: field.value) {
                throw ImportError("the cell holds \(UnsafeCharacters.describe(bad.scalar)), which no plan text may hold; remove it", at: field.place)
            }
        }
        let header = try Header(records.removeFirst())
        var reader = TableReader(header: header)
        for record in records where !record.allSatisfy({ $0.value.trimmingSpaces.isEmpty }) {
            try reader.read(record)
        }
        return reader.recommendations
    }
}

// MARK: - The CSV text

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

// MARK: - The header

struct Header {
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
            } else if !CSVExport.columns.contains(name) {
                let known = CSVExport.columns + CSVExport.updateFields.map { "update_1_\($0)" }
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

// MARK: - The rows

struct TableReader {
    let header: Header
    /// Recommendations by number, with the row that first gave each.
    var byNumber: [Int: (rec: Recommendation, line: Int, fields: [String: String], noActionRow: TableDocument.Place?)] = [:]
    var actionIDs: [String: TableDocument.Place] = [:]

    init(header: Header) {
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
        case (nil, _?):
            throw row.error("reason_categories", "a reason without categories; name one or more of \(ReasonCategory.allCases.map(\.rawValue).joined(separator: ";")), separated by ';'")
        case (_?, nil):
            throw row.error("reason", "reason categories without a reason; give the reason's text")
        }
        return Recommendation(number: number, addressee: addressee, theme: row.value("theme"), text: text, status: status,
                              implementedPart: row.value("implemented_part"), reason: reason, response: row.value("response"))
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
