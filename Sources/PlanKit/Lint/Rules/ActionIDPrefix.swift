/// An action's id starts with its recommendation's number.
struct ActionIDPrefix: LintRule {
    let id = "action-id-prefix"
    let defaultSeverity = Severity.error
    let summary = "An action's id starts with its recommendation's number (5.1, 5.2 for recommendation 5)."
    let explanation = """
        Inspectors and the published table refer to actions as 5.1, 5.2: the id's first number is the \
        recommendation's. An action 4.2 filed under recommendation 5 is either misfiled or misnumbered.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        for (site, action, path) in context.actions {
            let number = String(site.recommendation.number)
            guard action.id.split(separator: ".").first.map(String.init) != number || !action.id.contains(".") else { continue }
            report.add(site, path + ".id", "action id \(action.id) does not start with \(number). (its recommendation's number); use \(number).1, \(number).2, ...")
        }
    }
}
