/// The text of a merged plan file, or why it cannot be written without losing a comment.
public enum MergedText: Sendable, Equatable {
    case text(String)
    case refused([MergeRefusal])
}

/// A merged plan file's text: canonical (as `plantool fmt` writes it), with the modeline and
/// `# plantool:` directives of both sides, and one `# plantool: conflict` marker per conflict
/// after the modeline. The conflicting field holds our value; the marker names the field and
/// both values, so the file still reads as a plan and `plantool lint` reports it (rule
/// `merge-conflict`). A side holding any other comment is refused: a plan file holds only the
/// modeline and directives, and nothing may be lost without a word.
extension PlanMerge {
    /// The merged text of a recommendation file, from the three versions as read.
    public static func text(of result: MergeResult<Recommendation>, base: ParsedFile<Recommendation>?,
                            ours: ParsedFile<Recommendation>, theirs: ParsedFile<Recommendation>) -> MergedText {
        mergedText(result, base: base, ours: ours, theirs: theirs, write: { CanonicalWriter.write($0, modeline: $1) },
                   reparse: { PlanFormat.parseRecommendation($0, path: "merged.yaml") })
    }

    /// The merged text of plan.yaml, from the three versions as read.
    public static func text(of result: MergeResult<PlanInfo>, base: ParsedFile<PlanInfo>?,
                            ours: ParsedFile<PlanInfo>, theirs: ParsedFile<PlanInfo>) -> MergedText {
        mergedText(result, base: base, ours: ours, theirs: theirs, write: { CanonicalWriter.write($0, modeline: $1) },
                   reparse: { PlanFormat.parsePlanInfo($0, path: "plan.yaml") })
    }

    private static func mergedText<T: MergeAnchored & Equatable>(
        _ result: MergeResult<T>, base: ParsedFile<T>?, ours: ParsedFile<T>, theirs: ParsedFile<T>,
        write: (T, String?) -> String, reparse: ([UInt8]) -> ParsedFile<T>) -> MergedText {
        guard let ourValue = ours.value, let theirValue = theirs.value else {
            return .refused([MergeRefusal(side: ours.value == nil ? "ours" : "theirs", location: nil, reason: "it does not read as a plan file")])
        }
        var refusals = commentsLost(ours: ours, theirs: theirs)
        var modeline = ours.modeline
        if ours.modeline != theirs.modeline && theirs.modeline != base?.modeline {
            if ours.modeline == base?.modeline {
                modeline = theirs.modeline
            } else {
                refusals.append(MergeRefusal(side: nil, location: SourceLocation(line: 1, column: 1), reason:
                    "both sides changed the modeline in different ways: ours \(quoted(ours.modeline)), theirs \(quoted(theirs.modeline))"))
            }
        }
        let renumbered = Dictionary(result.renumbered.map { ($0.from, $0.to) }, uniquingKeysWith: { a, _ in a })
        var ignored: [MergeRefusal] = []
        let baseDirectives = base.flatMap { file in
            file.value.map { MergeDirectives.of(file, value: $0, merged: result.value, renumbered: [:], name: "base", refusals: &ignored) }
        }
        let ourDirectives = MergeDirectives.of(ours, value: ourValue, merged: result.value, renumbered: [:], name: "ours", refusals: &refusals)
        let theirDirectives = MergeDirectives.of(theirs, value: theirValue, merged: result.value, renumbered: renumbered,
                                                 name: "theirs", refusals: &refusals)
        guard refusals.isEmpty else { return .refused(refusals) }
        let directives = MergeDirectives.merged(base: baseDirectives, ours: ourDirectives, theirs: theirDirectives)
        let canonical = write(result.value, modeline)
        let (text, count) = directives.placed(in: canonical, written: reparse(Array(canonical.utf8)).sourceMap,
                                              markers: result.conflicts.map(marker))
        // The directives must land as comments and leave every value as it is.
        let again = reparse(Array(text.utf8))
        guard again.value == result.value, again.comments.count == count, again.directives.count == count else {
            return .refused([MergeRefusal(side: nil, location: nil, reason:
                "the '# plantool:' directives of both sides cannot be put in the merged file without changing its meaning")])
        }
        return .text(text)
    }

    /// Each comment of either side that is neither the modeline nor a `# plantool:` directive:
    /// a merged file, written canonically, could not keep it.
    static func commentsLost<T>(ours: ParsedFile<T>, theirs: ParsedFile<T>) -> [MergeRefusal] {
        [("ours", ours), ("theirs", theirs)].flatMap { name, side in
            side.comments.filter { LintDirective($0) == nil }.map { comment in
                MergeRefusal(side: name, location: comment.location, reason:
                    "\(quoted(comment.text)) is not a '# plantool:' directive, and a merged plan file keeps only the modeline and directives: move the words into a note or the response, or delete the comment")
            }
        }
    }

    /// The merged text of a recommendation file with our side's directives only; `ours` is our
    /// side's file as read (an import rewriting a file it replaces).
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
            if let placed = PlanFormatter.place(directives, original: ours.sourceMap, in: text, reparse: reparse) {
                text = placed
            } else if let placed = PlanFormatter.place(directives.filter(\.wholeFile), original: ours.sourceMap, in: text, reparse: reparse) {
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
