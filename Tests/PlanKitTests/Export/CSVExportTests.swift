import Foundation
import PlanImport
import PlanKit
import Testing

/// CSVExport: one row per action, read back exactly; formulas neutralised; every bad table
/// refused with the line and column of the cell at fault.
@Suite("CSVExport")
struct CSVExportTests {
    // MARK: Round trips

    @Test("each example reads back exactly", arguments: ExportSupport.exampleNames)
    func roundTrip(_ name: String) throws {
        let plan = try ExportSupport.example(name)
        let csv = CSVExport.render(plan)
        let read = try CSVPlanReader.readRecommendations(csv)
        #expect(read.count == plan.recommendations.count)
        for (a, b) in zip(read, plan.recommendations) {
            #expect(a == b, "recommendation \(b.number) differs after the round trip")
        }
        #expect(try CSVPlanReader.read(csv, info: plan.info) == plan)
        // Rendering what was read gives the same bytes.
        #expect(CSVExport.render(Plan(info: plan.info, recommendations: read)) == csv)
    }

    @Test("one row per action, a row for a recommendation without actions, update columns for the most updates")
    func shape() throws {
        for name in ExportSupport.exampleNames {
            let plan = try ExportSupport.example(name)
            let records = try Self.records(CSVExport.render(plan))
            let expectedRows = plan.recommendations.map { max(1, $0.actions.count) }.reduce(0, +)
            #expect(records.count == 1 + expectedRows, "\(name)")
            let updates = plan.recommendations.flatMap(\.actions).map(\.updates.count).max() ?? 0
            #expect(records.first == CSVExport.columns + (0..<updates).flatMap { CSVExport.updateColumns($0 + 1) }, "\(name)")
            #expect(records.allSatisfy { $0.count == records[0].count }, "\(name): rows of unequal length")
        }
        // The recall-culture plan: one update per action, and the row of action 5.1.
        let recall = try Self.records(CSVExport.render(try ExportSupport.example("recall-culture-2020")))
        #expect(recall[0].suffix(5) == ["update_1_date", "update_1_text", "update_1_state", "update_1_target", "update_1_owners"])
        let row = try #require(recall.first { $0[9] == "5.1" })
        let cells = Dictionary(uniqueKeysWithValues: zip(recall[0], row))
        #expect(cells["number"] == "5" && cells["status"] == "agreed")
        #expect(cells["owners"] == "Deputy Director, Public Protection Group")
        #expect(cells["target"] == "2021-07" && cells["target_words"] == "July 2021" && cells["state"] == "planned")
        #expect(cells["current_target"] == "2022-03" && cells["current_state"] == "planned")
        #expect(cells["update_1_date"] == "2021-12" && cells["update_1_target"] == "2022-03" && cells["update_1_state"] == "")
        #expect(cells["update_1_text"]?.hasPrefix("The PPG and the Parole Board are running a pilot project") == true)
        // Action 3.2 names the owner its update hands over to.
        let row32 = try #require(recall.first { $0[9] == "3.2" })
        let cells32 = Dictionary(uniqueKeysWithValues: zip(recall[0], row32))
        #expect(cells32["update_1_owners"] == "Senior Responsible Officer for the Probation Reform Programme")
    }

    @Test("Python's csv module reads the export as our reader does (an independent check of the quoting)",
          arguments: ExportSupport.exampleNames + ["hostile"])
    func pythonAgrees(_ name: String) throws {
        let plan = name == "hostile" ? try ExportSupport.hostile() : try ExportSupport.example(name)
        let csv = CSVExport.render(plan)
        let python = try ExportSupport.withScratch { scratch -> [[String]] in
            let file = scratch.appendingPathComponent("plan.csv")
            try Data(csv.utf8).write(to: file)
            let run = try ExportSupport.python(["-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))", file.path])
            try #require(run.status == 0, "python3 failed: \(run.stderr)")
            return try JSONDecoder().decode([[String]].self, from: Data(run.stdout.utf8))
        }
        #expect(python == (try Self.rawRecords(csv)))
    }

