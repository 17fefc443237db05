import Testing
@testable import PlanKit

/// The RFC 4180 writer that replaced the CSV.swift package: the same bytes, quoting only what
/// needs it (the golden CSV exports check whole plans).
@Suite("CSVRecords")
struct CSVRecordsTests {
    @Test("plain fields unquoted; quotes, commas and every kind of line break quoted, quotes doubled")
    func quoting() {
        let rows = [["number", "text"], ["1", "say \"yes\", then"], ["", "two\nlines"], ["a\r\nb", "c\rd"], ["'=1", " é "]]
        let expected = "number,text\n1,\"say \"\"yes\"\", then\"\n,\"two\nlines\"\n\"a\r\nb\",\"c\rd\"\n'=1, é \n"
        #expect(CSVRecords.text(rows) == expected)
        #expect(Array(CSVExport.write(rows).utf8) == Array(expected.utf8))
    }

    @Test("a quote, comma or line break with a combining mark after it is still quoted, and its quote doubled")
    func combiningMarks() {
        let rows = [["a,\u{301}b", "\"\u{301}x", "l\n\u{301}m", "c\r\u{308}", "\u{301}plain"]]
        let expected = "\"a,\u{301}b\",\"\"\"\u{301}x\",\"l\n\u{301}m\",\"c\r\u{308}\",\u{301}plain\n"
        // Bytes, not String ==, which would accept canonically equivalent text.
        #expect(Array(CSVRecords.text(rows).utf8) == Array(expected.utf8))
    }
}
