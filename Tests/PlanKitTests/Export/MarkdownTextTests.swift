import Foundation
import Testing
@testable import PlanKit

/// MarkdownText: the one escaper of every Markdown output (diff, export, status).
@Suite("MarkdownText")
struct MarkdownTextTests {
    @Test("markup, HTML, entities and math stay text")
    func markup() {
        #expect(MarkdownText.inline("*x* _y_ `z` [l](u) <b> ~s~ $m$ a|b") == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\> \\~s\\~ \\$m\\$ a\\|b")
        #expect(MarkdownText.inline("&lt;b&gt; R&D &#169;") == "\\&lt;b\\&gt; R&D \\&#169;")
    }

    @Test("mentions and issue references are broken by a word joiner; e-mail-like and #hash text is kept")
    func mentions() {
        #expect(MarkdownText.inline("cc @team and @octo-org/reviewers") == "cc @\u{2060}team and @\u{2060}octo-org/reviewers")
        #expect(MarkdownText.inline("see #12 and owner/repo#345") == "see #\u{2060}12 and owner/repo#\u{2060}345")
        #expect(MarkdownText.inline("#hash @ alone") == "#hash @ alone")
        // GitHub mentions no `@` a letter or digit stands before: an address copied from the comment works.
        #expect(MarkdownText.inline("write to recall.team@justice.gov.uk") == "write to recall.team@justice.gov.uk")
    }

    @Test("a reworded text whose words start with a list or heading marker stays text inside the quote")
    func wordDiffQuoteStartsABlock() {
        let change = Change(kind: .actionTextChanged, recommendation: 1, action: "1.1", field: "actions[1.1].text",
                            old: "- old", new: "- new",
                            words: [WordSegment(kind: .same, text: "- "), WordSegment(kind: .removed, text: "old"), WordSegment(kind: .added, text: "new")],
                            summary: "action 1.1: text reworded")
        let quoted = DiffRenderer.details(change)
        #expect(quoted.hasPrefix("> \\-") && quoted.contains("~~old~~") && quoted.contains("**new**"), "\(quoted)")
    }

    @Test("line breaks (LF, CR, CRLF) never start a new line; control characters get their stand-ins")
    func lineBreaks() {
        #expect(MarkdownText.inline("one\ntwo\rthree\r\nfour") == "one two three four")
        #expect(MarkdownText.inline("bell\u{7} and \u{202E}rtl") == "bell\u{2407} and \\<U+202E\\>rtl")
    }

    @Test("a paragraph cannot open a heading, list, quote or code fence; a quote keeps its lines quoted")
    func blocks() {
        #expect(MarkdownText.block("# no heading") == "\\# no heading")
        #expect(MarkdownText.block("```swift") == "\\`\\`\\`swift")
        #expect(MarkdownText.block("> no quote") == "\\> no quote")
        #expect(MarkdownText.block("1. no list") == "1\\. no list")
        #expect(MarkdownText.quote("first\n\n- second\n</details>", indent: "  ") == "  > first\n  >\n  > \\- second\n  > \\</details\\>")
    }

    /// The three Markdown outputs escape a hostile text the same way, through MarkdownText.
    @Test("diff, export and status escape through the same escaper")
    func oneEscaper() {
        let hostile = "@team #12 $x$ &lt; a|b <i>"
        let escaped = MarkdownText.inline(hostile)
        #expect(MarkdownExport.inline(hostile) == escaped)
        #expect(ProgressRenderer.cell(hostile) == escaped)
        var change = Change(kind: .planChanged, field: "report.url", old: nil, new: hostile)
        change.summary = ChangeWording.sentence(change, .plain)
        let comment = DiffRenderer.markdown([change], labels: .init(old: "a", new: "b"))
        #expect(comment.contains(MarkdownText.inline("plan: report.url set to \"" + hostile + "\"")), "\(comment)")
    }
}
