/// With an owners register, every owner is one of its roles.
struct OwnerKnown: LintRule {
    let id = "owner-known"
    let defaultSeverity = Severity.warning
    let summary = "With an owners register (owners: in .plantool.yaml), each owner is a known role."
    let explanation = """
        A register of the organisation's owner roles keeps spellings consistent, so that progress \
        reports group an owner's actions together. An owner not in the register gets the nearest known \
        role as a suggestion. Without a register the rule does nothing.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        let register = context.configuration.owners
        guard !register.isEmpty else { return }
        let known = Set(register.map { $0.lowercased() })
        for (site, action, path) in context.actions {
            var owners: [(String, String)] = action.owners.enumerated().map { ("\(path).owners[\($0.offset)]", $0.element) }
            for (updateIndex, update) in action.updates.enumerated() {
                owners += (update.owners ?? []).enumerated().map { ("\(path).updates[\(updateIndex)].owners[\($0.offset)]", $0.element) }
            }
            for (field, owner) in owners where !known.contains(owner.lowercased()) {
                var message = "owner \"\(owner)\" of action \(action.id) is not in the owners register"
                if let near = Suggestion.nearest(to: owner, in: register) { message += "; did you mean \"\(near)\"?" }
                report.add(site, field, message)
            }
        }
    }
}
