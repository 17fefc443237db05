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
/// | `reference`, `kind` | *only when the plan has them*: the report's reference (`S41`) and the kind (`priority-concern`, `key-concern`; empty: recommendation) |
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
/// **Reading** it back (`CSVPlanReader`, in PlanImport) refuses, with the line and column of the
/// cell (`ImportError`, place `LINE:COLUMN`) and what is wrong: a missing, unknown or repeated
/// header column; an incomplete update column group; an unterminated quote or a stray one; an unknown status, state or reason category; a
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

    /// Columns written only when the plan uses them (HM Inspectorate of Prisons plans), after
    /// `columns`; every row of one recommendation repeats them.
    public static let optionalColumns = ["reference", "kind"]

    /// Columns read as data; the rest of `columns` are derived.
    public static let requiredColumns = columns.filter { !derivedColumns.contains($0) }
    public static let derivedColumns: Set<String> = ["target_words", "current_target", "current_state"]

    /// The recommendation columns that every row of one recommendation repeats.
    public static let recommendationColumns = [
        "number", "addressee", "theme", "recommendation", "status", "reason_categories", "reason",
        "implemented_part", "response", "reference", "kind",
    ]

    /// The five columns of update `k` (from 1).
    public static func updateColumns(_ k: Int) -> [String] {
        updateFields.map { "update_\(k)_\($0)" }
    }

    public static let updateFields = ["date", "text", "state", "target", "owners"]

    /// Cells starting with these are written with an apostrophe before them. Scalars, not
    /// Characters: a spreadsheet sees the `=` of `=` followed by a combining mark.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "'"]

    // MARK: Writing

    /// The plan's recommendations and actions as CSV text, header first.
    public static func render(_ plan: Plan) -> String {
        let updateCount = plan.recommendations.flatMap(\.actions).map(\.updates.count).max() ?? 0
        let optional = optionalColumns.filter { name in
            plan.recommendations.contains { name == "kind" ? $0.kind != .recommendation : $0.reference != nil }
        }
        var rows: [[String]] = [columns + optional + (0..<updateCount).flatMap { updateColumns($0 + 1) }]
        for rec in plan.recommendations {
            let optionalCells = optional.map { $0 == "kind" ? (rec.kind == .recommendation ? "" : rec.kind.rawValue) : rec.reference ?? "" }
            let recCells = [
                String(rec.number), rec.addressee, rec.theme ?? "", rec.text, rec.status.rawValue,
                rec.reason.map { $0.categories.map(\.rawValue).joined(separator: ";") } ?? "",
                rec.reason?.text ?? "", rec.implementedPart ?? "", rec.response ?? "",
            ]
            if rec.actions.isEmpty {
                rows.append(recCells + Array(repeating: "", count: columns.count - recCells.count) + optionalCells
                            + Array(repeating: "", count: updateCount * 5))
                continue
            }
            for action in rec.actions {
                var cells = recCells + [
                    action.id, action.text, action.owners.joined(separator: "\n"),
                    action.target?.description ?? "", action.target.map(DateWords.words) ?? "",
                    action.state.rawValue, action.currentTarget?.description ?? "", action.currentState.rawValue,
                    action.note ?? "",
                ] + optionalCells
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
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// The rows as RFC 4180 text, each record ended by LF.
    static func write(_ rows: [[String]]) -> String {
        CSVRecords.text(rows)
    }
}
