/// Reads typed values out of YAML nodes by the plan format's rules, reporting every problem
/// instead of stopping at the first.
struct FieldReader {
    let path: String
    var diagnostics: [Diagnostic] = []
    /// Where each field is; left empty when the reader was asked not to keep places.
    private(set) var sourceMap = SourceMap()
    /// Whether `sourceMap` is filled in: readers that want values only (comparing versions,
    /// rendering) skip the cost of naming and recording every field.
    let keepsPlaces: Bool
    /// Unknown keys reported so far: past the cap, no "did you mean" is worked out.
    private var unknownKeys = 0

    init(path: String, keepsPlaces: Bool = true) {
        self.path = path
        self.keepsPlaces = keepsPlaces
    }

    /// Records where a field is, when places are kept; `fieldPath` is only worked out then.
    mutating func record(_ fieldPath: @autoclosure () -> String, key: SourceLocation?, value: SourceLocation?) {
        guard keepsPlaces else { return }
        sourceMap.record(fieldPath(), key: key, value: value)
    }

    mutating func report(_ rule: FormatRule, at location: SourceLocation?, _ message: String) {
        diagnostics.append(Diagnostic(path: path, location: location, severity: rule.severity,
                                      rule: rule.id, message: message))
    }

    static func location(_ node: YAMLNode) -> SourceLocation? {
        node.location
    }

