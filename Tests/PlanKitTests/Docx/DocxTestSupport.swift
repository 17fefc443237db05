import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import PlanKit

/// Example plans, DOCX packages made by hand, command-line tools and a small XML tree for the
/// DOCX tests.
enum DocxSupport {
    static let exampleNames = ["central-functions-2020", "cgm-crc-2019", "ipp-recall-2023", "recall-culture-2020"]

    static func plan(_ name: String) throws -> Plan {
        let folder = Paths.examples.appendingPathComponent(name)
        let loaded = PlanLoader.load(PlanDirectory.files(of: folder, displayRoot: name))
        return try #require(loaded.plan, "example \(name) does not load: \(loaded.diagnostics.map(\.description))")
    }

    static func docx(_ name: String) throws -> (document: OfficialDocument, data: Data) {
        let plan = try plan(name)
        let document = OfficialDocument(plan)
        return (document, try DocxWriter.write(document, title: plan.info.title))
    }

    /// The text of one part of a DOCX package.
    static func part(_ path: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path], "the package has no \(path)")
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return try #require(String(data: bytes, encoding: .utf8), "\(path) is not UTF-8")
    }

    /// A ZIP archive of the given parts, in order.
    static func zip(_ parts: [(path: String, bytes: Data)], compression: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let bytes = part.bytes
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: compression) { position, size in
                let start = Int(position)
                return bytes.subdata(in: start..<min(start + size, bytes.count))
            }
        }
        return try #require(archive.data)
    }

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A minimal DOCX whose document part has this body content.
    static func docx(body: String, namespace: String = w, documentPath: String = "word/document.xml",
                     relationships: String? = nil) throws -> Data {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:document xmlns:w=\"\(namespace)\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
            + " xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"><w:body>"
            + body + "</w:body></w:document>"
        var parts: [(path: String, bytes: Data)] = []
        if let relationships { parts.append(("_rels/.rels", Data(relationships.utf8))) }
        parts.append((documentPath, Data(xml.utf8)))
        return try zip(parts)
    }

    // MARK: Tools

    /// An executable on PATH.
    static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Runs a tool, its output going to files (no pipe to fill up), stopping it after `timeout`.
    static func run(_ tool: URL, _ arguments: [String], in folder: URL, timeout: TimeInterval = 60) throws -> Run {
        let out = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        defer {
            try? outHandle.close()
            try? errHandle.close()
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    /// A new empty folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plantool-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    // MARK: A small XML tree

    final class Node {
        let name: String  // local name
        let namespace: String
        let attributes: [String: String]  // by local name
        var children: [Node] = []
        var text = ""

        init(name: String, namespace: String, attributes: [String: String]) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
        }

        /// Direct children with this local name.
        func all(_ name: String) -> [Node] { children.filter { $0.name == name } }
        func first(_ name: String) -> Node? { children.first { $0.name == name } }
        /// Every descendant with this local name, in document order.
        func descendants(_ name: String) -> [Node] {
            children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
        }
        subscript(attribute: String) -> String? { attributes[attribute] }
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [Node] = [Node(name: "#document", namespace: "", attributes: [:])]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            var local: [String: String] = [:]
            for (key, value) in attributes { local[String(key.split(separator: ":").last ?? Substring(key))] = value }
            let node = Node(name: name, namespace: namespaceURI ?? "", attributes: local)
            stack[stack.count - 1].children.append(node)
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack[stack.count - 1].text += string
        }
    }

    /// The XML's root element.
    static func tree(_ xml: String) throws -> Node {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        try #require(parser.parse(), "the XML does not parse: \(String(describing: parser.parserError)) at \(parser.lineNumber):\(parser.columnNumber)")
        return try #require(builder.stack.first?.children.first)
    }
}

extension TableDocument {
    /// Where two documents first differ, for a readable failure.
    func firstDifference(from other: TableDocument) -> String? {
        for (i, (a, b)) in zip(blocks, other.blocks).enumerated() where a != b {
            if case .table(let ta) = a, case .table(let tb) = b {
                for (ra, rb) in zip(ta.rows, tb.rows) where ra != rb {
                    return "block \(i + 1), \(ra.place):\n  read:     \(ra)\n  expected: \(rb)"
                }
                return "block \(i + 1): \(ta.rows.count) rows read, \(tb.rows.count) expected"
            }
            return "block \(i + 1):\n  read:     \(a)\n  expected: \(b)"
        }
        return blocks.count == other.blocks.count ? nil : "\(blocks.count) blocks read, \(other.blocks.count) expected"
    }
}
