import Foundation
import Testing
@testable import PlanKit

/// The exporter registry the export command looks formats up in.
@Suite("PlanExporters")
struct PlanExportersTests {
    @Test("formats by name and by file extension, as the export command has always chosen them")
    func lookUp() {
        #expect(PlanExporters.all.map { $0.formatName } == ["markdown", "html", "csv", "docx", "json", "ics"])
        let byExtension = ["md": "markdown", "MARKDOWN": "markdown", "html": "html", "htm": "html",
                           "csv": "csv", "docx": "docx", "json": "json", "ics": "ics", "ICS": "ics"]
        for (fileExtension, name) in byExtension {
            #expect(PlanExporters.forExtension(fileExtension)?.formatName == name, "\(fileExtension)")
        }
        #expect(PlanExporters.forExtension("txt") == nil)
        #expect(PlanExporters.named("HTML")?.formatName == "html")
        #expect(PlanExporters.named("yaml") == nil)
        #expect(PlanExporters.all.filter { !$0.isText }.map { $0.formatName } == ["docx"])
    }

    @Test("each exporter gives the bytes of its renderer")
    func bytes() throws {
        let plan = try ExportSupport.hostile()
        #expect(MarkdownExport.export(plan) == Array(MarkdownExport.render(OfficialDocument(plan)).utf8))
        #expect(HTMLExport.export(plan) == Array(HTMLExport.render(OfficialDocument(plan), title: plan.info.title).utf8))
        #expect(CSVExport.export(plan) == Array(CSVExport.render(plan).utf8))
        #expect(PlanJSON.export(plan) == Array(PlanJSON.render(plan).utf8))
        let docx = try PlanExporters.named("docx")?.export(plan) ?? []
        #expect(docx.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }
}
