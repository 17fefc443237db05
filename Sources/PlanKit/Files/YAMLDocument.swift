// libyaml, from the system: to bound nesting (see `tooDeep`); the tree
// itself is built by `YAMLTree`.
internal import CLibYAML

/// A file read as YAML within the plan format's strict subset: the tree of nodes (with their
/// places), and the problems found on the way. Scalars keep their source text; nothing is typed
/// by YAML's resolver.
struct YAMLDocument {
    /// The root node, when the file is well-formed YAML within the subset.
    var root: YAMLNode?
    var diagnostics: [Diagnostic] = []
    /// The first line, when it is an editor modeline (`# yaml-language-server: $schema=...`).
    var modeline: String?
    /// The author's comments (the modeline excluded).
    var comments: [Comment] = []
    var hadByteOrderMark = false

    static let modelinePrefix = "# yaml-language-server:"

    /// Where the YAML in `bytes` first nests deeper than `Limits.maxNesting`, if it does. When
    /// the brackets alone could nest that deep, the file's events are counted, without building
    /// anything (no recursion), so the depth is reported before any problem the tree would stop
    /// at first. `YAMLTree` bounds every other nesting (block collections) itself.
    static func tooDeep<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> SourceLocation? {
        // Most plans have no flow collection at all: looking for an opening bracket with memchr
        // costs a fraction of counting through every byte.
        let opens = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, Int32(UInt8(ascii: "[")), buffer.count) != nil || memchr(base, Int32(UInt8(ascii: "{")), buffer.count) != nil
        }
        if opens == false { return nil }
        var brackets = 0
        var deepest = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets += 1
                deepest = max(deepest, brackets)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                brackets = max(0, brackets - 1)
            default: break
            }
        }
        // Brackets at most 16 deep leave the depth to the tree, which refuses it exactly where
        // it passes the limit (its recursion never goes deeper than the limit).
        guard deepest > Limits.maxNesting / 2 else { return nil }
        let input = Array(bytes)
        return input.withUnsafeBufferPointer { buffer -> SourceLocation? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var depth = 0
            while true {
                var event = yaml_event_t()
                // A syntax error (or libyaml's own limit) is left for the real parse to report.
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > Limits.maxNesting {
                        return SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
                    return nil
                default:
                    break
                }
            }
        }
    }

    /// Whether every byte is below 0x80.
    static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { raw in
            var index = 0
            while index + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < raw.count {
                if raw[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
    }

    static let tooDeepMessage = "YAML nested more than \(Limits.maxNesting) levels deep; a plan file needs at most \(Limits.planNesting)"

    init(bytes: [UInt8], path: String) {
        func report(_ rule: FormatRule, _ location: SourceLocation?, _ message: String) {
            diagnostics.append(Diagnostic(path: path, location: location, severity: rule.severity,
                                          rule: rule.id, message: message))
        }

        guard bytes.count <= Limits.maxFileBytes else {
            report(.fileTooLarge, nil,
                   "file is \(bytes.count) bytes, larger than the \(Limits.maxFileBytes) bytes a plan file may have")
            return
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            hadByteOrderMark = true
            body = body.dropFirst(3)
            report(.byteOrderMark, SourceLocation(line: 1, column: 1),
                   "file starts with a UTF-8 byte-order mark; `plantool fmt` removes it")
        }
        // Most plan files are ASCII: checked eight bytes at a time, without making a String.
        guard Self.isASCII(body) || String(validating: body, as: UTF8.self) != nil else {
            let location = Self.firstInvalidUTF8(in: Array(body))
            report(.invalidUTF8, location, "invalid UTF-8 byte sequence; save the file as UTF-8")
            return
        }
        let utf8 = hadByteOrderMark ? Array(body) : bytes
        let source = SourceText(utf8: utf8)
        if let bad = source.firstControlCharacter() {
            report(.controlCharacter, bad.location, "control character \(UnsafeCharacters.name(bad.scalar)) is not allowed in YAML")
            return
        }
        if source.isBlankOrComments {
            report(.emptyFile, nil, "file is empty")
            return
        }
        if body.starts(with: Array(Self.modelinePrefix.utf8)) {
            modeline = source.lineText(1)
        }

        if let deep = Self.tooDeep(body) {
            report(.nestingTooDeep, deep, Self.tooDeepMessage)
            return
        }
        let tree: YAMLTree
        do {
            tree = try YAMLTree(utf8: utf8)
        } catch {
            diagnostics.append(Self.diagnostic(for: error, source: source, path: path))
            return
        }
        guard let root = tree.root else {
            report(.emptyFile, nil, "file is empty")
            return
        }
        for issue in tree.issues { report(issue.rule, issue.location, issue.message) }
        if source.mayHaveCommentsAfterFirstLine || (modeline == nil && body.contains(UInt8(ascii: "#"))) {
            comments = CommentScanner.comments(in: source, scalars: tree.scalars)
                .filter { !($0.location.line == 1 && modeline != nil) }
        }
        if let modeline, let bad = UnsafeCharacters.firstForbidden(in: modeline, multiline: false) {
            report(.controlCharacter, SourceLocation(line: 1, column: bad.offset + 1),
                   "the modeline holds \(UnsafeCharacters.describe(bad.scalar)); remove it")
        } else if let modeline, let extra = Self.wordsAfterSchema(modeline) {
            report(.comment, SourceLocation(line: 1, column: extra.column),
                   "\"\(extra.words)\" follows the modeline's schema, so YAML drops it as part of a comment; plan files hold no comments: move the words into 'note' (on an action) or 'response', or delete them")
        }
        for comment in comments { diagnostics += Self.check(comment, path: path) }
        if tree.clean { self.root = root }
    }

    /// Words on the modeline other than its one `$schema=PATH`: a comment hidden in it. Their
    /// column (1-based) and text, or nil.
    static func wordsAfterSchema(_ modeline: String) -> (column: Int, words: String)? {
        let scalars = Array(modeline.unicodeScalars)
        var index = modelinePrefix.unicodeScalars.count
        func skipSpaces() { while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 } }
        skipSpaces()
        let schema = "$schema=".unicodeScalars
        if scalars[index...].starts(with: schema) {
            while index < scalars.count, scalars[index] != " " && scalars[index] != "\t" { index += 1 }
            skipSpaces()
        }
        guard index < scalars.count else { return nil }
        var words = String.UnicodeScalarView(scalars[index...])
        while let last = words.last, last == " " || last == "\t" { words.removeLast() }
        return (index + 1, String(words))
    }

    /// A comment is refused, with the words YAML would drop, unless it is one of plantool's
    /// own directives (which must hold no unsafe character either).
    static func check(_ comment: Comment, path: String) -> [Diagnostic] {
        func make(_ rule: FormatRule, _ location: SourceLocation, _ message: String) -> Diagnostic {
            Diagnostic(path: path, location: location, severity: rule.severity, rule: rule.id, message: message)
        }
        guard LintDirective(comment) != nil else {
            let words = "\"\(comment.text)\""
            let afterHash = comment.text.dropFirst().drop(while: { $0 == " " })
            if afterHash.hasPrefix(LintDirective.prefix) {
                return [make(.comment, comment.location,
                             "\(words) is not a directive plantool knows ('# plantool: disable=RULE', 'disable-file=RULE' or a merge's 'conflict FIELD: ...'), so it is a comment, which plan files do not hold; correct it or delete it")]
            }
            let message = comment.trailing
                ? "YAML reads \(words) as a comment and drops it, so the words never reach the plan; plan files hold no comments: put the whole value in quotes to keep them, or move them into 'note' (on an action) or 'response'"
                : "\(words) is a YAML comment, which is not part of the plan; plan files hold no comments: move the words into 'note' (on an action) or 'response', or delete the line"
            return [make(.comment, comment.location, message)]
        }
        guard let bad = UnsafeCharacters.firstForbidden(in: comment.text, multiline: false) else { return [] }
        let location = SourceLocation(line: comment.location.line, column: comment.location.column + bad.offset)
        return [make(.controlCharacter, location, "the directive holds \(UnsafeCharacters.describe(bad.scalar)); remove it")]
    }

    private static func diagnostic(for error: YAMLTree.Failure, source: SourceText, path: String) -> Diagnostic {
        func make(_ rule: FormatRule, _ location: SourceLocation?, _ message: String) -> Diagnostic {
            Diagnostic(path: path, location: location, severity: rule.severity, rule: rule.id, message: message)
        }
        switch error {
        case .syntax(let problem, let location, let context):
            if problem.contains("another document") {
                return make(.multipleDocuments, location, "a plan file holds one YAML document; remove the second one")
            }
            if let tab = tabIndentation(in: source, line: location.line) {
                return make(.tabIndentation, tab, "tab used for indentation; indent with spaces")
            }
            var message = problem
            if let context { message = "\(context.text) at line \(context.location.line), column \(context.location.column): \(problem)" }
            return make(.yamlSyntax, location, message)
        case .duplicateKey(let key, let first):
            let second = secondOccurrence(of: key, after: first, in: source) ?? first
            return make(.duplicateKey, second,
                        "duplicate key '\(key)' (first at line \(first.line)); keep one")
        case .tooDeep(let location):
            return make(.nestingTooDeep, location, tooDeepMessage)
        case .reader(let problem):
            return make(.yamlSyntax, nil, problem)
        case .outOfMemory:
            return make(.yamlSyntax, nil, "cannot read YAML: out of memory")
        }
    }

    /// The tab in the indentation of the line where the parser stopped, if there is one. Only
    /// that line is looked at: a tab further up may be legal content of a block scalar.
    private static func tabIndentation(in source: SourceText, line: Int) -> SourceLocation? {
        let text = source.line(line)
        let leading = text.prefix(while: { $0 == " " || $0 == "\t" })
        guard let tab = leading.firstIndex(of: "\t") else { return nil }
        return SourceLocation(line: line, column: tab + 1)
    }

    /// Where the same key is written again at the same indentation, in the same block.
    private static func secondOccurrence(of key: String, after first: SourceLocation,
                                         in source: SourceText) -> SourceLocation? {
        let column = first.column
        var number = first.line + 1
        while number <= source.lineCount {
            let text = source.line(number)
            defer { number += 1 }
            if SourceText.isBlank(text) || text.first == "#" { continue }
            let indent = SourceText.indentation(text)
            // A "- " item marker before the key counts as indentation.
            if indent + 1 < column, !(text.count > indent && text[indent] == "-") { return nil }
            guard text.count >= column else { continue }
            let rest = String(String.UnicodeScalarView(text[(column - 1)...]))
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                let after = rest.dropFirst(candidate.count).drop(while: { $0 == " " })
                if after.first == ":" { return SourceLocation(line: number, column: column) }
            }
        }
        return nil
    }

    private static func firstInvalidUTF8(in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return SourceLocation(line: line, column: column)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else {
                return SourceLocation(line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return SourceLocation(line: line, column: column)
    }

}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
