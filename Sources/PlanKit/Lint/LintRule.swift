/// A check of a plan against the action plan template, the SMART criteria or the plan's own
/// consistency. One rule per file under Rules/, listed once in `RuleRegistry`.
public protocol LintRule: Sendable {
    /// Stable kebab-case id, shown after each message and used in configuration.
    var id: String { get }
    var defaultSeverity: Severity { get }
    /// One line for `--list-rules`.
    var summary: String { get }
    /// What the rule guards against and how to satisfy it, for `--explain`.
    var explanation: String { get }
    /// Rules that reason about the plan as a whole (numbering, counts, cross references, the
    /// plan's dates) run only when every file of the plan was read without error.
    var needsWholePlan: Bool { get }
    func check(_ context: LintContext, _ report: inout LintReport)
}

extension LintRule {
    public var needsWholePlan: Bool { false }
}

/// One recommendation as the rules see it: its model, where its file is, and where each field
/// stands in the file.
public struct RecommendationSite: Sendable {
    public var recommendation: Recommendation
    public var path: String
    public var sourceMap: SourceMap
    /// The file's `# plantool:` directives and conflict markers.
    public var directives: [LintDirective] = []

    /// The place of a field (`status`, `actions[1].owners`), else of the nearest enclosing one,
    /// else the top of the file.
    public func location(_ fieldPath: String) -> SourceLocation {
        var path = fieldPath
        while true {
            if let location = sourceMap.location(of: path) { return location }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = String(path[..<cut])
        }
        return SourceLocation(line: 1, column: 1)
    }
}

/// What the rules are given: the plan read without errors, the configuration and the date.
public struct LintContext: Sendable {
    /// plan.yaml's content; nil when it could not be read.
    public var info: PlanInfo?
    public var planPath: String
    public var planSourceMap: SourceMap
    /// plan.yaml's `# plantool:` directives and conflict markers.
    public var planDirectives: [LintDirective] = []
    public var recommendations: [RecommendationSite]
    public var configuration: LintConfiguration
    /// The date overdue and future are judged against.
    public var asOf: Day
    /// The plan's changes since a base revision, for the history rules; nil when there is no
    /// base (outside git, an unborn branch, the plan's first commit): those rules are then off.
    public var history: BasePlanComparison?

    /// Every action of every recommendation, with the field path of the action.
    public let actions: LintActions
    /// What the SMART rules ask of each action's text, in the order of `actions`.
    public let actionTexts: [ActionTextReading]

    public init(info: PlanInfo?, planPath: String, planSourceMap: SourceMap, recommendations: [RecommendationSite],
                configuration: LintConfiguration, asOf: Day, history: BasePlanComparison? = nil) {
        self.info = info
        self.planPath = planPath
        self.planSourceMap = planSourceMap
        self.recommendations = recommendations
        self.configuration = configuration
        self.asOf = asOf
        self.history = history
        let actions = LintActions(recommendations)
        self.actions = actions
        let vaguePhrases = TextHeuristics.VaguePhrases(configuration.vaguePhrases.map(Words.phrase))
        actionTexts = ParallelMap.map(actions.positions) { position in
            ActionTextReading(actions.action(at: position), vaguePhrases: vaguePhrases)
        }
    }
}

/// Collects a rule's findings.
public struct LintReport: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    let rule: any LintRule

    init(rule: any LintRule) {
        self.rule = rule
    }

    public mutating func add(_ path: String, _ location: SourceLocation?, _ message: String) {
        diagnostics.append(Diagnostic(path: path, location: location, severity: rule.defaultSeverity,
                                      rule: rule.id, message: message))
    }

    public mutating func add(_ site: RecommendationSite, _ fieldPath: String, _ message: String) {
        add(site.path, site.location(fieldPath), message)
    }
}
