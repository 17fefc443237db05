import ArgumentParser
import Foundation
import PlanGit
import PlanKit

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
                let (configuration, problems) = LintTargets.configuration(forRelativePlan: plan, git: git, source: .workingTree)
                let files = try git.files(of: plan, from: .workingTree)
                let loaded = PlanLoader.load(files)
                // The history rules compare with HEAD, as the pre-commit hook does.
                let base = try HistoryBase(explicit: nil, source: .workingTree).load(plan: plan, in: git.plans, linted: files)
                let findings = problems + (configuration.map { Linter.lint(loaded, configuration: $0, asOf: Plantool.LintCommand.today(), base: base) } ?? [])
                let errors = Selection.shortened(findings).filter { $0.severity == .error }
                Output.humanDiagnostics(errors)
                if !errors.isEmpty {
                    let count = errors.count
                    throw PlantoolError(message: "commit refused: \(shownPlan) has \(Output.count(count, "error")); fix them, or commit anyway with --no-verify",
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

/// Staging a folder and committing it safely: everything that can refuse is checked before the
/// index or any branch is touched.
struct Committer {
    let git: GitSelection

    struct Result {
        var id: ObjectID
        var branch: String
        var summary: String
    }

    func commit(folder: String, message: String, author override: String?) throws -> Result {
        let repository = git.repository
        let author: Person
        let committer: Person
        do {
            author = try Identity.resolve(.author, repository: repository, override: override)
            committer = try Identity.resolve(.committer, repository: repository, override: nil)
        } catch let error as GitError {
            throw PlantoolError(message: error.message)
        }
        try git.refuseIfLocked()

        do {
            // During a merge the commit concludes it, as `git commit` does; other operations
            // (rebase, cherry-pick, ...) are git's to finish.
            var mergeHeads: [ObjectID] = []
            if let operation = repository.operationInProgress {
                guard operation == "merge" else {
                    throw PlantoolError(message: "a \(operation) is in progress; finish it with git first. Nothing was changed")
                }
                mergeHeads = try repository.mergeHeads()
            }
            let index = try repository.index()
            do {
                try index.stageAll(under: folder)
            } catch let refusal as StagingRefusal {
                throw PlantoolError(message: "commit refused: \(UnsafeCharacters.neutralised(refusal.message, keepingLineBreaks: false)). Nothing was changed")
            }
            let conflicts = index.conflictedPaths
            if !conflicts.isEmpty {
                throw PlantoolError(message: "these files still have merge conflicts; settle them and stage them first (nothing was changed):\n" +
                                    conflicts.map { "  " + $0 }.joined(separator: "\n"))
            }
            let tree = try index.writeTree()
            let head = try repository.headCommit()
            if head?.tree == tree && mergeHeads.isEmpty {
                throw PlantoolError(message: "nothing to commit: \(folder.isEmpty ? "the plan" : folder) has no changes", exitCode: 1)
            }
            // The index is saved before the branch moves: a process stopped in between leaves
            // the change staged (as `git add` would), never a moved branch with the old index,
            // which `git status` shows as the change undone and a `git commit` would undo.
            try index.write()
            let id = try repository.createCommit(tree: tree, message: message, author: author, committer: committer,
                                                 parents: (head.map { [$0.id] } ?? []) + mergeHeads)
            if !mergeHeads.isEmpty { try repository.finishOperation() }
            let branch = (try? repository.currentBranch()) ?? nil
            return Result(id: id, branch: branch ?? "detached HEAD",
                          summary: message.split(separator: "\n").first.map(String.init) ?? "")
        } catch let error as GitError {
            throw git.explain(error, doing: "commit")
        }
    }
}
