import PropertyBased
import Testing
@testable import PlanImport
@testable import PlanKit

/// The importer's text joins, rewritten to stay linear over thousands of rows, give what the
/// plain definitions give (kept here as the reference).
@Suite struct RunningTextPropertyTests {
    static let pieces = ["high-", "level", "pre-", "and", "post-", "Word", "word", " ", "  ", "\u{a0}", "-", "end.", "x-", "to", ""]

    static let texts = Generator<[String], Shrink.None<[String]>>(run: { rng in
        (0..<2).map { _ in
            (0..<Int(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
                .joined(separator: rng.next() % 3 == 0 ? "" : " ")
        }
    })

    static func referenceJoin(_ first: String, _ second: String) -> String {
        let a = first.trimmingSpaces
        let b = second.trimmingSpaces
        if a.hasSuffix("-"), a.dropLast().last?.isLetter == true, RunningText.startsLowercase(b) { return a + b }
        return a + " " + b
    }

    static func referenceHyphens(_ text: String) -> (String, [String]) {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var joined: [String] = []
        var i = 0
        while i + 1 < words.count {
            let w = words[i]
            let next = words[i + 1]
            if w.count >= 3, w.hasSuffix("-"), w.dropLast().last?.isLetter == true, w.dropLast().first?.isLetter == true,
               let n = next.first, n.isLowercase, !["and", "or", "to", "nor"].contains(next.lowercased()) {
                words[i] = w + next
                words.remove(at: i + 1)
                joined.append(words[i])
            } else {
                i += 1
            }
        }
        return (words.joined(separator: " "), joined)
    }

    @Test func joinsAsDefined() async {
        await propertyCheck(count: 500, input: Self.texts) { t in
            #expect(RunningText.join(t[0], t[1]) == Self.referenceJoin(t[0], t[1]))
            var inPlace = t[0]
            RunningText.join(&inPlace, t[1])
            #expect(inPlace == Self.referenceJoin(t[0], t[1]))
            #expect(RunningText.isUnfinished(t[0]) == RunningText.isUnfinished(t[0].trimmingSpaces))
            let (text, joined) = RunningText.joinWrappedHyphens(t[0] + " " + t[1])
            let reference = Self.referenceHyphens(t[0] + " " + t[1])
            #expect(text == reference.0 && joined == reference.1)
        }
    }
}
