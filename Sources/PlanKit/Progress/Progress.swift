/// Where a plan stands on a day: counts, what is overdue and due, each owner's load, and how
/// targets have slipped. Computed from the plan as it stood that day and the history before it.
public struct PlanProgress: Sendable, Encodable {
    /// The plan folder, as shown to the user.
    public var plan: String
    public var title: String
    public var asOf: Day
    /// Where the plan was read: "working tree", or the commit that was current on the day.
    public var source: Source
    public var owner: String?
    public var dueWithinMonths: Int
    public var recommendations: StatusCounts
    /// Actions by their current state, every state listed.
    public var actionsByState: [StateCount]
    public var overdue: [ActionLine]
    public var dueSoon: [ActionLine]
    public var owners: [OwnerLine]
    public var slippage: [Slippage]
    /// Actions by state after each day on which the history changed the plan, in date order, and
    /// on the as-of day.
    public var timeline: [TimelinePoint]

    public struct Source: Sendable, Encodable, Hashable {
        /// "working-tree" or "commit".
        public var kind: String
        public var commit: String?
        public var date: Day?
        public var summary: String?

        public static let workingTree = Source(kind: "working-tree")
        public static func commit(_ id: String, date: Day, summary: String) -> Source {
            Source(kind: "commit", commit: id, date: date, summary: summary)
        }
    }

    public struct StatusCounts: Sendable, Encodable, Hashable {
        public var agreed = 0
        public var partlyAgreed = 0
        public var notAgreed = 0
        public var total: Int { agreed + partlyAgreed + notAgreed }
        /// The plan's words and whether it counts concerns, for the reports (not encoded).
        public var words = PlanWords.standard
        public var concerns = false

        enum CodingKeys: String, CodingKey { case agreed, partlyAgreed, notAgreed, total }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(agreed, forKey: .agreed)
            try c.encode(partlyAgreed, forKey: .partlyAgreed)
            try c.encode(notAgreed, forKey: .notAgreed)
            try c.encode(total, forKey: .total)
        }
    }

    public struct StateCount: Sendable, Encodable, Hashable {
        public var state: ActionState
        public var count: Int
    }

    /// An open action that is overdue or due soon.
    public struct ActionLine: Sendable, Encodable, Hashable {
        public var recommendation: Int
        public var action: String
        public var text: String
        public var owners: [String]
        public var state: ActionState
        public var target: PlanDate
        /// Whole months past the target's last day (0: less than a month); nil when not overdue.
        public var monthsLate: Int?
    }

    public struct OwnerLine: Sendable, Encodable, Hashable {
        public var owner: String
        public var open: Int
        public var overdue: Int
        public var completed: Int
    }

    /// An action whose target was moved later at least once.
    public struct Slippage: Sendable, Encodable, Hashable {
        public var recommendation: Int
        public var action: String
        public var owners: [String]
        public var firstTarget: PlanDate
        public var currentTarget: PlanDate
        /// How many times the target moved later.
        public var times: Int
        /// The months of all the moves later, added up.
        public var monthsSlipped: Int
        /// Every move of the target, later or earlier, oldest first.
        public var moves: [TargetMove]
    }

    public struct TimelinePoint: Sendable, Encodable, Hashable {
        public var date: Day
        public var counts: [StateCount]
    }
}

/// One move of an action's target: in the plan's own updates, or an edit found in the history.
public struct TargetMove: Sendable, Encodable, Hashable {
    public var from: PlanDate
    public var to: PlanDate
    /// The update's date, or the day of the commit that made the edit.
    public var when: String?
    /// "update" (recorded by an update in the plan) or "commit" (an edit found in the history).
    public var how: String
    public var months: Int { to.monthIndex - from.monthIndex }
}

extension PlanDate: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension Day: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Follows each action's target through a plan's history, oldest commit first, and counts the
/// actions by state after each day. Feed it every commit's changed recommendations in order, then
/// read the chains.
public struct TargetHistory: Sendable {
    /// An action, by its recommendation's number and its id.
    struct ActionKey: Hashable, Sendable {
        var number: Int
        var id: String
    }

    /// What the history says of one action: its last target seen and every move of it.
    struct Track: Sendable {
        var lastTarget: PlanDate?
        var moves: [TargetMove] = []
    }

    private var tracks: [ActionKey: Track] = [:]
    /// The current state of each action of each recommendation, by number.
    private var currentStates: [Int: [ActionState]] = [:]
    /// Actions by state over `currentStates` (indexed as `ActionState.allCases`), kept up to
    /// date as recommendations change.
    private var stateCounts = [Int](repeating: 0, count: ActionState.allCases.count)
    public private(set) var timeline: [PlanProgress.TimelinePoint] = []

    public init() {}

    /// The moves of each action that moved, keyed "number/id".
    public var moves: [String: [TargetMove]] {
        var result: [String: [TargetMove]] = [:]
        for (key, track) in tracks where !track.moves.isEmpty { result["\(key.number)/\(key.id)"] = track.moves }
        return result
    }

