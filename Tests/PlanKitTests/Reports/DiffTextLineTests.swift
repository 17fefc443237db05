import TestSupport
import Testing
@testable import PlanKit

/// The text form's one-line values: `plain` and `excerpt` answer, for any text, what their
/// first, simpler forms answered (kept here as the reference), while looking at less of it.
@Suite struct DiffTextLineTests {
    /// The first `plain`: every Character looked at, line breaks, tabs and separators spaces.
    static func referencePlain(_ text: String) -> String {
        var flat = ""
        for c in text { flat.append(["\n", "\r\n", "\t", "\u{2028}", "\u{2029}"].contains(c) ? " " : c) }
        return UnsafeCharacters.neutralised(flat, keepingLineBreaks: false)
    }

    /// The first `excerpt`: the whole text split into words.
    static func referenceExcerpt(_ text: String, words: Int) -> String {
        let all = text.split(whereSeparator: { $0.isWhitespace })
        return all.prefix(words).joined(separator: " ") + (all.count > words ? " …" : "")
    }

    /// Pieces chosen for the edges: line ends alone and paired, separators, a combining mark
    /// after a space or a line feed, non-breaking and other spaces, controls, 0xE2-led
    /// characters that are not separators, astral scalars.
    static let pieces = ["word", "Agreed", " ", "  ", "\n", "\r", "\r\n", "\n\r", "\t", "\u{2028}", "\u{2029}",
                         "\u{301}", "e\u{301}", "\u{A0}", "\u{3000}", "\u{85}", "\u{1B}[31m", "\u{7F}", "\u{200B}", "\u{0B}", "\u{0C}", "a b", "x",
                         "…", "–", "’", "\u{202E}", "😀", "🇬🇧", "3.1", "(See 12.1 above.)", "\u{0}"]

    @Test(arguments: 0..<8) func plainAndExcerptAnswerAsTheReference(seed: UInt64) {
        var random = SplitMix64(state: seed)
        for _ in 0..<400 {
            let count = Int.random(in: 0...60, using: &random)
            // Half the texts are ASCII alone, which `excerpt` reads from the bytes.
            let pool = Bool.random(using: &random) ? Self.pieces : Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
            let text = (0..<count).map { _ in pool.randomElement(using: &random)! }.joined()
            #expect(DiffRenderer.plain(text) == Self.referencePlain(text), "plain of \(text.unicodeScalars.map { $0.value })")
            for words in [0, 1, 3, 24] {
                #expect(DiffRenderer.excerpt(text, words: words) == Self.referenceExcerpt(text, words: words),
                        "excerpt \(words) of \(text.unicodeScalars.map { $0.value })")
            }
        }
    }

    @Test func examples() {
        #expect(DiffRenderer.plain("one\r\ntwo\nthree\tfour\u{2028}five") == "one two three four five")
        #expect(DiffRenderer.plain("a\rb") == "a\u{240D}b")
        #expect(DiffRenderer.excerpt("  one two\nthree  ", words: 2) == "one two …")
        #expect(DiffRenderer.excerpt("one two", words: 2) == "one two")
    }
}
