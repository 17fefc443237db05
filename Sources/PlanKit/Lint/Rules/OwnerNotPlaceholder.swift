/// An owner is a real owner, not a placeholder.
struct OwnerNotPlaceholder: LintRule {
    let id = "owner-not-placeholder"
    let defaultSeverity = Severity.error
    let summary = "An owner is not a placeholder such as TBC, - or n/a."
    let explanation = """
        "TBC", "-", "n/a" and the like in the owners column mean the action has no owner yet. Name the \
        responsible role, or remove the entry until one is known (which `action-has-owner` will report).
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        // Plans name the same few owners again and again: each is judged once.
        var placeholders: [String: Bool] = [:]
        func isPlaceholder(_ owner: String) -> Bool {
            if let known = placeholders[owner] { return known }
            let verdict = TextHeuristics.isPlaceholder(owner)
            placeholders[owner] = verdict
            return verdict
        }
        for (site, action, path) in context.actions {
            for (index, owner) in action.owners.enumerated() where isPlaceholder(owner) {
                report.add(site, "\(path).owners[\(index)]", "owner \"\(owner)\" of action \(action.id) is a placeholder; name the responsible role")
            }
            for (updateIndex, update) in action.updates.enumerated() {
                for (index, owner) in (update.owners ?? []).enumerated() where isPlaceholder(owner) {
                    report.add(site, "\(path).updates[\(updateIndex)].owners[\(index)]", "owner \"\(owner)\" of action \(action.id) is a placeholder; name the responsible role")
                }
            }
        }
    }
}
