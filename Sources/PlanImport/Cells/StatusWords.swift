import PlanKit

/// The status cell of a real plan: "Agreed", "Partly agreed", "Partially Agreed", "Not agreed",
/// or HM Inspectorate of Prisons' "Accepted", "Partly Accepted", "Rejected", with words after it
/// ("Partly agreed (resourcing need and affordability will need to be balanced)") read as the
/// reason.
enum StatusWords {
    /// Longer forms first: "partly accepted" is not "accepted".
    static let forms: [(String, Status)] = [
        ("partly agreed", .partlyAgreed), ("partially agreed", .partlyAgreed), ("part agreed", .partlyAgreed),
        ("agreed in part", .partlyAgreed), ("not agreed", .notAgreed), ("disagreed", .notAgreed), ("agreed", .agreed),
    ] + prisonsForms

    static let prisonsForms: [(String, Status)] = [
        ("partly accepted", .partlyAgreed), ("partially accepted", .partlyAgreed), ("part accepted", .partlyAgreed),
        ("accepted in part", .partlyAgreed), ("not accepted", .notAgreed), ("rejected", .notAgreed), ("accepted", .agreed),
    ]

    /// The cell opens with HM Inspectorate of Prisons' words ("Accepted", "Rejected").
    static func isPrisonsWord(_ text: String) -> Bool {
        guard StatusWords.parse(text) != nil else { return false }
        let key = text.trimmingSpaces.lowercased()
        return prisonsForms.contains { key.hasPrefix($0.0) }
    }

    static func parse(_ text: String) -> (status: Status, rest: String)? {
        let t = text.trimmingSpaces
        let key = t.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "/", with: " ")
        for (words, status) in forms where key.hasPrefix(words) {
            let after = key.dropFirst(words.count)
            guard after.isEmpty || !(after.first?.isLetter ?? false) else { continue }
            var rest = String(t.dropFirst(words.count)).trimmingSpaces
            while let first = rest.first, "-–:,.".contains(first) { rest = String(rest.dropFirst()).trimmingSpaces }
            if rest.hasPrefix("("), rest.hasSuffix(")") { rest = String(rest.dropFirst().dropLast()).trimmingSpaces }
            return (status, rest)
        }
        return nil
    }

    /// The template's categories named in a reason's words; none when it names none.
    static func categories(_ text: String) -> [ReasonCategory] {
        let t = text.lowercased()
        var found: [ReasonCategory] = []
        if t.contains("commission") { found.append(.commissioning) }
        if t.contains("policy") || t.contains("legislat") { found.append(.policy) }
        if t.contains("operational") { found.append(.operational) }
        if ["afford", "funding", "fund ", "cost", "budget", "resourc", "financ"].contains(where: t.contains) {
            found.append(.affordability)
        }
        return found
    }
}

/// "This recommendation is partly agreed as ..." (or "partly accepted", "rejected") opening a
/// response: the reason.
enum ReasonSentence {
    static func isReason(_ sentence: String) -> Bool {
        let t = sentence.lowercased()
        return ["partly agreed", "partially agreed", "not agreed", "partly accepted", "partially accepted", "not accepted", "rejected"]
            .contains(where: t.contains)
            && (t.hasPrefix("this recommendation") || t.hasPrefix("the recommendation") || t.hasPrefix("we have"))
    }

    /// The reason and the words left for the action. When the sentence is all the cell says and
    /// reads "... as whilst REASON, ACTION", it is split at that comma.
    static func split(_ text: String) -> (reason: String, rest: String)? {
        let sentences = RunningText.sentences(text)
        guard let first = sentences.first, isReason(first) else { return nil }
        let rest = sentences.dropFirst().joined(separator: " ")
        if !rest.isEmpty {
            // The rest as written, from the text after the first sentence.
            let remainder = text.trimmingSpaces.dropFirst(first.count).trimmingSpaces
            return (first, remainder)
        }
        for word in [" whilst ", " while ", " although ", " though "] {
            guard let clause = first.range(of: word, options: .caseInsensitive) else { continue }
            var search = clause.upperBound
            while let comma = first.range(of: ", ", range: search..<first.endIndex) {
                let after = first[comma.upperBound...]
                if after.first?.isUppercase ?? false {
                    return (String(first[..<comma.lowerBound]), String(after))
                }
                search = comma.upperBound
            }
        }
        return nil
    }
}
