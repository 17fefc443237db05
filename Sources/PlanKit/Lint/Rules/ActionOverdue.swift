/// An open action past its target.
struct ActionOverdue: LintRule {
    let id = "action-overdue"
    let defaultSeverity = Severity.warning
    let summary = "An open action is not past its target (judged on --as-of, default today)."
    let explanation = """
        An action still planned or in progress after the last day of its target (the end of the month \
        for 2021-07, of the quarter for 2021-Q3) is overdue. Record progress in an update: completed, or \
        a new target with the reason it moved.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for (site, action, path) in context.actions where action.currentState.isOpen {
            guard let target = action.currentTarget, target.lastDay < context.asOf else { continue }
            let months = Self.wholeMonths(from: target.lastDay, to: context.asOf)
            let late = months >= 1 ? "\(Wording.count(months, "month")) late" : "late"
            let field = action.updates.lastIndex(where: { $0.target != nil }).map { "\(path).updates[\($0)].target" } ?? "\(path).target"
            report.add(site, field, "action \(action.id) is overdue: target \(target), \(late) on \(context.asOf); add an update (completed, or a new target and why)")
        }
    }

    /// Whole months from one day to a later one: 31 March to 30 June is three (a month's end
    /// counts as reaching the next month's end), to 1 June two.
    static func wholeMonths(from start: Day, to end: Day) -> Int {
        var months = (end.year * 12 + end.month) - (start.year * 12 + start.month)
        if end.day < min(start.day, Day.daysIn(month: end.month, year: end.year)) { months -= 1 }
        return max(0, months)
    }
}
