import PlanKit

/// Linting every target a command line names: the reader's findings, the configuration's
/// problems and the lint rules, with the history rules against the base revision.
public struct LintRun {
    /// Every finding, with its path shown from the current folder.
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var files: Int

    /// Lints the plans and files `plan` and `paths` name in `source`. Every plan is linted
    /// before anything is returned, so a bad --base is an error before any finding is shown.
    public static func run(plan: String?, paths: [String], source: PlanSource, base: String?, asOf day: Day) throws -> LintRun {
        let history = BaseRevision(explicit: base, source: source)
        var diagnostics: [Diagnostic] = []
        var files = 0
        // Each target is taken out of the list before it is linted, so that its files' bytes
        // have one owner and go as each file is parsed.
        var targets = Array(try LintTargets.collect(plan: plan, paths: paths, source: source).reversed())
        while var target = targets.popLast() {
            files += target.files.fileCount
            diagnostics += target.configurationDiagnostics
            let base = try target.base(history)
            if let configuration = target.configuration {
                let loaded = PlanLoader.load(releasingBytesOf: &target.files)
                diagnostics += Linter.lint(consume loaded, configuration: configuration, asOf: day, base: consume base)
            }
        }
        return LintRun(diagnostics: Selection.shortened(diagnostics), files: files)
    }

    /// The errors that refuse a commit of the plan at `plan` (relative to the top of the working
    /// tree), linted as the pre-commit hook lints: the working tree, compared with HEAD.
    public static func commitErrors(plan: String, git: GitSelection) throws -> [Diagnostic] {
        let (configuration, problems) = LintTargets.configuration(forRelativePlan: plan, git: git, source: .workingTree)
        let files = try git.files(of: plan, from: .workingTree)
        let loaded = PlanLoader.load(files)
        let base = try BaseRevision(explicit: nil, source: .workingTree).load(plan: plan, in: git.plans, linted: files)
        let findings = problems + (configuration.map { Linter.lint(loaded, configuration: $0, asOf: Day.today(), base: base) } ?? [])
        return Selection.shortened(findings).filter { $0.severity == .error }
    }
}
