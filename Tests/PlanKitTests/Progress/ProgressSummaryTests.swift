import TestSupport
import Testing
@testable import PlanKit

/// The overdue and due lines' summary of an action's text: the ASCII shortcut gives what the
/// character-by-character reading gives.
@Suite("ProgressReport.summary")
struct ProgressSummaryTests {
    @Test("first sentence, cut at 100 characters")
    func examples() {
        #expect(ProgressReport.summary("Publish guidance.  Then review it.") == "Publish guidance.")
        #expect(ProgressReport.summary("  Line one\n\nline two ") == "Line one line two")
        #expect(ProgressReport.summary(String(repeating: "a", count: 100)) == String(repeating: "a", count: 100))
        #expect(ProgressReport.summary(String(repeating: "a", count: 101)) == String(repeating: "a", count: 99) + "…")
        #expect(ProgressReport.summary("") == "")
    }

    @Test("the ASCII shortcut agrees with the reading by characters; other texts take the latter")
    func asciiAgrees() {
        var rng = SplitMix64(state: 23)
        let pieces = ["a", "word", ".", ". ", " ", "\n", "  ", "e.g.", "x" + String(repeating: "y", count: 40)]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            #expect(ProgressReport.asciiSummary(text) == ProgressReport.summaryByCharacters(text), "\(text.debugDescription)")
        }
        #expect(ProgressReport.asciiSummary("Line\r\nbreak") == nil)
        #expect(ProgressReport.asciiSummary("Café. Then") == nil)
        #expect(ProgressReport.summary("Café ouvert.  Then") == "Café ouvert.")
    }
}
