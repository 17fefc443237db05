/// The outcome of merging three versions of one plan file.
public enum PlanFileMerge: Sendable, Equatable {
    /// The merged file's canonical text, the conflicts marked in it (none: a clean merge), and
    /// the new actions of theirs that took another id (ours had given theirs' id to another).
    case merged(text: String, conflicts: [MergeConflict], renumbered: [ActionRenumbering])
    /// A side could not be read as a plan file: which one ("base", "ours", "theirs") and its
    /// first error.
    case unreadable(side: String, error: Diagnostic?)
    /// The file cannot be merged by structure without losing something a side holds (a comment
    /// that is not a directive, a directive that cannot be placed): each reason.
    case refused([MergeRefusal])

    /// Merges a plan file's three versions by structure; `base` nil when the two sides added the
    /// file independently. `kind` says how to read them (see `PlanFileKind(fileName:)`).
    public static func merge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], kind: PlanFileKind, path: String) -> PlanFileMerge {
        switch kind {
        case .plan:
            return merge(base, ours, theirs, path: path, parse: { PlanFormat.parsePlanInfo($0, path: $1) }) { b, o, t, values in
                let result = PlanMerge.merge(base: values.base, ours: values.ours, theirs: values.theirs)
                return (PlanMerge.text(of: result, base: b, ours: o, theirs: t), result.conflicts, result.renumbered)
            }
        case .recommendation:
            return merge(base, ours, theirs, path: path, parse: { PlanFormat.parseRecommendation($0, path: $1) }) { b, o, t, values in
                let result = PlanMerge.merge(base: values.base, ours: values.ours, theirs: values.theirs)
                return (PlanMerge.text(of: result, base: b, ours: o, theirs: t), result.conflicts, result.renumbered)
            }
        }
    }

    private static func merge<T>(_ base: [UInt8]?, _ ours: [UInt8], _ theirs: [UInt8], path: String,
                                 parse: ([UInt8], String) -> ParsedFile<T>,
                                 merge: (ParsedFile<T>?, ParsedFile<T>, ParsedFile<T>, (base: T?, ours: T, theirs: T)) -> (MergedText, [MergeConflict], [ActionRenumbering])) -> PlanFileMerge {
        var b: ParsedFile<T>? = nil
        if let base {
            let parsed = parse(base, path)
            guard parsed.value != nil else { return .unreadable(side: "base", error: parsed.diagnostics.first { $0.severity == .error }) }
            b = parsed
        }
        let o = parse(ours, path)
        let t = parse(theirs, path)
        // A comment the merge would lose is said first, even when a side does not read.
        let lost = PlanMerge.commentsLost(ours: o, theirs: t)
        guard lost.isEmpty else { return .refused(lost) }
        guard let ourValue = o.value else { return .unreadable(side: "ours", error: o.diagnostics.first { $0.severity == .error }) }
        guard let theirValue = t.value else { return .unreadable(side: "theirs", error: t.diagnostics.first { $0.severity == .error }) }
        switch merge(b, o, t, (b?.value, ourValue, theirValue)) {
        case (.text(let text), let conflicts, let renumbered): return .merged(text: text, conflicts: conflicts, renumbered: renumbered)
        case (.refused(let reasons), _, _): return .refused(reasons)
        }
    }

    /// Whether a path in a repository is a plan file plantool merges: `plan.yaml` (or
    /// `NAME.plan.yaml`), or `recommendations/NN.yaml`; and which kind.
    public static func kind(ofRepositoryPath path: String) -> PlanFileKind? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = parts.last else { return nil }
        if name == PlanDirectory.planFileName || name.hasSuffix(".plan.yaml") { return .plan }
        if parts.count >= 2, parts[parts.count - 2] == PlanDirectory.recommendationsFolder,
           PlanLoader.number(fromFileName: name) != nil {
            return .recommendation
        }
        return nil
    }
}
