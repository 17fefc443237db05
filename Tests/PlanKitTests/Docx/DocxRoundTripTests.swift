import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// Writing a plan as DOCX and reading it back gives exactly the layout's table document.
@Suite struct DocxRoundTripTests {
    @Test("an example plan's DOCX reads back to its table document", arguments: DocxSupport.exampleNames)
    func exampleRoundTrips(name: String) throws {
        let (document, data) = try DocxSupport.docx(name)
        let expected = document.tableDocument
        let read = try DocxReader.read(data)
        #expect(read == expected, "\(read.firstDifference(from: expected) ?? "")")
        // The comparison is not vacuous: the plan's table has a row per line and spanning cells.
        guard case .table(let plan)? = expected.blocks.dropFirst().first(where: {
            if case .table(let t) = $0 { t.rows.first?.cells.count == 6 } else { false }
        }) else {
            Issue.record("no six-column table in \(name)")
            return
        }
        #expect(plan.rows.count > 10)
        #expect(plan.rows.contains { $0.cells.contains(where: \.continuesAbove) })
        #expect(plan.rows.contains { $0.cells.count == 1 && $0.cells[0].span == 6 })
    }

    @Test func writingTheSameDocumentTwiceGivesTheSameBytes() throws {
        let (document, data) = try DocxSupport.docx("recall-culture-2020")
        #expect(try DocxWriter.write(document, title: "A Thematic Review of Probation Recall Culture and Practice") == data)
    }

    /// A plan whose every text field holds the given text (with a suffix to tell them apart).
    static func plan(_ text: String) -> Plan {
        let info = PlanInfo(title: text + " title", organisation: text + " organisation", inspectorate: text,
                            report: Report(title: text + " report", published: Day(year: 2021, month: 1, day: 5),
                                           url: "https://example.org/?a=1&b=<2>"),
                            submitted: Day(year: 2021, month: 2, day: 1),
                            revisions: [Revision(submitted: Day(year: 2022, month: 2, day: 1)!, title: text)],
                            introduction: text + "\n\n" + text)
        let rec = Recommendation(number: 1, addressee: text + " addressee", theme: text + " theme", text: text,
                                 status: .partlyAgreed, implementedPart: text,
                                 reason: Reason(categories: [.policy], text: text), response: text,
                                 actions: [Action(id: "1.1", text: text, owners: [text, text + " 2"],
                                                  target: .month(year: 2021, month: 7), note: text,
                                                  updates: [Update(date: .month(year: 2021, month: 12), text: text,
                                                                   state: .completed, owners: [text])])])
        return Plan(info: info, recommendations: [rec])
    }

    @Test func hostileTextIsEscapedAndReadsBack() throws {
        let hostile = "<script>alert(\"x\")</script> Tom & Jerry's ]]> &amp; <![CDATA[x]]> 'q' 😀 ✓"
        let document = OfficialDocument(Self.plan(hostile))
        let data = try DocxWriter.write(document, title: hostile)
        let read = try DocxReader.read(data)
        #expect(read == document.tableDocument, "\(read.firstDifference(from: document.tableDocument) ?? "")")

        let xml = try DocxSupport.part("word/document.xml", of: data)
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("]]>"))
        #expect(xml.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; Jerry&apos;s ]]&gt; &amp;amp;"))
        let core = try DocxSupport.tree(try DocxSupport.part("docProps/core.xml", of: data))
        #expect(core.first("title")?.text == hostile)
    }

    @Test func controlCharactersShowAsStandInsAndOtherCharactersXMLCannotHoldAreLeftOut() throws {
        // C0 is not XML 1.0; it, DEL, C1 and the bidirectional controls show as their stand-ins
        // (`UnsafeCharacters`), so a document never carries one raw. U+FFFE and U+FFFF are no
        // characters at all and are left out.
        let controls = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1B}g\u{1F}h\u{FFFE}i\u{FFFF}j\u{7F}k\u{85}l\u{202E}m"
        let shown = "a␀b␁c␈d␋e␌f␛g␟hij␡k<U+0085>l<U+202E>m"
        let document = OfficialDocument(Self.plan(controls))
        let data = try DocxWriter.write(document, title: controls)
        let xml = try DocxSupport.part("word/document.xml", of: data)
        _ = try DocxSupport.tree(xml)  // well-formed
        let read = try DocxReader.read(data)
        let expected = OfficialDocument(Self.plan(shown)).tableDocument
        #expect(read == expected, "\(read.firstDifference(from: expected) ?? "")")
        let core = try DocxSupport.tree(try DocxSupport.part("docProps/core.xml", of: data))
        #expect(core.first("title")?.text == shown)
        #expect(!xml.unicodeScalars.contains { !UnsafeCharacters.isAllowed($0) })
    }

    @Test func spacesTabsAndLineBreaksReadBack() throws {
        let text = "  leading and trailing  \tand\ttabs,  two  spaces "
        let document = OfficialDocument(Self.plan(text))
        let data = try DocxWriter.write(document, title: nil)
        let read = try DocxReader.read(data)
        #expect(read == document.tableDocument, "\(read.firstDifference(from: document.tableDocument) ?? "")")
        let xml = try DocxSupport.part("word/document.xml", of: data)
        #expect(xml.contains("<w:t xml:space=\"preserve\">  leading and trailing  </w:t><w:tab/><w:t>and</w:t><w:tab/>"))
        // Without a title the heading names the document.
        let core = try DocxSupport.tree(try DocxSupport.part("docProps/core.xml", of: data))
        #expect(core.first("title")?.text == OfficialDocument.headingPrefix + text + " title")

        // A carriage return inside a paragraph (which the layout does not split on) is a line
        // break, and reads back as "\n", as CRLF does.
        let crDocument = OfficialDocument(Self.plan("one\rtwo\r\nthree"))
        let crRead = try DocxReader.read(try DocxWriter.write(crDocument, title: nil))
        let crExpected = crDocument.tableDocument.mappingTexts {
            $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        #expect(crExpected != crDocument.tableDocument)
        #expect(crRead == crExpected, "\(crRead.firstDifference(from: crExpected) ?? "")")
    }

    @Test func emptyTextsAndAnEmptyRecommendationReadBack() throws {
        var plan = Self.plan("x")
        plan.info.introduction = "\nfirst\n\n"
        plan.recommendations.append(Recommendation(number: 2, addressee: "x addressee", theme: "x theme",
                                                   text: "Nothing to show", status: .notAgreed))
        let document = OfficialDocument(plan)
        let read = try DocxReader.read(try DocxWriter.write(document, title: nil))
        #expect(read == document.tableDocument, "\(read.firstDifference(from: document.tableDocument) ?? "")")
    }
}

extension TableDocument {
    /// The same document with every paragraph's text changed.
    func mappingTexts(_ change: (String) -> String) -> TableDocument {
        TableDocument(blocks: blocks.map { block in
            switch block {
            case .paragraph(let text, let place): .paragraph(change(text), at: place)
            case .table(let table):
                .table(Table(rows: table.rows.map { row in
                    Row(cells: row.cells.map { Cell(paragraphs: $0.paragraphs.map(change), continuesAbove: $0.continuesAbove, span: $0.span) },
                        place: row.place)
                }))
            }
        })
    }
}
