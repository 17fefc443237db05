import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// Inputs the importer cannot use give an error with a place; inputs it can use with a guess
/// give a remark with a place. Nothing crashes.
@Suite struct ImportInputTests {
    typealias Place = TableDocument.Place

    static let header = OfficialDocument.columns.joined(separator: "\t")

    static func importText(_ text: String) throws -> ImportResult {
        try PlanImporter.interpret(WordTextReader.read(text))
    }

    static func error(_ text: String) throws -> ImportError {
        try #require(throws: ImportError.self) { try importText(text) }
    }

    /// A small plan in the template's layout, one row per line of `rows`.
    static func plan(_ rows: [String]) -> String {
        (["ACTION PLAN: A plan", "", header, "\tHM Prison and Probation Service should:\t\t\t\t"] + rows).joined(separator: "\n")
    }

    @Test func emptyTextHasNoPlan() throws {
        let error = try Self.error("")
        #expect(error.place == Place(line: 1, column: 1))
        #expect(error.message.contains("empty"))
        let empty = try #require(throws: ImportError.self) { try PlanImporter.interpret(TableDocument(blocks: [])) }
        #expect(empty.place != nil)
    }

    @Test func textWithoutATableHasNoPlanTable() throws {
        let error = try Self.error("Action Plan Submitted: 7 December 2020\n\nINTRODUCTION\nSome words.\n")
        #expect(error.message.contains("no plan table"))
        #expect(error.message.contains("no table"))
        #expect(error.place?.line == 4)
    }

    @Test func aTableThatIsNotAPlanTableIsNamed() throws {
        let error = try Self.error("Intro\n\nTerm\tDefinition\tAdditional comment\nAgreed\tAll of it\tSMART\n\nName\tAge\nAnn\t40\n")
        #expect(error.message.contains("no plan table"))
        #expect(error.message.contains("1. Rec No"))
        #expect(error.place == Place(line: 3, column: 1))
    }

    @Test func aPlanTableWithoutSixColumnsIsRefused() throws {
        let five = OfficialDocument.columns.prefix(5).joined(separator: "\t")
        let error = try Self.error("Words\n\(five)\n1\tDo it\tAgreed\tDone\tHead\n")
        #expect(error.place == Place(line: 2, column: 1))
        #expect(error.message.contains("5 columns"))
    }

    @Test func aPlanTableWithNoRecommendationIsRefused() throws {
        let error = try Self.error(Self.plan(["\tLeadership\t\t\t\t"]))
        #expect(error.place == Place(line: 3, column: 1))
        #expect(error.message.contains("no recommendation"))
    }

