/// plan.yaml says when the report was published and when the plan was submitted.
struct PlanDates: LintRule {
    let id = "plan-dates"
    let defaultSeverity = Severity.warning
    let summary = "plan.yaml gives the report's publication date and the plan's submission date."
    let explanation = """
        The title block of the official table reads "Action Plan Submitted" and "Report Published". \
        Both dates are optional in the format, because some source documents lack them, but a plan \
        being written should give them (`report.published`, `submitted`).
        """
    let needsWholePlan = true

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let info = context.info else { return }
        if info.report.published == nil {
            report.add(context.planPath, context.planSourceMap.location(of: "report"), "the report's publication date is missing; add 'published' under 'report' (YYYY-MM-DD)")
        }
        if info.submitted == nil {
            report.add(context.planPath, SourceLocation(line: context.planSourceMap.location(of: "format")?.line ?? 1, column: 1),
                       "the plan's submission date is missing; add 'submitted' (YYYY-MM-DD)")
        }
    }
}
