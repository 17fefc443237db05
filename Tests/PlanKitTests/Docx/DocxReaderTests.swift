import Foundation
import Testing
import ZIPFoundation
@testable import PlanImport
@testable import PlanKit

/// DocxReader on documents written the way Word writes them, and on input that is no DOCX.
@Suite struct DocxReaderTests {
    typealias Cell = TableDocument.Cell

    static func cell(_ text: String, span: Int? = nil, vMerge: String? = nil) -> String {
        var properties = ""
        if let span { properties += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let vMerge { properties += vMerge.isEmpty ? "<w:vMerge/>" : "<w:vMerge w:val=\"\(vMerge)\"/>" }
        let paragraph = text.isEmpty ? "<w:p/>" : "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>"
        return "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraph)</w:tc>"
    }

    static func paragraphs(_ document: TableDocument) -> [String] {
        document.blocks.compactMap { if case .paragraph(let text, _) = $0 { text } else { nil } }
    }

    static func tables(_ document: TableDocument) -> [TableDocument.Table] {
        document.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    @Test func runsFieldsRevisionsAndBreaksAsWordWritesThem() throws {
        let body = """
            <w:p><w:pPr><w:pStyle w:val="Title"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>\
            <w:r><w:rPr><w:b/></w:rPr><w:t>HM Prison</w:t></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r>\
            <w:hyperlink r:id="rId9" xmlns:r="urn:r"><w:r><w:t>Probation</w:t></w:r></w:hyperlink>\
            <w:r><w:tab/><w:t>Service</w:t><w:br/><w:t>next line</w:t><w:cr/><w:t>third</w:t></w:r></w:p>
            <w:p/>
            <w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>In a content control</w:t><w:t><![CDATA[ <&> ]]></w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:p><w:r><w:t>Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:del w:id="1" w:author="A"><w:r><w:delText>deleted</w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve"> inserted</w:t></w:r></w:ins>\
            <w:moveFrom w:id="3" w:author="A"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>\
            <w:r><w:br w:type="page"/><w:t>-</w:t><w:noBreakHyphen/><w:softHyphen/><w:t>x</w:t></w:r></w:p>
            <w:p><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:drawing><w:txbxContent>\
            <w:p><w:r><w:t>text box</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></mc:Choice>\
            <mc:Fallback><w:r><w:pict><w:p><w:r><w:t>fallback</w:t></w:r></w:p></w:pict></w:r></mc:Fallback>\
            </mc:AlternateContent><w:r><w:t>after the box</w:t></w:r>\
            <m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></w:p>
            <w:tbl><w:tr>\(Self.cell("a"))</w:tr></w:tbl>
            <w:sectPr/>
            """
        let document = try DocxReader.read(try DocxSupport.docx(body: body))
        #expect(Self.paragraphs(document) == [
            "HM Prison and Probation\tService\nnext line\nthird",
            "",
            "In a content control <&> ",
            "Page 3 inserted-\u{2011}x",
            "after the boxx=1",
        ])
        #expect(document.blocks.first == .paragraph("HM Prison and Probation\tService\nnext line\nthird",
                                                    at: .init(line: 1, label: "paragraph 1")))
        #expect(document.blocks[4] == .paragraph("after the boxx=1", at: .init(line: 5, label: "paragraph 5")))
    }

    @Test func spansMergesNestedTablesAndPlaces() throws {
        let nested = "<w:tbl><w:tr>\(Self.cell("inner 1"))\(Self.cell(""))</w:tr>"
            + "<w:tr>\(Self.cell("", vMerge: ""))\(Self.cell("inner 2"))</w:tr></w:tbl>"
        let body = """
            <w:p><w:r><w:t>Before</w:t></w:r></w:p>
            <w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr>\(Self.cell("T1"))</w:tr></w:tbl>
            <w:p><w:r><w:t>Between</w:t></w:r></w:p>
            <w:tbl>
            <w:tr><w:trPr><w:tblHeader/></w:trPr>\(Self.cell("1"))\(Self.cell("2"))\(Self.cell("3"))</w:tr>
            <w:tr>\(Self.cell("Theme", span: 3))</w:tr>
            <w:tr>\(Self.cell("5", vMerge: "restart"))\(Self.cell("text"))\(Self.cell(""))</w:tr>
            <w:tr>\(Self.cell("", vMerge: ""))\(Self.cell("more"))\(Self.cell("x", vMerge: "continue"))</w:tr>
            <w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>\(Self.cell("last"))</w:tr>
            <w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>wide</w:t></w:r></w:p></w:tc>\
            <w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>\(Self.cell("c"))</w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p>\(nested)<w:p/></w:tc>\(Self.cell("b"))\(Self.cell("c"))</w:tr>
            </w:tbl>
            """
        let document = try DocxReader.read(try DocxSupport.docx(body: body))
        #expect(Self.paragraphs(document) == ["Before", "Between"])
        #expect(document.blocks[2] == .paragraph("Between", at: .init(line: 2, label: "paragraph 2")))
        let tables = Self.tables(document)
        try #require(tables.count == 2)
        #expect(tables[0].rows == [.init(cells: [Cell(paragraphs: ["T1"])], place: .init(line: 1, label: "table 1, row 1"))])
        let rows = tables[1].rows
        #expect(rows.map(\.place) == (1...7).map { TableDocument.Place(line: $0, label: "table 2, row \($0)") })
        #expect(rows.map(\.cells) == [
            [Cell(paragraphs: ["1"]), Cell(paragraphs: ["2"]), Cell(paragraphs: ["3"])],
            [Cell(paragraphs: ["Theme"], span: 3)],
            [Cell(paragraphs: ["5"]), Cell(paragraphs: ["text"]), Cell(paragraphs: [])],
            // A continuing cell with text of its own keeps it.
            [Cell(paragraphs: [], continuesAbove: true), Cell(paragraphs: ["more"]), Cell(paragraphs: ["x"], continuesAbove: true)],
            [Cell(paragraphs: [], span: 2), Cell(paragraphs: ["last"])],
            [Cell(paragraphs: ["wide"], span: 2), Cell(paragraphs: ["c"])],
            [Cell(paragraphs: ["outer", "inner 1", "inner 2", ""]), Cell(paragraphs: ["b"]), Cell(paragraphs: ["c"])],
        ])
    }

    @Test func strictNamespaceAndADocumentPartNamedByTheRelationships() throws {
        let rels = """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document2.xml"/>\
            </Relationships>
            """
        let data = try DocxSupport.docx(body: "<w:p><w:r><w:t>strict</w:t></w:r></w:p><w:tbl><w:tr>\(Self.cell("c"))</w:tr></w:tbl>",
                                        namespace: "http://purl.oclc.org/ooxml/wordprocessingml/main",
                                        documentPath: "word/document2.xml", relationships: rels)
        let document = try DocxReader.read(data)
        #expect(Self.paragraphs(document) == ["strict"])
        #expect(Self.tables(document).first?.rows.first?.cells == [Cell(paragraphs: ["c"])])
    }

    // MARK: Bad input

    static func importError(_ data: Data, limit: Int = DocxReader.documentSizeLimit) -> ImportError? {
        #expect(throws: ImportError.self) { try DocxReader.read(data, documentSizeLimit: limit) }
    }

    @Test func notAZipArchive() throws {
        #expect(Self.importError(Data())?.message == "the file is empty, not a DOCX document")
        #expect(Self.importError(Data("just some text".utf8))?.message
                == "not a DOCX document: a DOCX is a ZIP archive, and this file is not one")
        #expect(Self.importError(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]))?.message
                    .contains("older Word .doc file") == true)
        #expect(Self.importError(Data("{\\rtf1\\ansi hello}".utf8))?.message.contains("RTF") == true)
        // Starts like a ZIP archive, and is not one.
        #expect(Self.importError(Data("PK\u{3}\u{4} and then nothing".utf8))?.message
                == "not a DOCX document: the ZIP archive cannot be read (it may be damaged or cut short)")
        // A real DOCX cut in half.
        let whole = try DocxSupport.docx("ipp-recall-2023").data
        let cut = Self.importError(whole.prefix(whole.count / 2))
        #expect(cut?.message.hasPrefix("not a DOCX document") == true, "\(String(describing: cut))")
    }

    @Test func aZipArchiveWithoutADocumentPart() throws {
        let data = try DocxSupport.zip([("hello.txt", Data("hello".utf8))])
        #expect(Self.importError(data)?.message == "not a Word document: the ZIP archive has no word/document.xml")
        let workbook = try DocxSupport.zip([("xl/workbook.xml", Data("<workbook/>".utf8))])
        #expect(Self.importError(workbook)?.message
                == "not a Word document: the ZIP archive has no word/document.xml (it looks like an Excel workbook)")
    }

    @Test func malformedXMLSaysWhere() throws {
        // The XML declaration is line 1, the root line 2; the mismatched end tag is on line 4.
        let data = try DocxSupport.docx(body: "\n<w:p>\n<w:r><w:t>text</w:t></w:q></w:p>")
        let error = try #require(Self.importError(data))
        #expect(error.message == "word/document.xml is not well-formed XML: an end tag does not match its start tag")
        let place = try #require(error.place)
        #expect(place.line == 4)
        #expect(place.column > 1)
        #expect(error.description == "word/document.xml, line 4, column \(place.column): \(error.message)")

        let cutShort = try DocxSupport.zip([("word/document.xml", Data("<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"\(DocxSupport.w)\"><w:body><w:p>".utf8))])
        let cutError = try #require(Self.importError(cutShort))
        #expect(cutError.message == "word/document.xml is not well-formed XML: an element is not closed (the document is cut short?)")
        #expect(cutError.place?.line == 2)

        let extra = try DocxSupport.zip([("word/document.xml", Data("<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"\(DocxSupport.w)\"><w:body/></w:document>\n<w:more/>".utf8))])
        let extraError = try #require(Self.importError(extra))
        #expect(extraError.message == "word/document.xml is not well-formed XML: there is content after the end of the document")
        #expect(extraError.place?.line == 3)

        let garbage = try DocxSupport.zip([("word/document.xml", Data([0xFF, 0xFE, 0x00, 0x01, 0x02]))])
        #expect(Self.importError(garbage)?.message.hasPrefix("word/document.xml is not well-formed XML") == true)
    }

    @Test func aDTDIsRefused() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
            + "<w:document xmlns:w=\"\(DocxSupport.w)\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
        let data = try DocxSupport.zip([("word/document.xml", Data(xml.utf8))])
        #expect(Self.importError(data)?.message == "word/document.xml declares a DTD, which a DOCX part may not; plantool does not read it")
    }

    @Test func noTables() throws {
        let data = try DocxSupport.docx(body: "<w:p><w:r><w:t>Only words</w:t></w:r></w:p>")
        #expect(Self.importError(data)?.message == "the document has no tables; an action plan is read from its tables")
    }

    @Test func aDocumentPartLargerThanTheLimitIsNotInflated() throws {
        // 100 KiB of paragraphs, compressing to almost nothing, against a 64 KiB limit.
        let body = String(repeating: "<w:p/>", count: 100 * 1024 / 6)
        let data = try DocxSupport.docx(body: body)
        #expect(Self.importError(data, limit: 64 << 10)?.message
                == "word/document.xml is larger than 65536 bytes uncompressed; plantool does not read a document that large")

        // The same, with sizes in the archive that lie: the entry claims to be 10 bytes, and
        // inflating stops at the limit all the same.
        var lying = [UInt8](data)
        let archive = try Archive(data: data, accessMode: .read)
        let uncompressed = UInt32(try #require(archive["word/document.xml"]).uncompressedSize)
        var patched = 0
        for i in 0..<(lying.count - 30) {
            let signature = UInt32(lying[i]) | UInt32(lying[i + 1]) << 8 | UInt32(lying[i + 2]) << 16 | UInt32(lying[i + 3]) << 24
            let sizeOffset: Int
            switch signature {
            case 0x0403_4B50: sizeOffset = 22  // local file header
            case 0x0201_4B50: sizeOffset = 24  // central directory header
            default: continue
            }
            let size = UInt32(lying[i + sizeOffset]) | UInt32(lying[i + sizeOffset + 1]) << 8
                | UInt32(lying[i + sizeOffset + 2]) << 16 | UInt32(lying[i + sizeOffset + 3]) << 24
            guard size == uncompressed else { continue }
            lying.replaceSubrange((i + sizeOffset)..<(i + sizeOffset + 4), with: [10, 0, 0, 0])
            patched += 1
        }
        try #require(patched == 2, "expected to patch the local and central sizes, patched \(patched)")
        #expect(Self.importError(Data(lying), limit: 64 << 10)?.message
                == "word/document.xml is larger than 65536 bytes uncompressed; plantool does not read a document that large")
    }

    @Test func theRealLimitIs64MiB() throws {
        #expect(DocxReader.documentSizeLimit == 64 * 1024 * 1024)
        // 65 MiB of spaces inside one paragraph: about 64 KiB compressed.
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        let head = Data("<?xml version=\"1.0\"?><w:document xmlns:w=\"\(DocxSupport.w)\"><w:body><w:p><w:r><w:t>".utf8)
        var content = head
        for _ in 0..<65 { content.append(chunk) }
        let data = try DocxSupport.zip([("word/document.xml", content)])
        #expect(data.count < 1 << 20)
        #expect(Self.importError(data)?.message
                == "word/document.xml is larger than 64 MiB uncompressed; plantool does not read a document that large")
    }
}
