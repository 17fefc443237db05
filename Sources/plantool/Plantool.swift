import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow
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
        version: versionLine,
        subcommands: [InitCommand.self, CheckCommand.self, LintCommand.self, FmtCommand.self, DiffCommand.self, LogCommand.self, TextconvCommand.self, ExportCommand.self, ImportCommand.self, FormCommand.self, StatusCommand.self, CommitCommand.self, DraftCommand.self, ActionCommand.self, RecommendationCommand.self, RevisionCommand.self, OwnerCommand.self, HookCommand.self, MergeDriverCommand.self]
    )

    /// `--version`'s line names the libgit2 it loads, and loading it is the slowest part of
    /// starting: any other command line gets the line without it (ArgumentParser only needs
    /// one that is not empty, to offer the flag).
    private static var versionLine: String {
        CommandLine.arguments.dropFirst().contains("--version")
            ? "plantool \(version) (libgit2 \(Git.libraryVersion))" : "plantool \(version)"
    }

    /// Runs the command; usage errors exit 2, as the documentation says, not ArgumentParser's 64.
    static func main() {
        // A command that opens the repository has libgit2 start up while its arguments are
        // parsed, begun before anything else (loading it takes longer than the parsing); every
        // way out below waits for that start-up to finish first.
        gitStart = opensRepository(CommandLine.unsafeArgv, count: Int(CommandLine.argc)) ? Git.initialiseInBackground() : nil
        defer { gitStart?.wait() }
        // Past the file size limit (`ulimit -f`), a write fails with EFBIG and plantool reports
        // it, instead of being killed by SIGXFSZ part way through.
        signal(SIGXFSZ, SIG_IGN)
        if Output.colourForced {
            Rainbow.outputTarget = .console
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as WorkflowError {
            Output.diagnostics(error.diagnostics)
            Output.error(error.message)
            exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.standardError(fullMessage(for: error))
                exit(2)
            }
            // Help, the version and ArgumentParser's other messages, written as plantool writes
            // everything else (a failed write is exit 2, not a silent success): a success's to
            // standard output, the rest to standard error.
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code.isSuccess { Output.line(message) } else { Output.standardError(message) }
            }
            exit(code.rawValue)
        }
    }

    /// libgit2 starting on another thread (set once, by `main`, before anything else runs).
    nonisolated(unsafe) private static var gitStart: Git.BackgroundStart?

    /// Ends plantool with `code`, once libgit2's start-up, if one was begun, has finished (its
    /// exit handlers must not run while the other thread is inside it). Called on the main thread.
    static func exit(_ code: Int32) -> Never {
        gitStart?.wait()
        Foundation.exit(code)
    }

    /// Whether the arguments (`argv`, the program's name first) name a subcommand that opens
    /// the git repository (one of `repositoryCommands`), and ask for neither help nor the
    /// version. Read from the C strings themselves, before Swift's copy of them or any
    /// command's configuration is made.
    static func opensRepository(_ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, count: Int) -> Bool {
        assert(repositoryCommandNames == repositoryCommands.map { $0.configuration.commandName ?? "" },
               "repositoryCommandNames must name repositoryCommands")
        guard count > 1, let name = argv[1] else { return false }
        for index in 1..<count {
            guard let argument = argv[index] else { continue }
            if strcmp(argument, "--help") == 0 || strcmp(argument, "-h") == 0 || strcmp(argument, "--version") == 0 { return false }
        }
        return repositoryCommandNames.contains { strcmp(name, $0) == 0 }
    }

    /// The commands that open the git repository whenever they run (or nearly always): libgit2
    /// starts up on another thread while their arguments are parsed. A list, not a marker
    /// protocol: asking whether a type conforms scans every conformance in the binary.
    static let repositoryCommands: [any ParsableCommand.Type] = [
        DiffCommand.self, LogCommand.self, StatusCommand.self, CommitCommand.self, DraftCommand.self,
        HookCommand.self, LintCommand.self, CheckCommand.self, ActionCommand.self,
        RecommendationCommand.self, RevisionCommand.self, OwnerCommand.self, FormCommand.self,
    ]

    /// Their names, in the same order (a debug build checks them against the commands'
    /// configurations at every start, so every test run does).
    static let repositoryCommandNames = [
        "diff", "log", "status", "commit", "draft", "hook", "lint", "check", "action", "recommendation", "revision", "owner", "form",
    ]
}
