/// An action of the base revision deleted rather than dropped.
struct ActionRemovedWithoutTrace: LintRule {
    let id = "action-removed-without-trace"
    let defaultSeverity = Severity.warning
    let summary = "An action of the base revision is not deleted: it is kept with state dropped and an update saying why."
    let explanation = """
        A plan is a record of what was promised. An action that will not be done stays in the plan with \
        `state: dropped` given in an update whose text says why; deleting it (or its whole recommendation \
        file) hides the promise. Compared with the base revision (HEAD for the working tree and --staged, the \
        revision's parent for --rev, or --base REV); a renumbered recommendation is followed by its text. Off \
        outside git and for a plan's first commit.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let history = context.history else { return }
        for pair in history.pairs {
            let ids = Set(pair.site.recommendation.actions.map(\.id))
            var seen = Set<String>()
            for action in pair.base.actions where !ids.contains(action.id) && seen.insert(action.id).inserted {
                report.add(pair.site, "actions",
                           "action \(action.id) (in \(history.baseName)) is gone; keep it, with state dropped in an update saying why, rather than deleting it")
            }
        }
        for gone in history.removed where !gone.recommendation.actions.isEmpty {
            let ids = gone.recommendation.actions.map(\.id).joined(separator: ", ")
            let plural = Wording.plural(gone.recommendation.actions.count, "action")
            report.add(gone.path, nil,
                       "\(gone.recommendation.name) and its \(plural) \(ids) (in \(history.baseName)) are gone; keep the file, with each action dropped in an update saying why")
        }
    }
}
