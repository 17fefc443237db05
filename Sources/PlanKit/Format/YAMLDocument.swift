import Yams
// libyaml, as bundled by Yams: only to bound nesting (see `limitNesting` and `tooDeep`).
internal import CYaml

/// A file read as YAML within the plan format's strict subset: the tree of nodes (with their
/// places), and the problems found on the way. Scalars keep their source text; nothing is typed
/// by YAML's resolver.
struct YAMLDocument {
    /// The root node, when the file is well-formed YAML.
    var root: Node?
    var diagnostics: [Diagnostic] = []
    /// The first line, when it is an editor modeline (`# yaml-language-server: $schema=...`).
    var modeline: String?
    /// The author's comments (the modeline excluded).
    var comments: [Comment] = []
    var hadByteOrderMark = false

    static let modelinePrefix = "# yaml-language-server:"

    /// Lowers libyaml's nesting limit (1,000 levels by default) to `Limits.maxNesting`, once,
    /// before any parse. Yams builds its nodes recursively, and 1,000 levels overflow a small
    /// thread stack (the worker threads that parse files in parallel); libyaml's own parser does
    /// not recurse, so it refuses a deep file before Yams sees it. Every parse calls this first.
    static func limitNesting() { _ = nestingLimit }
    private static let nestingLimit: Void = {
        // libyaml refuses a collection at level `max` itself: one more lets exactly maxNesting through.
        yaml_set_max_nest_level(Int32(Limits.maxNesting + 1))
    }()

