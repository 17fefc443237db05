import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit
@testable import PlanWorkflow

/// The remarks of an import as a file to review and as counts for the terminal.
@Suite struct ImportRemarksTests {
    static let remarks = [
        ImportRemark(.guess, at: .init(line: 37), subject: "3", "the owner cell \"A B\" read as 2 owners", alternative: "one owner named as the cell is written"),
        ImportRemark(.guess, at: .init(line: 38), subject: "3", "the reason read as commissioning from the words in parentheses: \"x\""),
        ImportRemark(.kept, at: .init(line: 40), subject: "4.1", "the target cell \"TBC\" is not a date; kept as the note (state planned)"),
        ImportRemark(.missing, at: .init(line: 1, label: "table 2, row 14"), subject: nil, "the document names no inspectorate\u{1b}[31m"),
    ]

    @Test func theFormatComesFromTheExtension() throws {
        #expect(ImportRemarks.format(of: "remarks.json") == .json)
        #expect(ImportRemarks.format(of: "out/remarks.YAML") == .yaml)
        #expect(ImportRemarks.format(of: "remarks.yml") == .yaml)
        #expect(ImportRemarks.format(of: "remarks.txt") == nil)
        #expect(ImportRemarks.format(of: "remarks") == nil)
        #expect(throws: WorkflowError.self) { try ImportRemarks.checkedFormat(of: "remarks.csv") }
    }

    @Test func theTerminalCountsByKindThenTopic() {
        #expect(ImportRemarks.summary(Self.remarks) == ["2 guesses: 1 reasons, 1 owners", "1 kept: 1 targets and dates", "1 missing: 1 plan details"])
        #expect(ImportRemarks.summary([]).isEmpty)
    }

    @Test func jsonHoldsEveryRemarkWithItsPlaceAndAlternative() throws {
        let json = ImportRemarks.render(Self.remarks, source: "plan.txt", format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try #require(object["remarks"] as? [[String: Any]])
        #expect(entries.count == 4 && object["count"] as? Int == 4 && object["source"] as? String == "plan.txt")
        #expect(entries[0]["line"] as? Int == 37 && entries[0]["alternative"] as? String == "one owner named as the cell is written")
        // A DOCX place is a label, with no line or column.
        #expect(entries[3]["place"] as? String == "table 2, row 14" && entries[3]["line"] == nil)
        #expect(!json.contains("\u{1b}"))
    }

    @Test func yamlQuotesEveryStringAsJSONDoes() {
        let yaml = ImportRemarks.render(Self.remarks, source: "plan \"x\".txt", format: .yaml)
        #expect(yaml.hasPrefix("source: \"plan \\\"x\\\".txt\"\ncount: 4\nremarks:\n  - place: \"37:1\"\n    line: 37\n    column: 1\n    kind: guess\n"))
        #expect(yaml.contains("    decided: \"the document names no inspectorate\\u001b[31m\"\n"))
        #expect(ImportRemarks.render([], source: "a.txt", format: .yaml) == "source: \"a.txt\"\ncount: 0\nremarks: []\n")
    }
}
