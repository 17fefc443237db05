/// Every open action has a responsible owner.
struct ActionHasOwner: LintRule {
    let id = "action-has-owner"
    let defaultSeverity = Severity.warning
    let summary = "An open action names its responsible owner."
    let explanation = """
        The template's column 5: the responsible owner, "including named individuals and their functional \
        role or department". An action nobody owns is not tracked. Add `owners`.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for (site, action, path) in context.actions where action.currentState.isOpen && action.currentOwners.isEmpty {
            report.add(site, path + ".id", "action \(action.id) has no owner; add 'owners' with the responsible role")
        }
    }
}
