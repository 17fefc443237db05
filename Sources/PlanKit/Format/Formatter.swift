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
    /// Not formatted, and why: the file has errors, or comments fmt would lose.
    case refused([Diagnostic])
}

/// Rewrites plan files in canonical form, losslessly: the formatted file must read back as the
/// same model, or the file is left alone.
public enum Formatter {
    public static let commentRule = "comment-not-kept"

    public static func format(_ bytes: [UInt8], path: String, kind: PlanFileKind) -> FormatOutcome {
        switch kind {
        case .plan:
            let parsed = PlanFormat.parsePlanInfo(bytes, path: path)
            return outcome(parsed, bytes: bytes, path: path) { value, modeline in
                CanonicalWriter.write(value, modeline: modeline)
            } reparse: { PlanFormat.parsePlanInfo($0, path: path).value }
        case .recommendation:
            let parsed = PlanFormat.parseRecommendation(bytes, path: path)
            return outcome(parsed, bytes: bytes, path: path) { value, modeline in
                CanonicalWriter.write(value, modeline: modeline)
            } reparse: { PlanFormat.parseRecommendation($0, path: path).value }
        }
    }

    private static func outcome<T: Equatable>(_ parsed: ParsedFile<T>, bytes: [UInt8], path: String,
                                              write: (T, String?) -> String,
                                              reparse: ([UInt8]) -> T?) -> FormatOutcome {
        guard let value = parsed.value else {
            return .refused(parsed.diagnostics.filter { $0.severity == .error })
        }
        if !parsed.comments.isEmpty {
            return .refused(parsed.comments.map {
                Diagnostic(path: path, location: $0, severity: .error, rule: commentRule,
                           message: "fmt does not keep comments: move the words into a 'note' or 'response', or delete the comment, then run fmt again")
            })
        }
        let text = write(value, parsed.modeline)
        let output = Array(text.utf8)
        guard reparse(output) == value else {
            return .refused([Diagnostic(path: path, location: nil, severity: .error, rule: "internal-error",
                                        message: "plantool could not write this file without changing its meaning; the file is left as it is (please report this)")])
        }
        return output == bytes ? .unchanged : .changed(text)
    }
}
