import ArgumentParser
import Foundation
import PlanKit
import PlanWorkflow

extension Plantool {
    struct OwnerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "owner",
            abstract: "List the plan's owners, or rename one everywhere.",
            subcommands: [OwnerListCommand.self, OwnerRenameCommand.self]
        )
    }

    struct OwnerListCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the owners of the plan's actions with their open and overdue actions.",
            discussion: """
                An action counts for its current owners (the latest update's, else its own); open \
                means planned or in progress, overdue open past its current target. With --similar, \
                also pairs of names that share at least \(Int(OwnerList.similarityThreshold * 100))% of their words \
                (leaving out words such as "for" and "the"): likely one owner spelt two ways, which \
                `plantool owner rename` makes one.
                """
        )

        @Option(name: .long, help: ArgumentHelp("The plan folder (the folder holding plan.yaml).", valueName: "dir"))
        var plan: String?

        @Flag(help: "Also list names that look like one owner spelt two ways.")
        var similar = false

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day overdue is judged on (default: today).", valueName: "YYYY-MM-DD"))
        var asOf: String?

        func validate() throws {
            if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'") }
        }

        func run() throws {
            let editor = try PlanEditor(plan: plan, asOf: asOf.flatMap { Day($0) } ?? Day.today())
            let owners = OwnerList.owners(of: editor.plan, asOf: editor.asOf)
            func padded(_ number: Int, _ width: Int) -> String {
                String(repeating: " ", count: max(0, width - String(number).count)) + String(number)
            }
            Output.line("open  overdue  owner")
            for line in owners {
                Output.line(padded(line.open, 4) + "  " + padded(line.overdue, 7) + "  " + UnsafeCharacters.neutralised(line.owner, keepingLineBreaks: false))
            }
            guard similar else { return }
            let groups = OwnerList.groups(editor.plan.ownerNames)
            Output.line("")
            if groups.isEmpty {
                Output.line("no similar owner names")
            }
            func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) }
            for group in groups {
                let shares = group.least == group.most ? percent(group.most) : percent(group.least) + "–" + percent(group.most)
                Output.line("similar (\(shares)% of words shared):")
                for name in group.names {
                    Output.line("  " + UnsafeCharacters.neutralised(name, keepingLineBreaks: false))
                }
            }
        }
    }

    struct OwnerRenameCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: "Rename an owner in every action and update, and in the owners register, as one change.",
            discussion: """
                OLD must be spelt exactly as the plan spells it (`plantool owner list` shows the \
                names). The owners register (owners: in .plantool.yaml, the plan's and the \
                repository's) is renamed too, changing only that line.
                """
        )

        @Argument(help: ArgumentHelp("The name as the plan spells it now.", valueName: "old"))
        var old: String

        @Argument(help: ArgumentHelp("The name to use instead.", valueName: "new"))
        var new: String

        @OptionGroup var edit: EditOptions

        func run() throws {
            let editor = try edit.editor()
            let registers = try OwnerRegister.rename(old, to: new.trimmingSpaces, forPlan: editor.folder)
            do {
                try edit.run(editor, { try $0.renameOwner(old, to: new) }, registers: registers)
            } catch var refusal as WorkflowError
                        where !refusal.diagnostics.isEmpty && refusal.diagnostics.allSatisfy({ $0.rule == "update-rewritten" }) {
                // A rename spells a name anew; one that would merge two owners of a committed
                // update changes that record, which the history rules keep.
                refusal.message = "refused: an update already committed names both \"\(old)\" and \"\(new)\", and updates are a record, "
                    + "so the two are not merged there; give each action its new owner in a new update "
                    + "(plantool action update ID --owner NEW --text WHY); nothing was written"
                throw refusal
            }
        }
    }
}
