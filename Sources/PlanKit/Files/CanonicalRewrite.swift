/// A plan file rewritten with a new value: the value written canonically (as `plantool fmt`
/// writes it), with the existing file's modeline and its `# plantool:` directives put back where
/// fmt would put them. A line directive that no longer finds its field is dropped rather than put
/// on the wrong one; file-wide directives always stay.
extension CanonicalWriter {
    /// A recommendation file's new text, `existing` being the file as read.
    public static func write(_ rec: Recommendation, keeping existing: ParsedFile<Recommendation>) -> String {
        keepingDirectives(of: existing, in: write(rec, modeline: existing.modeline)) {
            PlanFormat.parseRecommendation($0, path: "rewritten.yaml")
        }
    }

    /// plan.yaml's new text, `existing` being the file as read.
    public static func write(_ info: PlanInfo, keeping existing: ParsedFile<PlanInfo>) -> String {
        keepingDirectives(of: existing, in: write(info, modeline: existing.modeline)) {
            PlanFormat.parsePlanInfo($0, path: "plan.yaml")
        }
    }

    private static func keepingDirectives<T>(of existing: ParsedFile<T>, in text: String,
                                             reparse: ([UInt8]) -> ParsedFile<T>) -> String {
        let directives = existing.directives
        guard !directives.isEmpty else { return text }
        return PlanFormatter.place(directives, original: existing.sourceMap, in: text, reparse: reparse)
            ?? PlanFormatter.place(directives.filter(\.wholeFile), original: existing.sourceMap, in: text, reparse: reparse)
            ?? text
    }
}
