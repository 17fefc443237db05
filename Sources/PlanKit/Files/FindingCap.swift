/// At most `Limits.maxFindingsPerFile` findings for each file: past that, the first ones by place
/// and one `too-many-findings` finding counting the rest. A generated or damaged file can hold
/// hundreds of thousands of problems (one per unknown key); listing them all takes longer than
/// reading the file and helps no one.
///
/// Two steps. When a file is read, each rule keeps its first findings by place and one more
/// finding *of the same rule* counts the rest (`perRule`): everything after the reader handles a
/// bounded number, and a rule turned off in the configuration or silenced by a `disable` comment
/// takes its count with it, as it should. At the end, `apply` caps each file's total.
public enum FindingCap {
    static let rule = FormatRule.tooManyFindings

    /// Each rule's findings in each file, capped at `limit`: the first by place, then one finding
    /// of that rule, with the worst severity of those it stands for, counting them.
    public static func perRule(_ diagnostics: [Diagnostic], limit: Int = Limits.maxFindingsPerFile) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics { counts[diagnostic.path + "\u{0}" + diagnostic.rule, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > limit }) else { return diagnostics.sorted() }
        var groups: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics { groups[diagnostic.path + "\u{0}" + diagnostic.rule, default: []].append(diagnostic) }
        var result: [Diagnostic] = []
        for (_, group) in groups {
            guard group.count > limit, let first = group.first else {
                result += group
                continue
            }
            let order = byPlace(group)
            let dropped = order[limit...].map { group[$0] }
            let hidden = dropped.reduce(0) { $0 + weight($1) }
            result += order[..<limit].map { group[$0] }
            result.append(Diagnostic(path: first.path, location: dropped.compactMap(\.location).min(),
                                     severity: dropped.map(\.severity).min() ?? first.severity, rule: first.rule,
                                     message: "\(hidden) more \(first.rule) \(hidden == 1 ? "finding" : "findings") in this file not shown, from here on (at most \(limit) of one kind are listed); fix the ones shown and run again",
                                     counted: hidden))
        }
        return result.sorted()
    }

    /// Indices in order of place (then as found): cheap for many findings.
    private static func byPlace(_ findings: [Diagnostic]) -> [Int] {
        let origin = SourceLocation(line: 0, column: 0)
        return findings.indices.sorted { a, b in
            let x = findings[a].location ?? origin, y = findings[b].location ?? origin
            return x != y ? x < y : a < b
        }
    }

    /// The findings, sorted, with each file's capped. The count of a `too-many-findings`
    /// finding already there (from capping a file's own findings when it was read) is carried
    /// into the new one, so that capping again, after more findings are added, loses no count.
    public static func apply(_ diagnostics: [Diagnostic], limit: Int = Limits.maxFindingsPerFile) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        var marked = false
        for diagnostic in diagnostics {
            counts[diagnostic.path, default: 0] += 1
            if diagnostic.rule == rule.id { marked = true }
        }
        guard marked || counts.values.contains(where: { $0 > limit }) else { return diagnostics.sorted() }
        var byPath: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics { byPath[diagnostic.path, default: []].append(diagnostic) }
        return byPath.values.flatMap { capped($0, limit: limit) }.sorted()
    }

    /// One file's findings, capped.
    static func capped(_ file: [Diagnostic], limit: Int) -> [Diagnostic] {
        let markers = file.filter { $0.rule == rule.id }
        var findings = file.filter { $0.rule != rule.id }
        guard findings.count > limit || !markers.isEmpty else { return file }
        var hidden = markers.reduce(0) { $0 + $1.counted }
        var worst = markers.map(\.severity).min()
        var place = markers.compactMap(\.location).min()
        if findings.count > limit {
            // Ordered by place alone (then as found), which is cheap for many findings; the
            // ones listed are then sorted fully with the rest of the output.
            let order = byPlace(findings)
            let dropped = order[limit...]
            for index in dropped {
                hidden += weight(findings[index])
                let finding = findings[index]
                worst = min(worst ?? finding.severity, finding.severity)
                if let location = finding.location, place == nil || location < place! { place = location }
            }
            findings = order[..<limit].map { findings[$0] }
        }
        guard hidden > 0, let path = file.first?.path else { return findings }
        return findings + [Diagnostic(path: path, location: place, severity: worst ?? .error, rule: rule.id,
                                      message: message(hidden: hidden, limit: limit), counted: hidden)]
    }

    static func message(hidden: Int, limit: Int) -> String {
        "\(hidden) more \(hidden == 1 ? "finding" : "findings") in this file not shown, from here on (at most \(limit) are listed for a file); fix the ones shown and run again"
    }

    /// How many findings one stands for: itself, or those it counts (a rule's own count from
    /// `perRule`, which is not a finding of its own).
    static func weight(_ diagnostic: Diagnostic) -> Int {
        diagnostic.counted > 0 ? diagnostic.counted : 1
    }
}
