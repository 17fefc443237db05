/// The rows of a redline: version B's recommendations laid out as the official table
/// (`OfficialDocument`), each line paired with the line it was in version A, and A's lines
/// that B no longer has placed where they stood.
struct RedlineRecommendation {
    enum Mark: Equatable {
        /// In both versions, as it was or changed.
        case kept(old: OfficialDocument.Line)
        case added
        case removed
    }

    struct Line {
        var line: OfficialDocument.Line
        var mark: Mark
        /// The changes that moved the action's current target, shown beside the date that moved it.
        var targetMoves: [Change] = []
    }

    /// B's rows (or A's, for a recommendation removed).
    var rows: OfficialDocument.RecommendationRows
    /// A's rows of a recommendation B keeps; nil when added or removed.
    var old: OfficialDocument.RecommendationRows?
    var mark: Mark
    var lines: [Line]

    /// A recommendation added or removed whole: every line marked so.
    init(whole rec: Recommendation, mark: Mark, words: PlanWords = .standard) {
        rows = OfficialDocument.rows(for: rec, words: words)
        old = nil
        self.mark = mark
        lines = rows.lines.map { Line(line: $0, mark: mark) }
    }

    /// A recommendation in both versions: lines paired as the diff pairs them (the response with
    /// the response, actions by id, updates as `RecommendationDiff` matches them).
    init(old a: Recommendation, new b: Recommendation, changes: [Change], words: PlanWords = .standard) {
        let oldRows = OfficialDocument.rows(for: a, words: words), newRows = OfficialDocument.rows(for: b, words: words)
        rows = newRows
        old = oldRows
        mark = .kept(old: oldRows.lines[0])
        let oldIndex = Self.index(oldRows.lines), newIndex = Self.index(newRows.lines)
        var lines: [Line] = []
        if let n = newIndex.response {
            lines.append(Line(line: newRows.lines[n], mark: oldIndex.response.map { .kept(old: oldRows.lines[$0]) } ?? .added))
        } else if let o = oldIndex.response {
            lines.append(Line(line: oldRows.lines[o], mark: .removed))
        }
        for action in b.actions {
            guard let n = newIndex.actions[action.id] else { continue }
            let updateLines = newIndex.updates[action.id] ?? []
            guard let before = a.actions.first(where: { $0.id == action.id }), let o = oldIndex.actions[action.id] else {
                lines.append(Line(line: newRows.lines[n], mark: .added))
                lines += updateLines.map { Line(line: newRows.lines[$0], mark: .added) }
                continue
            }
            lines.append(Line(line: newRows.lines[n], mark: .kept(old: oldRows.lines[o])))
            let oldUpdateLines = oldIndex.updates[action.id] ?? []
            let match = RecommendationDiff.matchUpdates(before.updates, action.updates)
            let pairs = Dictionary(match.pairs.map { ($0.new, $0.old) }, uniquingKeysWith: { x, _ in x })
            for (m, line) in updateLines.enumerated() {
                let mark: Mark = pairs[m].map { .kept(old: oldRows.lines[oldUpdateLines[$0]]) } ?? .added
                lines.append(Line(line: newRows.lines[line], mark: mark))
            }
            lines += match.removed.sorted().map { Line(line: oldRows.lines[oldUpdateLines[$0]], mark: .removed) }
        }
        for action in a.actions where !b.actions.contains(where: { $0.id == action.id }) {
            guard let o = oldIndex.actions[action.id] else { continue }
            lines.append(Line(line: oldRows.lines[o], mark: .removed))
            lines += (oldIndex.updates[action.id] ?? []).map { Line(line: oldRows.lines[$0], mark: .removed) }
        }
        if let n = newIndex.empty {
            if let o = oldIndex.empty { lines.append(Line(line: newRows.lines[n], mark: .kept(old: oldRows.lines[o]))) }
            // A recommendation whose lines were all removed shows them rather than an empty row.
            else if lines.isEmpty { lines.append(Line(line: newRows.lines[n], mark: .added)) }
        }
        self.lines = lines
        placeTargetNotes(b, changes.filter { $0.recommendation == b.number && $0.currentTarget != nil })
    }

