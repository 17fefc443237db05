import PlanKit

/// A dated progress update to add to an action: what happened, and any new state, target or
/// owners it brings. The update goes after the action's last one.
public struct ActionUpdate: Sendable, Hashable {
    public var actionID: String
    public var text: String
    /// A day or a month (updates are not dated by quarter).
    public var date: PlanDate
    public var state: ActionState?
    public var target: PlanDate?
    public var owners: [String]?

    public init(actionID: String, text: String, date: PlanDate, state: ActionState? = nil,
                target: PlanDate? = nil, owners: [String]? = nil) {
        self.actionID = actionID
        self.text = text
        self.date = date
        self.state = state
        self.target = target
        self.owners = owners
    }
}

/// A new action for a recommendation; it takes the next free id (8.2 when 8.1 exists).
public struct NewAction: Sendable, Hashable {
    public var recommendation: Int
    public var text: String
    public var owners: [String]
    public var target: PlanDate?
    /// The action it goes after; nil for the end of the list.
    public var after: String?

    public init(recommendation: Int, text: String, owners: [String] = [], target: PlanDate? = nil, after: String? = nil) {
        self.recommendation = recommendation
        self.text = text
        self.owners = owners
        self.target = target
        self.after = after
    }
}

extension Plan {
    /// Adds `update` to its action. Refuses an unknown id, a quarter as the date, empty text
    /// or an empty owner.
    public mutating func apply(_ update: ActionUpdate) throws {
        let (r, a) = try place(ofAction: update.actionID)
        if case .quarter = update.date {
            throw WorkflowError(message: "an update is dated by day or month, not by quarter (\(update.date)); nothing was written")
        }
        let text = try EditText.required(update.text, what: "the update's text (--text)")
        let owners = try update.owners.map { try EditText.owners($0) }
        recommendations[r].actions[a].updates.append(
            Update(date: update.date, text: text, state: update.state, target: update.target, owners: owners))
    }

    /// Adds `action` with the next free id of its recommendation and returns that id.
    @discardableResult
    public mutating func add(_ action: NewAction) throws -> String {
        guard let r = recommendations.firstIndex(where: { $0.number == action.recommendation }) else {
            throw EditText.unknownRecommendation(action.recommendation, in: self)
        }
        let id = nextActionID(for: action.recommendation)
        let new = Action(id: id, text: try EditText.required(action.text, what: "the action's text (--text)"),
                         owners: try EditText.owners(action.owners), target: action.target, state: .planned)
        var position = recommendations[r].actions.count
        if let after = action.after {
            guard let index = recommendations[r].actions.firstIndex(where: { $0.id == after }) else {
                throw WorkflowError(message: "recommendation \(action.recommendation) has no action \(after) to add after; nothing was written")
            }
            position = index + 1
        }
        recommendations[r].actions.insert(new, at: position)
        return id
    }

    /// `N.k` with k one more than the largest second part of any `N.…` id in the plan.
    public func nextActionID(for number: Int) -> String {
        let prefix = "\(number)."
        let used = recommendations.flatMap(\.actions).compactMap { action -> Int? in
            guard action.id.hasPrefix(prefix) else { return nil }
            return action.id.dropFirst(prefix.count).split(separator: ".").first.flatMap { Int.digitsOnly($0) }
        }
        return "\(number).\((used.max() ?? 0) + 1)"
    }

    /// Where action `id` is: its recommendation's index and its own.
    public func place(ofAction id: String) throws -> (recommendation: Int, action: Int) {
        for (r, rec) in recommendations.enumerated() {
            if let a = rec.actions.firstIndex(where: { $0.id == id }) { return (r, a) }
        }
        let ids = recommendations.flatMap(\.actions).map(\.id)
        var message = "no action \(id) in the plan"
        if let near = Suggestion.nearest(to: id, in: ids) { message += " (did you mean \(near)?)" }
        throw WorkflowError(message: message + "; nothing was written")
    }
}

/// Checks on the words an edit is given.
enum EditText {
    static func required(_ text: String, what: String) throws -> String {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw WorkflowError(message: "\(what) is empty; nothing was written") }
        return trimmed
    }

    /// The owners given, each once: `--owner A --owner A` names A once, as a rename that
    /// would name an owner twice keeps one.
    static func owners(_ owners: [String]) throws -> [String] {
        var seen: Set<String> = []
        return try owners.map { try required($0, what: "an owner (--owner)") }.filter { seen.insert($0).inserted }
    }

    static func unknownRecommendation(_ number: Int, in plan: Plan) -> WorkflowError {
        let numbers = plan.recommendations.map { String($0.number) }.joined(separator: ", ")
        return WorkflowError(message: "no recommendation \(number) in the plan (it has \(numbers)); nothing was written")
    }
}
