/// Agreed: the response explains how the recommendation will be achieved, so it has actions.
struct AgreedHasActions: LintRule {
    let id = "agreed-has-actions"
    let defaultSeverity = Severity.error
    let summary = "An agreed recommendation has at least one action."
    let explanation = """
        The template: an agreed response "should clearly explain how the recommendation will be achieved \
        along with timescales". A recommendation marked agreed with no action says neither. Add the \
        actions, each with an owner and a target.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for site in context.recommendations where site.recommendation.status == .agreed && site.recommendation.actions.isEmpty {
            report.add(site, "status", "\(site.recommendation.name) is agreed but has no actions; add the steps that will achieve it, each with an owner and a target")
        }
    }
}
