import ArgumentParser
import Foundation
import PlanGit
import PlanKit

@main
struct Plantool: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "plantool",
        abstract: "Keep an inspection action plan in git: one file per recommendation, checked and formatted.",
        discussion: """
            A plan is a folder with plan.yaml and recommendations/NN.yaml. Commands work on the plan \
            around the current folder, on the one named by --plan, or (check, fmt) on every plan below.
            Exit status: 0 success, 1 problems found, 2 usage error or unusable input.
            """,
        version: "plantool \(version) (libgit2 \(Git.libraryVersion))",
        subcommands: [InitCommand.self, CheckCommand.self, LintCommand.self, FmtCommand.self, CommitCommand.self, DraftCommand.self, HookCommand.self]
    )

    /// Runs the command; usage errors exit 2, as the documentation says, not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PlantoolError {
            Output.error(error.message)
            Foundation.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.standardError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
