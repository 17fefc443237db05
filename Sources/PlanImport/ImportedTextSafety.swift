import PlanKit

/// What a document may hold and a plan file may not: a line break in a one-line field (an
/// addressee cell of two lines, a heading run over lines), a control character or a
/// bidirectional control (`UnsafeCharacters`). The import makes each such text one the reader
/// takes, and remarks it, so the files it writes pass `plantool check` and nothing is dropped
/// unseen.
enum ImportedTextSafety {
    static func apply(_ plan: Plan, place: TableDocument.Place, log: inout RemarkLog) -> Plan {
        var plan = plan
        func fix(_ text: inout String, _ field: String, multiline: Bool, subject: String?) {
            var fixed = text
            // A tab in a one-line field (a cell's columns) is a space there; nothing is lost.
            if !multiline, fixed.unicodeScalars.contains("\t") { fixed = fixed.replacingOccurrences(of: "\t", with: " ") }
            if !multiline, fixed.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                fixed = fixed.split(whereSeparator: { $0 == "\n" || $0 == "\u{2028}" || $0 == "\u{2029}" })
                    .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
                log.guess(place, subject, "the \(field) \"\(UnsafeCharacters.neutralised(text, keepingLineBreaks: false))\" ran over several lines; joined into one")
            }
            if let bad = UnsafeCharacters.firstForbidden(in: fixed, multiline: multiline) {
                fixed = UnsafeCharacters.neutralised(fixed, keepingLineBreaks: multiline)
                log.kept(place, subject, "the \(field) held \(UnsafeCharacters.describe(bad.scalar)), which no plan text may hold; shown by its stand-in")
            }
            text = fixed
        }
        func fix(_ text: inout String?, _ field: String, multiline: Bool, subject: String?) {
            guard var value = text else { return }
            fix(&value, field, multiline: multiline, subject: subject)
            text = value
        }
        fix(&plan.info.title, "title", multiline: false, subject: nil)
        fix(&plan.info.organisation, "organisation", multiline: false, subject: nil)
        fix(&plan.info.inspectorate, "inspectorate", multiline: false, subject: nil)
        fix(&plan.info.report.title, "report's title", multiline: false, subject: nil)
        fix(&plan.info.report.url, "report's address", multiline: false, subject: nil)
        for i in plan.info.revisions.indices { fix(&plan.info.revisions[i].title, "revision's title", multiline: false, subject: nil) }
        fix(&plan.info.introduction, "introduction", multiline: true, subject: nil)
        for r in plan.recommendations.indices {
            var rec = plan.recommendations[r]
            let subject = String(rec.number)
            fix(&rec.addressee, "addressee", multiline: false, subject: subject)
            fix(&rec.theme, "theme", multiline: false, subject: subject)
            fix(&rec.text, "text", multiline: true, subject: subject)
            fix(&rec.implementedPart, "implemented part", multiline: true, subject: subject)
            fix(&rec.response, "response", multiline: true, subject: subject)
            if var reason = rec.reason {
                fix(&reason.text, "reason", multiline: true, subject: subject)
                rec.reason = reason
            }
            for a in rec.actions.indices {
                var action = rec.actions[a]
                fix(&action.id, "action id", multiline: false, subject: subject)
                fix(&action.text, "action's text", multiline: true, subject: action.id)
                fix(&action.note, "note", multiline: true, subject: action.id)
                for o in action.owners.indices { fix(&action.owners[o], "owner", multiline: false, subject: action.id) }
                for u in action.updates.indices {
                    fix(&action.updates[u].text, "update's text", multiline: true, subject: action.id)
                    if var owners = action.updates[u].owners {
                        for o in owners.indices { fix(&owners[o], "owner", multiline: false, subject: action.id) }
                        action.updates[u].owners = owners
                    }
                }
                rec.actions[a] = action
            }
            plan.recommendations[r] = rec
        }
        return plan
    }
}
