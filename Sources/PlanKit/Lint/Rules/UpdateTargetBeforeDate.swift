/// An update does not set a target that had already passed on the update's own date.
struct UpdateTargetBeforeDate: LintRule {
    let id = "update-target-before-date"
    let defaultSeverity = Severity.error
    let summary = "An update that keeps an action open does not set a target before the update's own date."
    let explanation = """
        An update's new target is the date the action will now be done by, so it cannot have passed on the day \
        the update was written: an update of 2022-06 setting 'target: 2022-04' is missed the moment it is made, \
        and is almost always a mistyped year or month. It is an error, as a target before the report's \
        publication is (target-before-publication, which reports such targets instead of this rule). An update \
        that completes or drops the action ('state: completed' or 'state: dropped') may give the past date the \
        work ended by. A target in the update's own month (or later) is fine.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        let published = context.info?.report.published
        for (site, action, path) in context.actions {
            for (index, update) in action.updates.enumerated() {
                guard let target = update.target, target.lastDay < update.date.firstDay,
                      update.state != .completed, update.state != .dropped else { continue }
                // Before publication too: target-before-publication's more precise message is enough.
                if let published, target.lastDay < published { continue }
                report.add(site, "\(path).updates[\(index)].target",
                           "update \(update.date) of action \(action.id) sets its target to \(target), before the update's own date; give a target still to come (check the year), or complete or drop the action in this update")
            }
        }
    }
}
