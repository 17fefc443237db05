import ArgumentParser
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool.DraftCommand {
    struct DraftDiscard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discard",
            abstract: "Delete a draft's branch.",
            discussion: "Refuses a draft whose commits are not in its base branch, unless --force; refuses the draft you are on (switch away first)."
        )

        @Argument(help: "The draft's name.")
        var name: String

        @Flag(help: "Delete the draft even though its commits were never merged.")
        var force = false

        func run() throws {
            let git = try GitSelection.open()
            let drafts = Drafts(git: git)
            let repository = git.repository
            try git.run("discard the draft") {
                let draft = try drafts.draft(name)
                try Drafts.refuseIfFinishInterrupted(repository, doing: "discard the draft")
                if try repository.currentBranch() == draft.name {
                    throw WorkflowError(message: "you are on the draft '\(name)': switch away first (plantool draft switch \(try drafts.base(of: draft.name)))")
                }
                let baseName = try drafts.base(of: draft.name)
                let merged = try repository.branch(baseName).map { try repository.contains($0.tip, ancestor: draft.tip) } ?? false
                if !merged && !force {
                    let ahead = try repository.branch(baseName).map { try repository.aheadBehind(draft.tip, $0.tip).ahead }
                    let what = ahead.map { "\(Wording.count($0, "commit")) not in \(baseName)" } ?? "commits not in any base"
                    throw WorkflowError(message: "the draft '\(name)' has \(what); discard it anyway with --force", exitCode: 1)
                }
                try git.refuseIfLocked()
                try repository.deleteBranch(draft.name)
                Output.line("discarded draft '\(name)' (was at \(draft.tip.short))")
            }
        }
    }
}
