/// Updates belong to a recorded revision: none is dated after the plan's last one.
struct UpdateAfterRevision: LintRule {
    let id = "update-after-revision"
    let defaultSeverity = Severity.warning
    let summary = "No update is dated after the plan's last revision (revisions: in plan.yaml)."
    let explanation = """
        A plan is revised in rounds: each round's updates are submitted together as a revision \
        ("Action Plan Update", listed under revisions: in plan.yaml). An update dated after the last \
        revision belongs to a round that has not been recorded; record it with `plantool revision \
        start DATE`. A month-dated update counts from the month's first day. A plan without \
        revisions is not checked.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let last = context.info?.revisions.map(\.submitted).max() else { return }
        for (site, action, path) in context.actions {
            for (index, update) in action.updates.enumerated() where update.date.firstDay > last {
                report.add(site, "\(path).updates[\(index)].date",
                           "update of action \(action.id) is dated \(update.date), after the plan's last revision (\(last)); record the round with `plantool revision start DATE`")
            }
        }
    }
}
