/// An owner names a role or a body, so that the action survives a change of staff.
struct OwnerNamesRole: LintRule {
    let id = "owner-names-role"
    let defaultSeverity = Severity.warning
    let summary = "An owner names a role or a body (Deputy Director, Head of ..., ... Team), not only a person."
    let explanation = """
        Plans outlive postings: an owner given only as a person's name is lost when they move. Name the \
        role ("Deputy Director, Public Protection Group"), with the person if you wish. The check looks \
        for a role or organisation word (director, head, manager, lead, team, group, board, NHS, ...).
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        // Plans name the same few owners again and again: each is judged once.
        var namesNoRole: [String: Bool] = [:]
        func judged(_ owner: String) -> Bool {
            if let known = namesNoRole[owner] { return known }
            let verdict = !TextHeuristics.isPlaceholder(owner) && !TextHeuristics.namesRole(owner)
            namesNoRole[owner] = verdict
            return verdict
        }
        for (site, action, path) in context.actions {
            for (index, owner) in action.owners.enumerated() where judged(owner) {
                report.add(site, "\(path).owners[\(index)]", Self.message(owner, action))
            }
            for (updateIndex, update) in action.updates.enumerated() {
                for (index, owner) in (update.owners ?? []).enumerated() where judged(owner) {
                    report.add(site, "\(path).updates[\(updateIndex)].owners[\(index)]", Self.message(owner, action))
                }
            }
        }
    }

    static func message(_ owner: String, _ action: Action) -> String {
        "owner \"\(owner)\" of action \(action.id) names no role; give the post or team responsible"
    }
}
