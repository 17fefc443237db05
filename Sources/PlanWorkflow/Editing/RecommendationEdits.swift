import PlanKit

/// New values for a recommendation's response fields; nil leaves a field as it is, and empty
/// text removes an optional one (`--response ""`).
public struct RecommendationChange: Sendable, Hashable {
    public var number: Int
    public var status: Status?
    /// Replaces the reason's categories.
    public var reasonCategories: [ReasonCategory]?
    /// Replaces the reason's text; empty removes the whole reason.
    public var reasonText: String?
    public var implementedPart: String?
    public var response: String?

    public init(number: Int, status: Status? = nil, reasonCategories: [ReasonCategory]? = nil, reasonText: String? = nil,
                implementedPart: String? = nil, response: String? = nil) {
        self.number = number
        self.status = status
        self.reasonCategories = reasonCategories
        self.reasonText = reasonText
        self.implementedPart = implementedPart
        self.response = response
    }

    /// Whether the change names any field at all.
    public var isEmpty: Bool {
        status == nil && reasonCategories == nil && reasonText == nil && implementedPart == nil && response == nil
    }
}

extension Plan {
    /// Sets the fields `change` names on its recommendation.
    public mutating func apply(_ change: RecommendationChange) throws {
        guard let r = recommendations.firstIndex(where: { $0.number == change.number }) else {
            throw EditText.unknownRecommendation(change.number, in: self)
        }
        guard !change.isEmpty else {
            throw WorkflowError(message: "nothing to set: name at least one of --status, --reason-category, --reason, --implemented-part, --response")
        }
        var rec = recommendations[r]
        if let status = change.status { rec.status = status }
        if let part = change.implementedPart { rec.implementedPart = Self.optional(part) }
        if let response = change.response { rec.response = Self.optional(response) }
        if change.reasonText.map(Self.optional) == .some(nil) {
            rec.reason = nil
        } else if change.reasonCategories != nil || change.reasonText != nil {
            let categories = change.reasonCategories ?? rec.reason?.categories ?? []
            guard let text = change.reasonText.map({ $0.trimmingSpaces }) ?? rec.reason?.text, !categories.isEmpty else {
                throw WorkflowError(message: "recommendation \(change.number) has no reason yet: give both --reason-category and --reason; nothing was written")
            }
            rec.reason = Reason(categories: categories, text: text)
        }
        recommendations[r] = rec
    }

    /// Empty text removes an optional field.
    static func optional(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
    }
}
