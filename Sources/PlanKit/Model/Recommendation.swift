/// One recommendation of the report and the service's response to it: `recommendations/NN.yaml`.
public struct Recommendation: Hashable, Sendable {
    public var number: Int
    /// The report's own reference for it ("S41", "1.12", "5.01").
    public var reference: String?
    /// A recommendation, a priority concern or a key concern.
    public var kind: RecommendationKind
    public var addressee: String
    public var theme: String?
    public var text: String
    public var status: Status
    public var implementedPart: String?
    public var reason: Reason?
    public var response: String?
    public var actions: [Action]

    public init(number: Int, addressee: String, theme: String? = nil, text: String, status: Status,
                implementedPart: String? = nil, reason: Reason? = nil, response: String? = nil,
                actions: [Action] = [], kind: RecommendationKind = .recommendation, reference: String? = nil) {
        self.number = number
        self.kind = kind
        self.reference = reference
        self.addressee = addressee
        self.theme = theme
        self.text = text
        self.status = status
        self.implementedPart = implementedPart
        self.reason = reason
        self.response = response
        self.actions = actions
    }

    /// The file name the format gives this recommendation: `05.yaml`, `120.yaml`.
    public static func fileName(for number: Int) -> String {
        "\(Int.pad(number, 2)).yaml"
    }
}

/// Why a recommendation is partly or not agreed.
public struct Reason: Hashable, Sendable {
    public var categories: [ReasonCategory]
    public var text: String

    public init(categories: [ReasonCategory], text: String) {
        self.categories = categories
        self.text = text
    }
}

/// A step the service will take, with its owners and target.
public struct Action: Hashable, Sendable {
    public var id: String
    public var text: String
    public var owners: [String]
    public var target: PlanDate?
    public var state: ActionState
    public var note: String?
    public var updates: [Update]

    public init(id: String, text: String, owners: [String] = [], target: PlanDate? = nil,
                state: ActionState = .planned, note: String? = nil, updates: [Update] = []) {
        self.id = id
        self.text = text
        self.owners = owners
        self.target = target
        self.state = state
        self.note = note
        self.updates = updates
    }

    /// The target now in force: the latest update's new target, else the action's own.
    public var currentTarget: PlanDate? {
        latest { $0.target } ?? target
    }

    /// The state now: the latest update's new state, else the action's own.
    public var currentState: ActionState {
        latest { $0.state } ?? state
    }

    /// The owners now: the latest update's new owners, else the action's own.
    public var currentOwners: [String] {
        latest { $0.owners } ?? owners
    }

    /// The latest update's value of `field`, where one sets it. Only the field is read out, not
    /// a copy of the update: history walks ask it of every action of every commit.
    private func latest<Value>(_ field: (Update) -> Value?) -> Value? {
        var index = updates.endIndex
        while index > updates.startIndex {
            index -= 1
            if let value = field(updates[index]) { return value }
        }
        return nil
    }
}

/// A dated progress update on an action ("Update December 2021").
public struct Update: Hashable, Sendable {
    public var date: PlanDate
    public var text: String
    public var state: ActionState?
    public var target: PlanDate?
    public var owners: [String]?

    public init(date: PlanDate, text: String, state: ActionState? = nil, target: PlanDate? = nil,
                owners: [String]? = nil) {
        self.date = date
        self.text = text
        self.state = state
        self.target = target
        self.owners = owners
    }
}
