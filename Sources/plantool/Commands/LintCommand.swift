import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow
import Rainbow

extension Plantool {
    struct LintCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check a plan against the action plan template, SMART criteria and its own consistency.",
            discussion: """
                Runs every check of `plantool check`, then the lint rules (plantool lint --list-rules). \
                --staged lints what the next commit will hold (git's index), as the pre-commit hook \
                does; --rev a revision. Rules are configured in .plantool.yaml at the plan's or the \
                repository's root, and silenced in a file with '# plantool: disable=RULE' (that line) or \
                '# plantool: disable-file=RULE'. The history rules compare the plan with a base revision: \
                HEAD for the working tree and --staged, the revision's first parent for --rev, or --base \
                REV (such as a pull request's target branch); they are off outside git and for a plan's \
                first commit. Exits 0 when clean, 1 on errors (--strict: on warnings too), 2 on a usage error.
                """
        )

        @OptionGroup var planOption: PlanOption

        @OptionGroup var sourceOptions: PlanSourceOptions<Self>

        @Option(help: ArgumentHelp("The revision the history rules compare with (default: HEAD; for --rev, its first parent).", valueName: "rev"))
        var base: String?

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day overdue actions and future updates are judged on (default: today).", valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Option(help: ArgumentHelp("Output: human, json, github, sarif or gitlab (default human; github when GITHUB_ACTIONS=true).", valueName: "format"))
        var format: String?

        @Flag(help: "Exit 1 on warnings too.")
        var strict = false

        @Flag(name: .customLong("list-rules"), help: "List every rule with its severity, and exit.")
        var listRules = false

        @Option(help: ArgumentHelp("Explain a rule, and exit.", valueName: "rule"))
        var explain: String?

        @Argument(help: ArgumentHelp("Plan folders, folders holding plans, or single plan files.", valueName: "path"))
        var paths: [String] = []

        func validate() throws {
            try sourceOptions.validate(paths: paths)
            if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'") }
            if let format, LintOutputFormat(rawValue: format) == nil {
                throw ValidationError("--format must be one of: \(LintOutputFormat.allCases.map(\.rawValue).joined(separator: ", ")); got '\(format)'")
            }
            if let explain, RuleCatalogue.description(of: explain) == nil {
                var message = "no rule '\(explain)'"
                if let near = RuleCatalogue.nearest(to: explain) { message += "; did you mean '\(near)'?" }
                throw ValidationError(message + " (plantool lint --list-rules lists them)")
            }
        }

        func run() throws {
            if listRules {
                Output.line(RuleCatalogue.listing())
                return
            }
            if let explain, let rule = RuleCatalogue.description(of: explain) {
                Output.line("\(rule.id) (\(rule.severity.rawValue) by default)\n\n\(rule.summary)\n\n\(rule.explanation)")
                return
            }
            let source = sourceOptions.source
            let run = try LintRun.run(plan: planOption.plan, paths: paths, source: source, base: base,
                                      asOf: asOf.flatMap { Day($0) } ?? Day.today())
            let diagnostics = run.diagnostics, files = run.files
            let chosen = format.flatMap { LintOutputFormat(rawValue: $0) }
                ?? (ProcessEnvironment.value("GITHUB_ACTIONS") == "true" ? .github : .human)
            switch chosen {
            case .human:
                Output.humanDiagnostics(diagnostics)
                let summary = LintSummary(files: files, diagnostics: diagnostics)
                let info = summary.info > 0 ? ", \(summary.info) info" : ""
                Output.standardError("linted \(Wording.count(files, "file"))\(source == .workingTree ? "" : " in \(source)"): \(Wording.count(summary.errors, "error")), \(Wording.count(summary.warnings, "warning"))\(info)")
            case .json:
                Output.line(LintRenderer.json(diagnostics, files: files))
            case .github:
                if !diagnostics.isEmpty { Output.line(LintRenderer.github(diagnostics)) }
            case .sarif:
                Output.line(LintRenderer.sarif(diagnostics, rules: RuleCatalogue.all, version: Plantool.version))
            case .gitlab:
                Output.line(LintRenderer.gitlab(diagnostics))
            }
            let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
            if failing { throw ExitCode.failure }
        }
    }
}

extension Plantool.LintCommand: PlanSourceWording {
    static let verb = "lint"
    static let stagedHelp = "Lint the staged content (git's index), as the next commit will hold it."
    static let revHelp = "Lint the plan as it is in a revision."
}
