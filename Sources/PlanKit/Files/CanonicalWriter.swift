/// Writes plan files in the one canonical layout: fixed key order, two-space indentation, block
/// style, long text folded at 80 columns, text with line breaks as literal blocks, and quotes on
/// every string another YAML reader would take for something else.
public enum CanonicalWriter {
    /// Line width the writer folds long text to.
    public static let width = 80

    public static let defaultPlanModeline = "# yaml-language-server: $schema=schema/plan.schema.json"
    public static let defaultRecommendationModeline = "# yaml-language-server: $schema=../schema/recommendation.schema.json"

    /// `plan.yaml`'s text.
    public static func write(_ info: PlanInfo, modeline: String? = defaultPlanModeline) -> String {
        var w = Emitter(modeline: modeline)
        w.scalar("format", String(info.format), indent: 0)
        w.text("title", info.title, indent: 0)
        w.text("organisation", info.organisation, indent: 0)
        w.text("inspectorate", info.inspectorate, indent: 0)
        w.open("report", indent: 0)
        w.text("title", info.report.title, indent: 2)
        if let published = info.report.published { w.date("published", published.description, indent: 2) }
        if let url = info.report.url { w.text("url", url, indent: 2) }
        if let submitted = info.submitted { w.date("submitted", submitted.description, indent: 0) }
        if !info.revisions.isEmpty {
            w.open("revisions", indent: 0)
            for revision in info.revisions {
                w.date("submitted", revision.submitted.description, indent: 2, item: true)
                w.text("title", revision.title, indent: 4)
            }
        }
        if let summary = info.summary {
            w.open("summary", indent: 0)
            w.scalar("agreed", String(summary.agreed), indent: 2)
            w.scalar("partly-agreed", String(summary.partlyAgreed), indent: 2)
            w.scalar("not-agreed", String(summary.notAgreed), indent: 2)
        }
        if let introduction = info.introduction { w.text("introduction", introduction, indent: 0) }
        write(info.vocabulary, &w)
        return w.output
    }

    /// A recommendation file's text.
    public static func write(_ rec: Recommendation, modeline: String? = defaultRecommendationModeline) -> String {
        var w = Emitter(modeline: modeline)
        w.scalar("number", String(rec.number), indent: 0)
        if let reference = rec.reference { w.text("reference", reference, indent: 0) }
        if rec.kind != .recommendation { w.scalar("kind", rec.kind.rawValue, indent: 0) }
        w.text("addressee", rec.addressee, indent: 0)
        if let theme = rec.theme { w.text("theme", theme, indent: 0) }
        w.text("text", rec.text, indent: 0)
        w.scalar("status", rec.status.rawValue, indent: 0)
        if let part = rec.implementedPart { w.text("implemented-part", part, indent: 0) }
        if let reason = rec.reason {
            w.open("reason", indent: 0)
            if !reason.categories.isEmpty {
                w.scalar("categories", "[" + reason.categories.map(\.rawValue).joined(separator: ", ") + "]", indent: 2)
            }
            w.text("text", reason.text, indent: 2)
        }
        if let response = rec.response { w.text("response", response, indent: 0) }
        if rec.actions.isEmpty {
            w.scalar("actions", "[]", indent: 0)
        } else {
            w.open("actions", indent: 0)
            for action in rec.actions { write(action, &w) }
        }
        return w.output
    }

    /// The words the plan gives, in the order of `PlanFormat.vocabularyKeys`; none when it gives none.
    private static func write(_ words: PlanWords, _ w: inout Emitter) {
        guard !words.given.isEmpty else { return }
        w.open("vocabulary", indent: 0)
        for (key, word) in words.given { w.text(key, word, indent: 2) }
    }

    private static func write(_ action: Action, _ w: inout Emitter) {
        w.text("id", action.id, indent: 2, item: true)
        w.text("text", action.text, indent: 4)
        if !action.owners.isEmpty { w.list("owners", action.owners, indent: 4) }
        if let target = action.target { w.date("target", target.description, indent: 4) }
        w.scalar("state", action.state.rawValue, indent: 4)
        if let note = action.note { w.text("note", note, indent: 4) }
        if !action.updates.isEmpty {
            w.open("updates", indent: 4)
            for update in action.updates {
                w.date("date", update.date.description, indent: 6, item: true)
                w.text("text", update.text, indent: 8)
                if let state = update.state { w.scalar("state", state.rawValue, indent: 8) }
                if let target = update.target { w.date("target", target.description, indent: 8) }
                if let owners = update.owners { w.list("owners", owners, indent: 8) }
            }
        }
    }

