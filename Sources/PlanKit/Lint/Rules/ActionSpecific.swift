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
        for (site, action, path) in context.actions where action.currentState != .dropped {
            guard let phrase = TextHeuristics.vaguePhrase(in: action.text, phrases: context.configuration.vaguePhrases),
                  !TextHeuristics.namesDeliverable(action.text, besides: phrase) else { continue }
            report.add(site, path + ".text", "action \(action.id) is vague (\"\(phrase)\") and names no deliverable; say what will be produced or changed")
        }
    }
}
