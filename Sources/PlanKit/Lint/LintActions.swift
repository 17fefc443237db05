/// Every action of every recommendation, as `(site, action, path)` in the order of the sites.
/// It keeps two numbers per action and makes each element when asked: a copy of every action
/// with its recommendation's site was most of lint's memory after the files themselves.
public struct LintActions: RandomAccessCollection, Sendable {
    public typealias Element = (site: RecommendationSite, action: Action, path: String)

    /// Where an action is: its recommendation's place among the sites, its place among the actions.
    struct Position: Sendable {
        var site: Int32
        var action: Int32
    }

    private let sites: [RecommendationSite]
    let positions: [Position]

    init(_ sites: [RecommendationSite]) {
        self.sites = sites
        var positions: [Position] = []
        positions.reserveCapacity(sites.reduce(0) { $0 + $1.recommendation.actions.count })
        for (site, recommendation) in sites.enumerated() {
            for action in recommendation.recommendation.actions.indices {
                positions.append(Position(site: Int32(site), action: Int32(action)))
            }
        }
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }

    public subscript(index: Int) -> Element {
        let position = positions[index]
        let site = sites[Int(position.site)]
        return (site, site.recommendation.actions[Int(position.action)], "actions[\(position.action)]")
    }

    func action(at position: Position) -> Action {
        sites[Int(position.site)].recommendation.actions[Int(position.action)]
    }
}

/// What the SMART rules ask of an action's text, worked out once from its words (which are not
/// kept: every action's words took as much memory as the plan's files).
public struct ActionTextReading: Sendable {
    /// The vague phrase the text relies on, naming no deliverable besides (action-specific).
    public var vaguePhrase: [String]?
    /// Whether it names a deliverable, a number, a date or a measure (action-measurable).
    public var namesSomethingMeasurable: Bool

    /// `vaguePhrases`: the configured phrases, as words.
    init(_ action: Action, vaguePhrases: TextHeuristics.VaguePhrases) {
        // Both rules pass over dropped actions: their words are not needed.
        guard action.currentState != .dropped else {
            vaguePhrase = nil
            namesSomethingMeasurable = true
            return
        }
        let words = Words(action.text)
        if let found = TextHeuristics.vaguePhrase(in: words, phrases: vaguePhrases),
           !TextHeuristics.namesDeliverable(words, besides: found) {
            vaguePhrase = found.phrase
        } else {
            vaguePhrase = nil
        }
        namesSomethingMeasurable = TextHeuristics.namesSomethingMeasurable(words)
    }
}