    /// Where the YAML in `bytes` first nests deeper than `Limits.maxNesting`, if it does.
    /// libyaml's own limit misses flow collections (`[[[...]]]`) short enough for its scanner to
    /// have closed them before the parser checks, so when the brackets alone could nest that
    /// deep, the file's events are counted, without building anything (no recursion).
    static func tooDeep<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> SourceLocation? {
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
        // Brackets at most 16 deep, and libyaml's own limit on block nesting (exact there): at most
        // 48 levels can reach Yams's recursion, which is shallow enough for any thread's stack.
        guard deepest > Limits.maxNesting / 2 else { return nil }
        limitNesting()
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
        guard let text = String(validating: body, as: UTF8.self) else {
            let location = Self.firstInvalidUTF8(in: Array(body))
            report(.invalidUTF8, location, "invalid UTF-8 byte sequence; save the file as UTF-8")
            return
        }
        let source = SourceText(utf8: Array(body))
        if let bad = source.firstControlCharacter() {
            report(.controlCharacter, bad.location,
                   "control character U+\(String(bad.scalar.value, radix: 16, uppercase: true).leftPadded(4)) is not allowed in YAML")
            return
        }
        if source.isBlankOrComments {
            report(.emptyFile, nil, "file is empty")
            return
        }
        if body.starts(with: Array(Self.modelinePrefix.utf8)) {
            modeline = String(String.UnicodeScalarView(source.line(1)))
        }

        let parser: Parser
        let root: Node?
        Self.limitNesting()
        if let deep = Self.tooDeep(body) {
            report(.nestingTooDeep, deep, Self.tooDeepMessage)
            return
        }
        do {
            parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, source: source, path: path))
            return
        } catch {
            report(.yamlSyntax, nil, "cannot read YAML: \(error)")
            return
        }
        guard let root else {
            report(.emptyFile, nil, "file is empty")
            return
        }
        // Anchors are weak references kept alive by the parser: inspect them while it lives.
        withExtendedLifetime(parser) {
            var scalars: [(SourceLocation, Node.Scalar.Style)] = []
            var clean = true
            Self.inspect(root, source: source, scalars: &scalars, clean: &clean) { rule, location, message in
                report(rule, location, message)
            }
            if source.mayHaveCommentsAfterFirstLine || (modeline == nil && body.contains(UInt8(ascii: "#"))) {
                comments = CommentScanner.comments(in: source, scalars: scalars)
                    .filter { !($0.location.line == 1 && modeline != nil) }
            }
            if clean { self.root = root }
        }
    }

    /// Walks the tree once, refusing what is outside the subset (anchors, aliases, tags, flow
    /// mappings, merge keys) and collecting where each scalar starts and how it is quoted.
    private static func inspect(_ node: Node, isKey: Bool = false, source: SourceText,
                                scalars: inout [(SourceLocation, Node.Scalar.Style)],
                                clean: inout Bool,
                                report: (FormatRule, SourceLocation?, String) -> Void) {
        let location = node.mark.map { SourceLocation(line: $0.line, column: $0.column) }
        let anchor: Anchor?
        let tag: Tag
        switch node {
        case .scalar(let s): anchor = s.anchor; tag = s.tag
        case .mapping(let m): anchor = m.anchor; tag = m.tag
        case .sequence(let s): anchor = s.anchor; tag = s.tag
        case .alias(let a): anchor = a.anchor; tag = a.tag
        }
        if let anchor {
            report(.anchorAlias, location,
                   "anchor '&\(anchor.rawValue)' (and any alias '*\(anchor.rawValue)' to it) is not allowed; write the value out in full")
            clean = false
            return  // never descend: an alias bomb would make the walk exponential
        }
        // A tag is written where the node starts ("!!str x", "!custom"). Yams cannot say: it
        // gives quoted scalars the tag !!str, and resolves keys' tags when it hashes them.
        if startsWith("!", at: location, in: source)
            || (!isKey && !isQuotedString(node, tag) && tag.rawValue != Tag.Name.implicit.rawValue) {
            report(.explicitTag, location, "tags (such as !!str) are not allowed; plantool types values itself")
            clean = false
        }
        switch node {
        case .scalar(let s):
            if let location { scalars.append((location, s.style)) }
        case .alias:
            report(.anchorAlias, location, "aliases are not allowed; write the value out in full")
            clean = false
        case .sequence(let seq):
            // Yams does not keep a collection's style, but its mark is the opening bracket of a
            // flow collection and the first entry of a block one.
            if startsWith("[", at: location, in: source), seq.contains(where: { $0.scalar == nil }) {
                report(.flowMapping, location, "a flow list ([...]) may hold only words; write nested values in block style")
                clean = false
            }
            for child in seq { inspect(child, isKey: isKey, source: source, scalars: &scalars, clean: &clean, report: report) }
        case .mapping(let map):
            if startsWith("{", at: location, in: source) {
                report(.flowMapping, location, "flow mappings ({...}) are not allowed; write one key per line")
                clean = false
            }
            for (key, value) in map {
                if let k = key.scalar, k.string == "<<", k.style == .plain {
                    report(.mergeKey, key.mark.map { SourceLocation(line: $0.line, column: $0.column) },
                           "merge keys (<<) are not allowed; write the keys out in full")
                    clean = false
                    continue
                }
                inspect(key, isKey: true, source: source, scalars: &scalars, clean: &clean, report: report)
                inspect(value, isKey: isKey, source: source, scalars: &scalars, clean: &clean, report: report)
            }
        }
    }

    private static func isQuotedString(_ node: Node, _ tag: Tag) -> Bool {
        if case .scalar(let s) = node, s.style != .plain, tag.rawValue == Tag.Name.str.rawValue { return true }
        return false
    }

    private static func startsWith(_ character: Unicode.Scalar, at location: SourceLocation?, in source: SourceText) -> Bool {
        guard let location else { return false }
        return source.scalar(line: location.line, column: location.column) == character
    }

    private static func diagnostic(for error: YamlError, source: SourceText, path: String) -> Diagnostic {
        func make(_ rule: FormatRule, _ location: SourceLocation?, _ message: String) -> Diagnostic {
            Diagnostic(path: path, location: location, severity: rule.severity, rule: rule.id, message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let location = SourceLocation(line: mark.line, column: mark.column)
            if problem.contains("Maximum nesting level") {
                return make(.nestingTooDeep, location, tooDeepMessage)
            }
            if problem.contains("another document") {
                return make(.multipleDocuments, location, "a plan file holds one YAML document; remove the second one")
            }
            if let tab = tabIndentation(in: source, line: mark.line) {
                return make(.tabIndentation, tab, "tab used for indentation; indent with spaces")
            }
            var message = problem
            if let context { message = "\(context.text) at line \(context.mark.line), column \(context.mark.column): \(problem)" }
            return make(.yamlSyntax, location, message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = SourceLocation(line: context.mark.line, column: context.mark.column)
            let key = duplicates.first ?? "?"
            let second = secondOccurrence(of: key, after: first, in: source) ?? first
            return make(.duplicateKey, second,
                        "duplicate key '\(key)' (first at line \(first.line)); keep one")
        case .reader(let problem, _, _, _):
            return make(.yamlSyntax, nil, problem)
        default:
            return make(.yamlSyntax, nil, "cannot read YAML: \(error)")
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
