import Foundation
import Testing
@testable import PlanKit
@testable import PlanWorkflow

/// The owner's form without Word: its CSV, how a cell's text is tidied, its custom properties.
@Suite("owner forms")
struct OwnerFormTests {
    static let action = Action(id: "5.1", text: "=SUM(A1), \"quoted\"\nsecond line", owners: ["Head of Ops"],
                               target: .quarter(year: 2023, quarter: 2), state: .inProgress)

    static func form() -> OwnerForm {
        OwnerForm(owner: "Head of Ops", planFolder: "plan", planTitle: "Recall", planIdentity: "0123456789abcdef",
                  commit: String(repeating: "a", count: 40),
                  groups: [(Recommendation(number: 5, addressee: "HMPPS", text: "Review", status: .agreed, actions: [action]), [action])])
    }

    @Test("the CSV form reads back to its own cells: quotes, commas, line breaks and a formula-like text kept")
    func csvRoundTrip() throws {
        let data = FormCSV.write(Self.form())
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}Action,Action text,Current target,Current state,Progress update,New state,New target date\r\n"))
        #expect(text.contains("5.1,\"'=SUM(A1), \"\"quoted\"\"\nsecond line\",Q2 2023,In progress,,,\r\n"))
        let filled = try FilledForm.read(data, csv: true)
        #expect(filled.rows.map(\.cells) == [["5.1", "=SUM(A1), \"quoted\"\nsecond line", "Q2 2023", "In progress", "", "", ""]])
        #expect(filled.rows.first?.place == "row 2")
    }

    @Test("a spreadsheet's semicolon-separated export reads too; a quote left open is refused")
    func csvVariants() throws {
        #expect(try FormCSV.records("a;b\r\n\"c;d\";e") == [["a", "b"], ["c;d", "e"]])
        #expect(throws: WorkflowError.self) { try FormCSV.records("a,\"b\n") }
    }

    @Test("a cell's runs of spaces, non-breaking spaces and empty paragraphs are tidied as Word users leave them")
    func tidied() {
        #expect(FilledForm.tidied(["  March\u{A0}2023 ", "", "\u{202F}and\t more  "]) == "March 2023\nand more")
        #expect(FilledForm.tidied(["", " "]) == "")
    }

    @Test("the custom properties come back from the part the form writes, entities and all")
    func properties() throws {
        let parts = Dictionary(uniqueKeysWithValues: FormDocx.parts(of: Self.form()))
        let properties = FilledForm.customProperties(parts["docProps/custom.xml"])
        #expect(properties["plantool.commit"] == String(repeating: "a", count: 40))
        #expect(properties["plantool.actions"] == "5.1")
        #expect(FilledForm.unescaped("A &amp; B &lt;&#233;&#x20AC;&gt;") == "A & B <é€>")
        #expect(FilledForm.modifiedDay("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2022-12-05T10:30:00Z</dcterms:modified>") == Day(year: 2022, month: 12, day: 5))
    }

    @Test("a month later is the same day, or the month's last; a file name is the owner's words")
    func helpers() {
        #expect(Day(year: 2023, month: 1, day: 31)!.addingMonths(1) == Day(year: 2023, month: 2, day: 28))
        #expect(Day(year: 2023, month: 11, day: 15)!.addingMonths(3) == Day(year: 2024, month: 2, day: 15))
        #expect(OwnerForm.fileStem(for: "Deputy Director, Public Protection Group") == "deputy-director-public-protection-group")
        #expect(OwnerForm.fileStem(for: "../../ßß") == "owner")
    }
}
