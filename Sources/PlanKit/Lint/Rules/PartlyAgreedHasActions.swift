/// Partly agreed: the part that is agreed needs SMART actions.
struct PartlyAgreedHasActions: LintRule {
    let id = "partly-agreed-has-actions"
    let defaultSeverity = Severity.error
    let summary = "A partly agreed recommendation has actions for the part that will be implemented."
    let explanation = """
        The template: the part of a partly agreed recommendation that will be implemented comes "along \
        with SMART actions and tracked for progress". Add at least one action.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for site in context.recommendations where site.recommendation.status == .partlyAgreed && site.recommendation.actions.isEmpty {
            report.add(site, "status", "\(site.recommendation.name) is partly agreed but has no actions; add the actions for the part that will be implemented")
        }
    }
}
