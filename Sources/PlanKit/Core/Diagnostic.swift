/// A place in a file: 1-based line and column (columns count Unicode scalars, as libyaml does).
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// How serious a finding is. Errors fail `plantool check`; warnings and notes do not.
public enum Severity: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A problem found in a plan file, with where it is and the rule that found it.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String
    public var location: SourceLocation?
    public var severity: Severity
    public var rule: String
    public var message: String
    /// How many findings of the same file this one counts instead of listing them (`FindingCap`);
    /// 0 for an ordinary finding.
    public var counted: Int

    public init(path: String, location: SourceLocation?, severity: Severity, rule: String, message: String, counted: Int = 0) {
        self.path = path
        self.location = location
        self.severity = severity
        self.rule = rule
        self.message = message
        self.counted = counted
    }

    /// `path:line:col: severity: message [rule]`, the form compilers and editors read: one
    /// line, whatever the message quotes.
    public var description: String {
        "\(place): \(severity.rawValue): \(singleLineMessage) [\(rule)]"
    }

    /// `path:line:col`, or the path alone; a control character or bidirectional control in the
    /// path (a folder's name) is shown by its stand-in.
    public var place: String {
        let shown = UnsafeCharacters.neutralised(path, keepingLineBreaks: false)
        return location.map { "\(shown):\($0.line):\($0.column)" } ?? shown
    }

    /// The message on one line: line feeds, carriage returns and tabs written as `\n`, `\r` and
    /// `\t`, the line separators U+2028 and U+2029 as `\u{2028}`, and every other control
    /// character or bidirectional control by its stand-in (`UnsafeCharacters`), so nothing a
    /// message quotes acts on a terminal or starts a line of its own.
    public var singleLineMessage: String {
        guard message.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\u{2028}" || $0 == "\u{2029}" || !UnsafeCharacters.isAllowed($0, multiline: false) }) else {
            return message
        }
        return ScalarEscaping.escape(message, Self.lineBreakEscapes) { scalar, out in
            if UnsafeCharacters.isAllowed(scalar, multiline: false) {
                out.unicodeScalars.append(scalar)
            } else {
                out += UnsafeCharacters.standIn(scalar)
            }
        }
    }

    static let lineBreakEscapes: [Unicode.Scalar: String] = [
        "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u{2028}": "\\u{2028}", "\u{2029}": "\\u{2029}",
    ]

    /// Deterministic order: path, line, column, rule, message.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        let al = a.location ?? SourceLocation(line: 0, column: 0)
        let bl = b.location ?? SourceLocation(line: 0, column: 0)
        return (a.path, al.line, al.column, a.rule, a.message) < (b.path, bl.line, bl.column, b.rule, b.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