    @Test("multi-line text, quotes, commas, pipes and markup round-trip exactly")
    func hostileRoundTrip() throws {
        let plan = try ExportSupport.hostile()
        let csv = CSVExport.render(plan)
        #expect(try CSVPlanReader.readRecommendations(csv) == plan.recommendations)
        // Quotes are doubled inside a quoted cell; line breaks stay inside it.
        #expect(csv.contains("\"Ensure a | b, \"\"quoted\"\", `tick`, <script>alert('x')</script>\n\n- item | one\n* star\n#hash\""))
        // Owners one per line in one cell.
        #expect(csv.contains("\"'-Owner, with comma\n@Team \"\"Q\"\"\n'quoted owner\""))
    }

    @Test("cells that a spreadsheet would run as a formula get an apostrophe, removed on reading")
    func formulaInjection() throws {
        let plan = try ExportSupport.hostile()
        let csv = CSVExport.render(plan)
        let raw = try Self.rawRecords(csv)
        for row in raw.dropFirst() {
            for cell in row {
                if let first = cell.first {
                    #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "a cell starts with a formula character: \(cell)")
                }
            }
        }
        let header = raw[0]
        let row = try #require(raw.first { $0.count > 9 && $0[9] == "1.1" })
        let cells = Dictionary(uniqueKeysWithValues: zip(header, row))
        #expect(cells["action"] == "'=HYPERLINK(\"http://evil.invalid\",\"click\") | <img src=x onerror=alert(1)>")
        #expect(cells["implemented_part"] == "'=the part | <b>")
        #expect(cells["reason"] == "'+cost, \"money\" & <time>")
        #expect(cells["response"] == "'@response | narrative\nsecond line")
        #expect(cells["note"] == "'-TBC | \"dependent\"")
        #expect(cells["update_1_owners"] == "'=Owner()")
        #expect(cells["update_2_text"] == "'\tTab first, then 'quote'")
        // A text that starts with an apostrophe gets a second one, so reading gives it back.
        let row12 = try #require(raw.first { $0.count > 9 && $0[9] == "1.2" })
        #expect(Dictionary(uniqueKeysWithValues: zip(header, row12))["action"] == "''leading apostrophe, and a trailing one'")
        // And reading restores every text.
        let read = try CSVPlanReader.readRecommendations(csv)
        #expect(read[0].actions[0].text.hasPrefix("=HYPERLINK("))
        #expect(read[0].actions[1].text == "'leading apostrophe, and a trailing one'")
        #expect(read[0].actions[0].owners == ["-Owner, with comma", "@Team \"Q\"", "'quoted owner"])
        #expect(read == plan.recommendations)
        // Cells written by hand without the apostrophe are read as they are.
        #expect(CSVExport.neutralised("=1+1") == "'=1+1")
        #expect(CSVExport.neutralised("1+1") == "1+1")
    }

    @Test("edited tables: CRLF, a byte-order mark, reordered and deleted derived columns, empty rows")
    func lenientReading() throws {
        let plan = try ExportSupport.example("recall-culture-2020")
        let records = try Self.rawRecords(CSVExport.render(plan))
        // Drop the three derived columns, move `status` to the end, write with CRLF and a BOM,
        // and add the empty rows spreadsheets leave.
        let header = records[0]
        let keep = header.indices.filter { !CSVExport.derivedColumns.contains(header[$0]) && header[$0] != "status" }
            + [header.firstIndex(of: "status") ?? 0]
        let edited = records.map { row in keep.map { row[$0] } } + [Array(repeating: "", count: keep.count)]
        let text = "\u{FEFF}" + edited.map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n,,,\r\n"
        #expect(try CSVPlanReader.readRecommendations(text) == plan.recommendations)
        // An empty state is the default, planned.
        let minimal = Self.table([["1", "HMPPS", "", "Do it", "agreed", "", "", "", "", "1.1", "Act", "", "", "", "", "", "", ""]])
        #expect(try CSVPlanReader.readRecommendations(minimal).first?.actions.first?.state == .planned)
    }

    // MARK: Bad tables

