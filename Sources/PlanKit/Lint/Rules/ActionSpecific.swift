/// Specific: an action says what will be done, not only that work will continue.
struct ActionSpecific: LintRule {
    let id = "action-specific"
    let defaultSeverity = Severity.warning
    let summary = "An action is specific: not only a vague phrase (continue to, explore, consider, work with, review)."
    let explanation = """
        SMART's Specific. An action that opens with a phrase such as "continue to", "explore", \
        "consider", "work with" or "review" and names no deliverable cannot be tracked for progress. \
        Say what will be produced or changed. The phrases are configurable (`vague-phrases` in \
        .plantool.yaml).
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        // The context read each action's words against the configured phrases (`ActionTextReading`).
        for (index, (site, action, path)) in context.actions.enumerated() where action.currentState != .dropped {
            guard let phrase = context.actionTexts[index].vaguePhrase else { continue }
            report.add(site, path + ".text", "action \(action.id) is vague (\"\(phrase.joined(separator: " "))\") and names no deliverable; say what will be produced or changed")
        }
    }
}
