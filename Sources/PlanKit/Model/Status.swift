/// The service's answer to a recommendation, as the action plan template defines it.
public enum Status: String, CaseIterable, Sendable, Hashable, Codable {
    case agreed
    case partlyAgreed = "partly-agreed"
    case notAgreed = "not-agreed"

    /// The words the official table uses ("Partly Agreed").
    public var title: String {
        switch self {
        case .agreed: "Agreed"
        case .partlyAgreed: "Partly Agreed"
        case .notAgreed: "Not Agreed"
        }
    }
}

/// Why a recommendation is not (fully) agreed: the template's four categories.
public enum ReasonCategory: String, CaseIterable, Sendable, Hashable, Codable {
    case commissioning
    case policy
    case operational
    case affordability
}

/// Where an action stands.
public enum ActionState: String, CaseIterable, Sendable, Hashable, Codable {
    case planned
    case inProgress = "in-progress"
    case completed
    case ongoing
    case dropped

    /// An open action still has work to do by its target.
    public var isOpen: Bool { self == .planned || self == .inProgress }
}