    /// Text as a YAML double-quoted scalar: quotes, backslashes and every character a plain
    /// scalar could not hold escaped, so that it stays on one line.
    static func doubleQuoted(_ value: String) -> String {
        let escaped = ScalarEscaping.escape(value, yamlEscapes) { c, out in
            if YAMLScalars.isPlainSafe(c) {
                out.unicodeScalars.append(c)
            } else if c.value <= 0xFF {
                out += "\\x" + String(c.value, radix: 16, uppercase: true).leftPadded(2)
            } else if c.value <= 0xFFFF {
                out += "\\u" + String(c.value, radix: 16, uppercase: true).leftPadded(4)
            } else {
                out += "\\U" + String(c.value, radix: 16, uppercase: true).leftPadded(8)
            }
        }
        return "\"" + escaped + "\""
    }

    static let yamlEscapes: [Unicode.Scalar: String] = ["\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"]
}

/// Builds the text line by line.
private struct Emitter {
    var output = ""

    init(modeline: String?) {
        if let modeline { output += modeline + "\n" }
    }

    /// `key:` with the line's prefix; a list item's first key carries the "- " marker.
    private func prefix(_ key: String, indent: Int, item: Bool) -> String {
        item ? String(repeating: " ", count: indent) + "- " + key + ":"
             : String(repeating: " ", count: indent) + key + ":"
    }

    mutating func open(_ key: String, indent: Int) {
        output += prefix(key, indent: indent, item: false) + "\n"
    }

    /// A value written as it is (numbers, enumeration words, flow lists of words).
    mutating func scalar(_ key: String, _ value: String, indent: Int, item: Bool = false) {
        output += prefix(key, indent: indent, item: item) + " " + value + "\n"
    }

    /// A date, quoted when other readers would take it for a timestamp.
    mutating func date(_ key: String, _ value: String, indent: Int, item: Bool = false) {
        scalar(key, YAMLScalars.canBePlain(value) ? value : CanonicalWriter.doubleQuoted(value), indent: indent, item: item)
    }

    mutating func list(_ key: String, _ items: [String], indent: Int) {
        open(key, indent: indent)
        for item in items {
            let lead = String(repeating: " ", count: indent + 2) + "- "
            output += lead + Self.inline(item) + "\n"
        }
    }

    /// Text: plain when it fits and is safe, folded when long, literal when it has line breaks,
    /// double-quoted when nothing else can hold it exactly.
    mutating func text(_ key: String, _ value: String, indent: Int, item: Bool = false) {
        let head = prefix(key, indent: indent, item: item)
        let contentIndent = String(repeating: " ", count: indent + (item ? 4 : 2))
        if value.contains("\n") {
            if Self.canBeLiteral(value) {
                output += head + " |-\n"
                for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
                    output += line.isEmpty ? "\n" : contentIndent + line + "\n"
                }
            } else {
                output += head + " " + CanonicalWriter.doubleQuoted(value) + "\n"
            }
            return
        }
        let fits = head.count + 1 + value.count <= CanonicalWriter.width
        if YAMLScalars.canBePlain(value), fits {
            output += head + " " + value + "\n"
        } else if !fits, Self.canBeFolded(value) {
            output += head + " >-\n"
            for line in Self.fold(value, width: CanonicalWriter.width - contentIndent.count) {
                output += contentIndent + line + "\n"
            }
        } else if YAMLScalars.canBePlain(value) {
            output += head + " " + value + "\n"
        } else {
            output += head + " " + CanonicalWriter.doubleQuoted(value) + "\n"
        }
    }

    /// A short value on the line of its key or list marker.
    static func inline(_ value: String) -> String {
        YAMLScalars.canBePlain(value) ? value : CanonicalWriter.doubleQuoted(value)
    }

    static func canBeFolded(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
              first != " ", last != " " else { return false }
        return value.unicodeScalars.allSatisfy(YAMLScalars.isPlainSafe)
    }

    static func canBeLiteral(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first != " ", first != "\n", value.last != "\n" else { return false }
        for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.unicodeScalars.last == " " { return false }
            guard line.unicodeScalars.allSatisfy(YAMLScalars.isPlainSafe) else { return false }
        }
        return true
    }

    /// Breaks text into lines of at most `width` characters where possible, only at single spaces
    /// between two non-space characters, so that YAML's folding joins them back exactly.
    static func fold(_ value: String, width: Int) -> [String] {
        let scalars = Array(value.unicodeScalars)
        var words: [String] = []
        var start = 0
        for i in 1..<max(1, scalars.count - 1) where scalars[i] == " " && scalars[i - 1] != " " && scalars[i + 1] != " " {
            words.append(String(String.UnicodeScalarView(scalars[start..<i])))
            start = i + 1
        }
        words.append(String(String.UnicodeScalarView(scalars[start...])))
        var lines: [String] = []
        var current = ""
        for word in words {
            if current.isEmpty {
                current = word
            } else if current.unicodeScalars.count + 1 + word.unicodeScalars.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        lines.append(current)
        return lines
    }
}
