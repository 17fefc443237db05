/// A merged plan file's text: canonical (as `plantool fmt` writes it), with our side's modeline
/// and `# plantool:` directives, and one `# plantool: conflict` marker per conflict after the
/// modeline. The conflicting field holds our value; the marker names the field and both values,
/// so the file still reads as a plan and `plantool lint` reports it (rule `merge-conflict`).
extension PlanMerge {
    /// The merged text of a recommendation file; `ours` is our side's file as read.
    public static func text(of result: MergeResult<Recommendation>, ours: ParsedFile<Recommendation>) -> String {
        render(result, ours: ours, write: { CanonicalWriter.write($0, modeline: $1) },
               reparse: { PlanFormat.parseRecommendation($0, path: "merged.yaml") })
    }

    /// The merged text of plan.yaml.
    public static func text(of result: MergeResult<PlanInfo>, ours: ParsedFile<PlanInfo>) -> String {
        render(result, ours: ours, write: { CanonicalWriter.write($0, modeline: $1) },
               reparse: { PlanFormat.parsePlanInfo($0, path: "plan.yaml") })
    }

    /// `# plantool: conflict FIELD: ours "VALUE", theirs "VALUE"`: one line, every value quoted
    /// with its line breaks and other invisible characters escaped.
    public static func marker(_ conflict: MergeConflict) -> String {
        "# plantool: \(LintDirective.conflictWord)\(conflict.field): ours \(quoted(conflict.ours)), theirs \(quoted(conflict.theirs))"
    }

    /// A side's value as the canonical writer quotes text (YAML's double-quoted escapes, so the
    /// marker stays one comment line whatever the text holds), or "(none)".
    static func quoted(_ value: String?) -> String {
        value.map(CanonicalWriter.doubleQuoted) ?? "(none)"
    }

    private static func render<T: Sendable>(_ result: MergeResult<T>, ours: ParsedFile<T>,
                                            write: (T, String?) -> String,
                                            reparse: ([UInt8]) -> ParsedFile<T>) -> String {
        var text = write(result.value, ours.modeline)
        // Our side's directives, put back where fmt would put them; line directives that no
        // longer find their field are dropped rather than put on the wrong one, and old
        // conflict markers stay with the new ones.
        let directives = ours.directives
        if !directives.isEmpty {
            if let placed = Formatter.place(directives, original: ours.sourceMap, in: text, reparse: reparse) {
                text = placed
            } else if let placed = Formatter.place(directives.filter(\.wholeFile), original: ours.sourceMap, in: text, reparse: reparse) {
                text = placed
            }
        }
        guard !result.conflicts.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = lines.first?.hasPrefix(YAMLDocument.modelinePrefix) == true ? 1 : 0
        lines.insert(contentsOf: result.conflicts.map(marker), at: at)
        return lines.joined(separator: "\n")
    }
}
