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
            let root = URL(fileURLWithPath: directory, relativeTo: cwd).standardizedFileURL
            let shown = Selection.display(root)
            let manager = FileManager.default

            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw WorkflowError(message: "\(shown) is a file, not a folder")
            }
            if PlanDirectory.isPlan(root) {
                throw WorkflowError(message: "\(shown) already holds a plan (plan.yaml); nothing was changed")
            }
            if let url = SchemaFolder.firstDiffering(in: root) {
                throw WorkflowError(message: "\(Selection.display(url)) exists and differs from plantool's schema; move it away first. Nothing was changed")
            }

            // Outside any repository, the plan gets one and a first commit: make sure the commit
            // can be made before anything is written.
            let inRepository = (try? Repository.discover(from: existingAncestor(of: root).path)) != nil
            let makeRepository = !inRepository && !noGit
            if makeRepository {
                do {
                    _ = try Identity.resolve(.author, repository: nil, override: author)
                    _ = try Identity.resolve(.committer, repository: nil)
                } catch let error as GitError {
                    throw WorkflowError(message: "\(error.message)\n(or create the plan without a repository: plantool init --no-git)")
                }
            }

            let planTitle = title ?? reportTitle ?? "Action plan"
            let info = PlanInfo(title: planTitle, organisation: organisation, inspectorate: inspectorate,
                                report: Report(title: reportTitle ?? planTitle, published: published.flatMap { Day($0) }),
                                submitted: submitted.flatMap { Day($0) })
            do {
                try manager.createDirectory(at: root.appendingPathComponent(PlanDirectory.recommendationsFolder),
                                            withIntermediateDirectories: true)
                // Those there already are plantool's (checked above).
                try SchemaFolder.write(into: root)
                // Keeps the empty folder in git until the first recommendation is added.
                try FileWriter.writeAtomically("", to: root.appendingPathComponent(PlanDirectory.recommendationsFolder)
                    .appendingPathComponent(".gitkeep"))
                try FileWriter.writeAtomically(CanonicalWriter.write(info), to: root.appendingPathComponent(PlanDirectory.planFileName))
            } catch let error as PlanFileError {
                throw WorkflowError(message: error.message)
            } catch {
                throw WorkflowError(message: "cannot create the plan in \(shown): \(error.localizedDescription)")
            }
            Output.line("created a plan in \(shown): plan.yaml, recommendations/, schema/")
            if makeRepository {
                do {
                    _ = try Repository.create(at: root.path, initialBranch: "main")
                    let git = try GitSelection.open(at: root.path)
                    let commit = try Committer(git: git).commit(folder: "", message: message + "\n", author: author)
                    Output.line("created a git repository on branch main: [\(commit.branch) \(commit.id.short)] \(commit.summary)")
                } catch let error as GitError {
                    throw WorkflowError(message: "the plan was created, but not its repository: \(error.message)")
                }
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

        /// The nearest folder that exists, going up from `url` (where git looks for a repository).
        private func existingAncestor(of url: URL) -> URL {
            var current = url
            while !FileManager.default.fileExists(atPath: current.path) && current.path != "/" {
                current = current.deletingLastPathComponent()
            }
            return current
        }
    }
}
