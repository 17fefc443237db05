/// `plan.yaml`: what the plan answers and when it was submitted.
public struct PlanInfo: Hashable, Sendable {
    public var format: Int
    public var title: String
    public var organisation: String
    public var inspectorate: String
    public var report: Report
    public var submitted: Day?
    public var revisions: [Revision]
    public var summary: Summary?
    public var introduction: String?
    /// The words the plan speaks for its statuses and kinds (`vocabulary`).
    public var vocabulary: PlanWords

    public init(format: Int = PlanInfo.currentFormat, title: String, organisation: String,
                inspectorate: String, report: Report, submitted: Day? = nil,
                revisions: [Revision] = [], summary: Summary? = nil, introduction: String? = nil,
                vocabulary: PlanWords = .standard) {
        self.format = format
        self.title = title
        self.organisation = organisation
        self.inspectorate = inspectorate
        self.report = report
        self.submitted = submitted
        self.revisions = revisions
        self.summary = summary
        self.introduction = introduction
        self.vocabulary = vocabulary
    }

    /// The format version this build reads and writes.
    public static let currentFormat = 1
}

/// The inspection report the plan responds to.
public struct Report: Hashable, Sendable {
    public var title: String
    public var published: Day?
    public var url: String?

    public init(title: String, published: Day? = nil, url: String? = nil) {
        self.title = title
        self.published = published
        self.url = url
    }
}

/// A later submission of the plan, such as "Action Plan Update".
public struct Revision: Hashable, Sendable {
    public var submitted: Day
    public var title: String

    public init(submitted: Day, title: String) {
        self.submitted = submitted
        self.title = title
    }
}

/// The counts a plan declares in its closing table.
public struct Summary: Hashable, Sendable {
    public var agreed: Int
    public var partlyAgreed: Int
    public var notAgreed: Int

    public init(agreed: Int, partlyAgreed: Int, notAgreed: Int) {
        self.agreed = agreed
        self.partlyAgreed = partlyAgreed
        self.notAgreed = notAgreed
    }

    public var total: Int { agreed + partlyAgreed + notAgreed }
}

/// A whole plan: `plan.yaml` and its recommendations in number order.
public struct Plan: Hashable, Sendable {
    public var info: PlanInfo
    public var recommendations: [Recommendation]

    public init(info: PlanInfo, recommendations: [Recommendation]) {
        self.info = info
        self.recommendations = recommendations
    }
}
