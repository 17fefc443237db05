import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// Plans written here in the layouts HMPPS uses to answer HM Inspectorate of Prisons (in
/// Fixtures/Prisons, each with the plan it must import to beside it): the older "Rec. No" layout
/// with report references and section rows, the concerns layout since 2022 (a DOCX made with
/// python-docx by make-docx.py), and a "Status" column with no numbered headers.
@Suite struct PrisonsLayoutTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Prisons")

    static func imported(_ name: String) throws -> ImportResult {
        let text = folder.appendingPathComponent("\(name)/source.txt")
        if FileManager.default.fileExists(atPath: text.path) {
            return try PlanImporter.interpret(WordTextReader.read(String(contentsOf: text, encoding: .utf8)))
        }
        let docx = try Data(contentsOf: folder.appendingPathComponent("\(name)/source.docx"))
        return try PlanImporter.interpret(DocxReader.read(docx))
    }

    static func expected(_ name: String) throws -> Plan {
        let plan = PlanLoader.load(PlanDirectory.files(of: folder.appendingPathComponent("\(name)/expected"), displayRoot: name)).plan
        return try #require(plan)
    }

    @Test(arguments: ["northmoor-2019", "eastgate-2023", "westbrook-2017"])
    func importsToItsExpectedPlan(_ name: String) throws {
        #expect(try Self.imported(name).plan == Self.expected(name))
    }

    @Test func referencesAndSectionRows() throws {
        let plan = try Self.imported("northmoor-2019").plan
        #expect(plan.recommendations.map(\.reference) == ["S41", "S42", "1.12", "2.05", "3.20"])
        #expect(plan.recommendations.map(\.theme) == ["Main recommendations", "Main recommendations", nil, nil, nil])
        #expect(plan.recommendations.allSatisfy { $0.kind == .recommendation })
        #expect(plan.info.vocabulary == .prisons)
    }

    @Test func concernsTakeTheKindOfTheirSectionRow() throws {
        let plan = try Self.imported("eastgate-2023").plan
        #expect(plan.recommendations.map(\.kind) == [.priorityConcern, .priorityConcern, .keyConcern, .keyConcern])
        #expect(plan.recommendations.map(\.status) == [.agreed, .agreed, .partlyAgreed, .notAgreed])
    }

    @Test func aStatusColumnTakesTheWordsOfItsCells() throws {
        let plan = try Self.imported("westbrook-2017").plan
        #expect(plan.info.vocabulary == PlanWords.prisons.numberedByReferences())
        #expect(plan.recommendations.map(\.number) == [1, 2, 3, 4])
        #expect(plan.recommendations.map(\.reference) == ["5.01", "5.02", "6.01", "6.02"])
    }

    /// A plan that prints the report's references alone as its numbers shows them so again.
    @Test func numbersPrintedAsReferencesAreExportedSo() throws {
        let document = OfficialDocument(try Self.expected("westbrook-2017"))
        let labels = document.rows.compactMap { row -> String? in
            if case .recommendation(let rec) = row { return rec.label }
            return nil
        }
        #expect(labels == ["5.01", "5.02", "6.01", "6.02"])
        #expect(MarkdownExport.render(document).contains("| 5.01 |"))
    }

    /// Importing then exporting speaks the plan's words, and the export reads back to the plan.
    @Test(arguments: ["northmoor-2019", "eastgate-2023", "westbrook-2017"])
    func exportsSpeakThePlansWordsAndReadBack(_ name: String) throws {
        let plan = try Self.expected(name)
        let document = OfficialDocument(plan)
        let markdown = MarkdownExport.render(document)
        #expect(markdown.contains("| 3. Accepted/ Partly Accepted/ Rejected |"))
        for word in ["Accepted", "Partly Accepted", "Rejected", "Total"] {
            #expect(markdown.contains("| **\(word)** |"), "the summary's row \(word)")
        }
        #expect(!markdown.contains("Agreed |"))
        #expect(try PlanImporter.interpret(document.tableDocument).plan == plan)
        let docx = try DocxWriter.write(document, title: plan.info.title)
        #expect(try PlanImporter.interpret(DocxReader.read(docx)).plan == plan)
    }

    /// The CSV export carries `reference` and `kind` in columns of their own, only when the plan
    /// has them, and reads back to the same plan.
    @Test(arguments: ["northmoor-2019", "eastgate-2023", "westbrook-2017"])
    func csvCarriesReferencesAndKinds(_ name: String) throws {
        let plan = try Self.expected(name)
        let csv = CSVExport.render(plan)
        let header = try #require(csv.split(separator: "\n").first)
        #expect(header.contains(",reference") == plan.recommendations.contains { $0.reference != nil })
        #expect(header.contains(",kind") == plan.recommendations.contains { $0.kind != .recommendation })
        #expect(try CSVPlanReader.read(csv, info: plan.info) == plan)
    }

    @Test func exportsGroupConcernsUnderTheirHeadings() throws {
        let document = OfficialDocument(try Self.expected("eastgate-2023"))
        #expect(document.columns.prefix(2) == ["1. Concern No", "2. Concern"])
        let headings = document.rows.compactMap { row -> String? in
            if case .theme(let text) = row { return text }
            return nil
        }
        #expect(headings == ["Priority concerns", "Key concerns"])
        let html = HTMLExport.render(document, title: "t")
        #expect(html.contains(">Priority concerns</th>"))
        #expect(html.contains(">Rejected</strong>") || html.contains("Rejected"))
        #expect(document.summary.heading == "Concerns")
        #expect(html.contains("<th scope=\"col\" colspan=\"2\">Concerns</th>"))
    }

    @Test func numbersShowTheirReference() throws {
        let document = OfficialDocument(try Self.expected("northmoor-2019"))
        let labels = document.rows.compactMap { row -> String? in
            if case .recommendation(let rec) = row { return rec.label }
            return nil
        }
        #expect(labels == ["1 (S41)", "2 (S42)", "3 (1.12)", "4 (2.05)", "5 (3.20)"])
        #expect(MarkdownExport.render(document).contains("| 1 (S41) |"))
    }
}