    /// A mapping's fields by key, after reporting unknown keys (with the nearest known one).
    mutating func fields(of node: YAMLNode, at fieldPath: String, known: [String], what: String) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report(.wrongType, at: Self.location(node), "\(what) must be a mapping of keys to values, found \(Self.describe(node))")
            return nil
        }
        var fields = Fields(node: node, fieldPath: fieldPath, capacity: mapping.count)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                report(.wrongType, at: Self.location(key), "keys must be plain words, found \(Self.describe(key))")
                continue
            }
            guard known.contains(name) else {
                var message = "unknown key '\(name)' in \(what)"
                // Past the cap a finding is only counted (FindingCap.perRule), so no suggestion is sought.
                unknownKeys += 1
                if unknownKeys <= Limits.maxFindingsPerFile {
                    if let suggestion = Suggestion.nearest(to: name, in: known) {
                        message += "; did you mean '\(suggestion)'?"
                    } else {
                        message += "; known keys: \(known.joined(separator: ", "))"
                    }
                }
                report(.unknownKey, at: Self.location(key), message)
                continue
            }
            fields.add(name, Self.location(key), value)
            record(Fields.join(fieldPath, name), key: Self.location(key), value: Self.location(value))
        }
        return fields
    }

    // MARK: Scalars

    /// The texts that may span lines: those the canonical writer writes as block text. Every
    /// other value (titles, addressee, theme, owners, ids, dates, url, words) is one line.
    /// (An array: five short names are compared faster than one is hashed.)
    static let multilineKeys = ["text", "note", "response", "implemented-part", "introduction"]

    /// Whether the text is empty or all white space. Most texts start with a visible ASCII
    /// character, which settles it without looking up a scalar's properties.
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20 && first < 0x7F { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// Reports a value that holds a character no plan text may hold (`UnsafeCharacters`),
    /// whether written raw or as a YAML escape, naming the character and the field.
    mutating func holdsUnsafeCharacter(_ value: String, key: String, at location: SourceLocation?, multiline: Bool = false) -> Bool {
        guard let bad = UnsafeCharacters.firstForbidden(in: value, multiline: multiline) else { return false }
        let message = UnsafeCharacters.isAllowed(bad.scalar, multiline: true)
            ? "'\(key)' holds \(UnsafeCharacters.describe(bad.scalar)), but it is one line; write it on one line, with spaces"
            : "'\(key)' holds \(UnsafeCharacters.describe(bad.scalar)), which no plan text may hold, raw or as a YAML escape; remove it"
        report(.controlCharacter, at: location, message)
        return true
    }

    /// The scalar's text, or nil (reported) when the node is not a scalar or is empty.
    mutating func text(_ fields: Fields, _ key: String, required: Bool) -> String? {
        guard let (keyLocation, node) = fields[key] else {
            if required { missing(fields, key) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report(.wrongType, at: Self.location(node), "'\(key)' must be text, found \(Self.describe(node))")
            return nil
        }
        if holdsUnsafeCharacter(scalar.string, key: key, at: Self.location(node), multiline: Self.multilineKeys.contains(key)) {
            return nil
        }
        if scalar.style == .plain, YAMLScalars.isNull(scalar.string) {
            report(.emptyValue, at: keyLocation ?? Self.location(node),
                   "'\(key)' has no value; give it one\(required ? "" : " or remove the key")")
            return nil
        }
        if Self.isBlank(scalar.string) {
            report(.emptyValue, at: Self.location(node), "'\(key)' is empty; give it some text\(required ? "" : " or remove the key")")
            return nil
        }
        if scalar.style == .plain, let other = YAMLScalars.nonStringReading(scalar.string) {
            report(.ambiguousScalar, at: Self.location(node),
                   "'\(key)' is read as the text \"\(scalar.string)\", but other YAML readers read it as \(other); quote it")
        }
        return scalar.string
    }

    /// A whole number in `range`, written as a plain scalar.
    mutating func integer(_ fields: Fields, _ key: String, required: Bool, range: ClosedRange<Int>) -> Int? {
        guard let (keyLocation, node) = fields[key] else {
            if required { missing(fields, key) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report(.wrongType, at: Self.location(node), "'\(key)' must be a whole number, found \(Self.describe(node))")
            return nil
        }
        let raw = scalar.string
        if holdsUnsafeCharacter(raw, key: key, at: Self.location(node)) { return nil }
        if scalar.style == .plain, YAMLScalars.isNull(raw) {
            report(.emptyValue, at: keyLocation ?? Self.location(node), "'\(key)' has no value; give a whole number")
            return nil
        }
        guard scalar.style == .plain else {
            report(.wrongType, at: Self.location(node),
                   "'\(key)' must be a whole number, found the quoted text \"\(raw)\"; remove the quotes")
            return nil
        }
        let isCanonical = raw == "0" || (raw.first != "0" && raw.utf8.allSatisfy { (48...57).contains($0) })
        guard isCanonical, raw.count <= 9, let value = Int(raw) else {
            report(.invalidNumber, at: Self.location(node),
                   "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound) written with digits only, found '\(raw)'")
            return nil
        }
        guard range.contains(value) else {
            report(.invalidNumber, at: Self.location(node),
                   "'\(key)' must be from \(range.lowerBound) to \(range.upperBound), found \(value)")
            return nil
        }
        return value
    }

    /// A date `YYYY-MM-DD`.
    mutating func day(_ fields: Fields, _ key: String, required: Bool) -> Day? {
        guard let raw = dateText(fields, key, required: required) else { return nil }
        guard let day = Day(raw.text) else {
            report(.invalidDate, at: raw.location, "'\(key)' must be a date written YYYY-MM-DD (such as 2020-12-07), found '\(raw.text)'")
            return nil
        }
        return day
    }

    /// A target or update date: `YYYY-MM`, `YYYY-MM-DD` or, where `quarters`, `YYYY-Qn`.
    mutating func planDate(_ fields: Fields, _ key: String, required: Bool, quarters: Bool) -> PlanDate? {
        guard let raw = dateText(fields, key, required: required) else { return nil }
        guard let date = PlanDate(raw.text), quarters || !{ if case .quarter = date { true } else { false } }() else {
            let forms = quarters ? "YYYY-MM, YYYY-MM-DD or YYYY-Qn (such as 2021-07, 2021-07-31, 2021-Q3)"
                                 : "YYYY-MM or YYYY-MM-DD (such as 2021-12 or 2021-12-07)"
            var message = "'\(key)' must be a date written \(forms), found '\(raw.text)'"
            if key == "target" { message += "; put wording that is not a date in 'note'" }
            report(.invalidDate, at: raw.location, message)
            return nil
        }
        return date
    }

    private mutating func dateText(_ fields: Fields, _ key: String, required: Bool) -> (text: String, location: SourceLocation?)? {
        guard let (keyLocation, node) = fields[key] else {
            if required { missing(fields, key) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report(.wrongType, at: Self.location(node), "'\(key)' must be a date, found \(Self.describe(node))")
            return nil
        }
        if holdsUnsafeCharacter(scalar.string, key: key, at: Self.location(node)) { return nil }
        if scalar.style == .plain, YAMLScalars.isNull(scalar.string) {
            report(.emptyValue, at: keyLocation ?? Self.location(node), "'\(key)' has no value; give a date or remove the key")
            return nil
        }
        return (scalar.string, Self.location(node))
    }

    /// One of an enumeration's values, with a suggestion when it is close to one.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ fields: Fields, _ key: String, required: Bool,
                                                             as type: T.Type) -> T? where T.RawValue == String {
        guard let raw = text(fields, key, required: required) else { return nil }
        return choice(raw, key: key, at: fields[key].flatMap { Self.location($0.1) }, as: type)
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ raw: String, key: String, at location: SourceLocation?,
                                                             as type: T.Type) -> T? where T.RawValue == String {
        if let value = T(rawValue: raw) { return value }
        let allowed = T.allCases.map(\.rawValue)
        var message = "'\(key)' cannot be '\(raw)'; use one of: \(allowed.joined(separator: ", "))"
        let normalised = raw.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: "-")
        if let close = allowed.first(where: { $0 == normalised }) ?? Suggestion.nearest(to: raw, in: allowed) {
            message += " (did you mean '\(close)'?)"
        }
        report(.invalidValue, at: location, message)
        return nil
    }

    // MARK: Collections

    /// A list's items (block or flow), or nil (reported) when the value is not a list.
    mutating func list(_ fields: Fields, _ key: String, required: Bool) -> [YAMLNode]? {
        guard let (keyLocation, node) = fields[key] else {
            if required { missing(fields, key) }
            return nil
        }
        if case .scalar(let s) = node, s.style == .plain, YAMLScalars.isNull(s.string) {
            report(.emptyValue, at: keyLocation ?? Self.location(node), "'\(key)' has no value; give a list or remove the key")
            return nil
        }
        guard case .sequence(let sequence) = node else {
            report(.wrongType, at: Self.location(node), "'\(key)' must be a list, found \(Self.describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// A list of text items (owners).
    mutating func textList(_ fields: Fields, _ key: String) -> [String]? {
        guard let items = list(fields, key, required: false) else { return nil }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            record("\(Fields.join(fields.fieldPath, key))[\(index)]", key: nil, value: Self.location(item))
            guard case .scalar(let scalar) = item else {
                report(.wrongType, at: Self.location(item), "each of '\(key)' must be text, found \(Self.describe(item))")
                continue
            }
            if holdsUnsafeCharacter(scalar.string, key: key, at: Self.location(item)) { continue }
            if (scalar.style == .plain && YAMLScalars.isNull(scalar.string))
                || Self.isBlank(scalar.string) {
                report(.emptyValue, at: Self.location(item), "an item of '\(key)' is empty; remove it or give it text")
                continue
            }
            if scalar.style == .plain, let other = YAMLScalars.nonStringReading(scalar.string) {
                report(.ambiguousScalar, at: Self.location(item),
                       "an item of '\(key)' is read as the text \"\(scalar.string)\", but other YAML readers read it as \(other); quote it")
            }
            result.append(scalar.string)
        }
        return result
    }

    /// A nested mapping's fields.
    mutating func mapping(_ fields: Fields, _ key: String, required: Bool, known: [String]) -> Fields? {
        guard let (keyLocation, node) = fields[key] else {
            if required { missing(fields, key) }
            return nil
        }
        if case .scalar(let s) = node, s.style == .plain, YAMLScalars.isNull(s.string) {
            report(.emptyValue, at: keyLocation ?? Self.location(node), "'\(key)' has no value; give its keys or remove it")
            return nil
        }
        return self.fields(of: node, at: Fields.join(fields.fieldPath, key), known: known, what: "'\(key)'")
    }

    mutating func missing(_ fields: Fields, _ key: String) {
        let where_ = fields.fieldPath.isEmpty ? "" : " in '\(fields.fieldPath)'"
        report(.missingKey, at: Self.location(fields.node), "missing required key '\(key)'\(where_)")
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s): YAMLScalars.isNull(s.string) && s.style == .plain ? "nothing" : "the text '\(s.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

/// A mapping's known keys, each with its key's place and its value.
struct Fields {
    let node: YAMLNode
    let fieldPath: String
    /// In the order written. A mapping has a dozen known keys at most, so a search through them
    /// costs less than hashing each name into a dictionary.
    private var entries: [(name: String, location: SourceLocation?, value: YAMLNode)] = []

    init(node: YAMLNode, fieldPath: String, capacity: Int = 0) {
        self.node = node
        self.fieldPath = fieldPath
        entries.reserveCapacity(capacity)
    }

    /// The key's place and its value.
    subscript(key: String) -> (SourceLocation?, YAMLNode)? {
        for entry in entries where entry.name == key { return (entry.location, entry.value) }
        return nil
    }

    /// Adds a key, or replaces its value when the mapping has it already (the last one counts,
    /// though the YAML reader refuses a mapping with a key written twice).
    mutating func add(_ name: String, _ location: SourceLocation?, _ value: YAMLNode) {
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index] = (name, location, value)
        } else {
            entries.append((name, location, value))
        }
    }

    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }
}
