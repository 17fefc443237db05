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
}
