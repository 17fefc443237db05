/// What the history rules compare: each changed recommendation with its version in the base
/// (matched by number, or by its text when renumbered), and the base's recommendations that are
/// gone.
public struct BasePlanComparison: Sendable {
    /// A recommendation of the linted content and its version in the base.
    public struct Pair: Sendable {
        /// The base's version; when renumbered, its action ids are given under the new number.
        public var base: Recommendation
        /// The number it had in the base.
        public var baseNumber: Int
        public var site: RecommendationSite
    }

    /// An action of the linted content and its version in the base.
    public struct ActionPair: Sendable {
        public var site: RecommendationSite
        public var base: Action
        public var action: Action
        /// The action's field path: `actions[2]`.
        public var path: String
    }

    /// A base recommendation with nothing in the linted content.
    public struct Removed: Sendable {
        public var recommendation: Recommendation
        /// The path its file had, as shown in messages.
        public var path: String
    }

    /// How the base is named in messages.
    public var baseName: String
    public var pairs: [Pair]
    public var actions: [ActionPair]
    public var removed: [Removed]

    init(base: BasePlan, loaded: borrowing LoadedPlan, sites: [RecommendationSite]) {
        baseName = base.name
        // Positions, not copies of the sites: this table was lint's largest at its peak.
        var siteByPath: [String: Int] = [:]
        siteByPath.reserveCapacity(sites.count)
        for (position, site) in sites.enumerated() where siteByPath[site.path] == nil { siteByPath[site.path] = position }
        func name(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

        // Numbers the linted content has (parsed, or by file name for files that do not parse),
        // and numbers the base had.
        var present = Set<Int>()
        var baseNumbers = Set<Int>()
        var changed: [RecommendationSite] = []
        for file in loaded.recommendations {
            if let n = file.parsed.value?.number { present.insert(n) }
            if let n = PlanLoader.number(fromFileName: name(file.path)) { present.insert(n) }
            if base.unchangedPaths.contains(file.path) {
                if let n = file.parsed.value?.number { baseNumbers.insert(n) }
            } else if let position = siteByPath[loaded.files.displayPath(file.path)] {
                changed.append(sites[position])
            }
        }
        var baseByNumber: [Int: (recommendation: Recommendation, path: String)] = [:]
        for file in base.files {
            if let n = PlanLoader.number(fromFileName: name(file.path)) { baseNumbers.insert(n) }
            guard let rec = file.recommendation else { continue }
            baseNumbers.insert(rec.number)
            if baseByNumber[rec.number] == nil { baseByNumber[rec.number] = (rec, file.path) }
        }

        var pairs: [Pair] = []
        for site in changed {
            if let before = baseByNumber[site.recommendation.number] {
                pairs.append(Pair(base: before.recommendation, baseNumber: site.recommendation.number, site: site))
            }
        }
        // Gone from its number: renumbered (matched by its text, as `plantool diff` does), else removed.
        var gone = baseByNumber.filter { !present.contains($0.key) }
        let added = changed.filter { !baseNumbers.contains($0.recommendation.number) }
        let goneNumbers = gone.keys.sorted()
        let matches = RecommendationMatcher.renumberings(
            gone: goneNumbers.map { (number: $0, text: gone[$0]!.recommendation.text) },
            new: added.map { (number: $0.recommendation.number, text: $0.recommendation.text) })
        for match in matches {
            let from = goneNumbers[match.from]
            let site = added[match.to]
            let earlier = RecommendationMatcher.movingActions(of: gone[from]!.recommendation, from: from, to: site.recommendation.number,
                                                              laterIDs: Set(site.recommendation.actions.map(\.id)))
            gone[from] = nil
            pairs.append(Pair(base: earlier, baseNumber: from, site: site))
        }
        self.pairs = pairs.sorted { $0.site.recommendation.number < $1.site.recommendation.number }
        removed = gone.sorted { $0.key < $1.key }.map {
            Removed(recommendation: $0.value.recommendation, path: loaded.files.displayPath($0.value.path))
        }
        actions = self.pairs.flatMap { pair -> [ActionPair] in
            var before: [String: Action] = [:]
            for action in pair.base.actions where before[action.id] == nil { before[action.id] = action }
            return pair.site.recommendation.actions.enumerated().compactMap { index, action in
                before[action.id].map { ActionPair(site: pair.site, base: $0, action: action, path: "actions[\(index)]") }
            }
        }
    }

    /// The updates of `now` that `before` did not have (matched by date and text, each once).
    static func addedUpdates(before: Action, now: Action) -> [Int] {
        var remaining = before.updates
        var added: [Int] = []
        for (index, update) in now.updates.enumerated() {
            if let match = remaining.firstIndex(where: { $0.date == update.date && $0.text == update.text }) {
                remaining.remove(at: match)
            } else {
                added.append(index)
            }
        }
        return added
    }

    /// The field path of an action's current target: the latest update that gives one, else the
    /// action's own.
    static func currentTargetField(_ action: Action, path: String) -> String {
        action.updates.lastIndex(where: { $0.target != nil }).map { "\(path).updates[\($0)].target" } ?? "\(path).target"
    }

    /// The field path of an action's current state.
    static func currentStateField(_ action: Action, path: String) -> String {
        action.updates.lastIndex(where: { $0.state != nil }).map { "\(path).updates[\($0)].state" } ?? "\(path).state"
    }
}
