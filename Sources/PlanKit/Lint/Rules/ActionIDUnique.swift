/// Action ids are unique in the plan.
struct ActionIDUnique: LintRule {
    let id = "action-id-unique"
    let defaultSeverity = Severity.error
    let summary = "No two actions share an id."
    let explanation = """
        Action ids identify actions across revisions: diffs, updates and progress reports follow an \
        action by its id. Two actions with one id cannot be told apart. Renumber one.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        // Where each id was first seen, by position: its place is written out only for a finding.
        var seen: [String: Int] = [:]
        seen.reserveCapacity(context.actions.count)
        for (index, (site, action, path)) in context.actions.enumerated() {
            if let position = seen[action.id] {
                let (firstSite, _, firstPath) = context.actions[position]
                let first = "\(firstSite.path):\(firstSite.location(firstPath + ".id").line)"
                report.add(site, path + ".id", "action id \(action.id) is used twice (first at \(first)); give this action its own id")
            } else {
                seen[action.id] = index
            }
        }
    }
}
