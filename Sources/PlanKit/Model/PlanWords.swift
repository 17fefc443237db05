/// What the report raised: the template's recommendations, or the priority and key concerns that
/// HM Inspectorate of Prisons reports raise since May 2022.
public enum RecommendationKind: String, CaseIterable, Sendable, Hashable, Codable {
    case priorityConcern = "priority-concern"
    case keyConcern = "key-concern"
    case recommendation

    /// The noun a sentence uses for one of them: "priority concern 2".
    public var noun: String {
        switch self {
        case .priorityConcern: "priority concern"
        case .keyConcern: "key concern"
        case .recommendation: "recommendation"
        }
    }

    public var isConcern: Bool { self != .recommendation }
}

/// The words a plan speaks (`vocabulary` in `plan.yaml`): the files keep one status vocabulary
/// (`agreed`, `partly-agreed`, `not-agreed`) and one set of kinds, while every export and report
/// shows the plan's own words ("Accepted", "Partly Accepted", "Rejected"). A word not given is
/// the template's.
public struct PlanWords: Hashable, Sendable, CustomStringConvertible {
    /// The words the plan gives, by their `plan.yaml` key; the others are the defaults.
    public var statuses: [Status: String]
    public var headings: [RecommendationKind: String]
    /// The summary's heading for a plan with concerns ("Concerns").
    public var concerns: String?
    /// The plan numbers its rows by the report's references alone ("5.01"), as some HMI Prisons
    /// plans do: `numbers: references`.
    public var numbersAreReferences = false

    public init(statuses: [Status: String] = [:], headings: [RecommendationKind: String] = [:], concerns: String? = nil) {
        self.statuses = statuses
        self.headings = headings
        self.concerns = concerns
    }

    /// These words, numbering by the report's references.
    public func numberedByReferences() -> PlanWords {
        var words = self
        words.numbersAreReferences = true
        return words
    }

    /// The template's words: Agreed / Partly Agreed / Not Agreed.
    public static let standard = PlanWords()

    /// HM Inspectorate of Prisons' words: Accepted / Partly Accepted / Rejected.
    public static let prisons = PlanWords(statuses: [.agreed: "Accepted", .partlyAgreed: "Partly Accepted", .notAgreed: "Rejected"])

    public static let defaultHeadings: [RecommendationKind: String] = [
        .priorityConcern: "Priority concerns", .keyConcern: "Key concerns", .recommendation: "Recommendations",
    ]
    public static let defaultConcerns = "Concerns"
    /// `numbers: references` in `vocabulary`.
    public static let numbersKey = "numbers", referencesValue = "references"

    /// The plan's word for a status: "Partly Agreed", or "Partly Accepted" when it says so.
    public func word(for status: Status) -> String {
        statuses[status] ?? status.title
    }

    /// The published heading of a kind: "Priority concerns".
    public func heading(for kind: RecommendationKind) -> String {
        headings[kind] ?? Self.defaultHeadings[kind]!
    }

    /// The heading that counts a plan's items: "Concerns" when it has concerns, else
    /// "Recommendations".
    public func countHeading(hasConcerns: Bool) -> String {
        hasConcerns ? (concerns ?? Self.defaultConcerns) : heading(for: .recommendation)
    }

    /// The status column's heading: "Agreed/ Partly Agreed/ Not Agreed".
    public var statusColumn: String {
        Status.allCases.map(word(for:)).joined(separator: "/ ")
    }

    /// The status these words name, matched as the plan writes them or as the template does.
    public func status(named text: String) -> Status? {
        let key = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()).lowercased()
        return Status.allCases.first { word(for: $0).lowercased() == key }
            ?? Status.allCases.first { $0.title.lowercased() == key }
    }

    /// The words given, each with its key in `vocabulary`, in the file's order.
    public var given: [(key: String, word: String)] {
        var given: [(key: String, word: String)] = Status.allCases.compactMap { s in statuses[s].map { (s.rawValue, $0) } }
        given += RecommendationKind.allCases.compactMap { k in headings[k].map { (k.rawValue + "s", $0) } }
        if let concerns { given.append(("concerns", concerns)) }
        if numbersAreReferences { given.append((Self.numbersKey, Self.referencesValue)) }
        return given
    }

    /// "agreed: Accepted; not-agreed: Rejected", for diffs and conflicts.
    public var description: String {
        given.map { "\($0.key): \($0.word)" }.joined(separator: "; ")
    }

    /// No word differs from the template's.
    public var isStandard: Bool {
        statuses.allSatisfy { $0.value == $0.key.title }
            && headings.allSatisfy { $0.value == Self.defaultHeadings[$0.key] } && (concerns ?? Self.defaultConcerns) == Self.defaultConcerns
            && !numbersAreReferences
    }
}

extension Recommendation {
    /// The number as the published plans show it: "1", or "1 (S41)" with the report's reference.
    public var label: String {
        reference.map { "\(number) (\($0))" } ?? String(number)
    }

    /// The number as this plan shows it: the reference alone ("5.01") when the plan numbers by
    /// references, else `label`.
    public func label(_ words: PlanWords) -> String {
        words.numbersAreReferences ? reference ?? String(number) : label
    }

    /// "priority concern 2", "recommendation 5".
    public var name: String { "\(kind.noun) \(number)" }
}

extension Plan {
    /// The plan raises priority or key concerns.
    public var hasConcerns: Bool { recommendations.contains { $0.kind.isConcern } }

    /// The kinds the plan raises, in the published order (priority, key, recommendation).
    public var kinds: [RecommendationKind] {
        RecommendationKind.allCases.filter { kind in recommendations.contains { $0.kind == kind } }
    }
}
