import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// The three real plans of examples/sources (Word's table text of the published documents),
/// imported and compared with their hand transcriptions in examples/.
@Suite struct SeedImportTests {
    /// A difference the import is expected to have from the transcription, and why: each one is
    /// a judgement call of the transcriber that no general rule makes (the NOTES.md of the
    /// example lists them all).
    struct Expected {
        var difference: PlanDifference
        var because: String

        init(_ subject: String, _ field: String, imported: String, transcribed: String, because: String) {
            difference = PlanDifference(subject: subject, field: field, imported: imported, transcribed: transcribed)
            self.because = because
        }
    }

    static let expected: [String: [Expected]] = [
        "central-functions-2020": [
            Expected("3", "reason categories", imported: "none", transcribed: "operational",
                     because: "rec 3: the reason (\"lessons learned ... will enable HMPPS to take a view\") names none of the four categories; the transcriber judged it operational; the import records the reason's text with no category and leaves the category to lint and the remark"),
            Expected("3", "response", imported: "none", transcribed: "17 words",
                     because: "rec 3: the transcriber's response is \"At that point HMPPS will explore options ...\", a conditional intention with no owner that the import keeps in the action"),
            Expected("3.1", "text", imported: "155 words", transcribed: "84 words",
                     because: "rec 3: one row (split by a page break) with one paragraph; the transcriber split it where the topic changes (estates / HR People Plan) into 3.1 and 3.2"),
            Expected("3.1", "owners", imported: "[Chief Property Officer, MoJ; Director of Operations & Delivery, MoJ People Group]",
                     transcribed: "[Chief Property Officer, MoJ]",
                     because: "rec 3: the row's two owners, which the transcriber gave one to each half of the split text"),
            Expected("3.2", "action", imported: "missing", transcribed: "present",
                     because: "rec 3: the second half of the transcriber's topic split"),
            Expected("7", "reason categories", imported: "none", transcribed: "operational",
                     because: "rec 7: the reason (the Workload Measurement Tool is based on caseload) names none of the four categories; the transcriber judged it operational, the import assumes none"),
            Expected("17", "reason categories", imported: "none", transcribed: "operational",
                     because: "rec 17: the reason (\"not in HMPPS's gift to complete this action alone\") names no category; \"operational sites\" is in the action half of the sentence, so the import does not read it as the reason's"),
            Expected("15.1", "state", imported: "completed", transcribed: "in-progress",
                     because: "rec 15: \"Completed April 2020/202\" reads as completed; the transcriber judged from the text (forums implemented in some divisions, being set up in others) that the action is in progress"),
        ],
        "ipp-recall-2023": [
            Expected("2", "response", imported: "none", transcribed: "63 words",
                     because: "rec 2: the transcriber moved the first two paragraphs (context on the Parole Board's role) into the response; the cell has one owner and one target, so the import keeps one action"),
            Expected("2.1", "text", imported: "126 words", transcribed: "63 words",
                     because: "rec 2: the same judgement call: the import's action holds the context paragraphs too"),
            Expected("7.4", "owners", imported: "[Director - Public Protection Group]",
                     transcribed: "[Deputy Director - Rehabilitation and Care Services; RPD - Health Lead]",
                     because: "rec 7: the fourth bullet sits on page 2 beside \"Director - Public Protection Group\"; the transcriber gave it the Rehabilitation and Care Services owners of the list's lead-in (NOTES.md names the import's reading as the alternative)"),
        ],
        "recall-culture-2020": [
            Expected("7", "response", imported: "none", transcribed: "117 words",
                     because: "rec 7: the transcriber moved the first paragraph (what the HDC Policy Framework states) into the response as context"),
            Expected("7.1", "text", imported: "155 words", transcribed: "38 words",
                     because: "rec 7: the same judgement call: the import's action holds both paragraphs"),
        ],
    ]

