import Foundation
import Testing
import ZIPFoundation
@testable import PlanKit

/// The package DocxWriter builds: its parts, what unzip and xmllint say of it, and the
/// WordprocessingML that makes the table work in Word (header row, merges, spans, landscape).
@Suite struct DocxArchiveTests {
    static let parts = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                        "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                        "word/numbering.xml"]

    @Test func thePackageHasItsParts() throws {
        let data = try DocxSupport.docx("recall-culture-2020").data
        let archive = try Archive(data: data, accessMode: .read)
        let paths = archive.map(\.path)
        #expect(paths == Self.parts)  // [Content_Types].xml first, as readers expect
        #expect(archive.allSatisfy { $0.type == .file })
        for path in Self.parts { _ = try DocxSupport.tree(try DocxSupport.part(path, of: data)) }

        let types = try DocxSupport.tree(try DocxSupport.part("[Content_Types].xml", of: data))
        let overrides = Dictionary(uniqueKeysWithValues: types.all("Override").compactMap { node in
            node["PartName"].map { ($0, node["ContentType"] ?? "") }
        })
        #expect(overrides["/word/document.xml"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
        #expect(overrides["/word/styles.xml"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")

        let rels = try DocxSupport.tree(try DocxSupport.part("_rels/.rels", of: data))
        #expect(rels.all("Relationship").contains {
            $0["Target"] == "word/document.xml" && $0["Type"]?.hasSuffix("/officeDocument") == true
        })
        let documentRels = try DocxSupport.tree(try DocxSupport.part("word/_rels/document.xml.rels", of: data))
        #expect(Set(documentRels.all("Relationship").compactMap { $0["Target"] }) == ["styles.xml", "settings.xml", "numbering.xml"])
        #expect(overrides["/word/numbering.xml"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml")

        let core = try DocxSupport.tree(try DocxSupport.part("docProps/core.xml", of: data))
        #expect(core.first("title")?.text == "A Thematic Review of Probation Recall Culture and Practice")

        let styles = try DocxSupport.tree(try DocxSupport.part("word/styles.xml", of: data))
        let ids = Set(styles.all("style").compactMap { $0["styleId"] })
        #expect(ids.isSuperset(of: ["Normal", "Title", "Heading1", "Strong", "TableGrid"]))
    }

    @Test(.enabled(if: DocxSupport.tool("unzip") != nil, "unzip is not installed; scripts/setup installs it"))
    func unzipTestsTheArchiveWithoutErrors() throws {
        let folder = try DocxSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in DocxSupport.exampleNames {
            let file = folder.appendingPathComponent("\(name).docx")
            try DocxSupport.docx(name).data.write(to: file)
            let run = try DocxSupport.run(try #require(DocxSupport.tool("unzip")), ["-t", file.path], in: folder)
            #expect(run.status == 0, "unzip -t \(name).docx:\n\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("No errors detected"), "\(run.stdout)")
            for part in Self.parts { #expect(run.stdout.contains("testing: \(part)"), "\(part) missing:\n\(run.stdout)") }
        }
    }

    /// xmllint (libxml2-utils) checks each part is well-formed; without it, XMLParser does.
    @Test func everyPartIsWellFormedXML() throws {
        let data = try DocxWriter.write(OfficialDocument(DocxRoundTripTests.plan("<&>\"' ]]> \u{1}")), title: "<&>")
        guard let xmllint = DocxSupport.tool("xmllint") else {
            for path in Self.parts { _ = try DocxSupport.tree(try DocxSupport.part(path, of: data)) }
            return
        }
        let folder = try DocxSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (i, path) in Self.parts.enumerated() {
            let file = folder.appendingPathComponent("part\(i).xml")
            try Data(try DocxSupport.part(path, of: data).utf8).write(to: file)
            let run = try DocxSupport.run(xmllint, ["--noout", file.path], in: folder)
            #expect(run.status == 0 && run.stderr.isEmpty, "xmllint on \(path): \(run.stderr)")
        }
    }

    /// The body of an example's document.xml.
    static func body(_ name: String) throws -> (document: OfficialDocument, body: DocxSupport.Node) {
        let (document, data) = try DocxSupport.docx(name)
        let root = try DocxSupport.tree(try DocxSupport.part("word/document.xml", of: data))
        #expect(root.name == "document" && root.namespace == DocxSupport.w)
        return (document, try #require(root.first("body")))
    }

    @Test func pagesAreLandscapeA4() throws {
        let (_, body) = try Self.body("cgm-crc-2019")
        let section = try #require(body.children.last)
        #expect(section.name == "sectPr")
        let size = try #require(section.first("pgSz"))
        #expect(size["w"] == "16838" && size["h"] == "11906" && size["orient"] == "landscape")
        let margins = try #require(section.first("pgMar"))
        #expect(["top", "right", "bottom", "left"].allSatisfy { margins[$0] == "1134" })
    }

    @Test func thePlanTableHasItsGridAHeaderRowMergesAndSpans() throws {
        let (document, body) = try Self.body("recall-culture-2020")
        let tables = body.all("tbl")
        try #require(tables.count == 3)
        let table = tables[1]
        // Six columns filling the text width of the landscape page (16838 less two 1134 margins).
        let grid = try #require(table.first("tblGrid")).all("gridCol").compactMap { $0["w"].flatMap(Int.init) }
        #expect(grid.count == 6)
        #expect(grid.reduce(0, +) == 16838 - 2 * 1134)
        #expect(grid[3] == grid.max())  // the response column is the widest

        let rows = table.all("tr")
        #expect(rows.count == document.tableDocument.blocks.compactMap { block -> Int? in
            if case .table(let t) = block, t.rows.first?.cells.count == 6 { t.rows.count } else { nil }
        }.first)
        // Only the first row repeats as a header.
        func isHeader(_ row: DocxSupport.Node) -> Bool { row.first("trPr")?.first("tblHeader") != nil }
        #expect(isHeader(rows[0]))
        #expect(rows.dropFirst().allSatisfy { !isHeader($0) })
        #expect(tables[0].all("tr").first.map(isHeader) == true)
        #expect(tables[2].all("tr").first.map(isHeader) == true)

        // Every cell ends with a paragraph, and every cell's width is set.
        let cells = rows.flatMap { $0.all("tc") }
        #expect(cells.allSatisfy { $0.children.last?.name == "p" && $0.first("tcPr")?.first("tcW") != nil })

        // Theme and addressee rows: one bold cell spanning six columns.
        let spanning = rows.filter { $0.all("tc").count == 1 }
        let spanningRows = document.rows.filter { if case .recommendation = $0 { false } else { true } }
        #expect(spanning.count == spanningRows.count)
        #expect(spanning.allSatisfy { $0.all("tc")[0].first("tcPr")?.first("gridSpan")?["val"] == "6" })
        #expect(spanning.allSatisfy { row in row.descendants("r").allSatisfy { $0.first("rPr")?.first("rStyle")?["val"] == "Strong" } })

        // Each recommendation's first three cells merge down its lines.
        let recommendations = document.rows.compactMap { if case .recommendation(let r) = $0 { r } else { nil } }
        let merged = recommendations.filter { $0.lines.count > 1 }
        try #require(!merged.isEmpty)
        func vMerge(_ cell: DocxSupport.Node) -> String? {
            guard let node = cell.first("tcPr")?.first("vMerge") else { return nil }
            return node["val"] ?? "continue"
        }
        let restarts = cells.filter { vMerge($0) == "restart" }.count
        let continues = cells.filter { vMerge($0) == "continue" }.count
        #expect(restarts == 3 * merged.count)
        #expect(continues == 3 * merged.reduce(0) { $0 + $1.lines.count - 1 })
    }

    @Test func labelsAreBold() throws {
        let (_, body) = try Self.body("recall-culture-2020")
        let rows = body.all("tbl")[1].all("tr")
        func boldTexts(_ cell: DocxSupport.Node) -> [String] {
            cell.descendants("r").filter { $0.first("rPr")?.first("rStyle")?["val"] == "Strong" }
                .compactMap { $0.first("t")?.text }
        }
        // The recommendation 5 row, its action 5.1 and its update.
        let five = try #require(rows.firstIndex { $0.all("tc").first.flatMap { $0.descendants("t").first?.text } == "5" })
        let cells = rows[five].all("tc")
        #expect(boldTexts(cells[2]) == ["Agreed"])
        #expect(boldTexts(cells[3]) == ["5.1"])
        #expect(cells[3].descendants("t").map(\.text).joined().hasPrefix("5.1 The PPG and the Parole Board"))
        #expect(boldTexts(rows[five + 1].all("tc")[3]) == ["Update December 2021"])
        // Header cells are bold too.
        #expect(rows[0].all("tc").map { boldTexts($0).joined() } == OfficialDocument.columns)
    }

    @Test func rowsMayBreakAcrossPagesAndTheHeaderRowRepeats() throws {
        let (_, body) = try Self.body("central-functions-2020")
        let rows = body.all("tbl")[1].all("tr")
        #expect(rows.count > 10)
        #expect(rows[0].first("trPr")?.first("tblHeader") != nil)
        // A row kept whole leaves the rest of a page empty when it does not fit; only the short
        // header row is.
        #expect(rows.dropFirst().allSatisfy { $0.first("trPr")?.first("cantSplit") == nil })
    }

    /// The lines of every paragraph in a cell: its text, whether it is a bullet, its style.
    static func paragraphs(_ cell: DocxSupport.Node) -> [(text: String, bullet: Bool, style: String?)] {
        cell.all("p").map { p in
            (p.descendants("t").map(\.text).joined(), p.first("pPr")?.first("numPr")?.first("numId") != nil,
             p.first("pPr")?.first("pStyle")?["val"])
        }
    }

    @Test func listItemsAreWordBulletsAndBlankLinesAreSpaceNotEmptyParagraphs() throws {
        // Action 3.1 of cgm-crc-2019: a paragraph, three items, a blank line, a paragraph, items.
        let (_, body) = try Self.body("cgm-crc-2019")
        let rows = body.all("tbl")[1].all("tr")
        let row = try #require(rows.first { ($0.all("tc").dropFirst(3).first?.descendants("t").first?.text ?? "") == "3.1" })
        let lines = Self.paragraphs(row.all("tc")[3])
        #expect(lines[0].text.hasPrefix("3.1 Undertake assurance"))
        #expect(lines[1] == ("Completion in every relevant case.", true, nil))
        #expect(lines.filter(\.bullet).count == 16)
        #expect(!lines.contains { $0.text.hasPrefix("- ") }, "no literal list marker")
        #expect(!lines.contains { $0.text.isEmpty }, "no empty paragraph between paragraphs")
        let nb = try #require(lines.first { $0.text.hasPrefix("NB Below") })
        #expect(nb.style == DocxWriter.afterBlankLineStyle && !nb.bullet)
        // Word draws the bullet from numbering.xml.
        let numbering = try DocxSupport.tree(try DocxSupport.part("word/numbering.xml", of: try DocxSupport.docx("cgm-crc-2019").data))
        #expect(numbering.descendants("numFmt").first?["val"] == "bullet")
        #expect(numbering.all("num").first?["numId"] == String(DocxWriter.bulletNumbering))
    }

    @Test func anActionWhoseTextOpensWithAListHasItsIDAboveTheFirstItem() throws {
        var plan = DocxRoundTripTests.plan("x")
        plan.recommendations[0].actions[0].text = "- first\n- second"
        let document = OfficialDocument(plan)
        let data = try DocxWriter.write(document, title: nil)
        let body = try #require(try DocxSupport.tree(try DocxSupport.part("word/document.xml", of: data)).first("body"))
        let row = try #require(body.all("tbl")[1].all("tr").first { $0.all("tc").count == 6 && $0.descendants("t").contains { $0.text == "1.1" } })
        let lines = Self.paragraphs(row.all("tc")[3])
        #expect(lines.map(\.text) == ["1.1", "first", "second"])
        #expect(lines.map(\.bullet) == [false, true, true])
    }

    @Test func updateRowsNameTheOwnersInCharge() throws {
        // recall-culture-2020's updates set no owners of their own: the action's fill the cell.
        let (_, body) = try Self.body("recall-culture-2020")
        let rows = body.all("tbl")[1].all("tr")
        let updates = rows.filter { ($0.all("tc").dropFirst(3).first?.descendants("t").first?.text ?? "").hasPrefix("Update ") }
        #expect(!updates.isEmpty)
        for row in updates { #expect(!Self.paragraphs(row.all("tc")[4]).allSatisfy { $0.text.isEmpty }) }
    }

    @Test func theSummaryIsThePublishedVerticalTable() throws {
        let (document, body) = try Self.body("recall-culture-2020")
        let summary = try #require(body.all("tbl").last)
        let rows = summary.all("tr").map { $0.all("tc").map { $0.descendants("t").map(\.text).joined() } }
        let s = document.summary
        #expect(rows == [["Recommendations"], ["Agreed", "\(s.agreed)"], ["Partly Agreed", "\(s.partlyAgreed)"],
                         ["Not Agreed", "\(s.notAgreed)"], ["Total", "\(s.total)"]])
    }
}
