/// Measurable: an action names a deliverable, a number, a date or a measure.
struct ActionMeasurable: LintRule {
    let id = "action-measurable"
    let defaultSeverity = Severity.warning
    let summary = "An action is measurable: it names a deliverable, a number, a date or a measure."
    let explanation = """
        SMART's Measurable. Progress can be judged only against something countable or deliverable: a \
        guidance document, a framework, "at least 5 interventions", "by May 2019", "quarterly". The \
        check looks for a number, a month, a measure word or a deliverable word.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for (index, (site, action, path)) in context.actions.enumerated() where action.currentState != .dropped {
            guard !context.actionTexts[index].namesSomethingMeasurable else { continue }
            report.add(site, path + ".text", "action \(action.id) names no deliverable, number, date or measure; say how its completion will be judged")
        }
    }
}