    /// A bad table and what reading must say: where, and words of the message.
    struct Bad: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var line: Int
        var column: Int
        var says: String
        var testDescription: String { name }
    }

    static let header = CSVExport.columns.joined(separator: ",") + ",update_1_date,update_1_text,update_1_state,update_1_target,update_1_owners"
    /// A good row: recommendation 1, action 1.1, one update.
    static let good = "1,HMPPS,,Do it,agreed,,,,,1.1,Act,Owner,2021-07,July 2021,planned,2022-03,completed,,2021-12,Done,completed,2022-03,"

    static let bads: [Bad] = [
        Bad(name: "unknown status", text: "\(header)\n1,HMPPS,,Do it,agred,,,,,1.1,Act,,,,,,,,,,,,\n", line: 2, column: 16,
            says: "column status: unknown status 'agred' (did you mean 'agreed'?); use one of agreed, partly-agreed, not-agreed"),
        Bad(name: "bad target date", text: "\(header)\n1,HMPPS,,Do it,agreed,,,,,1.1,Act,,July 2021,,,,,,,,,,\n", line: 2, column: 36,
            says: "column target: 'July 2021' is not a date written YYYY-MM, YYYY-MM-DD or YYYY-Qn"),
        Bad(name: "bad update date", text: "\(header)\n\(good.replacingOccurrences(of: ",2021-12,", with: ",2021-13,"))\n", line: 2, column: 86,
            says: "column update_1_date: '2021-13' is not a date written YYYY-MM or YYYY-MM-DD"),
        Bad(name: "a quarter as an update date", text: "\(header)\n\(good.replacingOccurrences(of: ",2021-12,", with: ",2021-Q4,"))\n", line: 2, column: 86,
            says: "'2021-Q4' is a quarter"),
        Bad(name: "missing header column", text: header.replacingOccurrences(of: "status,", with: "") + "\n", line: 1, column: 233,
            says: "the header has no column 'status'"),
        Bad(name: "unknown header column", text: header.replacingOccurrences(of: "owners,", with: "owner,") + "\n", line: 1, column: 114,
            says: "unknown column 'owner' (did you mean 'owners'?)"),
        Bad(name: "header column twice", text: header + ",note\n", line: 1, column: 256,
            says: "the header names column 'note' twice (first at 1:176)"),
        Bad(name: "incomplete update columns", text: header.replacingOccurrences(of: ",update_1_owners", with: "") + "\n", line: 1, column: 181,
            says: "the header has update 1 columns but no 'update_1_owners'"),
        Bad(name: "update text without a date", text: "\(header)\n\(good.replacingOccurrences(of: ",2021-12,Done,", with: ",,Done,"))\n", line: 2, column: 87,
            says: "column update_1_text: update 1 of action 1.1 has no date"),
        Bad(name: "update date without text", text: "\(header)\n\(good.replacingOccurrences(of: ",2021-12,Done,", with: ",2021-12,,"))\n", line: 2, column: 94,
            says: "column update_1_text: update 1 of action 1.1 has a date but no text"),
        Bad(name: "duplicate action id", text: "\(header)\n\(good)\n\(good)\n", line: 3, column: 27,
            says: "column action_id: action id 1.1 is used twice (first on line 2)"),
        Bad(name: "rows of one recommendation disagree",
            text: "\(header)\n\(good)\n\(good.replacingOccurrences(of: "1.1,", with: "1.2,").replacingOccurrences(of: "1,HMPPS,", with: "1,MoJ,"))\n",
            line: 3, column: 3,
            says: "column addressee: recommendation 1 has 'HMPPS' here on line 2 but 'MoJ' on this row"),
        Bad(name: "unterminated quote", text: "\(header)\n1,HMPPS,,\"Do it,\nand more\n", line: 2, column: 10,
            says: "unterminated quote"),
        Bad(name: "quote inside an unquoted cell", text: "\(header)\n1,HMPPS,,Do \"it\",agreed\n", line: 2, column: 13,
            says: "a quote (\") inside an unquoted cell"),
        Bad(name: "text after a closing quote", text: "\(header)\n1,HMPPS,,\"Do it\" now,agreed\n", line: 2, column: 17,
            says: "unexpected ' ' after the closing quote"),
        Bad(name: "bad number", text: "\(header)\n1a,HMPPS,,Do it,agreed,,,,,,,,,,,,,,,,,,\n", line: 2, column: 1,
            says: "column number: '1a' is not a recommendation number"),
        Bad(name: "bad action id", text: "\(header)\n\(good.replacingOccurrences(of: "1.1,", with: "1.a,"))\n", line: 2, column: 27,
            says: "column action_id: action id '1.a' must be dot-separated whole numbers"),
        Bad(name: "unknown state", text: "\(header)\n\(good.replacingOccurrences(of: ",planned,", with: ",done,"))\n", line: 2, column: 59,
            says: "column state: unknown state 'done'"),
        Bad(name: "unknown reason category", text: "\(header)\n1,HMPPS,,Do it,not-agreed,money,Too dear,,,,,,,,,,,,,,,,\n", line: 2, column: 27,
            says: "column reason_categories: unknown reason category 'money'"),
        Bad(name: "action columns without an action id", text: "\(header)\n1,HMPPS,,Do it,agreed,,,,,,Act,,,,,,,,,,,,\n", line: 2, column: 28,
            says: "column action: this row has action columns but no action_id"),
        Bad(name: "a row without an action beside rows with actions",
            text: "\(header)\n\(good)\n1,HMPPS,,Do it,agreed,,,,,,,,,,,,,,,,,,\n", line: 3, column: 27,
            says: "column action_id: recommendation 1 has actions on other rows"),
        Bad(name: "a derived cell edited instead of its source",
            text: "\(header)\n\(good.replacingOccurrences(of: "July 2021", with: "August 2021"))\n", line: 2, column: 49,
            says: "column target_words: 'August 2021' disagrees with target, which give 'July 2021'"),
        Bad(name: "a stale current target", text: "\(header)\n\(good.replacingOccurrences(of: ",planned,2022-03,", with: ",planned,2021-07,"))\n",
            line: 2, column: 67, says: "column current_target: '2021-07' disagrees with target, state and the updates, which give '2022-03'"),
        Bad(name: "a cell past the header's columns", text: "\(header)\n\(good),extra\n", line: 2, column: 118,
            says: "this row has 24 cells but the header names 23 columns; the cell 'extra' has no column"),
        Bad(name: "an empty table", text: "", line: 1, column: 1, says: "the table is empty"),
    ]

    @Test("bad tables are refused with the cell's line and column and what is wrong", arguments: bads)
    func refused(_ bad: Bad) throws {
        do {
            let read = try CSVPlanReader.readRecommendations(bad.text)
            Issue.record("read without complaint: \(read)")
        } catch let error as ImportError {
            #expect(error.place == TableDocument.Place(line: bad.line, column: bad.column),
                    "at \(error.place?.description ?? "nowhere"), expected \(bad.line):\(bad.column): \(error.message)")
            #expect(error.message.contains(bad.says), "\(error.message)")
        }
    }

    @Test("the good row of the bad-table tests reads")
    func goodRowReads() throws {
        let read = try CSVPlanReader.readRecommendations("\(Self.header)\n\(Self.good)\n")
        let action = try #require(read.first?.actions.first)
        #expect(action == Action(id: "1.1", text: "Act", owners: ["Owner"], target: .month(year: 2021, month: 7),
                                 updates: [Update(date: .month(year: 2021, month: 12), text: "Done", state: .completed,
                                                  target: .month(year: 2022, month: 3))]))
    }

    // MARK: Helpers

    /// The records as CSV.swift-independent RFC 4180 reading sees them, apostrophes kept.
    static func rawRecords(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        chars = chars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        try #require(!quoted && field.isEmpty && record.isEmpty, "the export does not end with a complete record")
        return records
    }

    /// Records with the exporter's leading apostrophes removed.
    static func records(_ text: String) throws -> [[String]] {
        try rawRecords(text).map { $0.map { $0.hasPrefix("'") ? String($0.dropFirst()) : $0 } }
    }

    static func quote(_ cell: String) -> String {
        "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func table(_ rows: [[String]]) -> String {
        ([CSVExport.columns] + rows).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
