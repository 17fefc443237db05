import ArgumentParser
import Foundation
import PlanGit
import PlanKit
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

        @Flag(help: "Lint the staged content (git's index), as the next commit will hold it.")
        var staged = false

        @Option(help: ArgumentHelp("Lint the plan as it is in a revision.", valueName: "rev"))
        var rev: String?

        @Option(help: ArgumentHelp("The revision the history rules compare with (default: HEAD; for --rev, its first parent).", valueName: "rev"))
        var base: String?

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day overdue actions and future updates are judged on (default: today).", valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Option(help: ArgumentHelp("Output: human, json, github or sarif (default human; github when GITHUB_ACTIONS=true).", valueName: "format"))
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
            if staged && rev != nil { throw ValidationError("--staged and --rev cannot be used together") }
            if (staged || rev != nil) && !paths.isEmpty {
                throw ValidationError("--staged and --rev lint whole plans: name one with --plan DIR instead of a path")
            }
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
            let source: PlanSource = staged ? .index : rev.map { .revision($0) } ?? .workingTree
            // A bad --base is found before anything is printed: nothing is printed until every
            // plan has been linted.
            let history = HistoryBase(explicit: base, source: source)
            let day = asOf.flatMap { Day($0) } ?? Self.today()
            var diagnostics: [Diagnostic] = []
            var files = 0
            for target in try LintTargets.collect(plan: planOption.plan, paths: paths, source: source) {
                files += target.files.fileCount
                diagnostics += target.configurationDiagnostics
                let base = try target.base(history)
                if let configuration = target.configuration {
                    diagnostics += Linter.lint(PlanLoader.load(target.files), configuration: configuration, asOf: day, base: base)
                }
            }
            diagnostics = Selection.shortened(diagnostics)
            let chosen = format.flatMap { LintOutputFormat(rawValue: $0) }
                ?? (ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? .github : .human)
            switch chosen {
            case .human:
                Output.humanDiagnostics(diagnostics)
                let summary = LintSummary(files: files, diagnostics: diagnostics)
                let info = summary.info > 0 ? ", \(summary.info) info" : ""
                Output.standardError("linted \(Output.count(files, "file"))\(source == .workingTree ? "" : " in \(source)"): \(Output.count(summary.errors, "error")), \(Output.count(summary.warnings, "warning"))\(info)")
            case .json:
                Output.line(LintRenderer.json(diagnostics, files: files))
            case .github:
                if !diagnostics.isEmpty { Output.line(LintRenderer.github(diagnostics)) }
            case .sarif:
                Output.line(LintRenderer.sarif(diagnostics, rules: RuleCatalogue.all, version: Plantool.version))
            }
            let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
            if failing { throw ExitCode.failure }
        }

        /// Today in the local calendar.
        static func today() -> Day {
            let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            return Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(year: 2000, month: 1, day: 1)!
        }
    }
}

/// Every rule plantool can report: the reader's and the linter's.
enum RuleCatalogue {
    /// Problems in .plantool.yaml are reported under this id.
    static let configurationRule = LintRenderer.RuleDescription(
        id: "configuration", summary: "The .plantool.yaml configuration is valid.",
        explanation: "A .plantool.yaml at the plan's or the repository's root sets rule severities (off, error, warning, info), the vague-phrase list and the owners register. An unknown key or rule, or a value of the wrong kind, is reported with its place, and the plan is not linted until it is fixed.",
        severity: .error)

    static var all: [LintRenderer.RuleDescription] {
        [configurationRule] + FormatRule.allCases.map {
            LintRenderer.RuleDescription(id: $0.id, summary: $0.summary, explanation: $0.explanation, severity: $0.severity)
        } + RuleRegistry.all.map {
            LintRenderer.RuleDescription(id: $0.id, summary: $0.summary, explanation: $0.explanation, severity: $0.defaultSeverity)
        }
    }

    static func description(of id: String) -> LintRenderer.RuleDescription? {
        all.first { $0.id == id }
    }

    static func nearest(to id: String) -> String? {
        Suggestion.nearest(to: id, in: all.map(\.id))
    }

    static func listing() -> String {
        let width = all.map(\.id.count).max() ?? 0
        return all.map { rule in
            rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + rule.summary
        }.joined(separator: "\n")
    }
}

/// A plan to lint, with the configuration that applies to it.
struct LintTargets {
    var files: PlanFiles
    var configuration: LintConfiguration?
    var configurationDiagnostics: [Diagnostic]
    /// Where the whole plan is, for the history rules; nil for a file linted on its own.
    var place: Place? = nil

    enum Place {
        case folder(URL)
        case repository(PlanRepository, relative: String)
    }

    /// The base the history rules compare this plan with; nil when they are off.
    func base(_ history: HistoryBase) throws -> BasePlan? {
        switch place {
        case nil: return nil
        case .folder(let folder): return try history.load(folder: folder, linted: files)
        case .repository(let repository, let relative): return try history.load(plan: relative, in: repository, linted: files)
        }
    }

