import PlanKit

extension Plan {
    /// The default title of a revision: the one plans use for their yearly update.
    public static let defaultRevisionTitle = "Action Plan Update"

    /// Records a new submission of the plan (an update round) on `day`, after every earlier one.
    public mutating func startRevision(on day: Day, title: String = Plan.defaultRevisionTitle) throws {
        let title = try EditText.required(title, what: "the revision's title (--title)")
        if let last = info.revisions.last?.submitted ?? info.submitted, day <= last {
            throw WorkflowError(message: "a revision must come after the plan's last submission (\(last)), not on \(day); nothing was written")
        }
        info.revisions.append(Revision(submitted: day, title: title))
    }
}
