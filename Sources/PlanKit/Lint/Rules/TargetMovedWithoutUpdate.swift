/// An action's target moved later than in the base revision with no update saying why.
struct TargetMovedWithoutUpdate: LintRule {
    let id = "target-moved-without-update"
    let defaultSeverity = Severity.error
    let summary = "An action's target is not moved later (or removed) without an update added to it (compared with a base revision)."
    let explanation = """
        Government practice is that the target dates of agreed recommendations are not moved without an \
        explanation. Compared with the base revision (HEAD for the working tree and --staged, the revision's \
        parent for --rev, or --base REV), an action whose current target is later than in the base, or that \
        has no target any more, must have gained an update in this change: a dated update whose text says why, \
        with the new target in it. Editing the action's own target, or an old update's, to move the date is \
        refused. The rule is off outside git and for a plan's first commit.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let history = context.history else { return }
        for pair in history.actions {
            guard let was = pair.base.currentTarget else { continue }
            let now = pair.action.currentTarget
            if let now, now.lastDay <= was.lastDay { continue }
            guard BasePlanComparison.addedUpdates(before: pair.base, now: pair.action).isEmpty else { continue }
            let id = pair.action.id
            if let now {
                report.add(pair.site, BasePlanComparison.currentTargetField(pair.action, path: pair.path),
                           "target moved from \(was) (in \(history.baseName)) to \(now) with no update added to \(id); add an update to \(id) saying why, with the new target")
            } else {
                report.add(pair.site, pair.path,
                           "target \(was) (in \(history.baseName)) was removed with no update added to \(id); add an update to \(id) saying why it has no target now")
            }
        }
    }
}
