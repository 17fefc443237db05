import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// Word's tab-separated table text as paragraphs and tables.
@Suite struct WordTextReaderTests {
    typealias Place = TableDocument.Place

    static func paragraphs(_ document: TableDocument) -> [String] {
        document.blocks.compactMap { if case .paragraph(let text, _) = $0 { text } else { nil } }
    }

    static func tables(_ document: TableDocument) -> [TableDocument.Table] {
        document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    @Test func linesWithoutTabsAreParagraphsAndLinesWithTabsAreRows() throws {
        let document = try WordTextReader.read("Title\n\na\tb\tc\nd\te\tf\nAfter\n")
        #expect(Self.paragraphs(document) == ["Title", "", "After"])
        let tables = Self.tables(document)
        #expect(tables.count == 1)
        #expect(tables[0].rows.map { $0.cells.map(\.text) } == [["a", "b", "c"], ["d", "e", "f"]])
        #expect(tables[0].rows.map(\.place) == [Place(line: 3, column: 1), Place(line: 4, column: 1)])
    }

    /// Word leaves blank lines between a table's rows at page breaks; they do not end it. A line
    /// of text does.
    @Test func blankLinesInsideATableDoNotEndIt() throws {
        let document = try WordTextReader.read("a\tb\n\n\nc\td\nText\ne\tf")
        let tables = Self.tables(document)
        #expect(tables.count == 2)
        #expect(tables[0].rows.count == 2)
        #expect(tables[0].rows[1].place.line == 4)
        #expect(tables[1].rows[0].place.line == 6)
        #expect(Self.paragraphs(document) == ["Text"])
    }

    @Test func cellsKeepTheirEmptyCellsAndPlaces() throws {
        let document = try WordTextReader.read("\t\tLeadership\t\t\t\n")
        let row = try #require(Self.tables(document).first?.rows.first)
        #expect(row.cells.count == 6)
        #expect(row.cells[2].paragraphs == ["Leadership"])
        #expect(row.cells[0].isEmpty)
    }

    @Test func htmlParagraphsBecomeParagraphs() {
        #expect(CellHTML.paragraphs("<p>First one.</p> <p>Second &amp; last.</p>") == ["First one.", "Second & last."])
        #expect(CellHTML.paragraphs("<p>March 2024</p> <p>June 2024</p>") == ["March 2024", "June 2024"])
        #expect(CellHTML.paragraphs("Plain text") == ["Plain text"])
        #expect(CellHTML.paragraphs("  spaced   out  ") == ["spaced out"])
        #expect(CellHTML.paragraphs("") == [])
    }

    @Test func inlineTagsAreDroppedAndTheirWordsKept() {
        #expect(CellHTML.paragraphs("services (<i>see Recommendation 7</i>) and") == ["services (see Recommendation 7) and"])
        #expect(CellHTML.paragraphs("<u>Services</u>") == ["Services"])
        #expect(CellHTML.paragraphs("(see <i>Recommendation 3</i>)") == ["(see Recommendation 3)"])
        // Angle brackets that are not a known tag are text.
        #expect(CellHTML.paragraphs("a < b and c > d") == ["a < b and c > d"])
        #expect(CellHTML.paragraphs("<Name> stays") == ["<Name> stays"])
    }

    /// Lists: "•" bullets inside `<ul>` (as the seeds have them) and `<li>` items become "- "
    /// lines; text after the list's lost closing tag is a paragraph.
    @Test func listsBecomeItemLines() {
        #expect(CellHTML.paragraphs("This included: <ul style=\"list-style-type: none\"> • Safeguarding • Recall • MAPPA (to be rolled out) ")
                == ["This included:", "- Safeguarding", "- Recall", "- MAPPA (to be rolled out)"])
        #expect(CellHTML.paragraphs("<ul><li>One</li><li>Two</li></ul><p>After</p>") == ["- One", "- Two", "After"])
        #expect(CellHTML.paragraphs("<ul style=\"x\"> Implement checks. <p>The new framework.</p>")
                == ["- Implement checks.", "The new framework."])
    }

    @Test func lineBreaksAndEntities() {
        #expect(CellHTML.paragraphs("one<br>two<br/>three") == ["one\ntwo\nthree"])
        #expect(Entities.decode("&lt;b&gt; &quot;q&quot; &#39;a&#39; &#x2013; &nbsp;x &unknown; & bare") == "<b> \"q\" 'a' – \u{a0}x &unknown; & bare")
    }

    @Test func crlfLineEndsAndAByteOrderMarkAreRead() throws {
        let document = try WordTextReader.read("\u{FEFF}Title\r\na\tb\r\n")
        #expect(Self.paragraphs(document) == ["Title"])
        #expect(Self.tables(document).first?.rows.first?.cells.map(\.text) == ["a", "b"])
    }

    @Test func bytesMustBeUTF8() throws {
        let error = try #require(throws: ImportError.self) { try WordTextReader.read([0x41, 0x09, 0x42, 0x0A, 0xC3, 0xA9, 0xFF, 0x43]) }
        #expect(error.message.contains("not UTF-8"))
        #expect(error.message.contains("byte 7"))
        #expect(error.place == Place(line: 2, column: 2))
        let document = try WordTextReader.read(Array("a\tb".utf8))
        #expect(Self.tables(document).count == 1)
    }

    @Test func binaryInputIsRefusedWithItsPlace() throws {
        let error = try #require(throws: ImportError.self) { try WordTextReader.read("Title\nab\u{0}cd") }
        #expect(error.place == Place(line: 2, column: 3))
        #expect(error.message.contains("U+0000"))
        let replaced = try #require(throws: ImportError.self) { try WordTextReader.read("ok\n\u{FFFD}") }
        #expect(replaced.place == Place(line: 2, column: 1))
    }

    @Test func emptyTextIsRefused() throws {
        for text in ["", "\n\n  \n", "\u{FEFF}"] {
            let error = try #require(throws: ImportError.self) { try WordTextReader.read(text) }
            #expect(error.place == Place(line: 1, column: 1))
            #expect(error.message.contains("empty"))
        }
    }

    /// The seed texts read as the tables the importer expects.
    @Test func theSeedTextsRead() throws {
        let document = try WordTextReader.read(try ImportSources.text("recall-culture-2020"))
        let tables = Self.tables(document)
        #expect(tables.count == 2)  // the terms, the plan
        #expect(tables[1].rows.first.map(DocumentLayout.isHeader) == true)
        // Line 33: two paragraphs side by side in the response, owner and target cells.
        let row = try #require(tables[1].rows.first { $0.place.line == 33 })
        #expect(row.cells[3].paragraphs.count == 2)
        #expect(row.cells[4].paragraphs == ["Deputy Director, Effective Practice and Service Improvement Group", "Deputy Director, Residential and"])
        #expect(row.cells[5].paragraphs == ["April 2021", "Completed"])
    }
}

extension WordTextReaderTests {
    @Test func placesCountLinesWhateverTheLineEnds() throws {
        let error = try #require(throws: ImportError.self) { try WordTextReader.read("a\r\nb\rc\nd\u{7}") }
        #expect(error.place == Place(line: 4, column: 2))
        let document = try WordTextReader.read("Title\r\n\r\nx\ty\rz\tw")
        #expect(Self.tables(document).first?.rows.map(\.place.line) == [3, 4])
    }

    /// Word writes a line break inside a cell as a vertical tab.
    @Test func aVerticalTabIsALineBreakInsideACell() throws {
        let document = try WordTextReader.read("a\u{0B}b\tc")
        #expect(Self.tables(document).first?.rows.first?.cells.first?.paragraphs == ["a\nb"])
    }
}
