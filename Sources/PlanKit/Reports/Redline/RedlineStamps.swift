/// Who made a change and when, as Word records a revision: an author's name and an ISO 8601
/// date ("2021-12-07T10:00:00Z").
public struct RevisionStamp: Hashable, Sendable {
    public var author: String
    /// Nil when there is no commit to date it (a change in the working tree).
    public var date: String?

    public init(author: String, date: String?) {
        self.author = author
        self.date = date
    }
}

/// The stamps of a redline's changes: the latest commit between A and B that touched each
/// recommendation file (by its number) and `plan.yaml`, and a stamp for anything else.
public struct RedlineStamps: Sendable {
    public var recommendations: [Int: RevisionStamp]
    public var plan: RevisionStamp?
    public var fallback: RevisionStamp

    public init(recommendations: [Int: RevisionStamp] = [:], plan: RevisionStamp? = nil, fallback: RevisionStamp) {
        self.recommendations = recommendations
        self.plan = plan
        self.fallback = fallback
    }

    func recommendation(_ number: Int) -> RevisionStamp { recommendations[number] ?? fallback }
    var planFile: RevisionStamp { plan ?? fallback }
}
