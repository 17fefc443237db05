/// An action's updates run in date order.
struct UpdateOrder: LintRule {
    let id = "update-order"
    let defaultSeverity = Severity.error
    let summary = "An action's updates are in date order, oldest first."
    let explanation = """
        The latest update decides an action's current state and target, so updates must be in the order \
        they were made. Move the update to its place.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for (site, action, path) in context.actions {
            for index in action.updates.indices.dropFirst() {
                let previous = action.updates[index - 1].date, current = action.updates[index].date
                if current.firstDay < previous.firstDay {
                    report.add(site, "\(path).updates[\(index)].date", "update \(current) of action \(action.id) comes after the update of \(previous); put updates in date order, oldest first")
                }
            }
        }
    }
}