    /// The moves of one action, oldest first.
    public func moves(ofRecommendation number: Int, action id: String) -> [TargetMove] {
        tracks[ActionKey(number: number, id: id)]?.moves ?? []
    }

    /// Takes in one commit: the recommendations it changed (nil: removed or unreadable there).
    public mutating func record(day: Day, changed: [Int: Recommendation?]) {
        for (number, rec) in changed {
            for state in currentStates[number] ?? [] { stateCounts[Self.slot(state)] -= 1 }
            guard let rec else {
                currentStates[number] = nil
                continue
            }
            var states: [ActionState] = []
            states.reserveCapacity(rec.actions.count)
            for index in rec.actions.indices {
                let state = rec.actions[index].currentState
                states.append(state)
                stateCounts[Self.slot(state)] += 1
                guard let target = rec.actions[index].currentTarget else { continue }
                Self.follow(&tracks[ActionKey(number: rec.number, id: rec.actions[index].id), default: Track()],
                            rec.actions[index], to: target, day: day)
            }
            currentStates[number] = states
        }
        // The plan on a day is the last commit made on or before it (as `status --as-of` reads
        // it), so a commit dated on or before earlier points hides them: the points stay in date
        // order even when commit dates go backwards.
        while let last = timeline.last, last.date >= day { timeline.removeLast() }
        timeline.append(PlanProgress.TimelinePoint(date: day, counts: ActionState.allCases.enumerated().map {
            .init(state: $1, count: stateCounts[$0])
        }))
    }

    /// An action seen again (or first) with `target`: the move from its last target, if any.
    private static func follow(_ track: inout Track, _ action: Action, to target: PlanDate, day: Day) {
        if let last = track.lastTarget {
            if last != target {
                // Moved by a new update, or by an edit of the target itself.
                let update = action.updates.last(where: { $0.target != nil })
                let byUpdate = update?.target == target
                track.moves.append(TargetMove(from: last, to: target, when: byUpdate ? update?.date.description : day.description,
                                              how: byUpdate ? "update" : "commit"))
            }
        } else {
            // First seen: the plan's own record of moves (the first target, then each update's
            // new target).
            var previous = action.target
            for update in action.updates {
                guard let next = update.target else { continue }
                if let from = previous, from != next {
                    track.moves.append(TargetMove(from: from, to: next, when: update.date.description, how: "update"))
                }
                previous = next
            }
        }
        track.lastTarget = target
    }

    /// A state's place in `ActionState.allCases`.
    private static func slot(_ state: ActionState) -> Int {
        switch state {
        case .planned: 0
        case .inProgress: 1
        case .completed: 2
        case .ongoing: 3
        case .dropped: 4
        }
    }

    /// Carries the last point to `day` (the as-of day), when no commit changed the plan since.
    public mutating func close(on day: Day) {
        guard let last = timeline.last, last.date < day else { return }
        timeline.append(PlanProgress.TimelinePoint(date: day, counts: last.counts))
    }
}

public enum ProgressReport {
    /// The report for `plan` on `asOf`. `history` carries the moves found in git (empty when the
    /// plan has none); the plan's own updates count either way.
    public static func make(plan: Plan, display: String, source: PlanProgress.Source, asOf: Day,
                            owner: String?, dueWithinMonths: Int, history: TargetHistory?) -> PlanProgress {
        var status = PlanProgress.StatusCounts(words: plan.info.vocabulary, concerns: plan.hasConcerns)
        for rec in plan.recommendations {
            switch rec.status {
            case .agreed: status.agreed += 1
            case .partlyAgreed: status.partlyAgreed += 1
            case .notAgreed: status.notAgreed += 1
            }
        }
        let needle = owner?.lowercased()
        func matches(_ action: Action) -> Bool {
            guard let needle else { return true }
            return action.currentOwners.contains { $0.lowercased().contains(needle) }
        }
        let windowEnd = Day.adding(months: dueWithinMonths, to: asOf)

        var byState: [ActionState: Int] = [:]
        var overdue: [PlanProgress.ActionLine] = []
        var dueSoon: [PlanProgress.ActionLine] = []
        var owners: [String: PlanProgress.OwnerLine] = [:]
        var slippage: [PlanProgress.Slippage] = []
        // The plan's own moves, for a plan read without history.
        var ownHistory = TargetHistory()
        if history == nil {
            ownHistory.record(day: asOf, changed: Dictionary(uniqueKeysWithValues: plan.recommendations.map { ($0.number, Optional($0)) }))
        }
        let moves = history ?? ownHistory

        for rec in plan.recommendations {
            for action in rec.actions where matches(action) {
                let state = action.currentState
                byState[state, default: 0] += 1
                var late: Int? = nil
                if state.isOpen, let target = action.currentTarget {
                    let line = { (months: Int?) in
                        PlanProgress.ActionLine(recommendation: rec.number, action: action.id, text: summary(action.text),
                                                owners: action.currentOwners, state: state, target: target, monthsLate: months)
                    }
                    if target.lastDay < asOf {
                        late = monthsBetween(target.lastDay, asOf)
                        overdue.append(line(late))
                    } else if target.firstDay <= windowEnd {
                        dueSoon.append(line(nil))
                    }
                }
                for name in action.currentOwners where needle == nil || name.lowercased().contains(needle!) {
                    var o = owners[name] ?? PlanProgress.OwnerLine(owner: name, open: 0, overdue: 0, completed: 0)
                    if state.isOpen { o.open += 1 }
                    if late != nil { o.overdue += 1 }
                    if state == .completed { o.completed += 1 }
                    owners[name] = o
                }
                let chain = moves.moves(ofRecommendation: rec.number, action: action.id)
                let later = chain.filter { $0.months > 0 }
                if !later.isEmpty, let first = chain.first?.from, let now = action.currentTarget {
                    slippage.append(.init(recommendation: rec.number, action: action.id, owners: action.currentOwners,
                                          firstTarget: first, currentTarget: now, times: later.count,
                                          monthsSlipped: later.reduce(0) { $0 + $1.months }, moves: chain))
                }
            }
        }
        overdue.sort { ($0.monthsLate ?? 0, $1.recommendation) > ($1.monthsLate ?? 0, $0.recommendation) }
        dueSoon.sort { ($0.target.lastDay, $0.recommendation) < ($1.target.lastDay, $1.recommendation) }
        slippage.sort { ($0.monthsSlipped, $1.recommendation) > ($1.monthsSlipped, $0.recommendation) }
        let ownerLines = owners.values.sorted { ($0.overdue, $0.open, $1.owner) > ($1.overdue, $1.open, $0.owner) }
        return PlanProgress(plan: display, title: plan.info.title, asOf: asOf, source: source, owner: owner,
                            dueWithinMonths: dueWithinMonths, recommendations: status,
                            actionsByState: ActionState.allCases.map { .init(state: $0, count: byState[$0] ?? 0) },
                            overdue: overdue, dueSoon: dueSoon, owners: ownerLines, slippage: slippage,
                            timeline: history?.timeline ?? [])
    }

