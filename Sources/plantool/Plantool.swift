import ArgumentParser
import Foundation
import PlanGit
import PlanKit
// Rainbow keeps its settings in global variables; plantool sets one, once, before any other work.
@preconcurrency import Rainbow

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
        subcommands: [InitCommand.self, CheckCommand.self, LintCommand.self, FmtCommand.self, DiffCommand.self, LogCommand.self, TextconvCommand.self, ExportCommand.self, ImportCommand.self, StatusCommand.self, CommitCommand.self, DraftCommand.self, HookCommand.self, MergeDriverCommand.self]
    )

    /// Runs the command; usage errors exit 2, as the documentation says, not ArgumentParser's 64.
    static func main() {
        // Past the file size limit (`ulimit -f`), a write fails with EFBIG and plantool reports
        // it, instead of being killed by SIGXFSZ part way through.
        signal(SIGXFSZ, SIG_IGN)
        // FORCE_COLOR asks for colour even when output is not a terminal (Rainbow otherwise
        // colours a terminal only, and NO_COLOR turns colour off).
        if let force = ProcessInfo.processInfo.environment["FORCE_COLOR"], !force.isEmpty, force != "0" {
            Rainbow.outputTarget = .console
        }
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
