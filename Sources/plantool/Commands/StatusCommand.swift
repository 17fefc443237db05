import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool {
    struct StatusCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Where the plan stands on a day: what is due, what is late, what keeps slipping, and each owner's load.",
            discussion: """
                Shows the recommendations by response; the actions by state; the open actions \
                whose target has passed (overdue, with how many months late) and those due within \
                --due-within months; a table of owners (open, overdue, completed); and, from the \
                git history, every action whose target was moved later: how many times and by how \
                many months in all, first target to current target (moves recorded by updates in \
                the plan count too, so a plan without history still shows them).
                Without --as-of: today, the plan in the working tree. With --as-of a day before \
                today: the plan as it was then, from the last commit made on or before that day, \
                and the history up to it; outside git or before the history starts, from the \
                plan's own dated updates (each action as its updates dated on or before that day \
                leave it). --all reports every plan in the repository, with the \
                owners of all of them in one table. --format html writes one self-contained page \
                with a chart of actions by state over time. The format is taken from -o's \
                extension (.md, .html, .json; .txt or none: text) when --format is not given.
                """
        )

        @OptionGroup var planOption: PlanOption

        @Flag(help: "Every plan in the repository (or below the current folder).")
        var all = false

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to report on (default: today).", valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Option(help: ArgumentHelp("Only actions with an owner whose name contains this text (any case).", valueName: "text"))
        var owner: String?

        @Option(name: .customLong("due-within"), help: ArgumentHelp("How many months ahead count as due soon.", valueName: "months"))
        var dueWithin: Int = 3

        @Option(help: ArgumentHelp("text, markdown, json or html (default: from -o's extension, else text).", valueName: "format"))
        var format: StatusFormat?

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        func validate() throws {
            if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, such as 2021-12-07; got '\(asOf)'") }
            if !(0...120).contains(dueWithin) { throw ValidationError("--due-within must be between 0 and 120 months; got \(dueWithin)") }
            if all && planOption.plan != nil { throw ValidationError("--all and --plan cannot be used together") }
            if let owner, owner.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--owner must not be empty") }
            if format == nil, let output, StatusFormat.forOutput(output) == nil {
                let ext = URL(fileURLWithPath: output).pathExtension
                throw ValidationError("cannot tell the format from '.\(ext)': give --format text, markdown, json or html")
            }
        }

        func run() throws {
            let today = Day.today()
            let day = asOf.flatMap { Day($0) } ?? today
            let reports = try StatusReports(plan: planOption.plan, all: all, owner: owner, dueWithinMonths: dueWithin)
                .collect(asOf: day, today: today)
            let report = ProgressRenderer.Report(asOf: day, plans: reports)
            let text = (format ?? StatusFormat.forOutput(output) ?? .text).render(report)
            if let output, output != "-" {
                let url = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
                do {
                    try FileWriter.writeAtomically(text, to: url)
                } catch let error as PlanFileError {
                    throw WorkflowError(message: error.message)
                }
            } else {
                Output.write(text)
            }
        }
    }
}

extension StatusFormat: ExpressibleByArgument {}
