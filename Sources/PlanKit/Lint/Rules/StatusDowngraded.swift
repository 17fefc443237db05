/// A recommendation's response weakened since the base revision with no new explanation.
struct StatusDowngraded: LintRule {
    let id = "status-downgraded"
    let defaultSeverity = Severity.warning
    let summary = "A recommendation's response is not weakened without a reason given or changed in the same change."
    let explanation = """
        The response to a recommendation is the service's commitment to the inspectorate. A revision that \
        weakens it (agreed to partly agreed or not agreed, or partly agreed to not agreed, compared with the \
        base revision: HEAD for the working tree and --staged, the revision's parent for --rev, or --base REV) \
        must explain itself in the same change: a 'reason' given or changed (not the base's, word for word) and, \
        for a partly agreed recommendation, an 'implemented-part' given or changed, saying which part will still \
        be implemented. Example: agreed in the base, now 'status: partly-agreed' with a new 'reason' \
        (categories and text) and 'implemented-part: The review of timescales' is clean; the same status \
        change alone is reported. Off outside git and for a plan's first commit.
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
            let before = pair.base, now = pair.site.recommendation
            guard Self.rank(now.status) > Self.rank(before.status) else { continue }
            // Only an explanation this change gives counts: one left from the base explains the old response.
            var asks: [String] = []
            if now.reason == nil || now.reason == before.reason {
                asks.append("why the response changed in 'reason'" + (now.reason == nil ? "" : " (it is unchanged since \(history.baseName))"))
            }
            if now.status == .partlyAgreed, now.implementedPart == nil || now.implementedPart == before.implementedPart {
                asks.append("which part will be implemented in 'implemented-part'" + (now.implementedPart == nil ? "" : " (it is unchanged since \(history.baseName))"))
            }
            guard !asks.isEmpty else { continue }
            report.add(pair.site, "status",
                       "\(now.name) was \(before.status.rawValue) in \(history.baseName) and is now \(now.status.rawValue); say \(asks.joined(separator: " and "))")
        }
    }
}
