import Foundation
import PlanImport
import PlanKit
import ZIPFoundation

/// An owner's form as it comes back: its rows as the owner left them, and, from a Word
/// document, what the form recorded about itself (custom properties) and the day it was saved.
struct FilledForm {
    /// One action's row: the cells under `OwnerForm.headers`, spaces tidied, and where it is.
    struct Row {
        var cells: [String]
        var place: String
        var id: String { cells[0] }
        var progress: String { cells[4] }
        var newState: String { cells[5] }
        var newTarget: String { cells[6] }
        var currentTarget: String { cells[2] }
        var currentState: String { cells[3] }
    }

    var rows: [Row]
    /// The custom properties of a Word form (none for CSV).
    var properties: [String: String]
    /// The day Word last saved the document (`dcterms:modified`), if it says.
    var saved: Day?

    /// The most a property part may hold uncompressed.
    static let propertiesLimit = 1 << 20

    static func read(_ data: Data, csv: Bool) throws -> FilledForm {
        if csv {
            let records = try FormCSV.records(FormCSV.text(Array(data)))
            let table = records.map { $0.map { tidied(FormCSV.unguarded($0).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)) } }
            guard table.first == OwnerForm.headers else { throw notAForm }
            return FilledForm(rows: rows(table, places: table.indices.map { "row \($0 + 1)" }), properties: [:], saved: nil)
        }
        let document: TableDocument
        do {
            document = try DocxReader.read(data)
        } catch let error as ImportError {
            throw WorkflowError(message: "not a form plantool can read: \(error)")
        }
        var found: [Row] = []
        var isForm = false
        for case .table(let table) in document.blocks {
            let cells = table.rows.map { $0.cells.map { tidied($0.paragraphs) } }
            guard cells.first == OwnerForm.headers else { continue }
            isForm = true
            found += rows(cells, places: table.rows.map(\.place.description))
        }
        guard isForm else { throw notAForm }
        let archive = try Archive(data: data, accessMode: .read)
        let properties = customProperties(try part("docProps/custom.xml", of: archive))
        let saved = try part("docProps/core.xml", of: archive).flatMap(modifiedDay)
        return FilledForm(rows: found, properties: properties, saved: saved)
    }

    static let notAForm = WorkflowError(message: "not an owner's form: no table has the header "
                                        + OwnerForm.headers.map { "\"\($0)\"" }.joined(separator: ", ")
                                        + " (make one with plantool form export)")

    /// The rows below the header row that hold anything, each padded to the form's columns.
    static func rows(_ table: [[String]], places: [String]) -> [Row] {
        table.indices.dropFirst().compactMap { index in
            let cells = table[index]
            guard cells.contains(where: { !$0.isEmpty }) else { return nil }
            let padded = Array((cells + Array(repeating: "", count: OwnerForm.headers.count)).prefix(OwnerForm.headers.count))
            return Row(cells: padded, place: places[index])
        }
    }

    /// A cell's text as Word holds it, tidied: non-breaking and other spaces as plain spaces,
    /// runs of spaces as one, paragraphs trimmed and the empty ones dropped, the rest one per line.
    static func tidied(_ paragraphs: [String]) -> String {
        paragraphs.map { paragraph in
            paragraph.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// A part's text, or nil when the package has no such part; a part larger than
    /// `propertiesLimit` is refused rather than inflated.
    static func part(_ name: String, of archive: Archive) throws -> String? {
        guard let entry = archive[name] else { return nil }
        var bytes = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                bytes.append(chunk)
                if bytes.count > propertiesLimit { throw WorkflowError(message: "\(name) holds more than \(propertiesLimit) bytes: not a form plantool wrote") }
            }
        } catch let error as WorkflowError {
            throw error
        } catch {
            throw WorkflowError(message: "\(name) cannot be read from the document: \(error)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text properties of `docProps/custom.xml`, by name.
    static func customProperties(_ xml: String?) -> [String: String] {
        guard let xml else { return [:] }
        var found: [String: String] = [:]
        for element in xml.components(separatedBy: "<property ").dropFirst() {
            guard let name = attribute("name", in: element),
                  let open = element.range(of: "lpwstr>"), let close = element.range(of: "</", range: open.upperBound..<element.endIndex) else { continue }
            found[unescaped(name)] = unescaped(String(element[open.upperBound..<close.lowerBound]))
        }
        return found
    }

    static func attribute(_ name: String, in element: String) -> String? {
        guard let start = element.range(of: " \(name)=\"") ?? element.range(of: "\(name)=\""),
              let end = element[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(element[start.upperBound..<end])
    }

    /// The day of `dcterms:modified` in `docProps/core.xml` (its first ten characters, as W3CDTF writes it).
    static func modifiedDay(_ xml: String) -> Day? {
        guard let tag = xml.range(of: ":modified"), let open = xml[tag.upperBound...].firstIndex(of: ">") else { return nil }
        return Day(xml[xml.index(after: open)...].prefix(10))
    }

    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) { out.unicodeScalars.append(scalar) } else { out += "&\(entity);" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}