    /// Each move of an action's current target beside the date that made it: an update's
    /// target cell when an update in B set it, else the action's own.
    private mutating func placeTargetNotes(_ b: Recommendation, _ moves: [Change]) {
        for change in moves {
            guard let id = change.action, let action = b.actions.first(where: { $0.id == id }) else { continue }
            var position = lines.firstIndex { if case .action(id) = $0.line.kind { $0.mark != .removed } else { false } }
            if let key = change.update, change.kind != .updateRemoved, let u = RecommendationDiff.keys(action.updates).firstIndex(of: key) {
                let date = action.updates[u].date
                let sameDateBefore = action.updates[..<u].filter { $0.date == date }.count
                let candidates = lines.indices.filter {
                    lines[$0].mark != .removed && lines[$0].line.kind == .update(actionID: id, date: date)
                }
                if sameDateBefore < candidates.count { position = candidates[sameDateBefore] }
            }
            if let position { lines[position].targetMoves.append(change) }
        }
    }

    /// Where each line of a recommendation's rows is: the response, each action's line and its
    /// updates' lines in order, the empty line.
    private static func index(_ lines: [OfficialDocument.Line]) -> (response: Int?, actions: [String: Int], updates: [String: [Int]], empty: Int?) {
        var response: Int?, empty: Int?
        var actions: [String: Int] = [:], updates: [String: [Int]] = [:]
        for (i, line) in lines.enumerated() {
            switch line.kind {
            case .response: response = i
            case .empty: empty = i
            case .action(let id): actions[id] = i
            case .update(let id, _): updates[id, default: []].append(i)
            }
        }
        return (response, actions, updates, empty)
    }
}

/// A plan's recommendations in B's order, with A's removed ones where their number stood,
/// paired as the diff's changes pair them (renumbered ones by their old number).
enum RedlinePairing {
    static func recommendations(old: Plan?, new: Plan, changes: [Change]) -> [Int: RedlineRecommendation] {
        var result: [Int: RedlineRecommendation] = [:]
        let oldByNumber = Dictionary((old?.recommendations ?? []).map { ($0.number, $0) }, uniquingKeysWith: { x, _ in x })
        var renumberedFrom: [Int: Int] = [:]
        for change in changes where change.kind == .recommendationRenumbered {
            if let to = change.recommendation, let from = change.oldNumber { renumberedFrom[to] = from }
        }
        let added = Set(changes.filter { $0.kind == .recommendationAdded }.compactMap(\.recommendation))
        for rec in new.recommendations {
            let from = renumberedFrom[rec.number] ?? rec.number
            guard !added.contains(rec.number), var before = oldByNumber[from] else {
                result[rec.number] = RedlineRecommendation(whole: rec, mark: .added, words: new.info.vocabulary)
                continue
            }
            if from != rec.number {
                before = RecommendationMatcher.movingActions(of: before, from: from, to: rec.number, laterIDs: Set(rec.actions.map(\.id)))
            }
            result[rec.number] = RedlineRecommendation(old: before, new: rec, changes: changes, words: new.info.vocabulary)
        }
        return result
    }

    /// A's recommendations that no recommendation of B continues.
    static func removed(old: Plan?, new: Plan, changes: [Change]) -> [Recommendation] {
        let renumbered = Set(changes.filter { $0.kind == .recommendationRenumbered }.compactMap(\.oldNumber))
        let added = Set(changes.filter { $0.kind == .recommendationAdded }.compactMap(\.recommendation))
        let kept = Set(new.recommendations.map(\.number)).subtracting(added)
        return (old?.recommendations ?? []).filter { rec in
            renumbered.contains(rec.number) ? false : !kept.contains(rec.number) || renumberedInto(rec.number, changes)
        }
    }

    /// Whether B's recommendation of this number is another one renumbered into it.
    private static func renumberedInto(_ number: Int, _ changes: [Change]) -> Bool {
        changes.contains { $0.kind == .recommendationRenumbered && $0.recommendation == number && $0.oldNumber != number }
    }
}
