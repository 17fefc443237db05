import ArgumentParser
import PlanGit
import PlanWorkflow

extension Plantool.DraftCommand {
    struct DraftSwitch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "switch",
            abstract: "Switch to a draft, or back to a branch (plantool draft switch main).",
            discussion: "Refuses, changing nothing, when tracked files have uncommitted changes or untracked files would be overwritten."
        )

        @Argument(help: "A draft's name, or a branch such as main.")
        var name: String

        func run() throws {
            let git = try GitSelection.open()
            let drafts = Drafts(git: git)
            let repository = git.repository
            try git.run("switch to \(name)") {
                let target: Branch
                if Repository.isValidBranchName(Drafts.prefix + name), let draft = try repository.branch(Drafts.prefix + name) {
                    target = draft
                } else if Repository.isValidBranchName(name), let branch = try repository.branch(name) {
                    target = branch
                } else {
                    _ = try drafts.draft(name)  // throws the clear "no draft named" error
                    return
                }
                if try repository.currentBranch() == target.name {
                    Output.line("already on \(target.name)")
                    return
                }
                try drafts.refuseIfDirty(doing: "switch to \(target.name)")
                try git.refuseIfLocked()
                try drafts.switchTo(target)
                Output.line("switched to \(target.name) (\(target.tip.short))")
            }
        }
    }
}
