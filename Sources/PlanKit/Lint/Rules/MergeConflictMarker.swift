/// A `# plantool: conflict` marker left by a merge that both sides changed the same field of.
struct MergeConflictMarker: LintRule {
    let id = "merge-conflict"
    let defaultSeverity = Severity.error
    let summary = "A merge left a conflict to settle: a field both sides changed in different ways."
    let explanation = """
        When two branches change the same field of a plan file in different ways, plantool's merge \
        (the git merge driver, `plantool merge-driver`) keeps our value in the field and adds a \
        comment `# plantool: conflict FIELD: ours "...", theirs "..."` after the modeline. Choose the \
        value the field should have, write it, and delete the comment.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for directive in context.planDirectives {
            guard let what = directive.conflict else { continue }
            let location = Self.planPath(Self.field(of: what), context.info).flatMap { context.planSourceMap.location(of: $0) }
            report.add(context.planPath, location ?? directive.comment.location, Self.message(what))
        }
        for site in context.recommendations {
            for directive in site.directives {
                guard let what = directive.conflict else { continue }
                let location = Self.recommendationPath(Self.field(of: what), site.recommendation).flatMap { site.sourceMap.location(of: $0) }
                report.add(site.path, location ?? directive.comment.location, Self.message(what))
            }
        }
    }

    static func message(_ what: String) -> String {
        "merge conflict in \(what); write the value the field should have, then delete the '# plantool: conflict' comment"
    }

    /// The field the marker names: the text before its first ": ".
    static func field(of what: String) -> String {
        guard let colon = what.range(of: ": ") else { return what }
        return String(what[..<colon.lowerBound])
    }

    /// `actions[5.1].updates[2021-12].text` as the reader's field path, `actions[0].updates[1].text`.
    static func recommendationPath(_ field: String, _ rec: Recommendation) -> String? {
        guard field.hasPrefix("actions[") else { return field }
        // The id itself has dots: take everything up to the closing bracket.
        guard let close = field.firstIndex(of: "]") else { return nil }
        let (id, occurrence) = Self.key(String(field[field.index(field.startIndex, offsetBy: "actions[".count)..<close]))
        guard let index = Self.index(of: id, occurrence, in: rec.actions.map(\.id)) else { return nil }
        var path = "actions[\(index)]"
        var rest = String(field[field.index(after: close)...])
        if rest.hasPrefix(".updates[") {
            guard let end = rest.firstIndex(of: "]") else { return nil }
            let (date, n) = Self.key(String(rest[rest.index(rest.startIndex, offsetBy: ".updates[".count)..<end]))
            guard let u = Self.index(of: date, n, in: rec.actions[index].updates.map(\.date.description)) else { return path }
            path += ".updates[\(u)]"
            rest = String(rest[rest.index(after: end)...])
        }
        return path + rest
    }

    static func planPath(_ field: String, _ info: PlanInfo?) -> String? {
        guard field.hasPrefix("revisions[") else { return field }
        guard let info, let close = field.firstIndex(of: "]") else { return nil }
        let (date, n) = Self.key(String(field[field.index(field.startIndex, offsetBy: "revisions[".count)..<close]))
        guard let index = Self.index(of: date, n, in: info.revisions.map(\.submitted.description)) else { return nil }
        return "revisions[\(index)]" + field[field.index(after: close)...]
    }

    /// `5.1` or `5.1#2` (the second item with that key).
    private static func key(_ text: String) -> (String, Int) {
        guard let hash = text.lastIndex(of: "#"), let n = Int(text[text.index(after: hash)...]), n >= 1 else { return (text, 0) }
        return (String(text[..<hash]), n - 1)
    }

    private static func index(of key: String, _ occurrence: Int, in keys: [String]) -> Int? {
        keys.indices.filter { keys[$0] == key }.dropFirst(occurrence).first
    }
}
