// libyaml, from the system: plantool builds its own small tree from libyaml's events.
internal import CLibYAML

/// A YAML node as plantool reads it: scalars keep their source text and quoting (nothing is
/// typed by a YAML resolver), and every node knows where it starts.
indirect enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    struct Scalar: Sendable {
        enum Style: Sendable, Equatable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }
        var string: String
        var style: Style
        var location: SourceLocation
    }

    /// A mapping's pairs, in file order (keys are unique: a duplicate is a parse error).
    struct Mapping: RandomAccessCollection, Sendable {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var location: SourceLocation
        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }
    }

    struct List: RandomAccessCollection, Sendable {
        var items: [YAMLNode]
        var location: SourceLocation
        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> YAMLNode { items[position] }
    }

    /// Where the node starts: a scalar's first character (or its quote), a block collection's
    /// first entry, a flow collection's bracket.
    var location: SourceLocation {
        switch self {
        case .scalar(let s): s.location
        case .mapping(let m): m.location
        case .sequence(let l): l.location
        }
    }

    var scalar: Scalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }
}

/// Builds a `YAMLNode` tree from libyaml's events, checking the plan format's strict subset on
/// the way: anchors, aliases, tags, flow mappings, flow lists of collections and merge keys are
/// reported (and the tree is then not clean), never expanded. libyaml does the reading; this is
/// only the tree, which is what Yams' `Parser` would build, without its resolver, its node
/// boxes and its per-event objects (several times cheaper, and plan files are read by the
/// thousand).
struct YAMLTree {
    /// A file libyaml cannot read, or a key written twice in one mapping.
    enum Failure: Error {
        /// libyaml's scanner, parser or composer stopped: its problem, where, and its context.
        case syntax(problem: String, location: SourceLocation, context: (text: String, location: SourceLocation)?)
        /// libyaml's reader refused the bytes (an encoding problem).
        case reader(problem: String)
        /// A key written twice in a mapping (the first such in sort order, as Yams reports it), at its first place.
        case duplicateKey(String, first: SourceLocation)
        /// A collection nested deeper than `Limits.maxNesting`, where it starts.
        case tooDeep(SourceLocation)
        case outOfMemory
    }

    /// A subset violation: reported, and the tree is not clean.
    struct Issue {
        var rule: FormatRule
        var location: SourceLocation
        var message: String
    }

    var root: YAMLNode?
    var issues: [Issue] = []
    /// Where each scalar starts and how it is quoted (not those inside refused anchors or merge keys).
    var scalars: [(SourceLocation, YAMLNode.Scalar.Style)] = []
    /// No subset violation was found.
    var clean: Bool { issues.isEmpty }

