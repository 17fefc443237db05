import PlanKit

/// What an import produced: the plan, and what a person should check.
public struct ImportResult: Sendable {
    public var plan: Plan
    /// Guesses and placements, each with where in the source it was made: split owners,
    /// normalised dates, text kept in `note` or `response` because it had no other place.
    public var remarks: [ImportRemark]

    public init(plan: Plan, remarks: [ImportRemark]) {
        self.plan = plan
        self.remarks = remarks
    }
}

public struct ImportRemark: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A judgement call the importer made (owners split, a date read from words).
        case guess
        /// Text kept in `note` or `response` because it fitted nowhere else.
        case kept
        /// Something missing from the source that the plan requires, filled in.
        case missing
    }
    public var kind: Kind
    public var place: TableDocument.Place
    /// The recommendation (and action) it concerns, when it concerns one: "5", "5.1".
    public var subject: String?
    public var message: String

    public init(_ kind: Kind, at place: TableDocument.Place, subject: String? = nil, _ message: String) {
        self.kind = kind
        self.place = place
        self.subject = subject
        self.message = message
    }
}

/// An import that cannot go on: not a plan table, an unreadable file.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public var place: TableDocument.Place?
    public var message: String

    public init(_ message: String, at place: TableDocument.Place? = nil) {
        self.message = message
        self.place = place
    }

    public var description: String { place.map { "\($0): \(message)" } ?? message }
}
