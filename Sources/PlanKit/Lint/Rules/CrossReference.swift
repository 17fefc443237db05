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
        var ids = Set<String>(minimumCapacity: context.actions.count)
        for (_, action, _) in context.actions { ids.insert(action.id) }
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
                let found = Self.references(in: text)
                for number in found.recommendations where !numbers.contains(number) {
                    report.add(site, field, "the text refers to recommendation \(number), which the plan does not have")
                }
                for id in found.actions where !ids.contains(id) {
                    report.add(site, field, "the text refers to \(id), which is not an action of the plan")
                }
            }
        }
    }

    /// "Recommendation 7", "recommendations 3 and 5".
    static func recommendationReferences(in text: String) -> [Int] {
        references(in: text).recommendations
    }

    /// "see 3.1", "See 3.1 above", "see action 4.2".
    static func actionReferences(in text: String) -> [String] {
        references(in: text).actions
    }

    /// Whether `word` (lower-case ASCII letters) stands in the text, in any case, even inside a word.
    static func mentions(_ word: StaticString, in text: String) -> Bool {
        let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count >= pattern.count else { return false }
            var start = 0
            let last = bytes.count - pattern.count
            while start <= last {
                // ASCII letters lower-cased by setting bit 5; other bytes never match a letter so.
                if bytes[start] | 0x20 == pattern[0] {
                    var offset = 1
                    while offset < pattern.count, bytes[start + offset] | 0x20 == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                start += 1
            }
            return false
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(search) { return found }
        var copy = text
        return copy.withUTF8(search)
    }

    /// Both kinds of reference, from one pass over the text's words.
    static func references(in text: String) -> (recommendations: [Int], actions: [String]) {
        // Most texts mention neither: skip them without splitting. A word "see" or
        // "recommendation(s)" is lower-cased from ASCII letters alone (no other letter lower-cases
        // to one of theirs), so a text without those letters in a row has neither word.
        guard mentions("see", in: text) || mentions("recommendation", in: text) else { return ([], []) }
        let words = Words(text, keepDots: true)
        guard words.set.contains("recommendation") || words.set.contains("recommendations") || words.set.contains("see") else {
            return ([], [])
        }
        var recommendations: [Int] = []
        var actions: [String] = []
        let tokens = words.tokens
        for (index, word) in tokens.enumerated() {
            if word == "recommendation" || word == "recommendations" {
                var next = index + 1
                while next < tokens.count {
                    if let n = Int(tokens[next]), n > 0, n < 10_000 {
                        recommendations.append(n)
                        next += 1
                    } else if tokens[next] == "and" {
                        next += 1
                    } else {
                        break
                    }
                }
            } else if word == "see" {
                var next = index + 1
                if next < tokens.count, tokens[next] == "action" || tokens[next] == "actions" { next += 1 }
                guard next < tokens.count else { continue }
                let candidate = tokens[next]
                let parts = candidate.split(separator: ".", omittingEmptySubsequences: false)
                if parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) { actions.append(candidate) }
            }
        }
        return (recommendations, actions)
    }
}