    @Test func binaryJunkIsRefused() throws {
        var bytes: [UInt8] = Array("1\tDo it\tAgreed\n".utf8)
        bytes += [0x00, 0x01, 0x02, 0x89, 0x50, 0x4E, 0x47]
        let error = try #require(throws: ImportError.self) { try WordTextReader.read(bytes) }
        #expect(error.message.contains("UTF-8"))
        let text = String(decoding: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41] as [UInt8], as: UTF8.self)
        let junk = try Self.error(text)
        #expect(junk.place == Place(line: 1, column: 3))
        #expect(junk.message.contains("control character"))
    }

    /// Words in cells past the sixth column are kept in the target column, with a remark.
    @Test func aRowWithMoreCellsThanColumnsKeepsItsWords() throws {
        let result = try Self.importText(Self.plan(["1\tDo it\tAgreed\tWe will do it.\tHead of Unit\tMarch 2024\tstray words\textra"]))
        let action = try #require(result.plan.recommendations.first?.actions.first)
        #expect(action.text == "We will do it.")
        #expect(action.owners == ["Head of Unit"])
        #expect(action.note == "March 2024 stray words extra")
        #expect(action.target == nil)
        let remark = try #require(result.remarks.first { $0.message.contains("more than the table's six columns") })
        #expect(remark.place == Place(line: 5, column: 1))
        #expect(remark.kind == .kept)
    }

    /// A target that is not a date is kept as the note, its state guessed from its words.
    @Test func anUnparseableDateIsKeptAsTheNote() throws {
        let result = try Self.importText(Self.plan([
            "1\tDo it\tAgreed\tWe will do it.\tHead of Unit\tJune 19 TBC",
            "2\tDo more\tAgreed\tMore.\tHead of Unit\tSummer-ish, complete",
            "3\tDo this\tAgreed\tThis.\tHead of Unit\tMay 19",
        ]))
        let actions = result.plan.recommendations.map { $0.actions[0] }
        #expect(actions[0].note == "June 19 TBC")
        #expect(actions[0].target == nil)
        #expect(actions[0].state == .planned)
        #expect(actions[1].state == .completed)
        #expect(actions[2].target == .month(year: 2019, month: 5))
        #expect(actions[2].note == nil)
        #expect(result.remarks.contains { $0.place.line == 5 && $0.subject == "1.1" && $0.kind == .kept && $0.message.contains("June 19 TBC") })
        #expect(result.remarks.contains { $0.place.line == 7 && $0.subject == "3.1" && $0.message.contains("\"May 19\" read as 2019-05") })
    }

    /// Missing parts are filled in and remarked: no organisation, no status, no addressee.
    @Test func missingFieldsAreFilledInAndRemarked() throws {
        let text = (["ACTION PLAN: A plan", Self.header, "1\tDo it\t\tWe will.\tHead of Unit\tMarch 2024"]).joined(separator: "\n")
        let result = try Self.importText(text)
        let rec = try #require(result.plan.recommendations.first)
        #expect(rec.status == .agreed)
        #expect(rec.addressee == "HM Prison and Probation Service")
        #expect(result.plan.info.inspectorate == "HM Inspectorate of Probation")
        #expect(result.plan.info.report.title == "A plan")
        let missing = result.remarks.filter { $0.kind == .missing }
        #expect(missing.contains { $0.message.contains("no organisation") })
        #expect(missing.contains { $0.message.contains("no inspectorate") })
        #expect(missing.contains { $0.subject == "1" && $0.message.contains("status") && $0.place.line == 3 })
        #expect(missing.contains { $0.subject == "1" && $0.message.contains("should:") })
    }

    /// Odd documents read without a crash, and every word of them stays somewhere in the plan.
    @Test(arguments: [
        "\(ImportInputTests.header)\n1\t\n",
        "\(ImportInputTests.header)\n1\t\t\t\t\t\n\t\t\tOrphan text\n",
        "\(ImportInputTests.header)\n\t\t\tBefore any number\tHead\tMay 2024\n2\tText\tPartly agreed (costs)\tx\t\t\n",
        "\(ImportInputTests.header)\n7\tA\tNot agreed\tUpdate December 2021 Nothing above it.\t\t\n",
        "\(ImportInputTests.header)\n1\tA\tAgreed\t\tOwner only\t\n1\tB\tAgreed\tSame number twice.\t\t\n",
        "\(ImportInputTests.header)\n1\tA\tAgreed\t<ul><li>Only</li></ul>\t\tCompleted Completed\n\t\t\tUpdate 7 June 2022\t\tJanuary 2023 March 2023\n",
        "\(ImportInputTests.header)\n1\tA\tAgreed\t<p>One</p> <p>Two</p>\t<p>Head of A</p> <p>Head of B</p>\t<p>May 2024</p>\n\t\t\tUpdate May 2024 Done.\tHead of A\tCompleted Planned Dropped\n",
        "\(ImportInputTests.header)\n1\tA\tAgreed\tText <<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\tHead\t2024-Q1\n",
        "\(ImportInputTests.header)\n12\tA\tAgreed\tText\tHead\tQ5 2024\n1000001\tB\tAgreed\tMore\t\t\n",
    ])
    func oddDocumentsReadWithoutACrash(text: String) throws {
        let result = try Self.importText(text)
        #expect(!result.plan.recommendations.isEmpty)
        for rec in result.plan.recommendations {
            #expect(!rec.text.trimmingSpaces.isEmpty)
            #expect(!rec.addressee.isEmpty)
            #expect(Set(rec.actions.map(\.id)).count == rec.actions.count)
            for action in rec.actions {
                #expect(!action.text.isEmpty)
                #expect(action.updates.allSatisfy { !$0.text.isEmpty })
            }
        }
        // Written and read back by plantool without an error.
        var files: [PlanFiles.File] = []
        for rec in result.plan.recommendations {
            files.append(PlanFiles.File(path: "recommendations/" + Recommendation.fileName(for: rec.number),
                                        contents: .success(Array(CanonicalWriter.write(rec).utf8))))
        }
        let loaded = PlanLoader.load(PlanFiles(displayRoot: "odd", planFile: PlanFiles.File(path: "plan.yaml", contents: .success(Array(CanonicalWriter.write(result.plan.info).utf8))),
                                               recommendationFiles: files))
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics.map(\.description))")
        #expect(loaded.plan == result.plan)
    }
}
