/// Not agreed: the recommendation will not be implemented, so nothing is planned for it.
struct NotAgreedNoPlannedActions: LintRule {
    let id = "not-agreed-no-planned-actions"
    let defaultSeverity = Severity.error
    let summary = "A recommendation that is not agreed has no planned or in-progress actions."
    let explanation = """
        The template: not agreed means the recommendation "will not be implemented". An open action \
        contradicts that: either the recommendation is partly agreed, or the action is dropped.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for site in context.recommendations where site.recommendation.status == .notAgreed {
            for (index, action) in site.recommendation.actions.enumerated() where action.currentState.isOpen {
                report.add(site, "actions[\(index)].id", "action \(action.id) is \(action.currentState.rawValue), but \(site.recommendation.name) is not agreed; mark it partly agreed, or the action dropped")
            }
        }
    }
}