    /// Whole months from `from` to `to`: 31 July to 7 December is 4.
    public static func monthsBetween(_ from: Day, _ to: Day) -> Int {
        var months = (to.year * 12 + to.month) - (from.year * 12 + from.month)
        let fromIsMonthEnd = from.day == Day.daysIn(month: from.month, year: from.year)
        let toIsMonthEnd = to.day == Day.daysIn(month: to.month, year: to.year)
        if to.day < from.day && !(fromIsMonthEnd && toIsMonthEnd) { months -= 1 }
        return max(0, months)
    }

    /// The first sentence of a text, cut at 100 characters.
    static func summary(_ text: String) -> String {
        asciiSummary(text) ?? summaryByCharacters(text)
    }

    /// `summary` of an ASCII text without a carriage return (where each byte is a character),
    /// from its first bytes alone: the result never needs more than 103 bytes of the text with
    /// its runs of spaces and line breaks made one space. Nil for any other text.
    static func asciiSummary(_ text: String) -> String? {
        let limit = 103
        var flat: [UInt8] = []
        flat.reserveCapacity(limit)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte >= 0x80 || byte == 0x0D { return nil }
            if byte == 0x20 || byte == 0x0A {
                pendingSpace = !flat.isEmpty
                continue
            }
            if flat.count >= limit { continue }  // only checking the rest is ASCII
            if pendingSpace {
                flat.append(0x20)
                pendingSpace = false
                if flat.count >= limit { continue }
            }
            flat.append(byte)
        }
        var cut = flat[...]
        if let end = flat.indices.dropLast().first(where: { flat[$0] == UInt8(ascii: ".") && flat[$0 + 1] == 0x20 }) {
            cut = flat[...end]
        }
        if cut.count > 100 { return String(decoding: cut.prefix(99), as: UTF8.self) + "…" }
        return String(decoding: cut, as: UTF8.self)
    }

    /// `summary` for any text, character by character.
    static func summaryByCharacters(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
        var cut = flat
        if let end = flat.range(of: ". ") { cut = String(flat[..<end.lowerBound]) + "." }
        if cut.count > 100 { cut = String(cut.prefix(99)) + "…" }
        return cut
    }
}

extension Day {
    /// The day `months` months later, clamped to the end of a shorter month.
    public static func adding(months: Int, to day: Day) -> Day {
        let index = day.year * 12 + (day.month - 1) + months
        let year = index / 12, month = index % 12 + 1
        return Day(year: year, month: month, day: min(day.day, daysIn(month: month, year: year))) ?? day
    }

    /// Days from 1 January 1970 to this day (negative before it): the inverse of `of(seconds:)`.
    public var daysSince1970: Int {
        // Days-from-civil, counting years from March so that leap days come last.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day of a moment: seconds since 1970 at a time zone's offset in minutes.
    public static func of(seconds: Int64, offsetMinutes: Int32) -> Day {
        let local = seconds + Int64(offsetMinutes) * 60
        let days = Int((Double(local) / 86_400).rounded(.down))
        // Days since 1970-01-01 to a calendar date (civil-from-days).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return Day(year: y, month: m, day: d) ?? Day(year: 1970, month: 1, day: 1)!
    }
}