    static func collect(plan: String?, paths: [String], source: PlanSource) throws -> [LintTargets] {
        if source == .workingTree {
            // The working tree needs no git: configuration files are found on disk.
            let selection = try Selection.resolve(plan: plan, paths: paths, allowAll: true)
            var targets: [LintTargets] = []
            for folder in selection.plans {
                let (configuration, problems) = configuration(forPlan: folder)
                targets.append(LintTargets(files: PlanDirectory.files(of: folder, displayRoot: Selection.display(folder)),
                                           configuration: configuration, configurationDiagnostics: problems, place: .folder(folder)))
            }
            for file in selection.files {
                // A file on its own is linted as a plan of one recommendation (or a plan.yaml alone).
                let isPlan = PlanFileKind(fileName: file.lastPathComponent) == .plan
                let entry = PlanFiles.File(path: file.lastPathComponent, contents: SingleFilePlan.read(file))
                // The file's own plan decides its configuration.
                let folder = PlanDirectory.enclosingPlan(of: file.deletingLastPathComponent()) ?? file.deletingLastPathComponent()
                let (configuration, problems) = configuration(forPlan: folder)
                targets.append(LintTargets(files: SingleFilePlan.files(entry, isPlan: isPlan, display: Selection.display(file)),
                                           configuration: configuration, configurationDiagnostics: problems))
            }
            return targets
        }
        let git = try GitSelection.open(readingOnly: true)
        return try git.plans(named: plan, in: source).map { relative in
            let (configuration, problems) = configuration(forRelativePlan: relative, git: git, source: source)
            return LintTargets(files: try git.files(of: relative, from: source), configuration: configuration,
                               configurationDiagnostics: problems, place: .repository(git.plans, relative: relative))
        }
    }

    /// The repository's `.plantool.yaml` overlaid by the plan's, read from disk.
    static func configuration(forPlan folder: URL) -> (LintConfiguration?, [Diagnostic]) {
        var places = [folder.standardizedFileURL]
        if let root = PlanDirectory.repositoryRoot(of: folder), root.path != places[0].path { places.insert(root, at: 0) }
        return layered(places.map { place in
            let url = place.appendingPathComponent(LintConfiguration.fileName)
            var status = stat()
            guard lstat(url.path, &status) == 0 else { return (Selection.display(url), nil) }  // none there
            return (Selection.display(url), PlanDirectory.read(url))
        })
    }

    /// The same, read from a git source (the index, a revision).
    static func configuration(forRelativePlan plan: String, git: GitSelection, source: PlanSource) -> (LintConfiguration?, [Diagnostic]) {
        layered((plan.isEmpty ? [""] : ["", plan]).map { place in
            let relative = place.isEmpty ? LintConfiguration.fileName : place + "/" + LintConfiguration.fileName
            let bytes: Result<[UInt8], PlanFileError>?
            do {
                bytes = try git.plans.bytes(at: relative, from: source).map { .success($0) }
            } catch let error as PlanFileError {
                bytes = .failure(error)
            } catch {
                bytes = .failure(PlanFileError("cannot be read: \(error)"))
            }
            return (Selection.display(git.top.appendingPathComponent(relative)), bytes)
        })
    }

    /// Configuration files, outermost first, each laid over the ones before (nil: none there);
    /// nil with the problems when any of them is invalid, or there but unreadable (a link, a
    /// FIFO, larger than a plan file may be), which is never taken as no configuration.
    static func layered(_ files: [(path: String, bytes: Result<[UInt8], PlanFileError>?)]) -> (LintConfiguration?, [Diagnostic]) {
        var result = LintConfiguration()
        var problems: [Diagnostic] = []
        for file in files {
            guard let contents = file.bytes else { continue }
            let bytes: [UInt8]
            switch contents {
            case .success(let read): bytes = read
            case .failure(let error):
                problems.append(Diagnostic(path: file.path, location: nil, severity: .error, rule: "configuration", message: error.message))
                continue
            }
            let (parsed, diagnostics) = LintConfiguration.parse(bytes, path: file.path)
            problems += diagnostics
            if let parsed { result = result.overlaid(by: parsed) }
        }
        return (problems.isEmpty ? result : nil, problems)
    }
}

/// A single file linted on its own.
enum SingleFilePlan {
    /// A file named on the command line: its bytes when it is named and made as a plan file is
    /// (`.yaml` or `.yml`, a regular file within the size limit), else why not. Another file is
    /// refused, never skipped and counted as checked clean.
    static func read(_ url: URL) -> Result<[UInt8], PlanFileError> {
        let name = url.lastPathComponent
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else {
            return .failure(PlanFileError("is not a plan file: a plan file's name ends in .yaml or .yml", rule: .fileName))
        }
        return PlanDirectory.read(url)
    }

    /// A one-file plan. A recommendation file keeps its place under `recommendations/` when it
    /// has one, so that the file-name rules apply to it exactly when they would in its plan.
    static func files(_ entry: PlanFiles.File, isPlan: Bool, display: String) -> PlanFiles {
        let folder = (display as NSString).deletingLastPathComponent
        if isPlan {
            return PlanFiles(displayRoot: folder, planFile: entry, recommendationFiles: [])
        }
        if (folder as NSString).lastPathComponent == PlanDirectory.recommendationsFolder {
            var placed = entry
            placed.path = PlanDirectory.recommendationsFolder + "/" + entry.path
            return PlanFiles(displayRoot: (folder as NSString).deletingLastPathComponent, planFile: nil,
                             recommendationFiles: [placed], requiresPlanFile: false)
        }
        return PlanFiles(displayRoot: folder, planFile: nil, recommendationFiles: [entry], requiresPlanFile: false)
    }
}
