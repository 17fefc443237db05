import Foundation
import PlanGit
import PlanImport
import PlanKit

/// `import`: FILE read and interpreted as a plan, then written into DIR through a staging
/// folder beside it, checked before it is moved in, so that on any error nothing in DIR changes.
public struct ImportJob {
    public enum Format: String, CaseIterable, Sendable {
        case text, docx, csv
    }

    /// Input larger than this is refused before it is read: no plan comes near it.
    public static let maximumSize = 64 * 1024 * 1024

    /// FILE as the command line gave it, for messages.
    public var file: String
    /// FILE, resolved.
    public var source: URL
    /// DIR, resolved; nil for a dry run without --into.
    public var target: URL?
    /// Replace a plan already in DIR (its files must be committed).
    public var replace: Bool
    /// Read and report; write nothing.
    public var dryRun: Bool

    public init(file: String, source: URL, target: URL?, replace: Bool, dryRun: Bool) {
        self.file = file
        self.source = source
        self.target = target
        self.replace = replace
        self.dryRun = dryRun
    }

    // MARK: Reading

    /// The file to import, read whole; refused when missing, a folder, empty or too large.
    public func readInput() throws -> Data {
        let url = source
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw WorkflowError(message: "\(file): no such file")
        }
        if isDirectory.boolValue { throw WorkflowError(message: "\(file) is a folder: name the file to import") }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw WorkflowError(message: "\(file): cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: Self.maximumSize + 1) ?? Data()
        } catch {
            throw WorkflowError(message: "\(file): cannot be read: \(error.localizedDescription)")
        }
        if data.count > Self.maximumSize {
            throw WorkflowError(message: "\(file) is larger than \(Self.maximumSize / 1024 / 1024) MiB: not a plan")
        }
        if data.isEmpty { throw WorkflowError(message: "\(file) is empty") }
        return data
    }

    /// The format a file's extension names, else what its first bytes show (a zip is a DOCX).
    public static func format(of url: URL, data: Data) -> Format {
        switch url.pathExtension.lowercased() {
        case "docx": return .docx
        case "csv": return .csv
        default: return data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .docx : .text
        }
    }

    /// The plan FILE holds, with the remarks a person should check; an error naming the place
    /// in FILE when it cannot be read as a plan.
    public func interpret(_ data: Data, as format: Format) throws -> ImportResult {
        do {
            return try interpretOrThrow(data, as: format)
        } catch let error as ImportError {
            throw WorkflowError(message: "\(file)\(error.place.map { ":\($0)" } ?? ""): \(error.message); nothing was written")
        }
    }

    private func interpretOrThrow(_ data: Data, as format: Format) throws -> ImportResult {
        switch format {
        case .docx:
            return try PlanImporter.interpret(DocxReader.read(data))
        case .text:
            return try PlanImporter.interpret(WordTextReader.read(try Self.decodeText(data)))
        case .csv:
            guard let target, let info = try existingPlanInfo(in: target) else {
                throw WorkflowError(message: "a CSV holds the recommendations only: import it into the plan it came from (--into DIR, a folder with plan.yaml), or make one first with plantool init")
            }
            return ImportResult(plan: try CSVPlanReader.read(try Self.decodeText(data), info: info), remarks: [])
        }
    }

    /// UTF-8 (a byte-order mark dropped), or UTF-16 with its byte-order mark, as Word's
    /// "Unicode text" is. Anything else is refused with the offset of the first bad byte.
    public static func decodeText(_ data: Data) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw ImportError("the file starts as UTF-16 text but is not valid UTF-16")
            }
            return text
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return text }
        var line = 1, column = 1
        var iterator = body.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: break loop
            case .error:
                throw ImportError("not UTF-8 text (save it from Word as plain text, UTF-8, or as a .docx)",
                                  at: .init(line: line, column: column))
            }
        }
        throw ImportError("not UTF-8 text")
    }

    private func existingPlanInfo(in directory: URL) throws -> PlanInfo? {
        let planFile = directory.appendingPathComponent(PlanDirectory.planFileName)
        guard FileManager.default.fileExists(atPath: planFile.path) else { return nil }
        let shown = Selection.display(planFile)
        switch PlanDirectory.read(planFile) {
        case .failure(let error):
            throw WorkflowError(message: "\(shown): \(error.message)")
        case .success(let bytes):
            let parsed = PlanFormat.parsePlanInfo(bytes, path: shown)
            guard let info = parsed.value, !parsed.diagnostics.hasErrors else {
                throw WorkflowError(message: "\(shown) has errors: fix it before importing into this plan", exitCode: 1,
                                    diagnostics: parsed.diagnostics.filter { $0.severity == .error })
            }
            return info
        }
    }
}