    @Test(arguments: ImportSources.names)
    func importDiffersFromTheTranscriptionOnlyByItsJudgementCalls(name: String) throws {
        let imported = try ImportSources.imported(name).plan
        let transcribed = try #require(try ImportSources.transcribed(name))
        let found = PlanComparison.differences(imported: imported, transcribed: transcribed)
        let expected = try #require(Self.expected[name]).map(\.difference)
        let unexpected = found.filter { !expected.contains($0) }
        let gone = expected.filter { !found.contains($0) }
        #expect(unexpected.isEmpty, "differences not listed: \(unexpected.map(\.description))")
        #expect(gone.isEmpty, "listed differences that no longer occur: \(gone.map(\.description))")
        #expect(found.count == expected.count)
        // Everything else matches: the whole plan.yaml, every recommendation's counts.
        #expect(imported.info == transcribed.info)
        #expect(imported.recommendations.map(\.number) == transcribed.recommendations.map(\.number))
    }

    /// Every explanation is written, and the list names no difference twice.
    @Test func theListedDifferencesAreExplained() {
        for (_, list) in Self.expected {
            #expect(list.allSatisfy { $0.because.count > 30 })
            #expect(Set(list.map(\.difference)).count == list.count)
        }
    }

    /// The imported plan, written by plantool's canonical writer, is read back by plantool's own
    /// reader with no error, to the same plan.
    @Test(arguments: ImportSources.names)
    func importedPlanWritesAndLoadsWithoutErrors(name: String) throws {
        let plan = try ImportSources.imported(name).plan
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plantool-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let recommendations = folder.appendingPathComponent("recommendations")
        try FileManager.default.createDirectory(at: recommendations, withIntermediateDirectories: true)
        try CanonicalWriter.write(plan.info).write(to: folder.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        for rec in plan.recommendations {
            try CanonicalWriter.write(rec).write(to: recommendations.appendingPathComponent(Recommendation.fileName(for: rec.number)),
                                                 atomically: true, encoding: .utf8)
        }
        let loaded = PlanLoader.load(PlanDirectory.files(of: folder, displayRoot: name))
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        #expect(loaded.plan == plan)
        #expect(plan.recommendations.count == (name == "central-functions-2020" ? 24 : name == "ipp-recall-2023" ? 11 : 8))
    }

    /// No word of the plan table is lost: every word of its cells (but the template's and the
    /// few the format writes differently: dates, states, "Update", "should") is in the plan.
    @Test(arguments: ImportSources.names)
    func everyWordOfThePlanTableIsKept(name: String) throws {
        let document = try WordTextReader.read(try ImportSources.text(name))
        let plan = try PlanImporter.interpret(document).plan
        var planWords = Set<String>()
        for rec in plan.recommendations { planWords.formUnion(Self.words(CanonicalWriter.write(rec))) }
        planWords.formUnion(Self.words(CanonicalWriter.write(plan.info)))
        var tableWords = Set<String>()
        var inPlanTable = false
        for block in document.blocks {
            guard case .table(let table) = block else { continue }
            for row in table.rows {
                if DocumentLayout.isHeader(row) {
                    inPlanTable = true
                    continue
                }
                if inPlanTable { tableWords.formUnion(row.cells.flatMap { $0.paragraphs.flatMap(Self.words) }) }
            }
        }
        let written = Set(DateWords.monthNames.map { $0.lowercased() } + ActionState.allCases.flatMap { Self.words($0.words) })
            .union(["update", "should", "complete", "agreed", "partly", "not", "recommendations", "total"])
        let lost = tableWords.subtracting(planWords).subtracting(written)
        #expect(lost.isEmpty, "words of the source not in the plan: \(lost.sorted())")
        #expect(tableWords.count > 300)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 2 }
    }

    // MARK: Remarks

    static func remarks(_ name: String) throws -> [ImportRemark] {
        try ImportSources.imported(name).remarks
    }

    /// The owner cells read as several owners are remarked at their own lines.
    @Test func splitOwnersAreRemarkedAtTheirLines() throws {
        let recall = try Self.remarks("recall-culture-2020")
        let split = try #require(recall.first { $0.subject == "3" && $0.message.contains("read as 2 owners") })
        #expect(split.place.line == 37)
        #expect(split.kind == .guess)
        #expect(split.message.contains("\"Deputy Director, Public Protection Group\", \"Probation Deputy Director, Courts\""))
        let eight = try #require(recall.first { $0.subject == "8.1" && $0.message.contains("owners") })
        #expect(eight.place.line == 54)

        let central = try Self.remarks("central-functions-2020")
        let first = try #require(central.first { $0.subject == "1.1" && $0.message.contains("read as 3 owners") })
        #expect(first.place.line == 27)
        #expect(central.contains { $0.subject == "20.1" && $0.place.line == 97 && $0.message.contains("read as 2 owners") })
        // The owner cell of 14.1 running on into the next row.
        #expect(central.contains { $0.subject == "14" && $0.place.line == 72 && $0.message.contains("runs on into this row") })
    }

    /// Dates written in words other than plantool's ("7th December 2020", "Update December
    /// 2021" is already plantool's) are remarked where they are.
    @Test func normalisedDatesAreRemarkedAtTheirLines() throws {
        let recall = try Self.remarks("recall-culture-2020")
        #expect(recall.contains { $0.place.line == 8 && $0.message.contains("7th December 2020") && $0.message.contains("2020-12-07") })
        #expect(recall.contains { $0.place.line == 12 && $0.message.contains("10th November 2020") && $0.message.contains("2020-11-10") })
        #expect(recall.contains { $0.place.line == 14 && $0.message.contains("7th December 2021") })
        let ipp = try Self.remarks("ipp-recall-2023")
        #expect(ipp.contains { $0.place.line == 8 && $0.message.contains("3rd January 2024") && $0.message.contains("2024-01-03") })
    }

    /// Every remark of the seeds', the unseen plans' and the HMI Prisons plans' imports names the
    /// alternative a person would choose instead, whatever part of the import made it (cells,
    /// title block, rows, reasons), so that `--remarks` can be reviewed.
    @Test func everyRemarkNamesItsAlternative() throws {
        var results: [(String, ImportResult)] = try ImportSources.names.map { ($0, try ImportSources.imported($0)) }
        results += try UnseenPlanTests.names.map { ($0, try UnseenPlanTests.imported($0, "txt")) }
        results += try ["northmoor-2019", "eastgate-2023", "westbrook-2017"].map { ($0, try PrisonsLayoutTests.imported($0)) }
        for (name, result) in results {
            #expect(!result.remarks.isEmpty, "\(name)")
            for remark in result.remarks where remark.alternative == nil {
                Issue.record("\(name) \(remark.place): \(remark.message) has no alternative")
            }
        }
    }

    /// The other guesses of a real import: the misprinted number, the target wording kept as a
    /// note, the inspectorate and organisation read from other words, the row artefacts left out.
    @Test func otherGuessesAreRemarked() throws {
        let central = try Self.remarks("central-functions-2020")
        #expect(central.contains { $0.place.line == 75 && $0.subject == "15" && $0.message.contains("numbered 5 after recommendation 14") })
        #expect(central.contains { $0.place.line == 27 && $0.kind == .kept && $0.message.contains("Completed and ongoing") })
        #expect(central.contains { $0.place.line == 61 && $0.message.contains("page-break artefact") })
        #expect(central.contains { $0.kind == .missing && $0.message.contains("no organisation") })
        #expect(central.contains { $0.place.line == 5 && $0.message.contains("HMI Probation") })
        #expect(central.contains { $0.place.line == 66 && $0.subject == "13.1" && $0.message.contains("by December 2021") })
        // Row 32 continues row 30 after a page break: the recommendation, the response and the owner.
        let pageBreak = central.filter { $0.place.line == 32 && $0.subject == "2" }.map(\.message)
        #expect(pageBreak.contains { $0.contains("recommendation's text continues") })
        #expect(pageBreak.contains { $0.contains("response text continues") })
        #expect(pageBreak.contains { $0.contains("\"Deputy Director,\" continues in this row (\"Business Strategy and Change\")") })
        let recall = try Self.remarks("recall-culture-2020")
        #expect(recall.contains { $0.place.line == 5 && $0.message.contains("\"HM Prison &\" / \"Probation Service\"") })
        // Remarks of a text come in the order of its lines.
        #expect(central.map(\.place.line) == central.map(\.place.line).sorted())
    }
}
