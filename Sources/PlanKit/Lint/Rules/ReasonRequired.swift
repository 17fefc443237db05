/// Partly or not agreed: the reason, with its category.
struct ReasonRequired: LintRule {
    let id = "reason-required"
    let defaultSeverity = Severity.error
    let summary = "A partly or not agreed recommendation gives its reason and the reason's category."
    let explanation = """
        The template: "There must be an explanation of why we cannot (fully) agree the recommendation - \
        this must state clearly whether this is due to commissioning, policy, operational or \
        affordability reasons." Add `reason:` with `categories` (one or more of commissioning, policy, \
        operational, affordability) and `text`. A reason may be written with its text alone while \
        nobody has judged its category (import does so rather than guess one); this rule then \
        reports the missing category at `reason.categories` (or `reason`).
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for site in context.recommendations where site.recommendation.status != .agreed {
            let status = site.recommendation.status == .partlyAgreed ? "partly agreed" : "not agreed"
            guard let reason = site.recommendation.reason else {
                report.add(site, "status", "\(site.recommendation.name) is \(status) but gives no reason; add 'reason' with 'categories' (commissioning, policy, operational or affordability) and 'text'")
                continue
            }
            if reason.categories.isEmpty {
                report.add(site, "reason.categories", "\(site.recommendation.name) is \(status) but its reason names no category; add 'categories' under 'reason' (commissioning, policy, operational or affordability)")
            }
        }
    }
}
