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
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
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
    /// What was decided.
    public var message: String
    /// The other reading a person may prefer, when the importer names one.
    public var alternative: String?

    public init(_ kind: Kind, at place: TableDocument.Place, subject: String? = nil, _ message: String, alternative: String? = nil) {
        self.kind = kind
        self.place = place
        self.subject = subject
        self.message = message
        self.alternative = alternative
    }

    /// What the remark is about, for counting remarks by kind: read from the words of its
    /// message, the first topic whose words it holds.
    public var topic: Topic {
        let m = message.lowercased()
        return Topic.allCases.first { topic in topic.words.contains(where: m.contains) } ?? .other
    }

    public enum Topic: String, CaseIterable, Sendable, Codable {
        case reasons = "reasons"
        case actions = "actions divided"
        case text = "text placed"
        case owners = "owners"
        case pageBreaks = "rows joined over page breaks"
        case planDetails = "plan details"
        case targets = "targets and dates"
        case rows = "table rows"
        case other = "other"

        var words: [String] {
            switch self {
            case .reasons: ["reason", "restates the status", "to be implemented", "is all reason"]
            case .actions: ["actions", "numbered steps", "no target beside", "introducing", "update covers", "cannot be divided"]
            case .owners: ["owner"]
            case .pageBreaks: ["page break", "continues", "runs on"]
            case .targets: ["target", "date"]
            case .rows: ["row", "cells", "column"]
            case .text: ["kept in the response", "kept with it", "kept in the target column", "kept in the update's text"]
            case .planDetails: ["inspectorate", "organisation", "title", "summary", "published", "submitted"]
            case .other: []
            }
        }
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
