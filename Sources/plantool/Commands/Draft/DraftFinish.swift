import ArgumentParser
import PlanWorkflow

extension Plantool.DraftCommand {
    struct DraftFinish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "finish",
            abstract: "Merge a draft into its base branch, then delete the draft.",
            discussion: """
                Fast-forwards the base when it has not moved since the draft started; otherwise \
                writes a merge commit. Plan files both sides changed are merged by structure (fields \
                one by one, actions by id, updates by date, as plantool merge-driver does); when a \
                field was changed in two different ways, stops and names the recommendation, the \
                field and both values, leaving every branch and the working tree as they were. Ends \
                on the base branch, from wherever HEAD was (another draft, a detached HEAD); with \
                uncommitted changes it refuses. --keep keeps the draft's branch. A finish that was \
                interrupted (its journal is in the git folder) is completed first: the files its \
                checkout was writing are written, the base moved and the draft's branch deleted.
                """
        )

        @Argument(help: "The draft's name.")
        var name: String

        @Flag(help: "Keep the draft's branch after merging it.")
        var keep = false

        @Option(help: ArgumentHelp("The author of a merge commit, instead of your configured identity.", valueName: "Name <email>"))
        var author: String?

        func run() throws {
            try DraftFinisher(git: try GitSelection.open(), name: name, keep: keep, author: author).finish { Output.line($0) }
        }
    }
}
