import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool {
    struct CommitCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "commit",
            abstract: "Lint the plan, stage its files and commit them.",
            discussion: """
                Lints the plan around the current folder (or --plan DIR; errors refuse the commit, \
                warnings do not), stages every change in \
                its folder as `git add -A DIR` would (submodules, sparse checkouts, line endings \
                included) and writes a \
                commit with your git identity: user.name and user.email from git's configuration, \
                the GIT_AUTHOR_* and GIT_COMMITTER_* variables, or --author. Anything you staged \
                yourself is committed too, as with `git commit`. Refuses, changing nothing, when the \
                plan has errors (unless --no-verify), when no identity is known or it holds '<', \
                '>' or a line break, when there is nothing to commit, when a changed file needs a \
                git filter driver or working-tree-encoding (stage it with `git add` first), or when \
                another git process holds the index.
                """
        )

        @OptionGroup var planOption: PlanOption

        @Option(name: .shortAndLong, help: ArgumentHelp("The commit message; several become paragraphs.", valueName: "message"))
        var message: [String] = []

        @Option(help: ArgumentHelp("The author, instead of your configured identity.", valueName: "Name <email>"))
        var author: String?

        @Flag(name: .customLong("no-verify"), help: "Commit even when the plan has errors.")
        var noVerify = false

        func validate() throws {
            if message.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
                throw ValidationError("give a commit message with -m MESSAGE")
            }
        }

        func run() throws {
            let git = try GitSelection.open()
            // Before the lint: files an interrupted draft finish was writing are not the user's.
            try Drafts.refuseIfFinishInterrupted(git.repository, doing: "commit")
            let plan = try git.singlePlan(named: planOption.plan)
            let shownPlan = Selection.display(git.top.appendingPathComponent(plan))

            if !noVerify {
                // The history rules compare with HEAD, as the pre-commit hook does.
                let errors = try LintRun.commitErrors(plan: plan, git: git)
                Output.humanDiagnostics(errors)
                if !errors.isEmpty {
                    let count = errors.count
                    throw WorkflowError(message: "commit refused: \(shownPlan) has \(Wording.count(count, "error")); fix them, or commit anyway with --no-verify",
                                        exitCode: 1)
                }
            }
            let text = message.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
            let commit = try Committer(git: git).commit(folder: plan, message: text, author: author)
            Output.line(UnsafeCharacters.neutralised("[\(commit.branch) \(commit.id.short)] \(commit.summary)", keepingLineBreaks: false))
        }
    }
}
