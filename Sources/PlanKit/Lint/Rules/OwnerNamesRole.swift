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
        for (site, action, path) in context.actions {
            var owners = action.owners.enumerated().map { ("\(path).owners[\($0.offset)]", $0.element) }
            for (updateIndex, update) in action.updates.enumerated() {
                owners += (update.owners ?? []).enumerated().map { ("\(path).updates[\(updateIndex)].owners[\($0.offset)]", $0.element) }
            }
            for (field, owner) in owners where !TextHeuristics.isPlaceholder(owner) && !TextHeuristics.namesRole(owner) {
                report.add(site, field, "owner \"\(owner)\" of action \(action.id) names no role; give the post or team responsible")
            }
        }
    }
}
