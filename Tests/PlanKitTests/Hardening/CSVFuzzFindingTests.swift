import Foundation
import Testing
import PlanImport
import PlanKit

/// Found by the CSV fuzz target (`scripts/fuzz`, `FuzzCSV`, after 56 executions): a cell holding
/// a NUL (any control or bidirectional character no plan text may hold) was read into a
/// recommendation whose file does not read back (`control-character`). `plantool import`
/// still wrote nothing, but named a line of a file it had not written instead of the CSV's cell.
@Suite struct CSVFuzzFindingTests {
    static let header = "number,addressee,theme,recommendation,status,reason_categories,reason,implemented_part,"
        + "response,action_id,action,owners,target,target_words,state,current_target,current_state,note\n"

    static func table(action: String) -> String {
        header + "1,The CRC,,Manage workloads.,agreed,,,,,1.1,\"\(action)\",Head of Operations,2030-05,May 2030,planned,2030-05,planned,\n"
    }

    @Test func aControlCharacterInACellIsRefusedAtTheCell() {
        for character in ["\u{0}", "\u{7}", "\u{1B}", "\u{202E}"] {
            do {
                let read = try CSVPlanReader.readRecommendations(Self.table(action: "Review the project\(character) by May."))
                Issue.record("read \(read.count) recommendation(s) holding U+\(String(character.unicodeScalars.first!.value, radix: 16))")
            } catch let error as ImportError {
                #expect(error.place?.line == 2, "\(error)")
                #expect(error.message.contains("which no plan text may hold"), "\(error)")
            } catch {
                Issue.record("not an ImportError: \(error)")
            }
        }
    }

    /// The fuzzer's input (an exported CSV with NULs inserted into an action's cell on line 2).
    @Test func theFuzzedTableIsRefusedAtTheCell() throws {
        let url = FuzzRegressionTests.fixtures.appendingPathComponent("csv-nul-in-cell.csv")
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect {
            try CSVPlanReader.readRecommendations(text)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.place?.line == 2 && error.message.contains("U+0000")
        }
    }

    /// The same table without the character reads, and reads back: the refusal is the character's.
    @Test func theSameCellWithoutItReads() throws {
        let read = try CSVPlanReader.readRecommendations(Self.table(action: "Review the project by May."))
        #expect(read.count == 1)
        for rec in read {
            let again = PlanFormat.parseRecommendation(Array(CanonicalWriter.write(rec).utf8), path: "recommendations/01.yaml")
            #expect(!again.diagnostics.contains { $0.severity == .error })
        }
    }
}
