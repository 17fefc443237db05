/// Time-bound: "Ongoing" and "TBC" are not dates.
struct TargetWording: LintRule {
    let id = "target-wording"
    let defaultSeverity = Severity.warning
    let summary = "A target note does not stand in for a date (\"Ongoing\", \"TBC\", \"dependent on ...\")."
    let explanation = """
        A note such as "Ongoing", "TBC" or "dependent on provision of framework" leaves the action with no \
        time to be judged against. For continuing work, mark the action `state: ongoing` and give a date \
        for its next review; for a dependency, give the date it is expected and say what it depends on.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for (site, action, path) in context.actions {
            guard let note = action.note, let word = TextHeuristics.openEndedWord(in: note) else { continue }
            // Finished work needs no date to be judged by.
            if action.currentState != .completed && action.currentState != .dropped {
                let shown = note.count > 50 ? String(note.prefix(50)) + "…" : note
                report.add(site, path + ".note", "action \(action.id)'s target note \"\(shown)\" is \"\(word)\", not a date; give a date to judge it by (a review date for ongoing work, the expected date of a dependency)")
            }
        }
    }
}
