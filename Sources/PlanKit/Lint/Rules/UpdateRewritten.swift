/// An update already in the base revision edited or removed.
struct UpdateRewritten: LintRule {
    let id = "update-rewritten"
    let defaultSeverity = Severity.error
    let summary = "An update already in the base revision is not edited or removed: updates are a record."
    let explanation = """
        Each update records what the plan said on its date ("Update December 2021"). Once committed (in the \
        base revision: HEAD for the working tree and --staged, the revision's parent for --rev, or --base REV), \
        its date, text, state, target and owners stay as they were; a correction or a later change is a new \
        update. Reordering updates is not a rewrite (update-order checks the order). Off outside git and for \
        a plan's first commit.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let history = context.history else { return }
        for pair in history.actions {
            var remaining = Array(pair.action.updates.enumerated())
            var missing: [Update] = []
            for update in pair.base.updates {
                if let index = remaining.firstIndex(where: { $0.element == update }) {
                    remaining.remove(at: index)
                } else {
                    missing.append(update)
                }
            }
            let id = pair.action.id, base = history.baseName
            for update in missing {
                // Its edited form: same date and text, else the same date, else the same text.
                let match = remaining.firstIndex(where: { $0.element.date == update.date && $0.element.text == update.text })
                    ?? remaining.firstIndex(where: { $0.element.date == update.date })
                    ?? remaining.firstIndex(where: { $0.element.text == update.text })
                guard let match else {
                    report.add(pair.site, pair.action.updates.isEmpty ? pair.path : "\(pair.path).updates",
                               "update \(update.date) of \(id) (in \(base)) was removed; updates are a record: keep it, and add a new update for what changed")
                    continue
                }
                let (index, edited) = remaining.remove(at: match)
                let field: String, was: String
                if edited.date != update.date {
                    (field, was) = ("date", update.date.description)
                } else if edited.text != update.text {
                    (field, was) = ("text", "\"" + Self.short(update.text) + "\"")
                } else if edited.state != update.state {
                    (field, was) = ("state", update.state?.rawValue ?? "not given")
                } else if edited.target != update.target {
                    (field, was) = ("target", update.target?.description ?? "not given")
                } else {
                    (field, was) = ("owners", update.owners.map { $0.joined(separator: "; ") } ?? "not given")
                }
                report.add(pair.site, "\(pair.path).updates[\(index)].\(field)",
                           "update \(update.date) of \(id) was edited: its \(field) was \(was) in \(base); updates are a record: put it back and add a new update for what changed")
            }
        }
    }

    static func short(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 60 ? String(line.prefix(57)) + "…" : line
    }
}
