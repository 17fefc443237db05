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
        var seen: [String: String] = [:]
        for (site, action, path) in context.actions {
            if let first = seen[action.id] {
                report.add(site, path + ".id", "action id \(action.id) is used twice (first at \(first)); give this action its own id")
            } else {
                seen[action.id] = "\(site.path):\(site.location(path + ".id").line)"
            }
        }
    }
}
