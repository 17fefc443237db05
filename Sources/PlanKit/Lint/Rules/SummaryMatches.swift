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
        // Counted in place: a copy of every recommendation would cost a third of the files' size.
        func count(_ status: Status) -> Int {
            context.recommendations.reduce(0) { $0 + ($1.recommendation.status == status ? 1 : 0) }
        }
        let actual: [(String, Int, Int)] = [
            ("agreed", summary.agreed, count(.agreed)),
            ("partly-agreed", summary.partlyAgreed, count(.partlyAgreed)),
            ("not-agreed", summary.notAgreed, count(.notAgreed)),
        ]
        for (key, declared, counted) in actual where declared != counted {
            report.add(context.planPath, context.planSourceMap.location(of: "summary.\(key)"),
                       "summary says \(declared) \(key.replacingOccurrences(of: "-", with: " ")), but the plan has \(counted); correct the count")
        }
    }
}
