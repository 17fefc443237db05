import ArgumentParser
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool.FormCommand {
    struct FormImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Record a filled owner's form (.docx or .csv) as updates, committed on a draft.",
            discussion: """
                Each row with a Progress update becomes an update of its action, dated the day the \
                form was last saved in Word (else today), with the New state and New target date \
                it gives (in words: "in progress", "March 2024", "Q3 2024"). The updates are \
                committed on the draft --draft names (default forms-YYYY-MM), which is started \
                from the current branch when it does not exist yet; the commit message names the \
                owner. Refused, with nothing committed and no branch moved: a form whose actions \
                changed since it was made (unless --force), a row whose id is unknown or was \
                edited, a date or state that does not read, an update that would not lint, and \
                uncommitted changes.
                """
        )

        @Argument(help: ArgumentHelp("The filled form: a .docx from form export, or the same table as .csv.", valueName: "form"))
        var file: String

        @OptionGroup var planOption: PlanOption

        @Option(help: ArgumentHelp("The draft to record the updates on (default: forms-YYYY-MM, this month).", valueName: "name"))
        var draft: String?

        @Flag(help: "Import a form even though its actions changed since it was made.")
        var force = false

        func run() throws {
            let result = try FormImport(file: file, plan: planOption.plan, draft: draft, force: force, today: Day.today()).run()
            if result.started {
                Output.line("started draft '\(result.draft)' (branch \(Drafts.prefix)\(result.draft)) from \(result.base); it will be finished into \(result.base)")
            }
            Output.line("recorded \(Wording.count(result.actions.count, "update")) of \(result.owner) dated \(result.day): \(result.actions.joined(separator: ", "))")
            Output.line("[\(result.commit.branch) \(result.commit.id.short)] \(result.commit.summary)")
        }
    }
}
