import Foundation

/// The formats `plantool lint` writes.
public enum LintOutputFormat: String, CaseIterable, Sendable {
    case human
    case json
    case github
    case sarif
    case gitlab
}

/// Counts of a lint run, for summaries.
public struct LintSummary: Sendable, Equatable, Codable {
    public var files: Int
    public var errors: Int
    public var warnings: Int
    public var info: Int

    public init(files: Int, diagnostics: [Diagnostic]) {
        self.files = files
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.filter { $0.severity == .warning }.count
        info = diagnostics.filter { $0.severity == .info }.count
    }
}

/// Pure renderers from diagnostics to text. The JSON form is documented by
/// schema/lint-output.schema.json and keeps its shape across releases (`version` changes if not).
public enum LintRenderer {
    // MARK: json

    struct JSONReport: Encodable {
        var version = 1
        var tool = "plantool"
        var diagnostics: [JSONDiagnostic]
        var summary: LintSummary
    }

    struct JSONDiagnostic: Encodable {
        var path: String
        var line: Int?
        var column: Int?
        var severity: String
        var rule: String
        var message: String
    }

    public static func json(_ diagnostics: [Diagnostic], files: Int) -> String {
        let report = JSONReport(diagnostics: diagnostics.sorted().map {
            JSONDiagnostic(path: $0.path, line: $0.location?.line, column: $0.location?.column, severity: $0.severity.rawValue,
                           rule: $0.rule, message: $0.message)
        }, summary: LintSummary(files: files, diagnostics: diagnostics))
        return encode(report)
    }

    // MARK: github

    /// GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=rule::message`.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted().map { d in
            let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            var properties = ["file=\(escapeProperty(d.path))"]
            if let location = d.location {
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            properties.append("title=\(escapeProperty("plantool " + d.rule))")
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(d.message))"
        }.joined(separator: "\n")
    }

    /// The workflow command's escapes, then every other control character or bidirectional
    /// control replaced by its stand-in (the run's log shows it; a raw one would act there).
    static func escapeData(_ text: String) -> String {
        UnsafeCharacters.neutralised(text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A"))
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    // MARK: sarif

    struct SARIFLog: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "plantool"
        var version: String
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var shortDescription: Text
        var fullDescription: Text
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }
    struct Text: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    /// A rule as SARIF describes it.
    public struct RuleDescription: Sendable {
        public var id: String
        public var summary: String
        public var explanation: String
        public var severity: Severity

        public init(id: String, summary: String, explanation: String, severity: Severity) {
            self.id = id
            self.summary = summary
            self.explanation = explanation
            self.severity = severity
        }
    }

    /// SARIF 2.1.0, for code scanning. Paths are given as relative URIs.
    public static func sarif(_ diagnostics: [Diagnostic], rules: [RuleDescription], version: String) -> String {
        let sortedRules = rules.sorted { $0.id < $1.id }
        let indexes = Dictionary(uniqueKeysWithValues: sortedRules.enumerated().map { ($0.element.id, $0.offset) })
        let results = diagnostics.sorted().map { d in
            Result(ruleId: d.rule, ruleIndex: indexes[d.rule], level: level(d.severity), message: Text(text: d.message),
                   locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: uri(d.path)),
                    region: d.location.map { Region(startLine: $0.line, startColumn: $0.column) }))])
        }
        let driver = Driver(version: version, rules: sortedRules.map {
            Rule(id: $0.id, shortDescription: Text(text: $0.summary), fullDescription: Text(text: $0.explanation),
                 defaultConfiguration: Configuration(level: level($0.severity)))
        })
        return encode(SARIFLog(runs: [Run(tool: Tool(driver: driver), results: results)]))
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func uri(_ path: String) -> String {
        path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
            .joined(separator: "/")
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        JSONOutput.encode(value)
    }
}
