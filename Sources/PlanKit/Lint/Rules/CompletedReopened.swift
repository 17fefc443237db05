/// An action completed in the base revision that is open again.
struct CompletedReopened: LintRule {
    let id = "completed-reopened"
    let defaultSeverity = Severity.warning
    let summary = "An action completed in the base revision is not open (planned, in progress) again without a word."
    let explanation = """
        An action reported as completed has been counted as done by the inspectorate. If it is reopened \
        (planned or in progress again, compared with the base revision: HEAD for the working tree and \
        --staged, the revision's parent for --rev, or --base REV), say why in an update, and check that the \
        completion was not simply a mistake in this change. Off outside git and for a plan's first commit.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let history = context.history else { return }
        for pair in history.actions where pair.base.currentState == .completed && pair.action.currentState.isOpen {
            report.add(pair.site, BasePlanComparison.currentStateField(pair.action, path: pair.path),
                       "action \(pair.action.id) was completed in \(history.baseName) and is \(pair.action.currentState.rawValue) again; say in an update why it was reopened")
        }
    }
}
