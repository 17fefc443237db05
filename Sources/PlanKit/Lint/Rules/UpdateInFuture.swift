/// An update is not dated in the future.
struct UpdateInFuture: LintRule {
    let id = "update-in-future"
    let defaultSeverity = Severity.error
    let summary = "No update is dated after --as-of (default today)."
    let explanation = """
        An update records what has happened. One dated in the future is a typing mistake, or a plan \
        that belongs in the action's target instead.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for (site, action, path) in context.actions {
            for (index, update) in action.updates.enumerated() where update.date.firstDay > context.asOf {
                report.add(site, "\(path).updates[\(index)].date", "update of action \(action.id) is dated \(update.date), after \(context.asOf); updates record what has happened")
            }
        }
    }
}
