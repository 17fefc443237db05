import ArgumentParser
import PlanKit
import PlanWorkflow

extension Plantool {
    struct RevisionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revision",
            abstract: "Record a new submission of the plan (an update round).",
            subcommands: [RevisionStartCommand.self]
        )
    }

    struct RevisionStartCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Record a revision of the plan in plan.yaml, submitted on DATE.",
            discussion: """
                The revision is added to plan.yaml's revisions; it must come after the plan's last \
                submission. Lint then warns about updates dated after the last revision \
                (update-after-revision): they belong to a round not yet recorded.
                """
        )

        @Argument(help: ArgumentHelp("The day the revised plan is submitted: YYYY-MM-DD or \"7 December 2022\".", valueName: "date"))
        var date: String

        @Option(help: ArgumentHelp("The revision's title (default: \(Plan.defaultRevisionTitle)).", valueName: "title"))
        var title: String = Plan.defaultRevisionTitle

        @OptionGroup var edit: EditOptions

        func run() throws {
            let day = try EditDates.day(date)
            let editor = try edit.editor()
            try edit.run(editor) { try $0.startRevision(on: day, title: title) }
        }
    }
}
