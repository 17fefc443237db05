import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool {
    struct InitCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a plan: plan.yaml, an empty recommendations/ folder and the format's schemas.",
            discussion: """
                Writes DIR/plan.yaml (from the options given), DIR/recommendations/, and \
                DIR/schema/*.schema.json, which the files' first-line modelines point to so that \
                editors validate them offline. When DIR is not inside a git repository, also \
                creates one (its first branch is main) and commits the new plan with your git \
                identity (--no-git skips this). In a repository, installs the pre-commit hook that \
                lints staged changes (--no-hook skips it), except into a core.hooksPath from your \
                global git configuration, which every repository shares. Refuses a folder that already holds a plan.
                """
        )

        @Argument(help: ArgumentHelp("Folder for the plan (created if missing).", valueName: "dir"))
        var directory: String = "."

        @Option(help: "The plan's title.")
        var title: String?

        @Option(help: "Who answers the report.")
        var organisation: String = "HM Prison and Probation Service"

        @Option(help: "The inspectorate that wrote the report.")
        var inspectorate: String = "HM Inspectorate of Probation"

        @Option(name: .customLong("report-title"), help: "The inspection report's title (default: the plan's title).")
        var reportTitle: String?

        @Option(help: ArgumentHelp("The day the report was published.", valueName: "YYYY-MM-DD"))
        var published: String?

        @Option(help: ArgumentHelp("The day the action plan is submitted.", valueName: "YYYY-MM-DD"))
        var submitted: String?

        @Flag(name: .customLong("no-git"), help: "Do not create a git repository, commit or install the hook.")
        var noGit = false

        @Flag(name: .customLong("no-hook"), help: "Do not install the pre-commit hook that lints staged changes.")
        var noHook = false

        @Option(name: .shortAndLong, help: ArgumentHelp("Message of the first commit.", valueName: "message"))
        var message: String = "Start the action plan"

        @Option(help: ArgumentHelp("The author of the first commit, instead of your configured identity.", valueName: "Name <email>"))
        var author: String?

        func validate() throws {
            for (name, value) in [("--published", published), ("--submitted", submitted)] {
                if let value, Day(value) == nil {
                    throw ValidationError("\(name) must be a date written YYYY-MM-DD, such as 2024-01-03; got '\(value)'")
                }
            }
            for (name, value) in [("--title", title), ("--organisation", organisation), ("--inspectorate", inspectorate),
                                  ("--report-title", reportTitle)] {
                if let value, value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    throw ValidationError("\(name) must not be empty")
                }
            }
        }

        func run() throws {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let newPlan = NewPlan(root: URL(fileURLWithPath: directory, relativeTo: cwd).standardizedFileURL)
            let root = newPlan.root
            try newPlan.refuseIfTaken()
            // Outside any repository, the plan gets one and a first commit: make sure the commit
            // can be made before anything is written.
            let makeRepository = !newPlan.isInRepository && !noGit
            if makeRepository { try NewPlan.refuseWithoutIdentity(author: author) }

            let planTitle = title ?? reportTitle ?? "Action plan"
            let info = PlanInfo(title: planTitle, organisation: organisation, inspectorate: inspectorate,
                                report: Report(title: reportTitle ?? planTitle, published: published.flatMap { Day($0) }),
                                submitted: submitted.flatMap { Day($0) })
            try newPlan.write(info)
            Output.line("created a plan in \(Selection.display(root)): plan.yaml, recommendations/, schema/")
            if makeRepository {
                let commit = try newPlan.createRepository(message: message + "\n", author: author)
                Output.line("created a git repository on branch main: [\(commit.branch) \(commit.id.short)] \(commit.summary)")
            }
            if !noGit && !noHook, let git = try? GitSelection.open(at: root.path) {
                do {
                    Output.line(try PreCommitHook(repository: git.repository).install())
                } catch let error as WorkflowError {
                    Output.error("the plan was created, but the hook was not installed: \(error.message)")
                }
            }
            Output.line("next: add recommendations/01.yaml, then run `plantool lint`")
        }
    }
}
