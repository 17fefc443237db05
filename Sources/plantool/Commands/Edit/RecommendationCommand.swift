import ArgumentParser
import PlanKit
import PlanWorkflow

extension Plantool {
    struct RecommendationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recommendation",
            abstract: "Change a recommendation's response without editing YAML.",
            subcommands: [RecommendationSetCommand.self],
            aliases: ["rec"]
        )
    }

    struct RecommendationSetCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a recommendation's status, reason, implemented part or response.",
            discussion: """
                Only the fields named change. Empty text removes an optional field: --reason "" \
                removes the reason, --response "" the response. A new reason needs both \
                --reason-category and --reason.
                """
        )

        @Argument(help: ArgumentHelp("The recommendation's number.", valueName: "number"))
        var number: Int

        @Option(help: ArgumentHelp("agreed, partly-agreed or not-agreed.", valueName: "status"))
        var status: String?

        @Option(name: .customLong("reason-category"),
                help: ArgumentHelp("Why not (fully) agreed: commissioning, policy, operational or affordability; repeat for several.", valueName: "category"))
        var reasonCategory: [String] = []

        @Option(help: ArgumentHelp("The reason's text.", valueName: "text"))
        var reason: String?

        @Option(name: .customLong("implemented-part"), help: ArgumentHelp("For a partly agreed recommendation, the part that will be implemented.", valueName: "text"))
        var implementedPart: String?

        @Option(help: ArgumentHelp("The service's response.", valueName: "text"))
        var response: String?

        @OptionGroup var edit: EditOptions

        func run() throws {
            let change = RecommendationChange(
                number: number, status: try status.map(EditWords.status),
                reasonCategories: reasonCategory.isEmpty ? nil : try reasonCategory.map(EditWords.category),
                reasonText: reason, implementedPart: implementedPart, response: response)
            let editor = try edit.editor()
            try edit.run(editor) { try $0.apply(change) }
        }
    }
}
