import Testing
@testable import PlanKit

/// The word-level diff shown for reworded texts, and the similarity that recognises a renumbered
/// recommendation.
@Suite("WordDiff")
struct WordDiffTests {
    static func same(_ text: String) -> WordSegment { WordSegment(kind: .same, text: text) }
    static func removed(_ text: String) -> WordSegment { WordSegment(kind: .removed, text: text) }
    static func added(_ text: String) -> WordSegment { WordSegment(kind: .added, text: text) }

    /// The old text is the same and removed segments; the new one the same and added segments.
    static func sides(_ segments: [WordSegment]) -> (old: String, new: String) {
        (segments.filter { $0.kind != .added }.map(\.text).joined(separator: " "),
         segments.filter { $0.kind != .removed }.map(\.text).joined(separator: " "))
    }

    @Test("identical texts: one unchanged segment; empty texts: none")
    func identical() {
        #expect(WordDiff.diff("Publish the guidance", "Publish the guidance") == [Self.same("Publish the guidance")])
        #expect(WordDiff.diff("", "") == [])
        #expect(WordDiff.diff("  ", "\n") == [])
    }

    @Test("whitespace is normalised: line breaks and runs of spaces are not changes")
    func whitespace() {
        #expect(WordDiff.diff("Publish  the\nguidance ", " Publish the guidance") == [Self.same("Publish the guidance")])
    }

    @Test("an insertion")
    func insertion() {
        #expect(WordDiff.diff("Publish the guidance by July", "Publish the revised guidance by July")
            == [Self.same("Publish the"), Self.added("revised"), Self.same("guidance by July")])
        #expect(WordDiff.diff("guidance", "guidance for all regions") == [Self.same("guidance"), Self.added("for all regions")])
        #expect(WordDiff.diff("all regions", "Publish guidance for all regions") == [Self.added("Publish guidance for"), Self.same("all regions")])
        #expect(WordDiff.diff("", "Publish guidance") == [Self.added("Publish guidance")])
    }

    @Test("a deletion")
    func deletion() {
        #expect(WordDiff.diff("Publish the revised national guidance by July", "Publish the guidance by July")
            == [Self.same("Publish the"), Self.removed("revised national"), Self.same("guidance by July")])
        #expect(WordDiff.diff("Publish guidance", "") == [Self.removed("Publish guidance")])
    }

    /// As `git diff --word-diff` shows a replacement: `[-July-]{+March+}`, the old words first.
    @Test("a replacement: the removed words, then the added ones")
    func replacement() {
        #expect(WordDiff.diff("Publish the guidance by July 2021", "Publish the guidance by March 2022")
            == [Self.same("Publish the guidance by"), Self.removed("July 2021"), Self.added("March 2022")])
        #expect(WordDiff.diff("the 10-day timescale", "the 15-day timescale")
            == [Self.same("the"), Self.removed("10-day"), Self.added("15-day"), Self.same("timescale")])
        #expect(WordDiff.diff("alpha beta", "gamma delta") == [Self.removed("alpha beta"), Self.added("gamma delta")])
    }

    @Test("inline form: [-removed-]{+added+}")
    func inline() {
        let segments = [Self.same("by"), Self.removed("July"), Self.added("March")]
        #expect(WordDiff.inline(segments) == "by [-July-] {+March+}")
        let long = (1...20).map { "w\($0)" }.joined(separator: " ")
        #expect(WordDiff.inline([Self.same(long), Self.added("new")]) == "… w15 w16 w17 w18 w19 w20 {+new+}")
        #expect(WordDiff.inline([Self.added("new"), Self.same(long)]) == "{+new+} w1 w2 w3 w4 w5 w6 …")
    }

    @Test("several edits in one text", arguments: [
        ("The PPG will issue quarterly recall data and analyse it by region",
         "The PPG routinely issues quarterly recall data and analyses it by gender and ethnicity"),
        ("a b c d e f g", "a x c d y f g z"),
        ("one two three", "three two one"),
        ("repeat repeat repeat", "repeat once repeat"),
    ])
    func reconstructs(old: String, new: String) {
        let segments = WordDiff.diff(old, new)
        let (a, b) = Self.sides(segments)
        #expect(a == old)
        #expect(b == new)
        // Neighbouring segments never have the same kind, and none is empty.
        for (x, y) in zip(segments, segments.dropFirst()) { #expect(x.kind != y.kind, "\(segments)") }
        let noneEmpty = segments.allSatisfy { !$0.text.isEmpty }
        #expect(noneEmpty)
    }

    @Test("the common words are kept as unchanged (a longest common subsequence)")
    func longestCommon() {
        let segments = WordDiff.diff("a b c d e f g", "a x c d y f g z")
        let kept = segments.filter { $0.kind == .same }.map(\.text).joined(separator: " ")
        #expect(kept == "a c d f g")
    }

    @Test("similarity: 1 for the same words, 0 for none in common, in between otherwise")
    func similarity() {
        #expect(WordDiff.similarity("Review executive release", "Review executive release") == 1)
        #expect(WordDiff.similarity("Review executive release", "review, EXECUTIVE release.") == 1)
        #expect(WordDiff.similarity("", "") == 1)
        #expect(WordDiff.similarity("Review executive release", "") == 0)
        #expect(WordDiff.similarity("alpha beta", "gamma delta") == 0)
        // {review, executive, release} and {review, executive, recall}: 2 of 4.
        #expect(WordDiff.similarity("Review executive release", "Review executive recall") == 0.5)
        let a = "Analyse information on recalls to identify variations in practice"
        let b = "Analyse information on recalls to identify significant variations in practice"
        let s = WordDiff.similarity(a, b)
        #expect(s > 0 && s < 1)
        #expect(s == WordDiff.similarity(b, a))
    }

    @Test("similarity stays within 0 and 1", arguments: [
        ("", "x"), ("x", "x x x"), ("a b c", "c b a"), ("the the the", "the"), ("Part B 10-day", "part b 15-day"),
    ])
    func similarityBounds(a: String, b: String) {
        let s = WordDiff.similarity(a, b)
        #expect(s >= 0 && s <= 1)
        #expect(s == WordDiff.similarity(b, a))
    }

    @Test("very long texts with nothing in common are replaced whole (no quadratic table)")
    func long() {
        let old = (1...2_500).map { "old\($0)" }.joined(separator: " ")
        let new = (1...2_500).map { "new\($0)" }.joined(separator: " ")
        let segments = WordDiff.diff("same " + old + " end", "same " + new + " end")
        #expect(segments.map(\.kind) == [.same, .removed, .added, .same])
    }
}
