import Testing
@testable import PlanKit

/// An in-memory plan for the lint rule tests: plan.yaml and recommendation files given as YAML
/// text, linted on a pinned day.
enum LintFixture {
    /// The day overdue actions and future updates are judged on in these tests.
    static let asOf = Day(year: 2024, month: 6, day: 1)!

    /// A plan.yaml that gives every date the plan-dates rule asks for. Lines:
    /// 1 format, 5 report, 6 report.title, 7 report.published, 8 submitted.
    static let planYAML = """
        format: 1
        title: A test plan
        organisation: HM Prison and Probation Service
        inspectorate: HM Inspectorate of Probation
        report:
          title: A test report
          published: "2023-12-14"
        submitted: "2024-01-03"

        """

    static func file(_ path: String, _ text: String) -> PlanFiles.File {
        PlanFiles.File(path: path, contents: .success(Array(text.utf8)))
    }

    /// The plan's files: recommendation texts are filed as recommendations/01.yaml, 02.yaml, ...
    /// in the order given, unless `files` names them.
    static func planFiles(_ recommendations: [String], files named: [(path: String, text: String)] = [],
                          plan: String? = planYAML) -> PlanFiles {
        let numbered = recommendations.enumerated().map {
            file("recommendations/" + Recommendation.fileName(for: $0.offset + 1), $0.element)
        }
        return PlanFiles(displayRoot: "", planFile: plan.map { file(PlanDirectory.planFileName, $0) },
                         recommendationFiles: numbered + named.map { file($0.path, $0.text) })
    }

    /// Lints the plan and returns every diagnostic. The fixture itself must read without
    /// errors (so that a rule's silence is the rule's, not a reader error's) unless
    /// `allowReaderErrors`.
    static func lint(_ recommendations: String..., files named: [(path: String, text: String)] = [],
                     plan: String? = planYAML, configuration: LintConfiguration = LintConfiguration(),
                     asOf: Day = asOf, allowReaderErrors: Bool = false,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let loaded = PlanLoader.load(planFiles(recommendations, files: named, plan: plan))
        if !allowReaderErrors {
            #expect(!loaded.diagnostics.hasErrors, "the fixture does not read cleanly: \(loaded.diagnostics)",
                    sourceLocation: sourceLocation)
        }
        return Linter.lint(loaded, configuration: configuration, asOf: asOf)
    }

    /// A configuration read from `.plantool.yaml` text, which must be valid.
    static func configuration(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LintConfiguration {
        let (configuration, diagnostics) = LintConfiguration.parse(Array(yaml.utf8), path: LintConfiguration.fileName)
        #expect(diagnostics.isEmpty, "the configuration does not read cleanly: \(diagnostics)", sourceLocation: sourceLocation)
        return configuration ?? LintConfiguration()
    }
}

/// A 1-based line and column, as diagnostics give them.
func at(_ line: Int, _ column: Int) -> PlanKit.SourceLocation {
    PlanKit.SourceLocation(line: line, column: column)
}

extension Array where Element == Diagnostic {
    /// The diagnostics of one rule.
    func of(_ rule: String) -> [Diagnostic] {
        filter { $0.rule == rule }
    }

    /// The diagnostics of any rule but the reader's warnings (ambiguous-scalar).
    var lintOnly: [Diagnostic] {
        let readerRules = Set(FormatRule.allCases.map(\.id))
        return filter { !readerRules.contains($0.rule) }
    }
}
