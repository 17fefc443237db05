import PlanKit

/// What a filled form asks for, checked against the plan before anything moves: the ids are the
/// form's own, its actions have not changed since it was made, and every filled row reads.
struct FormCheck {
    /// The form as read.
    var form: FilledForm
    /// The plan as it was when the form was made (a Word form's recorded commit), if known.
    var made: Plan?
    /// The plan the updates go onto (the draft's tip, or HEAD).
    var base: Plan
    /// Whether `--force` lets a form whose actions changed since it was made through.
    var force: Bool

    /// The ids the form was made with (a Word form records them), if it says.
    var recordedIDs: [String]? {
        form.properties[OwnerForm.Property.actions].map { $0.split(separator: " ").map(String.init) }
    }

    /// The updates the filled rows ask for, dated `day`; refuses with every problem found.
    func updates(on day: Day) throws -> [ActionUpdate] {
        var problems: [String] = []
        let actions = Dictionary(base.recommendations.flatMap(\.actions).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<String> = []
        for row in form.rows {
            if !seen.insert(row.id).inserted { problems.append("\(row.place): action \(row.id) has a second row") }
            if let recorded = recordedIDs, !recorded.contains(row.id) {
                problems.append(actions[row.id] == nil
                    ? "\(row.place): \"\(row.id)\" is not an action of the plan (an unknown id)"
                    : "\(row.place): action \(row.id) was not on this form when it was made: the Action column was edited")
            } else if actions[row.id] == nil {
                problems.append("\(row.place): \"\(row.id)\" is not an action of the plan (an unknown id)")
            }
        }
        guard problems.isEmpty else { throw refusal(problems) }
        let changed = changedActions(actions)
        if !changed.isEmpty && !force {
            throw WorkflowError(message: "the form is out of date: \(changed.count == 1 ? "action" : "actions") \(changed.joined(separator: ", ")) changed since it was made; make a new form (plantool form export), or import this one anyway with --force. Nothing was committed")
        }
        var updates: [ActionUpdate] = []
        for row in form.rows where !row.progress.isEmpty || !row.newState.isEmpty || !row.newTarget.isEmpty {
            var state: ActionState?
            var target: PlanDate?
            if !row.newState.isEmpty {
                state = ActionState(words: row.newState)
                if state == nil { problems.append("\(row.place): New state \"\(row.newState)\" is not a state; write planned, in progress, completed, ongoing or dropped") }
            }
            if !row.newTarget.isEmpty {
                target = EditDates.read(row.newTarget)
                if target == nil { problems.append("\(row.place): New target date \"\(row.newTarget)\" is not a date; write it as March 2024, Q3 2024, 31 March 2024 or 2024-03") }
            }
            if row.progress.isEmpty { problems.append("\(row.place): action \(row.id) has a new state or target but no Progress update saying why") }
            updates.append(ActionUpdate(actionID: row.id, text: row.progress, date: .day(day), state: state, target: target))
        }
        guard problems.isEmpty else { throw refusal(problems) }
        guard !updates.isEmpty else {
            throw WorkflowError(message: "the form has no filled rows: nothing to record (fill Progress update for each action with news). Nothing was committed", exitCode: 1)
        }
        return updates
    }

    /// The form's actions that are not as they were when it was made: compared with the
    /// recorded commit for a Word form, with the Current target and state columns for a CSV.
    func changedActions(_ now: [String: Action]) -> [String] {
        if let made {
            let then = Dictionary(made.recommendations.flatMap(\.actions).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return (recordedIDs ?? form.rows.map(\.id)).filter { then[$0] != now[$0] }
        }
        return form.rows.filter { row in
            guard let action = now[row.id] else { return true }
            return row.currentTarget != (action.currentTarget.map(DateWords.words) ?? "") || row.currentState != action.currentState.words
        }.map(\.id)
    }

    func refusal(_ problems: [String]) -> WorkflowError {
        WorkflowError(message: "the form cannot be imported; nothing was committed:\n" + problems.map { "  " + $0 }.joined(separator: "\n"))
    }
}
