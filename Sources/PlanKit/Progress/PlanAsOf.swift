/// A plan on a past day as its own dated records give it, for a plan with no git history to read
/// (a folder outside git): each action as the updates dated on or before the day leave it. An
/// update dated by month ("2021-12") counts from the month's first day. Updates after the day,
/// and the targets, states and owners they set, are left out.
public enum PlanAsOf {
    /// The plan with each action's later updates left out.
    public static func plan(_ plan: Plan, on day: Day) -> Plan {
        var result = plan
        for r in result.recommendations.indices {
            for a in result.recommendations[r].actions.indices {
                result.recommendations[r].actions[a].updates.removeAll { $0.date.firstDay > day }
            }
        }
        result.info.revisions.removeAll { $0.submitted > day }
        return result
    }

    /// The history the dated updates tell: the plan as submitted, then as each update date up to
    /// `day` leaves it, for the slips and the chart of actions by state.
    public static func history(_ plan: Plan, to day: Day) -> TargetHistory {
        var days = Set(plan.recommendations.flatMap { $0.actions.flatMap { $0.updates.map(\.date.firstDay) } }.filter { $0 <= day })
        let start = plan.info.submitted.map { min($0, days.min() ?? $0) } ?? days.min() ?? day
        if start <= day { days.insert(start) }
        var history = TargetHistory()
        for step in days.sorted() {
            let then = Self.plan(plan, on: step)
            history.record(day: step, changed: Dictionary(uniqueKeysWithValues: then.recommendations.map { ($0.number, Optional($0)) }))
        }
        history.close(on: day)
        return history
    }

    /// The last submission on or before `day`: a revision, else the plan's own submission.
    public static func lastSubmission(_ plan: Plan, on day: Day) -> (day: Day, title: String)? {
        if let revision = plan.info.revisions.filter({ $0.submitted <= day }).max(by: { $0.submitted < $1.submitted }) {
            return (revision.submitted, revision.title)
        }
        if let submitted = plan.info.submitted, submitted <= day { return (submitted, "as submitted") }
        return nil
    }
}

extension PlanProgress.Source {
    /// Read from the plan's own dated updates on the day, not from git: `date` and `summary` are
    /// the last submission on or before it, when there is one.
    public static func datedUpdates(lastSubmitted: Day?, summary: String?) -> PlanProgress.Source {
        PlanProgress.Source(kind: "dated-updates", commit: nil, date: lastSubmitted, summary: summary)
    }
}
