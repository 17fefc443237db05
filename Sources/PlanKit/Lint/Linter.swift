/// Runs the rules over a loaded plan: the reader's diagnostics, then every lint rule the
/// configuration leaves on, with severities as configured and inline directives applied.
public enum Linter {
    /// With a `base`, the history rules compare the plan with it; without one they are off. The
    /// base is taken (`consuming`) so that it can go once compared, before the rules run; so is
    /// the loaded plan, whose parsed files can go once the sites are made from them.
    public static func lint(_ loaded: consuming LoadedPlan, configuration: LintConfiguration = LintConfiguration(),
                            asOf: Day, base: consuming BasePlan? = nil) -> [Diagnostic] {
        // The sites in the order of their numbers (files in order where numbers repeat): the
        // order is worked out on pairs of numbers, not by sorting the sites, whose sort would
        // take room for half of them at lint's peak.
        var order: [(number: Int, file: Int)] = []
        order.reserveCapacity(loaded.recommendations.count)
        for (position, file) in loaded.recommendations.enumerated() {
            if let number = file.parsed.value?.number { order.append((number, position)) }
        }
        order.sort { ($0.number, $0.file) < ($1.number, $1.file) }
        var sites: [RecommendationSite] = []
        sites.reserveCapacity(order.count)  // no room to spare: lint keeps it to the end
        for (_, position) in order {
            let file = loaded.recommendations[position]
            sites.append(RecommendationSite(recommendation: file.parsed.value!, path: loaded.files.displayPath(file.path),
                                            sourceMap: file.parsed.sourceMap, directives: file.parsed.directives))
        }
        let complete = !loaded.diagnostics.hasErrors && loaded.info?.value != nil
        var history: BasePlanComparison? = nil
        if let base = consume base { history = BasePlanComparison(base: base, loaded: loaded, sites: sites) }
        var diagnostics = loaded.diagnostics
        let silencing = Silencing(loaded)
        // The sites now hold all the rules read of the parsed files: the list of those goes
        // before the context is worked out and the rules run (lint's peak held both).
        loaded.recommendations = []
        var built = LintContext(info: loaded.info?.value, planPath: loaded.files.displayPath(PlanDirectory.planFileName),
                                  planSourceMap: loaded.info?.sourceMap ?? SourceMap(), recommendations: sites,
                                  configuration: configuration, asOf: asOf,
                                  history: history)
        built.planDirectives = loaded.info?.directives ?? []
        let context = built
        let rules = RuleRegistry.all.filter { rule in
            (complete || !rule.needsWholePlan) && configuration.severity(of: rule.id, default: rule.defaultSeverity) != nil
        }
        // Rules are independent of one another: they run on every core at once.
        for found in ParallelMap.map(rules, { rule -> [Diagnostic] in
            var report = LintReport(rule: rule)
            rule.check(context, &report)
            return report.diagnostics
        }) {
            diagnostics += found
        }
        // Configured severities, for the reader's rules too (not for those always reported: the
        // count of findings not listed, which carries the severity of the worst of them, and
        // comments and control characters, which would hide words or rewrite a reviewer's screen).
        diagnostics = diagnostics.compactMap { diagnostic in
            guard FormatRule(rawValue: diagnostic.rule)?.isAlwaysReported != true,
                  let configured = configuration.severities[diagnostic.rule] else { return diagnostic }
            guard let severity = configured else { return nil }
            var copy = diagnostic
            copy.severity = severity
            return copy
        }
        return FindingCap.apply(silencing.apply(diagnostics))
    }
}

/// What `# plantool: disable=...` comments silence: each file's directives and the lines of its
/// code, taken from the loaded plan before its parsed files go.
struct Silencing {
    private var byPath: [String: (directives: [LintDirective], codeLines: [Int])] = [:]

    init(_ loaded: borrowing LoadedPlan) {
        var byPath: [String: (directives: [LintDirective], codeLines: [Int])] = [:]
        func register<T>(_ parsed: ParsedFile<T>, path: String) {
            let directives = parsed.directives
            guard !directives.isEmpty else { return }
            let codeLines = Set(parsed.sourceMap.keys.values.map(\.line)).union(parsed.sourceMap.values.values.map(\.line)).sorted()
            byPath[path] = (directives, codeLines)
        }
        if let info = loaded.info { register(info, path: loaded.files.displayPath(PlanDirectory.planFileName)) }
        for file in loaded.recommendations { register(file.parsed, path: loaded.files.displayPath(file.path)) }
        self.byPath = byPath
    }

    /// Drops what the directives silence.
    func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !byPath.isEmpty else { return diagnostics }
        return diagnostics.filter { diagnostic in
            guard FormatRule(rawValue: diagnostic.rule)?.isAlwaysReported != true,
                  let (directives, codeLines) = byPath[diagnostic.path] else { return true }
            return !directives.contains { directive in
                let next = codeLines.first { $0 > directive.comment.location.line }
                return directive.silences(diagnostic, nextCodeLine: next)
            }
        }
    }
}
