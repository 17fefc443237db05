import ArgumentParser
import PlanWorkflow

extension Plantool {
    struct DraftCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "draft",
            abstract: "Prepare a revision of the plan on its own branch, for review.",
            discussion: """
                A draft is the git branch draft/NAME. Start one, commit to it, push it for review as \
                a pull request, then finish it (merge it into the branch it started from) or discard \
                it. Switching and finishing never lose uncommitted work: they refuse and list the \
                changed files.
                """,
            subcommands: [DraftStart.self, DraftList.self, DraftSwitch.self, DraftFinish.self, DraftDiscard.self]
        )
    }
}
