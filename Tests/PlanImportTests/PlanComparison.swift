import Foundation
@testable import PlanImport
@testable import PlanKit

/// One way an imported plan differs from its hand transcription.
struct PlanDifference: Hashable, CustomStringConvertible {
    /// "plan", a recommendation ("3"), an action ("3.1") or an action's update ("3.1 update 1").
    var subject: String
    var field: String
    var imported: String
    var transcribed: String

    var description: String { "\(subject) \(field): imported \(imported), transcribed \(transcribed)" }
}

/// Every difference between two plans in what a reader of the plan sees: the plan's fields,
/// each recommendation's number, addressee, theme, text, status, reason, implemented part and
/// response, and each action's text, owners, target, state, note and updates. Texts are compared
/// with their whitespace normalised, and a text difference is summarised by the texts' word
/// counts. Actions are paired by identical text first, then by id (an action the transcriber
/// numbered differently shows as an id difference, not as every field differing).
enum PlanComparison {
    static func normalised(_ text: String?) -> String {
        guard let text else { return "none" }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func words(_ text: String?) -> String {
        guard let text else { return "none" }
        return "\(text.split(whereSeparator: { $0.isWhitespace }).count) words"
    }

    static func describe(_ date: PlanDate?) -> String { date?.description ?? "none" }
    /// A reason's categories; "none" for no reason and for a reason not given one.
    static func categories(_ reason: Reason?) -> String {
        guard let reason, !reason.categories.isEmpty else { return "none" }
        return reason.categories.map(\.rawValue).joined(separator: ", ")
    }
    static func describe(_ owners: [String]?) -> String {
        guard let owners else { return "none" }
        return "[" + owners.joined(separator: "; ") + "]"
    }

    static func differences(imported: Plan, transcribed: Plan) -> [PlanDifference] {
        var found: [PlanDifference] = []
        func value(_ subject: String, _ field: String, _ a: String, _ b: String) {
            if a != b { found.append(PlanDifference(subject: subject, field: field, imported: a, transcribed: b)) }
        }
        func text(_ subject: String, _ field: String, _ a: String?, _ b: String?) {
            if normalised(a) != normalised(b) {
                found.append(PlanDifference(subject: subject, field: field, imported: words(a), transcribed: words(b)))
            }
        }
        let (pa, pb) = (imported.info, transcribed.info)
        value("plan", "title", pa.title, pb.title)
        value("plan", "organisation", pa.organisation, pb.organisation)
        value("plan", "inspectorate", pa.inspectorate, pb.inspectorate)
        value("plan", "report title", pa.report.title, pb.report.title)
        value("plan", "published", pa.report.published?.description ?? "none", pb.report.published?.description ?? "none")
        value("plan", "url", pa.report.url ?? "none", pb.report.url ?? "none")
        value("plan", "submitted", pa.submitted?.description ?? "none", pb.submitted?.description ?? "none")
        value("plan", "revisions", pa.revisions.map { "\($0.title) \($0.submitted)" }.joined(separator: "; "),
              pb.revisions.map { "\($0.title) \($0.submitted)" }.joined(separator: "; "))
        value("plan", "summary", pa.summary.map { "\($0.agreed)/\($0.partlyAgreed)/\($0.notAgreed)" } ?? "none",
              pb.summary.map { "\($0.agreed)/\($0.partlyAgreed)/\($0.notAgreed)" } ?? "none")
        text("plan", "introduction", pa.introduction, pb.introduction)

        let recsA = Dictionary(imported.recommendations.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let recsB = Dictionary(transcribed.recommendations.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        for number in Set(recsA.keys).union(recsB.keys).sorted() {
            let subject = String(number)
            guard let a = recsA[number], let b = recsB[number] else {
                value(subject, "recommendation", recsA[number] == nil ? "missing" : "present", recsB[number] == nil ? "missing" : "present")
                continue
            }
            value(subject, "addressee", a.addressee, b.addressee)
            value(subject, "theme", a.theme ?? "none", b.theme ?? "none")
            text(subject, "text", a.text, b.text)
            value(subject, "status", a.status.rawValue, b.status.rawValue)
            value(subject, "reason categories", Self.categories(a.reason), Self.categories(b.reason))
            text(subject, "reason text", a.reason?.text, b.reason?.text)
            text(subject, "implemented part", a.implementedPart, b.implementedPart)
            text(subject, "response", a.response, b.response)
            for (x, y) in pair(a.actions, b.actions) {
                guard let x, let y else {
                    let id = (x ?? y)?.id ?? "?"
                    value(id, "action", x == nil ? "missing" : "present", y == nil ? "missing" : "present")
                    continue
                }
                let id = y.id
                value(id, "id", x.id, y.id)
                text(id, "text", x.text, y.text)
                value(id, "owners", describe(x.owners), describe(y.owners))
                value(id, "target", describe(x.target), describe(y.target))
                value(id, "state", x.state.rawValue, y.state.rawValue)
                value(id, "note", x.note.map(normalised) ?? "none", y.note.map(normalised) ?? "none")
                value(id, "updates", String(x.updates.count), String(y.updates.count))
                for (i, (u, v)) in zip(x.updates, y.updates).enumerated() {
                    let s = "\(id) update \(i + 1)"
                    value(s, "date", u.date.description, v.date.description)
                    text(s, "text", u.text, v.text)
                    value(s, "state", u.state?.rawValue ?? "none", v.state?.rawValue ?? "none")
                    value(s, "target", describe(u.target), describe(v.target))
                    value(s, "owners", describe(u.owners), describe(v.owners))
                }
            }
        }
        return found
    }

    /// Actions paired by identical (normalised) text, then the rest by id, in the
    /// transcription's order; unpaired ones with nil on the other side.
    static func pair(_ imported: [Action], _ transcribed: [Action]) -> [(Action?, Action?)] {
        var left = imported
        var pairs: [(Action?, Action?)] = []
        var unmatched: [Action] = []
        for b in transcribed {
            if let i = left.firstIndex(where: { normalised($0.text) == normalised(b.text) }) {
                pairs.append((left.remove(at: i), b))
            } else {
                unmatched.append(b)
            }
        }
        for b in unmatched {
            if let i = left.firstIndex(where: { $0.id == b.id }) {
                pairs.append((left.remove(at: i), b))
            } else {
                pairs.append((nil, b))
            }
        }
        pairs += left.map { ($0, nil) }
        return pairs.sorted { order($0.1?.id ?? $0.0?.id ?? "") < order($1.1?.id ?? $1.0?.id ?? "") }
    }

    static func order(_ id: String) -> [Int] { id.split(separator: ".").map { Int($0) ?? 0 } }
}

extension Array where Element == Int {
    static func < (a: [Int], b: [Int]) -> Bool { a.lexicographicallyPrecedes(b) }
}
