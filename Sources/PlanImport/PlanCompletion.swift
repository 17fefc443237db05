import PlanKit

/// What the plan format requires and a document may lack: numbers unique, texts not empty, action
/// ids unique. Each fix is remarked.
enum PlanCompletion {
    static let noText = "(no text in the source)"

    static func complete(_ plan: Plan, place: TableDocument.Place, log: inout RemarkLog) -> Plan {
        var plan = ImportedTextSafety.apply(plan, place: place, log: &log)
        var seen = Set<Int>()
        for i in plan.recommendations.indices {
            var rec = plan.recommendations[i]
            let subject = String(rec.number)
            if seen.contains(rec.number) {
                let free = (seen.max() ?? 0) + 1
                log.guess(place, subject, "recommendation \(rec.number) appears twice; the second is numbered \(free)")
                rec.number = free
            }
            seen.insert(rec.number)
            if rec.addressee.trimmingSpaces.isEmpty {
                rec.addressee = plan.info.organisation
                log.missing(place, subject, "no \"... should:\" row above the recommendation; addressed to \"\(rec.addressee)\"",
                            alternative: "another addressee, named by a person")
            }
            if rec.text.trimmingSpaces.isEmpty {
                rec.text = noText
                log.missing(place, subject, "the recommendation has no text")
            }
            // A reason with no category is kept as it is: lint asks for the category.
            if let reason = rec.reason, reason.text.trimmingSpaces.isEmpty {
                rec.reason = nil
                if !reason.categories.isEmpty {
                    log.missing(place, subject, "a reason with categories but no text; left out, its categories with it")
                }
            }
            var ids = Set<String>()
            for a in rec.actions.indices {
                var action = rec.actions[a]
                if ids.contains(action.id) || !ActionID.isValid(action.id) {
                    var n = rec.actions.count
                    while ids.contains("\(rec.number).\(n)") { n += 1 }
                    log.guess(place, "\(rec.number)", "action id \(action.id) is used twice; renumbered \(rec.number).\(n)")
                    action.id = "\(rec.number).\(n)"
                }
                ids.insert(action.id)
                if action.text.trimmingSpaces.isEmpty {
                    action.text = noText
                    log.missing(place, action.id, "the action has no text")
                }
                action.owners = action.owners.filter { !$0.trimmingSpaces.isEmpty }
                if let note = action.note, note.trimmingSpaces.isEmpty { action.note = nil }
                for u in action.updates.indices where action.updates[u].text.trimmingSpaces.isEmpty {
                    action.updates[u].text = noText
                    log.missing(place, action.id, "the update has no text")
                }
                rec.actions[a] = action
            }
            if let response = rec.response, response.trimmingSpaces.isEmpty { rec.response = nil }
            plan.recommendations[i] = rec
        }
        plan.recommendations.sort { $0.number < $1.number }
        return plan
    }
}
