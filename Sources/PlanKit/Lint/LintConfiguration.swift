/// `.plantool.yaml`, at a plan's root or the repository's root (the plan's wins, key by key):
///
/// ```yaml
/// rules:
///   action-overdue: off          # off, error, warning or info
///   owner-names-role: error
/// vague-phrases: [continue to, explore, consider]   # replaces the built-in list
/// owners:                        # the owners register: known owner roles
///   - Deputy Director, Public Protection Group
///   - role: Head of Probation Operations      # a role with the address calendars invite
///     email: probation.ops@example.gov.uk
/// ```
public struct LintConfiguration: Sendable, Equatable {
    public static let fileName = ".plantool.yaml"

    /// Severity per rule id; nil turns the rule off.
    public var severities: [String: Severity?] = [:]
    /// The vague-phrase list, when the file gives one.
    public var configuredVaguePhrases: [String]?
    /// Known owner roles, when the file gives a register.
    public var configuredOwners: [String]?
    /// E-mail addresses the register gives, by role in lower case (`{role: ..., email: ...}` entries).
    public var ownerEmails: [String: String] = [:]

    public var vaguePhrases: [String] { configuredVaguePhrases ?? TextHeuristics.defaultVaguePhrases }
    public var owners: [String] { configuredOwners ?? [] }

    public init() {}

    /// The severity a rule reports at, or nil when it is off.
    public func severity(of rule: String, default fallback: Severity) -> Severity? {
        if let configured = severities[rule] { return configured }
        return fallback
    }

    /// Reads a configuration file; problems are diagnostics with path:line:column.
    ///
    /// It is read as plan files are, within the same strict YAML subset and limits (size,
    /// nesting, control characters, duplicate keys, one document, no anchors or aliases): an
    /// alias-expanding reader takes exponential time over a few hundred bytes of nested aliases,
    /// and the configuration is read by every lint, hook and commit.
    public static func parse(_ bytes: [UInt8], path: String) -> (LintConfiguration?, [Diagnostic]) {
        var configuration = LintConfiguration()
        var diagnostics: [Diagnostic] = []
        func report(_ node: YAMLNode?, _ message: String) {
            diagnostics.append(Diagnostic(path: path, location: node?.location, severity: .error, rule: "configuration", message: message))
        }
        let document = YAMLDocument(bytes: bytes, path: path)
        // A byte-order mark is harmless here, and an empty file (or one of comments) changes nothing.
        // Comments are a plan file's rule: a configuration explains itself with them.
        let problems = document.diagnostics.filter {
            $0.rule != FormatRule.byteOrderMark.id && $0.rule != FormatRule.emptyFile.id && $0.rule != FormatRule.comment.id
        }
        if !problems.isEmpty {
            let refused = problems.map {
                Diagnostic(path: path, location: $0.location, severity: .error, rule: "configuration",
                           message: "not valid YAML: \($0.message) (\($0.rule))")
            }
            return (nil, refused)
        }
        guard let root = document.root else { return (configuration, []) }
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
                    if FormatRule(rawValue: id)?.isAlwaysReported == true {
                        report(ruleKey, "rule '\(id)' is always reported: it cannot be turned off or changed")
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
            case "owners":
                guard case .sequence(let items) = value else {
                    report(value, "'owners' must be a list of text: roles, or {role: TEXT, email: ADDRESS}")
                    continue
                }
                let register = readOwners(items, report: report)
                configuration.configuredOwners = register.map(\.role)
                for entry in register { if let email = entry.email { configuration.ownerEmails[entry.role.lowercased()] = email } }
            case "vague-phrases":
                guard case .sequence(let items) = value else {
                    report(value, "'\(name)' must be a list of text")
                    continue
                }
                let texts = items.compactMap { $0.scalar?.string }.filter { !$0.isEmpty }
                if texts.count != items.count { report(value, "every item of '\(name)' must be non-empty text") }
                configuration.configuredVaguePhrases = texts.map { $0.lowercased() }
            default:
                var message = "unknown key '\(name)'"
                if let near = Suggestion.nearest(to: name, in: known) { message += "; did you mean '\(near)'?" }
                report(key, message + "; known keys: \(known.joined(separator: ", "))")
            }
        }
        return (diagnostics.isEmpty ? configuration : nil, diagnostics)
    }

    /// The register's entries: a role as text, or a mapping with `role` and an optional `email`
    /// (one address: no spaces, quotes or angle brackets, which would let it break out of a
    /// calendar's ATTENDEE line).
    static func readOwners(_ items: YAMLNode.List, report: (YAMLNode?, String) -> Void) -> [(role: String, email: String?)] {
        var entries: [(role: String, email: String?)] = []
        for item in items {
            if let role = item.scalar?.string {
                if role.isEmpty { report(item, "every item of 'owners' must be non-empty text") } else { entries.append((role, nil)) }
                continue
            }
            guard case .mapping(let fields) = item else {
                report(item, "an item of 'owners' is a role (text) or {role: TEXT, email: ADDRESS}")
                continue
            }
            var role: String?
            var email: String?
            for (key, value) in fields {
                switch key.scalar?.string ?? "" {
                case "role": role = value.scalar?.string
                case "email":
                    email = value.scalar?.string
                    if let address = email, !isEmailAddress(address) {
                        report(value, "'\(address)' is not an e-mail address (one address such as name@example.org)")
                    }
                default: report(key, "unknown key '\(key.scalar?.string ?? "")' in an owner; an owner has role and email")
                }
            }
            guard let role, !role.isEmpty else {
                report(item, "an owner given as a mapping needs a non-empty role")
                continue
            }
            entries.append((role, email))
        }
        return entries
    }

    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"\"<>(),;:\\[]".unicodeScalars.contains($0) }
    }

    /// `other` laid over this one: its rule settings win, and its lists replace these.
    public func overlaid(by other: LintConfiguration) -> LintConfiguration {
        var result = self
        result.severities.merge(other.severities) { _, new in new }
        result.configuredVaguePhrases = other.configuredVaguePhrases ?? configuredVaguePhrases
        result.configuredOwners = other.configuredOwners ?? configuredOwners
        if other.configuredOwners != nil { result.ownerEmails = other.ownerEmails }
        return result
    }
}
