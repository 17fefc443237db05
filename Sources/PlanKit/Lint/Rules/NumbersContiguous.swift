/// Recommendations are numbered 1, 2, 3 ... with none missing, and each kind (priority concerns,
/// key concerns, recommendations) in one run, as the report numbers them.
struct NumbersContiguous: LintRule {
    let id = "numbers-contiguous"
    let defaultSeverity = Severity.error
    let summary = "Recommendations are numbered from 1 with no gaps, each kind in one run."
    let explanation = """
        Every recommendation of the report needs a response. A gap in the numbering (1, 2, 4) usually \
        means one was left out. Add the missing file. (Duplicate numbers are reported as \
        duplicate-number.) A report that raises priority and key concerns numbers each kind in one \
        run (priority concerns 1 to 3, key concerns 4 to 9): a concern of another kind inside a \
        run usually has the wrong kind.
        """
    let needsWholePlan = true

    func check(_ context: LintContext, _ report: inout LintReport) {
        checkGaps(context, &report)
        checkKindRuns(context, &report)
    }

    /// A number of one kind between the first and last numbers of another kind.
    private func checkKindRuns(_ context: LintContext, _ report: inout LintReport) {
        // Positions sorted, not the sites: copies of every site cost more than the rule's work.
        let sites = context.recommendations
        let order = sites.indices.sorted { sites[$0].recommendation.number < sites[$1].recommendation.number }
        for kind in RecommendationKind.allCases {
            let numbers = order.lazy.map { sites[$0].recommendation }.filter { $0.kind == kind }.map(\.number)
            guard let first = numbers.first, let last = numbers.last else { continue }
            for other in order.lazy.map({ sites[$0] })
            where (first...last).contains(other.recommendation.number) && other.recommendation.kind != kind {
                let rec = other.recommendation
                report.add(other.path, other.location("kind"),
                           "\(rec.name) stands among the \(kind.noun)s (numbered \(first) to \(last)); number each kind in one run, or correct its kind")
            }
        }
    }

    private func checkGaps(_ context: LintContext, _ report: inout LintReport) {
        let numbers = Set(context.recommendations.map(\.recommendation.number))
        guard let highest = numbers.max() else { return }
        let missing = (1...highest).filter { !numbers.contains($0) }
        guard !missing.isEmpty else { return }
        let list = missing.count > 10 ? missing.prefix(10).map(String.init).joined(separator: ", ") + ", …" : missing.map(String.init).joined(separator: ", ")
        let path = context.recommendations.first(where: { $0.recommendation.number > missing[0] })?.path ?? context.planPath
        let location = context.recommendations.first(where: { $0.recommendation.number > missing[0] })?.location("number")
        let files = missing.prefix(3).map { Recommendation.fileName(for: $0) }.joined(separator: ", ") + (missing.count > 3 ? ", …" : "")
        report.add(path, location, "\(Wording.plural(missing.count, "recommendation")) \(list) missing: the numbers run 1 to \(highest); add \(missing.count == 1 ? "its file" : "their files") (\(files))")
    }
}
