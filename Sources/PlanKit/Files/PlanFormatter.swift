/// The two kinds of plan file.
public enum PlanFileKind: Sendable {
    case plan
    case recommendation

    /// `plan.yaml` (or, for a file checked on its own, `NAME.plan.yaml`) is a plan file; any
    /// other `.yaml` a recommendation.
    public init(fileName: String) {
        self = fileName == "plan.yaml" || fileName.hasSuffix(".plan.yaml") ? .plan : .recommendation
    }
}

/// What `plantool fmt` does to one file.
public enum FormatOutcome: Sendable, Equatable {
    /// Already canonical.
    case unchanged
    /// The canonical text, different from the file's.
    case changed(String)
    /// Not formatted, and why: the file has errors (a comment among them), or a directive fmt
    /// cannot place.
    case refused([Diagnostic])
}

/// Rewrites plan files in canonical form, losslessly: the formatted file must read back as the
/// same model, or the file is left alone.
public enum PlanFormatter {
    /// A directive fmt cannot put back on the line it belongs to.
    public static let commentRule = "comment-not-kept"

    public static func format(_ bytes: [UInt8], path: String, kind: PlanFileKind) -> FormatOutcome {
        switch kind {
        case .plan:
            let parsed = PlanFormat.parsePlanInfo(bytes, path: path)
            return outcome(parsed, bytes: bytes, path: path) { value, modeline in
                CanonicalWriter.write(value, modeline: modeline)
            } reparse: { PlanFormat.parsePlanInfo($0, path: path) }
        case .recommendation:
            let parsed = PlanFormat.parseRecommendation(bytes, path: path)
            return outcome(parsed, bytes: bytes, path: path) { value, modeline in
                CanonicalWriter.write(value, modeline: modeline)
            } reparse: { PlanFormat.parseRecommendation($0, path: path) }
        }
    }

    private static func outcome<T: Equatable>(_ parsed: ParsedFile<T>, bytes: [UInt8], path: String,
                                              write: (T, String?) -> String,
                                              reparse: ([UInt8]) -> ParsedFile<T>) -> FormatOutcome {
        // A comment other than a directive is an error of the reader (`comment`), so a file with
        // one is refused here with that error: fmt never drops words a person typed.
        guard let value = parsed.value else {
            return .refused(parsed.diagnostics.filter { $0.severity == .error })
        }
        var text = write(value, parsed.modeline)
        let directives = parsed.directives
        if !directives.isEmpty {
            guard let placed = place(directives, original: parsed.sourceMap, in: text, reparse: reparse) else {
                return .refused([Diagnostic(path: path, location: directives[0].comment.location, severity: .error, rule: commentRule,
                                            message: "fmt cannot tell which line this directive belongs to; put it on the line it silences, or use disable-file")])
            }
            text = placed
        }
        let output = Array(text.utf8)
        let again = reparse(output)
        guard again.value == value, Set(again.directives.map(\.rules)) == Set(directives.map(\.rules)) else {
            return .refused([Diagnostic(path: path, location: nil, severity: .error, rule: "internal-error",
                                        message: "plantool could not write this file without changing its meaning; the file is left as it is (please report this)")])
        }
        return output == bytes ? .unchanged : .changed(text)
    }

    /// Puts `# plantool:` directives back: file-wide ones after the modeline, line ones on the
    /// line of the field they stood on (trailing) or before it (standing alone).
    static func place<T>(_ directives: [LintDirective], original: SourceMap, in text: String,
                                 reparse: ([UInt8]) -> ParsedFile<T>) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let written = reparse(Array(text.utf8)).sourceMap
        // Every field that starts on a line of the original, and where each now starts: a
        // directive goes to every line its fields moved to (a flow list written out as a block
        // list puts each item on a line of its own).
        func newLines(ofFieldsOnLine line: Int) -> [Int] {
            // A key that stood on the line goes where that key now is; a value, where the value is.
            let keys = original.keys.filter { $0.value.line == line }.compactMap { written.keys[$0.key]?.line }
            let values = original.values.filter { $0.value.line == line }.compactMap { written.values[$0.key]?.line }
            return Set(keys + values).sorted()
        }
        let codeLines = Set(original.keys.values.map(\.line)).union(original.values.values.map(\.line)).sorted()
        var trailing: [Int: [String]] = [:]
        var before: [Int: [String]] = [:]
        var fileWide: [String] = []
        for directive in directives {
            if directive.wholeFile {
                fileWide.append(directive.comment.text)
                continue
            }
            let sourceLine = directive.comment.trailing ? directive.comment.location.line
                : codeLines.first { $0 > directive.comment.location.line }
            guard let sourceLine else { return nil }
            let targets = newLines(ofFieldsOnLine: sourceLine)
            guard let first = targets.first else { return nil }
            if !directive.comment.trailing && targets.count == 1 {
                before[first, default: []].append(directive.comment.text)
            } else {
                for line in targets { trailing[line, default: []].append(directive.comment.text) }
            }
        }
        var result: [String] = []
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let indent = String(line.prefix(while: { $0 == " " }))
            for comment in before[number] ?? [] { result.append(indent + comment) }
            var out = line
            for comment in trailing[number] ?? [] { out += "  " + comment }
            result.append(out)
        }
        let hasModeline = lines.first?.hasPrefix(YAMLDocument.modelinePrefix) == true
        result.insert(contentsOf: fileWide, at: hasModeline ? 1 : 0)
        lines = result
        return lines.joined(separator: "\n")
    }
}
