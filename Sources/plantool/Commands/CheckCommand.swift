import ArgumentParser
import Foundation
import PlanKit

extension Plantool {
    struct CheckCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Read every file of a plan and report every problem in it.",
            discussion: """
                Prints each problem as path:line:column: severity: message [rule-id]. With no path, \
                checks the plan around the current folder, or every plan in the repository. \
                Exits 1 when any error is found, 2 on a usage error.
                """
        )

        @OptionGroup var planOption: PlanOption

        @Argument(help: ArgumentHelp("Plan folders, folders holding plans, or single plan files.", valueName: "path"))
        var paths: [String] = []

        func run() throws {
            let selection = try Selection.resolve(plan: planOption.plan, paths: paths, allowAll: true)
            var diagnostics: [Diagnostic] = []
            var fileCount = 0
            for plan in selection.plans {
                let loaded = PlanLoader.load(PlanDirectory.files(of: plan, displayRoot: Selection.display(plan)))
                fileCount += (loaded.files.planFile == nil ? 0 : 1) + loaded.files.recommendationFiles.count
                diagnostics += loaded.diagnostics
            }
            for file in selection.files {
                diagnostics += SingleFile.check(file)
                fileCount += 1
            }
            Output.diagnostics(Selection.shortened(diagnostics))
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            var scope = Output.count(fileCount, "file")
            if !selection.plans.isEmpty { scope = Output.count(selection.plans.count, "plan") + ", " + scope }
            Output.standardError("checked \(scope): \(Output.count(errors, "error")), \(Output.count(warnings, "warning"))")
            if errors > 0 { throw ExitCode.failure }
        }
    }
}

/// Checking a file named on its own, outside its plan.
enum SingleFile {
    static func check(_ url: URL) -> [Diagnostic] {
        let path = Selection.display(url)
        switch PlanDirectory.read(url) {
        case .failure(let error):
            return [Diagnostic(path: path, location: nil, severity: .error, rule: error.rule.id, message: error.message)]
        case .success(let bytes):
            switch PlanFileKind(fileName: url.lastPathComponent) {
            case .plan:
                return PlanFormat.parsePlanInfo(bytes, path: path).diagnostics
            case .recommendation:
                let parsed = PlanFormat.parseRecommendation(bytes, path: path)
                // Inside a plan's recommendations/ folder, the name must be the number too.
                guard url.deletingLastPathComponent().lastPathComponent == PlanDirectory.recommendationsFolder else {
                    return parsed.diagnostics
                }
                return parsed.diagnostics + PlanLoader.nameDiagnostics(fileName: url.lastPathComponent, path: path, parsed: parsed)
            }
        }
    }
}
