/// What kind of change a plan revision made.
public enum ChangeKind: String, CaseIterable, Sendable, Codable {
    case planChanged = "plan-changed"
    case recommendationAdded = "recommendation-added"
    case recommendationRemoved = "recommendation-removed"
    case recommendationRenumbered = "recommendation-renumbered"
    case textChanged = "text-changed"
    case fieldChanged = "field-changed"
    case statusChanged = "status-changed"
    case reasonChanged = "reason-changed"
    case actionAdded = "action-added"
    case actionRemoved = "action-removed"
    case actionTextChanged = "action-text-changed"
    case ownerChanged = "owner-changed"
    case targetChanged = "target-changed"
    case noteChanged = "note-changed"
    case stateChanged = "state-changed"
    case updateAdded = "update-added"
    case updateRemoved = "update-removed"
    case updateChanged = "update-changed"
    case orderChanged = "order-changed"
    case unreadable = "unreadable"
}

/// A run of words in a word-level diff.
public struct WordSegment: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case same, removed, added
    }

    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A value before and after (nil: absent on that side).
public struct Move: Sendable, Codable, Equatable {
    public var old: String?
    public var new: String?

    public init(old: String?, new: String?) {
        self.old = old
        self.new = new
    }
}

/// One semantic change between two versions of a plan: one field (or one whole item) at one place.
public struct Change: Sendable, Codable, Equatable {
    public var kind: ChangeKind
    /// The recommendation's number (on the new side; on the old side when it was removed).
    public var recommendation: Int?
    /// For a renumbered recommendation, its old number.
    public var oldNumber: Int?
    /// The recommendation's kind when it is a concern: its sentences say "priority concern 2".
    public var recommendationKind: RecommendationKind?
    public var action: String?
    /// The update's key within its action, as the field spells it: its date (`2021-12`), and
    /// `#2` for a second update of the same date.
    public var update: String?
    /// Where the change is, spelt as the merge spells conflict fields: `title`, `report.title`,
    /// `status`, `reason.text`, `actions[5.1]`, `actions[5.1].target`,
    /// `actions[5.1].updates[2021-12].target`, `actions[5.1].updates`, `number`.
    public var field: String?
    public var old: String?
    public var new: String?
    /// The whole months the action's current target moved (positive: slipped, negative: brought
    /// forward), whatever edit moved it: the action's own target, an update's, an update added,
    /// removed or reordered.
    public var months: Int?
    /// owner-changed, revisions: what was added and removed.
    public var added: [String]?
    public var removed: [String]?
    /// A word-level diff of a text (recommendation, action, update, reason, response, plan fields).
    public var words: [WordSegment]?
    /// How the change moved the action's current target, state and owners (owners joined by "; "),
    /// when it did.
    public var currentTarget: Move?
    public var currentState: Move?
    public var currentOwners: Move?
    /// An item added (as it is) or removed (as it was), whole.
    public var recommendationValue: RecommendationValue?
    public var actionValue: ActionValue?
    public var updateValue: UpdateValue?
    /// The file it concerns, as shown in messages.
    public var path: String?
    /// One sentence saying what changed, for people.
    public var summary: String

    public init(kind: ChangeKind, recommendation: Int? = nil, oldNumber: Int? = nil, action: String? = nil,
                update: String? = nil, field: String? = nil, old: String? = nil, new: String? = nil, months: Int? = nil,
                added: [String]? = nil, removed: [String]? = nil, words: [WordSegment]? = nil,
                path: String? = nil, summary: String = "") {
        self.kind = kind
        self.recommendation = recommendation
        self.oldNumber = oldNumber
        self.action = action
        self.update = update
        self.field = field
        self.old = old
        self.new = new
        self.months = months
        self.added = added
        self.removed = removed
        self.words = words
        self.path = path
        self.summary = summary
    }

    /// Whether the change moves an action's current target later.
    public var isSlip: Bool { (months ?? 0) > 0 }

    /// Whether the change leaves an action completed that was not.
    public var completes: Bool {
        guard let move = currentState else { return false }
        return move.new == ActionState.completed.rawValue && move.old != move.new
    }
}

/// An update as a change carries it (JSON): the model's values in the file's spelling.
public struct UpdateValue: Sendable, Codable, Equatable {
    public var date: String
    public var text: String
    public var state: String?
    public var target: String?
    public var owners: [String]?

    public init(_ update: Update) {
        date = update.date.description
        text = update.text
        state = update.state?.rawValue
        target = update.target?.description
        owners = update.owners
    }
}

/// An action as a change carries it.
public struct ActionValue: Sendable, Codable, Equatable {
    public var id: String
    public var text: String
    public var owners: [String]
    public var target: String?
    public var state: String
    public var note: String?
    public var updates: [UpdateValue]

    public init(_ action: Action) {
        id = action.id
        text = action.text
        owners = action.owners
        target = action.target?.description
        state = action.state.rawValue
        note = action.note
        updates = action.updates.map(UpdateValue.init)
    }
}

/// A recommendation as a change carries it.
public struct RecommendationValue: Sendable, Codable, Equatable {
    public struct ReasonValue: Sendable, Codable, Equatable {
        public var categories: [String]
        public var text: String
    }

    public var number: Int
    public var reference: String?
    /// Absent for a recommendation.
    public var kind: String?
    public var addressee: String
    public var theme: String?
    public var text: String
    public var status: String
    public var implementedPart: String?
    public var reason: ReasonValue?
    public var response: String?
    public var actions: [ActionValue]

    /// The file's spelling, as the change's `field` and the JSON export spell it.
    enum CodingKeys: String, CodingKey {
        case number, reference, kind, addressee, theme, text, status, reason, response, actions
        case implementedPart = "implemented-part"
    }

    public init(_ rec: Recommendation) {
        number = rec.number
        reference = rec.reference
        kind = rec.kind == .recommendation ? nil : rec.kind.rawValue
        addressee = rec.addressee
        theme = rec.theme
        text = rec.text
        status = rec.status.rawValue
        implementedPart = rec.implementedPart
        reason = rec.reason.map { ReasonValue(categories: $0.categories.map(\.rawValue), text: $0.text) }
        response = rec.response
        actions = rec.actions.map(ActionValue.init)
    }
}
