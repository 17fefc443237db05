/// Time-bound: an open action has a target date.
struct ActionHasTarget: LintRule {
    let id = "action-has-target"
    let defaultSeverity = Severity.warning
    let summary = "An open action (planned or in progress) has a target date."
    let explanation = """
        SMART's Time-bound, and the template: "the owner and timescale of each step clearly \
        identified". Give `target` (YYYY-MM, YYYY-MM-DD or YYYY-Qn); wording that is not a date goes in \
        `note`, beside a date to review it by. Actions that are ongoing, completed or dropped need none.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for (site, action, path) in context.actions where action.currentState.isOpen && action.currentTarget == nil {
            report.add(site, path + ".id", "action \(action.id) is \(action.currentState.rawValue) but has no target date; add 'target' (e.g. 2024-06)")
        }
    }
}
