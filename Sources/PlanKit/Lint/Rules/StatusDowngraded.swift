/// A recommendation's response weakened since the base revision.
struct StatusDowngraded: LintRule {
    let id = "status-downgraded"
    let defaultSeverity = Severity.warning
    let summary = "A recommendation agreed in the base revision is not made partly or not agreed without a reason."
    let explanation = """
        The response to a recommendation is the service's commitment to the inspectorate. A revision that \
        weakens it (agreed to partly agreed or not agreed, or partly agreed to not agreed, compared with the \
        base revision: HEAD for the working tree and --staged, the revision's parent for --rev, or --base REV) \
        needs its reason stated in 'reason' and agreed with the inspectorate. Off outside git and for a plan's \
        first commit.
        """

    static func rank(_ status: Status) -> Int {
        switch status {
        case .agreed: 0
        case .partlyAgreed: 1
        case .notAgreed: 2
        }
    }

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let history = context.history else { return }
        for pair in history.pairs {
            let was = pair.base.status, now = pair.site.recommendation.status
            guard Self.rank(now) > Self.rank(was) else { continue }
            report.add(pair.site, "status",
                       "recommendation \(pair.site.recommendation.number) was \(was.rawValue) in \(history.baseName) and is now \(now.rawValue); say why the response changed in 'reason'")
        }
    }
}
