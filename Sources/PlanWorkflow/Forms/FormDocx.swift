import Foundation
import PlanKit
import ZIPFoundation

/// Writes an owner's form as a Word document: a title, who it is for and how to fill it in,
/// then per recommendation a heading and a table whose header row is `OwnerForm.headers`
/// (repeated on every page) with a row per open action. The plan, its identity, the commit, the
/// owner and the actions' ids go in the document's custom properties (`docProps/custom.xml`),
/// which Word keeps when the owner saves. Landscape A4; no timestamps, so the same form always
/// gives the same bytes (Word records when it was saved, which import reads as the day filled).
enum FormDocx {
    static func write(_ form: OwnerForm) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, xml) in parts(of: form) {
            let bytes = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_532_800), compressionMethod: .deflate) { position, size in
                let start = bytes.startIndex + Int(position)
                return bytes.subdata(in: start..<min(start + size, bytes.endIndex))
            }
        }
        guard let data = archive.data else { throw WorkflowError(message: "the form could not be built in memory") }
        return data
    }

    static func parts(of form: OwnerForm) -> [(String, String)] {
        let properties: [(String, String)] = [
            (OwnerForm.Property.form, "1"), (OwnerForm.Property.plan, form.planFolder),
            (OwnerForm.Property.identity, form.planIdentity), (OwnerForm.Property.commit, form.commit),
            (OwnerForm.Property.owner, form.owner), (OwnerForm.Property.actions, form.actionIDs.joined(separator: " ")),
        ]
        return [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", declaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(escaped("Progress update: " + form.owner))</dc:title>"
                + "<dc:creator>plantool</dc:creator></cp:coreProperties>"),
            ("docProps/custom.xml", customProperties(properties)),
            ("word/_rels/document.xml.rels", declaration + "<Relationships xmlns=\"\(relationships)\">"
                + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/styles\" Target=\"styles.xml\"/></Relationships>"),
            ("word/document.xml", body(form)),
            ("word/styles.xml", styles),
        ]
    }

    // MARK: The body

    /// Column widths in twentieths of a point, across the 14570 of a landscape A4 page's text.
    static let columns = [900, 4600, 1500, 1300, 3770, 1100, 1400]

    static func body(_ form: OwnerForm) -> String {
        var xml = declaration + "<w:document xmlns:w=\"\(wordNamespace)\"><w:body>"
        xml += paragraph("Progress update: " + form.planTitle, style: "Title")
        xml += paragraph("For: " + form.owner)
        xml += paragraph("Write what has happened since the last update in Progress update. Where it changes, give "
                         + "the New state (planned, in progress, completed, ongoing or dropped) and the New target date "
                         + "(such as March 2024, Q3 2024 or 31 March 2024). Leave a row empty when there is nothing to report, "
                         + "and leave the Action column as it is.")
        for group in form.groups {
            xml += paragraph("Recommendation \(group.recommendation.number)", style: "Heading1")
            xml += paragraph(group.recommendation.text)
            xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(columns.reduce(0, +))\" w:type=\"dxa\"/>"
                + "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
                + columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
            xml += row(OwnerForm.headers, header: true)
            for action in group.actions { xml += row(OwnerForm.cells(of: action), header: false) }
            xml += "</w:tbl>" + paragraph("")
        }
        xml += "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "</w:sectPr></w:body></w:document>"
        return xml
    }

    static func row(_ cells: [String], header: Bool) -> String {
        var xml = header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>"
        for (text, width) in zip(cells, columns) {
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            if header { xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>" }
            xml += "</w:tcPr>"
            xml += text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph(String($0), bold: header) }.joined()
            xml += "</w:tc>"
        }
        return xml + "</w:tr>"
    }

    static func paragraph(_ text: String, style: String? = nil, bold: Bool = false) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        guard !text.isEmpty else { return "<w:p>\(properties)</w:p>" }
        return "<w:p>\(properties)<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(escaped(text))</w:t></w:r></w:p>"
    }

    /// Text for XML: markup escaped, control characters by their stand-ins, characters XML 1.0
    /// cannot hold (U+FFFE, U+FFFF) left out.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in UnsafeCharacters.neutralised(text, keepingLineBreaks: false).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: The package

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = declaration
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>"
        + "</Types>"

    static let packageRelationships = declaration + "<Relationships xmlns=\"\(relationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(officeRelationships)/custom-properties\" Target=\"docProps/custom.xml\"/>"
        + "</Relationships>"

    /// Text properties; `pid` starts at 2, as the format asks.
    static func customProperties(_ properties: [(String, String)]) -> String {
        declaration + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\""
            + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
            + properties.enumerated().map { index, property in
                "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"\(index + 2)\" name=\"\(escaped(property.0))\">"
                    + "<vt:lpwstr>\(escaped(property.1))</vt:lpwstr></property>"
            }.joined()
            + "</Properties>"
    }

    /// Normal (Arial 10 pt), Title, Heading 1 and Table Grid.
    static let styles = declaration + "<w:styles xmlns:w=\"\(wordNamespace)\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"20\"/>"
        + "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:keepNext/><w:spacing w:before=\"240\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"26\"/></w:rPr></w:style>"
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/></w:style>"
        + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
        + "<w:pPr><w:spacing w:after=\"40\"/></w:pPr><w:tblPr><w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }.joined()
        + "</w:tblBorders><w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>"
}