/// One test per rule that recognises these layouts.
@Suite struct PrisonsRecognitionTests {
    static func row(_ cells: [String]) -> TableDocument.Row {
        TableDocument.Row(cells: cells.map { TableDocument.Cell(paragraphs: [$0]) }, place: TableDocument.Place(line: 1))
    }

    @Test func numbersAreReferencesOnlyWhenNoNumberIsPrinted() {
        #expect(NumberCell.numbersAreReferences(["5.01", "5.02", "Recommendations", "6.01"]))
        #expect(!NumberCell.numbersAreReferences(["1 (5.01)", "2 (5.02)"]))
        #expect(!NumberCell.numbersAreReferences(["5.01", "2 (S42)"]))
        #expect(!NumberCell.numbersAreReferences(["1", "2"]))
        #expect(!NumberCell.numbersAreReferences([]))
    }

    @Test func headerCellsAreReadByMeaning() {
        #expect(HeaderRow.column("Rec. No") == .number)
        #expect(HeaderRow.column("1. Rec No") == .number)
        #expect(HeaderRow.column("Concern No") == .number)
        #expect(HeaderRow.column("Recommendation") == .text)
        #expect(HeaderRow.column("2. Concern") == .text)
        #expect(HeaderRow.column("Accepted/ Partly Accepted/ Rejected") == .status)
        #expect(HeaderRow.column("3. Status") == .status)
        #expect(HeaderRow.column("Response Action Taken/Planned") == .response)
        #expect(HeaderRow.column("Function Responsible/ Policy Lead") == .owner)
        #expect(HeaderRow.column("Responsible Owner") == .owner)
        #expect(HeaderRow.column("Target Date") == .target)
        #expect(HeaderRow.column("Prisoners should be unlocked for ten hours.") == nil)
    }

