import Yams

/// `.plantool.yaml`, at a plan's root or the repository's root (the plan's wins, key by key):
///
/// ```yaml
/// rules:
///   action-overdue: off          # off, error, warning or info
///   owner-names-role: error
/// vague-phrases: [continue to, explore, consider]   # replaces the built-in list
/// owners:                        # the owners register: known owner roles
///   - Deputy Director, Public Protection Group
/// ```
public struct LintConfiguration: Sendable, Equatable {
    public static let fileName = ".plantool.yaml"

    /// Severity per rule id; nil turns the rule off.
    public var severities: [String: Severity?] = [:]
    /// The vague-phrase list, when the file gives one.
    public var configuredVaguePhrases: [String]?
    /// Known owner roles, when the file gives a register.
    public var configuredOwners: [String]?

    public var vaguePhrases: [String] { configuredVaguePhrases ?? TextHeuristics.defaultVaguePhrases }
    public var owners: [String] { configuredOwners ?? [] }

    public init() {}

    /// The severity a rule reports at, or nil when it is off.
    public func severity(of rule: String, default fallback: Severity) -> Severity? {
        if let configured = severities[rule] { return configured }
        return fallback
    }

    /// Reads a configuration file; problems are diagnostics with path:line:column.
    public static func parse(_ bytes: [UInt8], path: String) -> (LintConfiguration?, [Diagnostic]) {
        var configuration = LintConfiguration()
        var diagnostics: [Diagnostic] = []
        func report(_ node: Node?, _ message: String) {
            let location = node?.mark.map { SourceLocation(line: $0.line, column: $0.column) }
            diagnostics.append(Diagnostic(path: path, location: location, severity: .error, rule: "configuration", message: message))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            report(nil, "the configuration is not UTF-8 text")
            return (nil, diagnostics)
        }
        let root: Node?
        YAMLDocument.limitNesting()
        if let deep = YAMLDocument.tooDeep(bytes) {
            diagnostics.append(Diagnostic(path: path, location: deep, severity: .error, rule: "configuration",
                                          message: YAMLDocument.tooDeepMessage))
            return (nil, diagnostics)
        }
        do {
            root = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            var location: SourceLocation? = nil
            var problem = "cannot be read"
            switch error {
            case .scanner(let context, let text, let mark, _), .parser(let context, let text, let mark, _),
                 .composer(let context, let text, let mark, _):
                location = SourceLocation(line: mark.line, column: mark.column)
                problem = context.map { "\($0.text): \(text)" } ?? text
            case .duplicatedKeysInMapping(let keys, let context):
                location = SourceLocation(line: context.mark.line, column: context.mark.column)
                problem = "duplicate key '\(keys.first ?? "")'"
            default: break
            }
            diagnostics.append(Diagnostic(path: path, location: location, severity: .error, rule: "configuration",
                                          message: "not valid YAML: \(problem)"))
            return (nil, diagnostics)
        } catch {
            report(nil, "not valid YAML: \(error)")
            return (nil, diagnostics)
        }
        guard let root else { return (configuration, []) }  // an empty file changes nothing
        guard case .mapping(let mapping) = root else {
            report(root, "the configuration must be a mapping with the keys rules, vague-phrases and owners")
            return (nil, diagnostics)
        }
        let known = ["rules", "vague-phrases", "owners"]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            switch name {
            case "rules":
                guard case .mapping(let rules) = value else {
                    report(value, "'rules' must map rule ids to off, error, warning or info")
                    continue
                }
                for (ruleKey, level) in rules {
                    let id = ruleKey.scalar?.string ?? ""
                    guard RuleRegistry.allIDs.contains(id) else {
                        var message = "unknown rule '\(id)'"
                        if let near = Suggestion.nearest(to: id, in: RuleRegistry.allIDs) { message += "; did you mean '\(near)'?" }
                        report(ruleKey, message + " (plantool lint --list-rules lists them)")
                        continue
                    }
                    switch level.scalar?.string.lowercased() {
                    case "off", "false", "no": configuration.severities[id] = .some(nil)
                    case "error": configuration.severities[id] = .error
                    case "warning": configuration.severities[id] = .warning
                    case "info": configuration.severities[id] = .info
                    default: report(level, "rule '\(id)' can be off, error, warning or info")
                    }
                }
            case "vague-phrases", "owners":
                guard case .sequence(let items) = value else {
                    report(value, "'\(name)' must be a list of text")
                    continue
                }
                let texts = items.compactMap { $0.scalar?.string }.filter { !$0.isEmpty }
                if texts.count != items.count { report(value, "every item of '\(name)' must be non-empty text") }
                if name == "owners" { configuration.configuredOwners = texts } else { configuration.configuredVaguePhrases = texts.map { $0.lowercased() } }
            default:
                var message = "unknown key '\(name)'"
                if let near = Suggestion.nearest(to: name, in: known) { message += "; did you mean '\(near)'?" }
                report(key, message + "; known keys: \(known.joined(separator: ", "))")
            }
        }
        return (diagnostics.isEmpty ? configuration : nil, diagnostics)
    }

    /// `other` laid over this one: its rule settings win, and its lists replace these.
    public func overlaid(by other: LintConfiguration) -> LintConfiguration {
        var result = self
        result.severities.merge(other.severities) { _, new in new }
        result.configuredVaguePhrases = other.configuredVaguePhrases ?? configuredVaguePhrases
        result.configuredOwners = other.configuredOwners ?? configuredOwners
        return result
    }
}
