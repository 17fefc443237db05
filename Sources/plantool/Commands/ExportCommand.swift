import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool {
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Publish the plan as the official six-column table (Markdown, HTML, DOCX, CSV or JSON), or its targets as a calendar.",
            discussion: """
                Writes the plan the way the inspectorate's template lays it out: the title block \
                (submitted, the report it answers, published, each update submitted), the \
                introduction, the table of terms, the six-column table grouped under addressee \
                and theme headings with one row per action and its updates below it, and the \
                summary of counts. html is one self-contained file for a browser or printing; docx \
                a Word document (landscape, header row repeated on every page); csv one row per \
                action for spreadsheets (plan.yaml's details are not in it); json the whole model, \
                as schema/export.schema.json describes it; ics a calendar (RFC 5545) with an \
                all-day event on each open action's current target, the owners the owners \
                register gives an e-mail address as attendees, and --owner keeping one owner's \
                actions.
                Reads the working tree, or with --rev the plan as a revision holds it, or with \
                --staged as the index does. The format is taken from -o's extension when --format \
                is not given. Output goes to -o FILE (replaced in one step, never half-written) or \
                to standard output; docx is not written to a terminal. A plan with errors is not \
                exported: exit 1, and the errors are listed.
                """
        )

        /// `--format`: a name `PlanExporters` knows, spelt exactly.
        struct Format: ExpressibleByArgument {
            let exporter: any PlanExporter.Type

            init?(argument: String) {
                guard let exporter = PlanExporters.named(argument), exporter.formatName == argument else { return nil }
                self.exporter = exporter
            }

            static var allValueStrings: [String] { PlanExporters.all.map { $0.formatName } }
        }

        @OptionGroup var planOption: PlanOption

        @Option(help: ArgumentHelp("markdown, html, csv, docx, json or ics (default: from -o's extension, else markdown).", valueName: "format"))
        var format: Format?

        @OptionGroup var sourceOptions: PlanSourceOptions<Self>

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("With ics: only the actions with an owner whose name contains this text (any case).", valueName: "text"))
        var owner: String?

        @Argument(help: ArgumentHelp("The plan folder (default: the plan around the current folder).", valueName: "dir"))
        var directory: String?

        func validate() throws {
            try sourceOptions.validate(paths: [])
            if directory != nil && planOption.plan != nil { throw ValidationError("name the plan once: either DIR or --plan DIR") }
            if format == nil, let output, output != "-" {
                let ext = URL(fileURLWithPath: output).pathExtension
                if !ext.isEmpty && PlanExporters.forExtension(ext) == nil {
                    throw ValidationError("cannot tell the format from '.\(ext)': give --format markdown, html, csv, docx, json or ics")
                }
            }
            if owner != nil && ObjectIdentifier(format?.exporter ?? PlanExport.format(forOutput: output)) != ObjectIdentifier(ICSExport.self) {
                throw ValidationError("--owner filters the calendar: give --format ics (or -o FILE.ics)")
            }
        }

        func run() throws {
            let chosen = format?.exporter ?? PlanExport.format(forOutput: output)
            let export = PlanExport(plan: planOption.plan ?? directory, source: sourceOptions.source)
            let plan = try export.loadPlan()
            let bytes = chosen == ICSExport.self
                ? try TargetCalendar.bytes(of: plan, loadedBy: export, owner: owner)
                : try PlanExport.bytes(of: plan, as: chosen)
            if let output, output != "-" {
                try PlanExport.write(bytes, as: chosen, to: output)
                Output.standardError("exported \(Wording.count(plan.recommendations.count, "recommendation")) as \(chosen.formatName) to \(output)")
            } else {
                if !chosen.isText && isatty(STDOUT_FILENO) == 1 {
                    throw WorkflowError(message: "a Word document is not for a terminal: write it with -o FILE.docx, or redirect standard output")
                }
                Output.write(bytes)
            }
        }
    }
}

extension Plantool.ExportCommand: PlanSourceWording {
    static let verb = "export"
    static let stagedHelp = "Export the staged content (git's index)."
    static let revHelp = "Export the plan as it is in a revision (a tag, a branch, HEAD~1, an id)."
}
