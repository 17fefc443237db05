/// Partly agreed: the response must say which part will be implemented.
struct PartlyAgreedStatesPart: LintRule {
    let id = "partly-agreed-states-part"
    let defaultSeverity = Severity.warning
    let summary = "A partly agreed recommendation says which part will be implemented."
    let explanation = """
        The template: a partly agreed response "must state clearly which part of the recommendation will \
        be implemented". Give that in `implemented-part`. (Real plans often leave it to the actions' \
        wording, hence a warning.)
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for site in context.recommendations where site.recommendation.status == .partlyAgreed && site.recommendation.implementedPart == nil {
            report.add(site, "status", "\(site.recommendation.name) is partly agreed: say which part will be implemented in 'implemented-part'")
        }
    }
}
