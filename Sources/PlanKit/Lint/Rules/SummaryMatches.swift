/// The counts plan.yaml declares match the recommendations.
struct SummaryMatches: LintRule {
    let id = "summary-matches"
    let defaultSeverity = Severity.error
    let summary = "The summary counts in plan.yaml match the recommendations' statuses."
    let explanation = """
        Plans end with a table of how many recommendations are agreed, partly agreed and not agreed. \
        When a status changes, the table must follow. Correct `summary` in plan.yaml (or remove it: \
        publishing computes the table from the files).
        """
    let needsWholePlan = true

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let summary = context.info?.summary else { return }
        let recs = context.recommendations.map(\.recommendation)
        let actual: [(String, Int, Int)] = [
            ("agreed", summary.agreed, recs.filter { $0.status == .agreed }.count),
            ("partly-agreed", summary.partlyAgreed, recs.filter { $0.status == .partlyAgreed }.count),
            ("not-agreed", summary.notAgreed, recs.filter { $0.status == .notAgreed }.count),
        ]
        for (key, declared, counted) in actual where declared != counted {
            report.add(context.planPath, context.planSourceMap.location(of: "summary.\(key)"),
                       "summary says \(declared) \(key.replacingOccurrences(of: "-", with: " ")), but the plan has \(counted); correct the count")
        }
    }
}
