/// An action's target brought forward since the base revision.
struct TargetMovedEarlier: LintRule {
    let id = "target-moved-earlier"
    let defaultSeverity = Severity.info
    let summary = "An action's target was brought forward since the base revision (for information)."
    let explanation = """
        An earlier target is good news, but a reviewer should see it: compared with the base revision (HEAD for \
        the working tree and --staged, the revision's parent for --rev, or --base REV), an action whose current \
        target is earlier than in the base is noted. Nothing needs fixing. Off outside git and for a plan's \
        first commit.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let history = context.history else { return }
        for pair in history.actions {
            guard let was = pair.base.currentTarget, let now = pair.action.currentTarget, now.lastDay < was.lastDay else { continue }
            report.add(pair.site, BasePlanComparison.currentTargetField(pair.action, path: pair.path),
                       "target of \(pair.action.id) moved earlier, from \(was) (in \(history.baseName)) to \(now)")
        }
    }
}
