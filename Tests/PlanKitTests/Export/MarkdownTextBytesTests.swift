import TestSupport
import Testing
@testable import PlanKit

/// `MarkdownText.inline` reads text of ASCII and scalars that stand alone from its bytes: for any
/// text it answers what the character-by-character reading answers.
@Suite struct MarkdownTextBytesTests {
    static let pieces = ["word", " ", "@team", "@", "a@b.org", "#12", "#", "&amp;", "&#169;", "&#x1F;", "&", "&;", ";", "\\", "`", "*",
                         "_", "[", "]", "<", ">", "|", "~", "$", "\n", "\r", "\r\n", "\t", "1.", "-", "9", "x", "\u{1B}", "\u{7F}",
                         "é", "\u{2028}", "\u{2060}", "’", "\u{202E}", "😀", "\u{301}", "*\u{301}", "@\u{301}x", "#\u{301}1", "&\u{301}amp;", "\r\u{301}", "Ⅻ", "٣", "\u{2029}", "→", "—", "–", "“", "”", "£", "…", "ß", "Ω", "\u{AD}", "\u{85}", "é@x", "ü9"]

    /// The first `inline`, kept as the reference: every character tested against every rule.
    static func referenceInline(_ text: String) -> String {
        var flat = ""
        for c in text { flat.append(["\n", "\r", "\r\n", "\t", "\u{2028}", "\u{2029}"].contains(c) ? " " : c) }
        let characters = Array(UnsafeCharacters.neutralised(flat, keepingLineBreaks: false))
        var out = ""
        for (index, c) in characters.enumerated() {
            // Markdown reads scalars: a markup character is escaped with or without a mark on it.
            if MarkdownText.significant.contains(c) || MarkdownText.significant.contains(Character(c.unicodeScalars.first!)) {
                out.append("\\")
                out.append(c)
            } else if c == "&", MarkdownText.startsEntity(characters, at: index) {
                out.append("\\&")
            } else {
                out.append(c)
                guard index + 1 < characters.count else { continue }
                let next = characters[index + 1]
                let startsWord = index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
                if (c == "@" && startsWord && (next.isLetter || next.isNumber))
                    || (c == "#" && next.isASCII && next.isNumber && (index == 0 || characters[index - 1] != "&")) {
                    out.append(MarkdownText.wordJoiner)
                }
            }
        }
        return out
    }

    @Test(arguments: 0..<6) func bytesAndCharactersAnswerAsTheReference(seed: UInt64) {
        var random = SplitMix64(state: seed)
        let ascii = Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        for _ in 0..<500 {
            let pool = Bool.random(using: &random) ? Self.pieces : ascii
            let text = (0..<Int.random(in: 0...20, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
            let expected = Self.referenceInline(text)
            #expect(MarkdownText.inline(text) == expected, "\(text.unicodeScalars.map(\.value))")
            #expect(MarkdownText.characterInline(text) == expected, "\(text.unicodeScalars.map(\.value))")
            if let byBytes = MarkdownText.byteInline(text) {
                #expect(byBytes == expected, "\(text.unicodeScalars.map(\.value))")
            }
        }
    }

    @Test func aMarkupCharacterWithAMarkOnItIsEscaped() {
        // `*́x*́` would otherwise be emphasis to a Markdown reader, which reads scalars.
        #expect(MarkdownText.inline("*\u{301}x*\u{301}") == "\\*\u{301}x\\*\u{301}")
        #expect(MarkdownText.inline("a |\u{301} b") == "a \\|\u{301} b")
        #expect(MarkdownText.inline("e\u{301}") == "e\u{301}")
    }

    @Test func textOfScalarsThatStandAloneIsReadFromBytes() {
        #expect(MarkdownText.byteInline("café – “*x*” é@team #12 £5 → @") == "café – “\\*x\\*” é@team #\u{2060}12 £5 → @")
        #expect(MarkdownText.byteInline("– @é") == "– @\u{2060}é")
        #expect(MarkdownText.byteInline("é@ü a\u{2028}b") == "é@ü a b")  // a letter before the @: no mention
        #expect(MarkdownText.byteInline("e\u{301}") == nil)  // a combining mark
        #expect(MarkdownText.byteInline("a\u{202E}b") == nil)  // a bidirectional control
        #expect(MarkdownText.byteInline("Ω") == nil)  // not listed: read by characters
        #expect(MarkdownText.byteInline("😀") == nil)
    }

    @Test func asciiTextIsReadFromBytes() {
        #expect(MarkdownText.byteInline("a *b* @team #12 &amp;\r\nx") == "a \\*b\\* @\u{2060}team #\u{2060}12 \\&amp; x")
        #expect(MarkdownText.byteInline("a\u{1B}b") == nil)
        #expect(MarkdownText.byteInline("a\u{7F}b") == nil)
    }

    @Test(arguments: 0..<4) func linesAndIndentAsCharacterSplits(seed: UInt64) {
        var random = SplitMix64(state: 100 + seed)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...16, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let reference = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            #expect(MarkdownText.lines(of: text).map(String.init) == reference.map(String.init), "\(text.unicodeScalars.map(\.value))")
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
            #expect(DiffRenderer.indent(text) == indented, "\(text.unicodeScalars.map(\.value))")
        }
    }
}
