import ArgumentParser
import PlanKit
import PlanWorkflow

extension Plantool {
    struct ActionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "action",
            abstract: "Record progress on actions, or add one, without editing YAML.",
            discussion: """
                Each subcommand changes the plan's model and writes only the file it touches, as \
                `plantool fmt` writes it. The result is linted as `plantool lint` lints it; when it \
                would have errors, the change is refused with them and nothing is written. Dates may \
                be written YYYY-MM, YYYY-MM-DD, YYYY-Qn (targets) or in words: "March 2024", \
                "Q3 2024", "7 December 2022".
                """,
            subcommands: [ActionUpdateCommand.self, ActionAddCommand.self, ActionDropCommand.self, ActionCompleteCommand.self]
        )
    }

    struct ActionUpdateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Add a dated update to an action, with any new state, target or owners."
        )

        @Argument(help: ArgumentHelp("The action's id, such as 5.1.", valueName: "id"))
        var id: String

        @OptionGroup var update: UpdateOptions
        @OptionGroup var edit: EditOptions

        @Option(help: ArgumentHelp("The new state: planned, in-progress, completed, ongoing or dropped.", valueName: "state"))
        var state: String?

        @Option(help: ArgumentHelp("The new target: YYYY-MM, YYYY-MM-DD, YYYY-Qn or words (\"Q3 2024\").", valueName: "date"))
        var target: String?

        @Option(help: ArgumentHelp("The action's owners from now on; repeat for several.", valueName: "owner"))
        var owner: [String] = []

        func run() throws {
            let state = try state.map(EditWords.state)
            let target = try target.map(EditDates.target)
            try update.record(id, state: state, target: target, owners: owner.isEmpty ? nil : owner, edit)
        }
    }

    struct ActionDropCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drop",
            abstract: "Record that an action is dropped, and why: an update with the state dropped."
        )

        @Argument(help: ArgumentHelp("The action's id.", valueName: "id"))
        var id: String

        @OptionGroup var update: UpdateOptions
        @OptionGroup var edit: EditOptions

        func run() throws {
            try update.record(id, state: .dropped, target: nil, owners: nil, edit)
        }
    }

    struct ActionCompleteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complete",
            abstract: "Record that an action is completed: an update with the state completed."
        )

        @Argument(help: ArgumentHelp("The action's id.", valueName: "id"))
        var id: String

        @OptionGroup var update: UpdateOptions
        @OptionGroup var edit: EditOptions

        func run() throws {
            try update.record(id, state: .completed, target: nil, owners: nil, edit)
        }
    }

    struct ActionAddCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an action to a recommendation, with the next free id (8.2 when 8.1 exists)."
        )

        @Argument(help: ArgumentHelp("The recommendation's number.", valueName: "recommendation"))
        var recommendation: Int

        @Option(help: ArgumentHelp("What will be done.", valueName: "text"))
        var text: String

        @Option(help: ArgumentHelp("An owner; repeat for several.", valueName: "owner"))
        var owner: [String] = []

        @Option(help: ArgumentHelp("The target: YYYY-MM, YYYY-MM-DD, YYYY-Qn or words (\"March 2024\").", valueName: "date"))
        var target: String?

        @Option(help: ArgumentHelp("Place the action after this one (default: last).", valueName: "id"))
        var after: String?

        @OptionGroup var edit: EditOptions

        func run() throws {
            let action = NewAction(recommendation: recommendation, text: text, owners: owner,
                                   target: try target.map(EditDates.target), after: after)
            let editor = try edit.editor()
            try edit.run(editor) { try $0.add(action) }
        }
    }
}

/// --text and --date, the two things every update has.
struct UpdateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("What happened.", valueName: "text"))
    var text: String

    @Option(help: ArgumentHelp("The update's date: YYYY-MM, YYYY-MM-DD or words (\"December 2022\"); default today.", valueName: "date"))
    var date: String?

    func record(_ id: String, state: ActionState?, target: PlanDate?, owners: [String]?, _ edit: EditOptions) throws {
        let date = try date.map(EditDates.update) ?? .day(edit.day)
        let update = ActionUpdate(actionID: id, text: text, date: date, state: state, target: target, owners: owners)
        let editor = try edit.editor()
        try edit.run(editor) { try $0.apply(update) }
    }
}
