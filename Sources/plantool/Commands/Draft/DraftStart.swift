import ArgumentParser
import PlanGit
import PlanWorkflow

extension Plantool.DraftCommand {
    struct DraftStart: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Start a draft: create the branch draft/NAME and switch to it.",
            discussion: "The draft starts from the current branch, or from --from REV. It will be finished into the branch --from names, else into the current branch (or main when HEAD is detached)."
        )

        @Argument(help: "The draft's name, e.g. update-2021.")
        var name: String

        @Option(help: ArgumentHelp("Where the draft starts (a branch, tag or commit).", valueName: "rev"))
        var from: String?

        func run() throws {
            try Drafts.validate(name)
            let git = try GitSelection.open()
            let drafts = Drafts(git: git)
            let repository = git.repository
            let branchName = Drafts.prefix + name
            try git.run("start the draft") {
                if try repository.branch(branchName) != nil {
                    throw WorkflowError(message: "the draft '\(name)' exists already; switch to it with `plantool draft switch \(name)`")
                }
                if repository.isHeadUnborn && from == nil {
                    throw WorkflowError(message: "the repository has no commits yet: commit the plan first (plantool commit)")
                }
                let start = try repository.commit(from ?? "HEAD")
                // The base: the branch named by --from, else the current branch (a draft's own
                // base when on a draft), else main.
                let base: String
                if let from, try repository.branch(from) != nil {
                    base = from
                } else if let current = try repository.currentBranch() {
                    base = current.hasPrefix(Drafts.prefix) ? try drafts.base(of: current) : current
                } else if from != nil {
                    base = "main"
                } else {
                    throw WorkflowError(message: "HEAD is detached: start the draft from a branch, e.g. --from main")
                }
                try drafts.refuseIfBusy(doing: "start a draft")
                let head = try repository.headCommit()
                if head?.id != start.id { try drafts.refuseIfDirty(doing: "start the draft from \(from ?? "HEAD")") }
                try git.refuseIfLocked()

                try repository.createBranch(branchName, at: start.id)
                do {
                    if head?.id != start.id { try repository.checkout(commit: start.id) }
                    try repository.setHead(toBranch: branchName)
                    try repository.setConfig(Drafts.baseKey(branchName), base)
                } catch {
                    try? repository.deleteBranch(branchName)
                    throw error
                }
                Output.line("started draft '\(name)' (branch \(branchName)) from \(from ?? base) at \(start.id.short); it will be finished into \(base)")
            }
        }
    }
}
