import Foundation

/// A fresh folder under the system's temporary folder, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let base = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
    let folder = base.appendingPathComponent("plantool-e2e-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// Writes `text` (as UTF-8) to `relative` under `folder`, creating the folders on the way.
@discardableResult
func write(_ text: String, to relative: String, in folder: URL) throws -> URL {
    try writeBytes(Array(text.utf8), to: relative, in: folder)
}

@discardableResult
func writeBytes(_ bytes: [UInt8], to relative: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return url
}

/// A file's bytes, or nil when it cannot be read.
func bytes(of url: URL) -> [UInt8]? {
    FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
}

func exists(_ url: URL) -> Bool {
    (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
}

/// Canonical plan files, as `plantool init` and `plantool fmt` write them.
enum Fixture {
    static let planYAML = """
        # yaml-language-server: $schema=schema/plan.schema.json
        format: 1
        title: Test plan
        organisation: HM Prison and Probation Service
        inspectorate: HM Inspectorate of Probation
        report:
          title: Test report
          published: "2024-01-02"
        submitted: "2024-02-03"

        """

    /// A short, valid, canonical recommendation file.
    static func recommendation(_ number: Int) -> String {
        """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: \(number)
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions: []

        """
    }

    /// A canonical recommendation that also lints clean: one action with an owner and a target.
    static func recommendationWithAction(_ number: Int) -> String {
        """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: \(number)
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "\(number).1"
            text: Publish revised recall guidance for all probation regions
            owners:
              - Deputy Director, Public Protection Group
            target: 2099-12
            state: planned

        """
    }

    /// Makes a plan folder at `relative` under `folder` holding plan.yaml and the given
    /// recommendation files (file name to contents); returns the plan folder.
    @discardableResult
    static func plan(at relative: String, in folder: URL, recommendations: [String: String] = [:]) throws -> URL {
        let plan = relative.isEmpty || relative == "." ? folder : folder.appendingPathComponent(relative)
        try write(planYAML, to: "plan.yaml", in: plan)
        try FileManager.default.createDirectory(at: plan.appendingPathComponent("recommendations"),
                                                withIntermediateDirectories: true)
        for (name, text) in recommendations {
            try write(text, to: "recommendations/\(name)", in: plan)
        }
        return plan
    }

    /// Copies examples/<name> into `folder`; returns the copy.
    static func copyExample(_ name: String, into folder: URL) throws -> URL {
        let copy = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: PackagePaths.examples.appendingPathComponent(name), to: copy)
        return copy
    }

    /// The example plans shipped with the package.
    static let examples = ["central-functions-2020", "cgm-crc-2019", "ipp-recall-2023", "recall-culture-2020"]
}

/// One line of plantool's findings: `path[:line:col]: severity: message [rule]`.
struct DiagnosticLine: Equatable, CustomStringConvertible {
    var path: String
    var line: Int?
    var column: Int?
    var severity: String
    var message: String
    var rule: String

    var description: String {
        let place = line.map { "\(path):\($0):\(column ?? 0)" } ?? path
        return "\(place): \(severity): \(message) [\(rule)]"
    }

    /// Parses a line; nil when it does not have the diagnostic form.
    init?(_ text: String) {
        guard text.hasSuffix("]"), let open = text.range(of: " [", options: .backwards) else { return nil }
        let rule = String(text[open.upperBound..<text.index(before: text.endIndex)])
        guard !rule.isEmpty, rule.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else { return nil }  // invalid-utf8
        let head = text[..<open.lowerBound]
        var found: (Range<String.Index>, String)? = nil
        for severity in ["error", "warning", "info"] {
            if let r = head.range(of: ": \(severity): "), found == nil || r.lowerBound < found!.0.lowerBound {
                found = (r, severity)
            }
        }
        guard let (separator, severity) = found else { return nil }
        let place = String(head[..<separator.lowerBound])
        self.severity = severity
        self.message = String(head[separator.upperBound...])
        self.rule = rule
        let parts = place.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 3, let l = Int(parts[parts.count - 2]), let c = Int(parts[parts.count - 1]) {
            self.path = parts.dropLast(2).joined(separator: ":")
            self.line = l
            self.column = c
        } else {
            self.path = place
            self.line = nil
            self.column = nil
        }
    }
}

extension RunResult {
    /// Every line of standard output read as a diagnostic; lines that are not are left out.
    var diagnostics: [DiagnosticLine] { stdoutLines.compactMap(DiagnosticLine.init) }
    var errors: [DiagnosticLine] { diagnostics.filter { $0.severity == "error" } }
}
