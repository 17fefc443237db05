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
    case unreadable = "unreadable"
}

/// A run of words in a word-level diff.
public struct WordSegment: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case same, removed, added
    }

    public var kind: Kind
    public var text: String
}

/// One semantic change between two versions of a plan.
public struct Change: Sendable, Codable, Equatable {
    public var kind: ChangeKind
    /// The recommendation's number (on the new side; on the old side when it was removed).
    public var recommendation: Int?
    /// For a renumbered recommendation, its old number.
    public var oldNumber: Int?
    public var action: String?
    /// The field that changed (plan-changed, field-changed).
    public var field: String?
    public var old: String?
    public var new: String?
    /// target-changed: whole months later (positive: slipped) or earlier (negative).
    public var months: Int?
    /// owner-changed: owners added and removed; state and reason changes carry no lists.
    public var added: [String]?
    public var removed: [String]?
    /// text-changed, action-text-changed: the word-level diff.
    public var words: [WordSegment]?
    /// The file it concerns, as shown in messages.
    public var path: String?
    /// One sentence saying what changed, for people.
    public var summary: String

    public init(kind: ChangeKind, recommendation: Int? = nil, oldNumber: Int? = nil, action: String? = nil,
                field: String? = nil, old: String? = nil, new: String? = nil, months: Int? = nil,
                added: [String]? = nil, removed: [String]? = nil, words: [WordSegment]? = nil,
                path: String? = nil, summary: String) {
        self.kind = kind
        self.recommendation = recommendation
        self.oldNumber = oldNumber
        self.action = action
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

    /// Whether the change moves a target later.
    public var isSlip: Bool { kind == .targetChanged && (months ?? 0) > 0 }
}
