import Foundation

/// References in the text ("see Recommendation 7", "see 3.1 above") point to things that exist.
struct CrossReference: LintRule {
    let id = "cross-reference"
    let defaultSeverity = Severity.error
    let summary = "Cross references (\"see Recommendation 7\", \"see 3.1 above\") name a recommendation or action that exists."
    let explanation = """
        Texts refer to one another: "(see Recommendation 3)", "(See 3.1 above)", "in response to \
        recommendation 1". After renumbering or deleting, such a reference may point nowhere. The rule \
        reads "recommendation N" and "see N.N" references and checks them against the plan.
        """
    let needsWholePlan = true

    func check(_ context: LintContext, _ report: inout LintReport) {
        let numbers = Set(context.recommendations.map(\.recommendation.number))
        let ids = Set(context.actions.map(\.action.id))
        for site in context.recommendations {
            let rec = site.recommendation
            var texts: [(String, String)] = [("text", rec.text)]
            if let response = rec.response { texts.append(("response", response)) }
            if let part = rec.implementedPart { texts.append(("implemented-part", part)) }
            if let reason = rec.reason { texts.append(("reason.text", reason.text)) }
            for (index, action) in rec.actions.enumerated() {
                texts.append(("actions[\(index)].text", action.text))
                for (u, update) in action.updates.enumerated() { texts.append(("actions[\(index)].updates[\(u)].text", update.text)) }
            }
            for (field, text) in texts {
                for number in Self.recommendationReferences(in: text) where !numbers.contains(number) {
                    report.add(site, field, "the text refers to recommendation \(number), which the plan does not have")
                }
                for id in Self.actionReferences(in: text) where !ids.contains(id) {
                    report.add(site, field, "the text refers to \(id), which is not an action of the plan")
                }
            }
        }
    }

    /// "Recommendation 7", "recommendations 3 and 5".
    static func recommendationReferences(in text: String) -> [Int] {
        var found: [Int] = []
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "," || $0 == ";" })
        for (index, word) in words.enumerated() {
            let lowered = word.lowercased()
            guard lowered == "recommendation" || lowered == "recommendations" else { continue }
            var next = index + 1
            while next < words.count {
                let candidate = words[next].trimmingCharacters(in: .punctuationCharacters)
                if let n = Int(candidate), n > 0, n < 10_000 {
                    found.append(n)
                    next += 1
                } else if candidate == "and" || candidate == "&" {
                    next += 1
                } else {
                    break
                }
            }
        }
        return found
    }

    /// "see 3.1", "See 3.1 above", "see action 4.2".
    static func actionReferences(in text: String) -> [String] {
        var found: [String] = []
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "," || $0 == ";" })
        for (index, word) in words.enumerated() where word.lowercased() == "see" {
            var next = index + 1
            if next < words.count, words[next].lowercased() == "action" || words[next].lowercased() == "actions" { next += 1 }
            guard next < words.count else { continue }
            var candidate = String(words[next])
            while candidate.last == "." || candidate.last == ":" { candidate.removeLast() }
            let parts = candidate.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) { found.append(candidate) }
        }
        return found
    }
}
