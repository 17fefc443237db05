import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool {
    struct CheckCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Read every file of a plan and report every problem in it.",
            discussion: """
                Prints each problem as path:line:column: severity: message [rule-id]. With no path, \
                checks the plan around the current folder, or every plan in the repository. \
                --staged checks what the next commit will hold (git's index), --rev a revision. \
                Exits 1 when any error is found, 2 on a usage error.
                """
        )

        @OptionGroup var planOption: PlanOption

        @OptionGroup var sourceOptions: PlanSourceOptions<Self>

        @Argument(help: ArgumentHelp("Plan folders, folders holding plans, or single plan files.", valueName: "path"))
        var paths: [String] = []

        func validate() throws {
            try sourceOptions.validate(paths: paths)
        }

        func run() throws {
            let source = sourceOptions.source
            var diagnostics: [Diagnostic] = []
            var fileCount = 0
            var planCount = 0
            if source == .workingTree {
                let selection = try Selection.resolve(plan: planOption.plan, paths: paths, allowAll: true)
                for plan in selection.plans {
                    let loaded = PlanLoader.load(PlanDirectory.files(of: plan, displayRoot: Selection.display(plan)))
                    fileCount += loaded.files.fileCount
                    diagnostics += loaded.diagnostics
                }
                for file in selection.files {
                    diagnostics += SingleFilePlan.check(file)
                    fileCount += 1
                }
                planCount = selection.plans.count
            } else {
                let git = try GitSelection.open(readingOnly: true)
                let plans = try git.plans(named: planOption.plan, in: source)
                for plan in plans {
                    let files = try git.files(of: plan, from: source)
                    fileCount += files.fileCount
                    diagnostics += PlanLoader.load(files).diagnostics
                }
                planCount = plans.count
            }
            Output.diagnostics(Selection.shortened(diagnostics))
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            var scope = Wording.count(fileCount, "file")
            if planCount > 0 { scope = Wording.count(planCount, "plan") + ", " + scope }
            if source != .workingTree { scope += " in \(source)" }
            Output.standardError("checked \(scope): \(Wording.count(errors, "error")), \(Wording.count(warnings, "warning"))")
            if errors > 0 { throw ExitCode.failure }
        }
    }
}

extension Plantool.CheckCommand: PlanSourceWording {
    static let verb = "check"
    static let stagedHelp = "Check the staged content (git's index), as the next commit will hold it."
    static let revHelp = "Check the plan as it is in a revision (HEAD~1, a tag, a branch, an id)."
}
