/// No target falls before the report was published.
struct TargetBeforePublication: LintRule {
    let id = "target-before-publication"
    let defaultSeverity = Severity.error
    let summary = "No action's target ends before the report was published."
    let explanation = """
        An action planned in response to a report cannot be due before the report existed. Such a \
        target is usually a mistyped year. Work already done before publication is an action with \
        `state: completed` and no target.
        """
    let needsWholePlan = true

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let published = context.info?.report.published else { return }
        for (site, action, path) in context.actions {
            if let target = action.target, target.lastDay < published {
                report.add(site, path + ".target", "action \(action.id)'s target \(target) ends before the report was published (\(published)); check the year")
            }
            for (index, update) in action.updates.enumerated() {
                if let target = update.target, target.lastDay < published {
                    report.add(site, "\(path).updates[\(index)].target", "action \(action.id)'s new target \(target) ends before the report was published (\(published)); check the year")
                }
            }
        }
    }
}