    @Test func headerRowsNumberedOrNot() {
        #expect(HeaderRow.isHeader(Self.row(["Rec. No", "Recommendation", "Accepted/ Partly Accepted/ Rejected",
                                             "Response Action Taken/Planned", "Function Responsible/ Policy Lead", "Target Date"])))
        #expect(HeaderRow.isHeader(Self.row(["Concern No", "Concern", "Accepted/ Partly Accepted/ Rejected",
                                             "Response Action Taken/Planned", "Responsible Owner", "Target Date"])))
        #expect(HeaderRow.isHeader(Self.row(["1. Rec No", "2. Recommendation", "3. Status", "4. Response", "5. Responsible Owner", "6. Target Date"])))
        #expect(!HeaderRow.isHeader(Self.row(["1", "Prisoners should have work.", "Accepted", "1.1 Work for all.", "Governor", "May 2024"])))
    }

    @Test func theStatusHeaderNamesThePlansWords() {
        #expect(HeaderRow.statusWords("Accepted/ Partly Accepted/ Rejected") == PlanWords.prisons.statuses)
        #expect(HeaderRow.statusWords("3. Agreed/ Partly Agreed/ Not Agreed") == [.agreed: "Agreed", .partlyAgreed: "Partly Agreed", .notAgreed: "Not Agreed"])
        #expect(HeaderRow.statusWords("Status") == nil)
        #expect(HeaderRow.vocabulary(header: Self.row(["3. Agreed/ Partly Agreed/ Not Agreed"]), statusCells: []) == nil)
        #expect(HeaderRow.vocabulary(header: Self.row(["Status"]), statusCells: ["Accepted", "Rejected"]) == .prisons)
        #expect(HeaderRow.vocabulary(header: Self.row(["Status"]), statusCells: ["Agreed"]) == nil)
        #expect(HeaderRow.vocabulary(header: Self.row(["Agreed/ Partially Agreed/ Not Agreed"]), statusCells: [])
                == PlanWords(statuses: [.partlyAgreed: "Partially Agreed"]))
    }

    @Test func sectionHeadingsAreDeclaredAsTheDocumentWritesThem() {
        let words = HeaderRow.vocabulary(header: nil, statusCells: [], sections: ["Priority concerns", "Key Concerns:", "Main recommendations"])
        #expect(words == PlanWords(headings: [.keyConcern: "Key Concerns"]))
        #expect(HeaderRow.vocabulary(header: nil, statusCells: [], sections: ["Priority concerns", "Key concerns"]) == nil)
    }

    @Test func numbersCarryTheReportsReference() {
        #expect(NumberCell.parse("1 (S41)")! == (1, "S41"))
        #expect(NumberCell.parse("3 (1.12)")! == (3, "1.12"))
        #expect(NumberCell.parse("5.01")! == (nil, "5.01"))
        #expect(NumberCell.parse("7.")! == (7, nil))
        #expect(NumberCell.parse("12")! == (12, nil))
        #expect(NumberCell.parse("1.1.2") == nil)
        #expect(NumberCell.parse("Main recommendations") == nil)
        #expect(NumberCell.parse("1 (see the report's summary)") == nil)
    }

    @Test func sectionRowsSetTheKind() {
        #expect(SectionWords.section("Priority concerns")! == (.priorityConcern, nil))
        #expect(SectionWords.section("Key Concerns:")! == (.keyConcern, nil))
        #expect(SectionWords.section("Recommendations")! == (.recommendation, nil))
        #expect(SectionWords.section("Main recommendations")! == (.recommendation, "Main recommendations"))
        #expect(SectionWords.section("Leadership") == nil)
    }

    @Test func prisonsStatusWordsMapToTheVocabulary() {
        #expect(StatusWords.parse("Accepted")?.status == .agreed)
        #expect(StatusWords.parse("Partly Accepted")?.status == .partlyAgreed)
        #expect(StatusWords.parse("Rejected (not affordable)")! == (.notAgreed, "not affordable"))
        #expect(StatusWords.parse("Not accepted")?.status == .notAgreed)
        #expect(StatusWords.isPrisonsWord("Partly accepted"))
        #expect(!StatusWords.isPrisonsWord("Partly agreed"))
        #expect(ReasonReader.saysWhy("This recommendation is rejected as it is not affordable."))
    }

    /// "A Response to: HM Inspectorate of Prisons: …", the inspectorate written in full before
    /// the title, is HMI Prisons' plan (not the Probation default), as is its short name.
    @Test func aResponseTitleLedByTheInspectorateNamesIt() throws {
        for lead in ["HM Inspectorate of Prisons", "HMI Prisons", "His Majesty’s Inspectorate of Prisons"] {
            let text = """
                ACTION PLAN: HMP X

                A Response to: \(lead): Report on an unannounced inspection of HMP X

                Rec. No\tRecommendation\tAccepted/ Partly Accepted/ Rejected\tResponse Action Taken/Planned\tFunction Responsible/ Policy Lead\tTarget Date
                1\tThe prison should do A.\tAccepted\t1.1 Do A.\tGovernor\tJune 2019
                """
            let result = try PlanImporter.interpret(WordTextReader.read(text))
            #expect(result.plan.info.inspectorate == "HM Inspectorate of Prisons", "\(lead)")
            #expect(!result.remarks.contains { $0.message.contains("names no inspectorate") }, "\(lead)")
        }
    }

    @Test func aStatusCellContinuedInTheRowBelowKeepsItsReason() throws {
        let text = """
            ACTION PLAN: HMP X

            Rec. No\tRecommendation\tAccepted/ Partly Accepted/ Rejected\tResponse Action Taken/Planned\tFunction Responsible/ Policy Lead\tTarget Date
            1\tThe prison should do A.\tPartly Accepted\t1.1 Do part of A.\tGovernor\tJune 2019
            \t\tThe prison cannot fund all of A.\t\t\t
            2\tThe prison should do B.\tAccepted\t2.1 Do B.\tGovernor\tJuly 2019
            """
        let plan = try PlanImporter.interpret(WordTextReader.read(text)).plan
        #expect(plan.recommendations[0].reason == Reason(categories: [.affordability], text: "The prison cannot fund all of A."))
        #expect(plan.recommendations[1].theme == nil)
    }
}
