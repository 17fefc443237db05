import Foundation
import TestSupport
import Testing
@testable import PlanImport
@testable import PlanKit

/// Documents made of random pieces of plans: the importer either refuses one with an error or
/// gives a plan plantool writes and reads back without an error. It never crashes.
@Suite struct ImportFuzzTests {
    static let pieces = [
        "", "", "", "1", "2", "3", "12", "5.", "1.1 Do it.", "Agreed", "Partly agreed", "Not Agreed", "Partly agreed (costs)",
        "HM Prison and Probation Service should:", "Staff HMPPS should:", "Leadership", "Update December 2021",
        "Update December 2021 Progress was made.", "March 2024", "Completed", "Ongoing", "Completed and ongoing",
        "March 2021 November 2021", "Completed Completed", "by December 2021", "TBC", "Q5 2024", "May 19",
        "Deputy Director, Public Protection Group", "Head of A / Head of B", "Deputy Director,", "and Head of C",
        "This recommendation is partly agreed as it costs too much. We will try.", "lower case continuation",
        "A sentence that stops", "<p>One.</p> <p>Two.</p>", "<ul> • a • b</ul>", "- item", "To do:", "&amp;",
        "Reason (policy): text", "Part agreed: the review", "Recommendations", "Total", "0", "--",
    ] + OfficialDocument.columns

    static func document(seed: UInt64) -> TableDocument {
        var random = SplitMix64(state: seed)
        var blocks: [TableDocument.Block] = []
        var line = 1
        func text() -> String { pieces.randomElement(using: &random) ?? "" }
        if Bool.random(using: &random) {
            blocks.append(.paragraph("A Response to the HM Inspectorate of Probation report: X", at: .init(line: line)))
            line += 1
        }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            if Int.random(in: 0..<3, using: &random) == 0 {
                blocks.append(.paragraph(text(), at: .init(line: line)))
                line += 1
                continue
            }
            var rows: [TableDocument.Row] = []
            if Int.random(in: 0..<4, using: &random) > 0 {
                rows.append(.init(cells: OfficialDocument.columns.map { .init(paragraphs: [$0]) }, place: .init(line: line)))
                line += 1
            }
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let count = Int.random(in: 0...8, using: &random)
                let cells = (0..<count).map { _ in
                    TableDocument.Cell(paragraphs: (0..<Int.random(in: 0...3, using: &random)).map { _ in text() },
                                       continuesAbove: Int.random(in: 0..<8, using: &random) == 0,
                                       span: Int.random(in: 0..<10, using: &random) == 0 ? Int.random(in: 0...7, using: &random) : 1)
                }
                rows.append(.init(cells: cells, place: .init(line: line)))
                line += 1
            }
            blocks.append(.table(.init(rows: rows)))
        }
        return TableDocument(blocks: blocks)
    }

    @Test func randomDocumentsAreReadOrRefusedButNeverCrash() throws {
        var imported = 0
        for seed in UInt64(1)...UInt64(600) {
            let result: ImportResult
            do {
                result = try PlanImporter.interpret(Self.document(seed: seed))
            } catch {
                #expect(!error.message.isEmpty, "seed \(seed)")
                continue
            }
            imported += 1
            var files: [PlanFiles.File] = []
            for rec in result.plan.recommendations {
                files.append(PlanFiles.File(path: "recommendations/" + Recommendation.fileName(for: rec.number),
                                            contents: .success(Array(CanonicalWriter.write(rec).utf8))))
            }
            let planFile = PlanFiles.File(path: "plan.yaml", contents: .success(Array(CanonicalWriter.write(result.plan.info).utf8)))
            let loaded = PlanLoader.load(PlanFiles(displayRoot: "fuzz", planFile: planFile, recommendationFiles: files))
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "seed \(seed): \(errors.map(\.description))")
            #expect(loaded.plan == result.plan, "seed \(seed)")
        }
        #expect(imported > 100)
    }

    /// Random text of the characters Word's text and its HTML fragments are made of.
    @Test func randomTextIsReadOrRefusedButNeverCrashes() throws {
        let alphabet = Array("ab A.1:;<>/&#x2013\t\t\n\n\r •-()p ul li br i amp lt Update December 2021 should")
        for seed in UInt64(1)...UInt64(400) {
            var random = SplitMix64(state: seed)
            let text = String((0..<Int.random(in: 0...400, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" })
            do {
                let document = try WordTextReader.read(text)
                _ = try? PlanImporter.interpret(document)
            } catch {
                #expect(error.place != nil, "seed \(seed)")
            }
        }
    }
}
