import PlanKit

/// Every rule plantool can report: the reader's and the linter's.
public enum RuleCatalogue {
    /// Problems in .plantool.yaml are reported under this id.
    public static let configurationRule = LintRenderer.RuleDescription(
        id: "configuration", summary: "The .plantool.yaml configuration is valid.",
        explanation: "A .plantool.yaml at the plan's or the repository's root sets rule severities (off, error, warning, info), the vague-phrase list and the owners register. An unknown key or rule, or a value of the wrong kind, is reported with its place, and the plan is not linted until it is fixed.",
        severity: .error)

    public static var all: [LintRenderer.RuleDescription] {
        [configurationRule] + FormatRule.allCases.map {
            LintRenderer.RuleDescription(id: $0.id, summary: $0.summary, explanation: $0.explanation, severity: $0.severity)
        } + RuleRegistry.all.map {
            LintRenderer.RuleDescription(id: $0.id, summary: $0.summary, explanation: $0.explanation, severity: $0.defaultSeverity)
        }
    }

    public static func description(of id: String) -> LintRenderer.RuleDescription? {
        all.first { $0.id == id }
    }

    public static func nearest(to id: String) -> String? {
        Suggestion.nearest(to: id, in: all.map(\.id))
    }

    public static func listing() -> String {
        let width = all.map(\.id.count).max() ?? 0
        return all.map { rule in
            rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + rule.summary
        }.joined(separator: "\n")
    }
}