    /// Reads one YAML document from UTF-8 bytes. An empty stream gives no root.
    init(utf8 bytes: [UInt8]) throws(Failure) {
        var result: Result<Builder, Failure> = .failure(.outOfMemory)
        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = Builder()
            // About one scalar to every 24 bytes of a plan file.
            builder.scalars.reserveCapacity(buffer.count / 24 + 8)
            do throws(Failure) {
                try builder.document(&parser)
                result = .success(builder)
            } catch {
                result = .failure(error)
            }
        }
        let builder = try result.get()
        root = builder.root
        issues = builder.issues
        scalars = builder.scalars
    }

    private struct Builder {
        var root: YAMLNode?
        var issues: [Issue] = []
        var scalars: [(SourceLocation, YAMLNode.Scalar.Style)] = []
        /// Where each anchor was set, for the report at each alias to it.
        var anchors: [String: (name: String, location: SourceLocation)] = [:]
        /// Above zero inside a node already refused as a whole (an anchored node, a merge key's
        /// value): nothing inside it is reported or recorded.
        var quiet = 0
        /// Collections open around the current event. The system's libyaml (0.2.5) has no
        /// nesting limit, and `node` recurses once per level: it stops at `Limits.maxNesting`.
        var depth = 0

        mutating func report(_ rule: FormatRule, _ location: SourceLocation, _ message: String) {
            if quiet == 0 { issues.append(Issue(rule: rule, location: location, message: message)) }
        }

        /// STREAM-START, then nothing, or one document and STREAM-END.
        mutating func document(_ parser: inout yaml_parser_t) throws(Failure) {
            var event = try next(&parser)           // STREAM-START
            yaml_event_delete(&event)
            event = try next(&parser)
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return }
            yaml_event_delete(&event)               // DOCUMENT-START
            event = try next(&parser)
            root = try node(from: &event, &parser)
            yaml_event_delete(&event)
            event = try next(&parser)               // DOCUMENT-END
            yaml_event_delete(&event)
            event = try next(&parser)
            if event.type != YAML_STREAM_END_EVENT {
                throw .syntax(problem: "but found another document", location: Self.location(event.start_mark),
                              context: ("expected a single document in the stream", SourceLocation(line: 1, column: 1)))
            }
        }

        func next(_ parser: inout yaml_parser_t) throws(Failure) -> yaml_event_t {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw Self.failure(parser) }
            return event
        }

        /// The node that starts with `event` (which the caller still owns and deletes).
        mutating func node(from event: inout yaml_event_t, _ parser: inout yaml_parser_t) throws(Failure) -> YAMLNode {
            let location = Self.location(event.start_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let string = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
                let style = Self.style(data.style)
                let anchor = properties(anchor: data.anchor, tag: data.tag, at: location)
                if anchor == nil, quiet == 0 { scalars.append((location, style)) }
                if let anchor { anchors[anchor] = (anchor, location) }
                return .scalar(YAMLNode.Scalar(string: string, style: style, location: location))
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let anchor = anchors[name] else {
                    throw .syntax(problem: "found undefined alias", location: location, context: nil)
                }
                // The alias stands for the anchored node, which was refused where it is.
                report(.anchorAlias, anchor.location,
                       "anchor '&\(anchor.name)' (and any alias '*\(anchor.name)' to it) is not allowed; write the value out in full")
                return .scalar(YAMLNode.Scalar(string: "", style: .plain, location: anchor.location))
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                try enterCollection(at: location)
                defer { depth -= 1 }
                let anchor = properties(anchor: data.anchor, tag: data.tag, at: location)
                enter(anchored: anchor)
                defer { leave(anchored: anchor, at: location) }
                let issueCount = issues.count
                // Room for a plan's usual lists (owners, actions, updates) without regrowing.
                var items: [YAMLNode] = []
                items.reserveCapacity(4)
                while true {
                    var child = try next(&parser)
                    defer { yaml_event_delete(&child) }
                    if child.type == YAML_SEQUENCE_END_EVENT { break }
                    items.append(try node(from: &child, &parser))
                }
                if data.style == YAML_FLOW_SEQUENCE_STYLE, items.contains(where: { $0.scalar == nil }), quiet == 0 {
                    // Reported before what was found inside, as a walk from the top would.
                    issues.insert(Issue(rule: .flowMapping, location: location,
                                        message: "a flow list ([...]) may hold only words; write nested values in block style"),
                                  at: issueCount)
                }
                return .sequence(YAMLNode.List(items: items, location: location))
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                try enterCollection(at: location)
                defer { depth -= 1 }
                let anchor = properties(anchor: data.anchor, tag: data.tag, at: location)
                enter(anchored: anchor)
                defer { leave(anchored: anchor, at: location) }
                if data.style == YAML_FLOW_MAPPING_STYLE {
                    report(.flowMapping, location, "flow mappings ({...}) are not allowed; write one key per line")
                }
                // Room for an update's or an action's keys without regrowing.
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                pairs.reserveCapacity(8)
                while true {
                    var keyEvent = try next(&parser)
                    defer { yaml_event_delete(&keyEvent) }
                    if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                    let mergeKey = keyEvent.type == YAML_SCALAR_EVENT
                        && keyEvent.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
                        && keyEvent.data.scalar.length == 2
                        && keyEvent.data.scalar.value[0] == UInt8(ascii: "<") && keyEvent.data.scalar.value[1] == UInt8(ascii: "<")
                    if mergeKey {
                        report(.mergeKey, Self.location(keyEvent.start_mark), "merge keys (<<) are not allowed; write the keys out in full")
                        quiet += 1
                    }
                    defer { if mergeKey { quiet -= 1 } }
                    let key = try node(from: &keyEvent, &parser)
                    var valueEvent = try next(&parser)
                    defer { yaml_event_delete(&valueEvent) }
                    let value = try node(from: &valueEvent, &parser)
                    pairs.append((key, value))
                }
                try Self.checkDuplicates(pairs)
                return .mapping(YAMLNode.Mapping(pairs: pairs, location: location))
            default:
                throw .syntax(problem: "unexpected event", location: location, context: nil)
            }
        }

        /// Reports a node's anchor or tag; returns its anchor's name, when it has one (the node is
        /// then refused as a whole, and nothing inside it is looked at).
        mutating func properties(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?,
                                 at location: SourceLocation) -> String? {
            if let name = Self.string(anchor) {
                report(.anchorAlias, location,
                       "anchor '&\(name)' (and any alias '*\(name)' to it) is not allowed; write the value out in full")
                return name
            }
            if tag != nil {
                report(.explicitTag, location, "tags (such as !!str) are not allowed; plantool types values itself")
            }
            return nil
        }

        /// One level deeper; refused past `Limits.maxNesting`, before anything inside is read.
        mutating func enterCollection(at location: SourceLocation) throws(Failure) {
            guard depth < Limits.maxNesting else { throw .tooDeep(location) }
            depth += 1
        }

        /// Inside an anchored collection nothing is reported or recorded (the anchor was).
        mutating func enter(anchored anchor: String?) {
            if anchor != nil { quiet += 1 }
        }

        /// The anchor is registered once its node is complete: an alias inside its own anchor is
        /// undefined, as in Yams.
        mutating func leave(anchored anchor: String?, at location: SourceLocation) {
            guard let anchor else { return }
            quiet -= 1
            anchors[anchor] = (anchor, location)
        }

        /// Keys written twice: the first of them in sort order, at its first place, as Yams reports it.
        static func checkDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(Failure) {
            guard pairs.count > 1 else { return }
            // A plan's mappings hold a dozen keys at most: comparing each key with those before
            // it costs less than hashing them all. The answer is the same: the least key
            // written twice, with the place of its first writing.
            if pairs.count <= 16 {
                var least: (key: String, first: SourceLocation)? = nil
                for index in 1..<pairs.count {
                    guard case .scalar(let s) = pairs[index].key, least.map({ s.string < $0.key }) ?? true else { continue }
                    for earlier in pairs[..<index] {
                        if case .scalar(let e) = earlier.key, e.string == s.string {
                            least = (s.string, e.location)
                            break
                        }
                    }
                }
                if let least { throw .duplicateKey(least.key, first: least.first) }
                return
            }
            var seen: [String: SourceLocation] = [:]
            var duplicated: [String: SourceLocation] = [:]
            for (key, _) in pairs {
                guard case .scalar(let s) = key else { continue }
                if let first = seen[s.string] {
                    duplicated[s.string] = first
                } else {
                    seen[s.string] = s.location
                }
            }
            if let key = duplicated.keys.min(), let first = duplicated[key] {
                throw .duplicateKey(key, first: first)
            }
        }

        static func failure(_ parser: yaml_parser_t) -> Failure {
            let problem = parser.problem.map { String(cString: $0) } ?? "cannot read YAML"
            switch parser.error {
            case YAML_MEMORY_ERROR:
                return .outOfMemory
            case YAML_READER_ERROR:
                return .reader(problem: problem)
            default:
                let context = parser.context.map { (String(cString: $0), location(parser.context_mark)) }
                return .syntax(problem: problem, location: location(parser.problem_mark), context: context)
            }
        }

        static func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafePointer($0)) }
        }

        static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Scalar.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        }
    }
}
