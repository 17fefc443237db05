import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// LibreOffice opens every example's DOCX and prints it to PDF: the PDF holds each
/// recommendation's number and opening words, on landscape pages. Needs `soffice`
/// (libreoffice-writer-nogui) and poppler-utils (`pdftotext`, `pdfinfo`), which scripts/setup
/// installs when it can; without them the test is skipped.
@Suite struct DocxLibreOfficeTests {
    static let available = ["soffice", "pdftotext", "pdfinfo"].allSatisfy { DocxSupport.tool($0) != nil }

    /// Text as it compares: words separated by single spaces, a line broken after a hyphen
    /// joined again ("re- offending" → "re-offending"), soft hyphens dropped.
    static func normalised(_ text: String) -> String {
        let words = text.replacingOccurrences(of: "\u{AD}", with: "")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return words.replacingOccurrences(of: "- ", with: "-").replacingOccurrences(of: "\u{2010} ", with: "\u{2010}")
    }

    @Test(.enabled(if: available, "LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo) is not installed; scripts/setup installs them"),
          .timeLimit(.minutes(5)))
    func libreOfficePrintsEveryExampleLandscapeWithEveryRecommendation() throws {
        let soffice = try #require(DocxSupport.tool("soffice"))
        let pdftotext = try #require(DocxSupport.tool("pdftotext"))
        let pdfinfo = try #require(DocxSupport.tool("pdfinfo"))
        let folder = try DocxSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        var plans: [String: Plan] = [:]
        var files: [String] = []
        for name in DocxSupport.exampleNames {
            let plan = try DocxSupport.plan(name)
            plans[name] = plan
            let file = folder.appendingPathComponent("\(name).docx")
            try DocxWriter.write(OfficialDocument(plan), title: plan.info.title).write(to: file)
            files.append(file.path)
        }
        // One LibreOffice run for all four, with a profile of its own so it neither uses nor
        // locks the user's.
        let profile = folder.appendingPathComponent("libreoffice-profile")
        let convert = try DocxSupport.run(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless",
                                                    "--convert-to", "pdf", "--outdir", folder.path] + files,
                                          in: folder, timeout: 240)
        try #require(!convert.timedOut, "soffice did not finish within 240 s:\n\(convert.stdout)\(convert.stderr)")
        #expect(convert.status == 0, "soffice exited \(convert.status):\n\(convert.stdout)\(convert.stderr)")

        for name in DocxSupport.exampleNames {
            let pdf = folder.appendingPathComponent("\(name).pdf")
            try #require(FileManager.default.fileExists(atPath: pdf.path),
                         "soffice made no \(name).pdf:\n\(convert.stdout)\(convert.stderr)")
            let plan = try #require(plans[name])

            // Pages: every one wider than high.
            let info = try DocxSupport.run(pdfinfo, ["-f", "1", "-l", "9999", pdf.path], in: folder)
            #expect(info.status == 0, "pdfinfo \(name).pdf: \(info.stderr)")
            let sizes = info.stdout.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains(" size:") }
                .compactMap { line -> (Double, Double)? in
                    let fields = line.split(separator: " ")
                    guard let x = fields.firstIndex(of: "x"), x > 0, x + 1 < fields.count,
                          let w = Double(fields[x - 1]), let h = Double(fields[x + 1]) else { return nil }
                    return (w, h)
                }
            #expect(sizes.count > 1, "\(name).pdf: no page sizes in\n\(info.stdout)")
            for (i, size) in sizes.enumerated() {
                #expect(size.0 > size.1, "\(name).pdf page \(i + 1) is \(size.0) x \(size.1) pt, not landscape")
                #expect(abs(size.0 - 841.9) < 2 && abs(size.1 - 595.3) < 2, "\(name).pdf page \(i + 1) is not A4")
            }

            // Text: in content order (-raw), so a cell's text runs on; the header row repeated on
            // each page is taken out, as it may fall inside a cell that runs onto the next page.
            let textFile = folder.appendingPathComponent("\(name).txt")
            let text = try DocxSupport.run(pdftotext, ["-raw", "-enc", "UTF-8", pdf.path, textFile.path], in: folder)
            #expect(text.status == 0, "pdftotext \(name).pdf: \(text.stderr)")
            var printed = Self.normalised(try String(contentsOf: textFile, encoding: .utf8))
            for column in OfficialDocument.columns {
                printed = printed.replacingOccurrences(of: Self.normalised(column) + " ", with: "")
            }
            #expect(printed.contains(Self.normalised(OfficialDocument.headingPrefix + plan.info.title)))
            for rec in plan.recommendations {
                // Rows may break across pages, so a cell's first line may be all that a page
                // holds of it: the number cell, then the recommendation's opening words beside it.
                let opening = Self.normalised(rec.text).split(separator: " ").prefix(3).joined(separator: " ")
                #expect(printed.contains("\(rec.number) \(opening)"),
                        "\(name).pdf lacks recommendation \(rec.number): \(opening)")
            }
        }
    }

    /// A DOCX written by another program than plantool: LibreOffice saves each example's export
    /// again as Word 2007 XML, with its own markup (bookmarks, its own styles and properties), and
    /// DocxReader reads the same table document from it.
    @Test(.enabled(if: DocxSupport.tool("soffice") != nil, "LibreOffice (soffice) is not installed; scripts/setup installs it"),
          .timeLimit(.minutes(5)))
    func aDocumentLibreOfficeSavedReadsTheSame() throws {
        let soffice = try #require(DocxSupport.tool("soffice"))
        let folder = try DocxSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = folder.appendingPathComponent("saved")
        var documents: [String: OfficialDocument] = [:]
        var files: [String] = []
        for name in DocxSupport.exampleNames {
            let (document, data) = try DocxSupport.docx(name)
            documents[name] = document
            let file = folder.appendingPathComponent("\(name).docx")
            try data.write(to: file)
            files.append(file.path)
        }
        let profile = folder.appendingPathComponent("libreoffice-profile")
        let convert = try DocxSupport.run(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless",
                                                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", saved.path] + files,
                                          in: folder, timeout: 240)
        try #require(!convert.timedOut, "soffice did not finish within 240 s:\n\(convert.stdout)\(convert.stderr)")
        for name in DocxSupport.exampleNames {
            let file = saved.appendingPathComponent("\(name).docx")
            let data = try #require(try? Data(contentsOf: file), "soffice saved no \(name).docx:\n\(convert.stdout)\(convert.stderr)")
            #expect(data != (try Data(contentsOf: folder.appendingPathComponent("\(name).docx"))))
            let expected = try #require(documents[name]).tableDocument
            let read = try DocxReader.read(data)
            #expect(read == expected, "\(name): \(read.firstDifference(from: expected) ?? "")")
        }
    }
}
