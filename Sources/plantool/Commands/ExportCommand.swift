import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool {
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Publish the plan as the official six-column table: Markdown, HTML, DOCX, CSV or JSON.",
            discussion: """
                Writes the plan the way the inspectorate's template lays it out: the title block \
                (submitted, the report it answers, published, each update submitted), the \
                introduction, the table of terms, the six-column table grouped under addressee \
                and theme headings with one row per action and its updates below it, and the \
                summary of counts. html is one self-contained file for a browser or printing; docx \
                a Word document (landscape, header row repeated on every page); csv one row per \
                action for spreadsheets (plan.yaml's details are not in it); json the whole model, \
                as schema/export.schema.json describes it.
                Reads the working tree, or with --rev the plan as a revision holds it, or with \
                --staged as the index does. The format is taken from -o's extension when --format \
                is not given. Output goes to -o FILE (replaced in one step, never half-written) or \
                to standard output; docx is not written to a terminal. A plan with errors is not \
                exported: exit 1, and the errors are listed.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case markdown, html, csv, docx, json

            init?(fileExtension: String) {
                switch fileExtension.lowercased() {
                case "md", "markdown": self = .markdown
                case "html", "htm": self = .html
                case "csv": self = .csv
                case "docx": self = .docx
                case "json": self = .json
                default: return nil
                }
            }
        }

        @OptionGroup var planOption: PlanOption

        @Option(help: ArgumentHelp("markdown, html, csv, docx or json (default: from -o's extension, else markdown).", valueName: "format"))
        var format: Format?

        @Option(help: ArgumentHelp("Export the plan as it is in a revision (a tag, a branch, HEAD~1, an id).", valueName: "rev"))
        var rev: String?

        @Flag(help: "Export the staged content (git's index).")
        var staged = false

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Argument(help: ArgumentHelp("The plan folder (default: the plan around the current folder).", valueName: "dir"))
        var directory: String?

        func validate() throws {
            if staged && rev != nil { throw ValidationError("--staged and --rev cannot be used together") }
            if directory != nil && planOption.plan != nil { throw ValidationError("name the plan once: either DIR or --plan DIR") }
            if format == nil, let output, output != "-" {
                let ext = URL(fileURLWithPath: output).pathExtension
                if !ext.isEmpty && Format(fileExtension: ext) == nil {
                    throw ValidationError("cannot tell the format from '.\(ext)': give --format markdown, html, csv, docx or json")
                }
            }
        }

        func run() throws {
            let chosen = format ?? output.flatMap { Format(fileExtension: URL(fileURLWithPath: $0).pathExtension) } ?? .markdown
            let plan = try loadPlan()
            let bytes: Data
            switch chosen {
            case .markdown: bytes = Data(MarkdownExport.render(OfficialDocument(plan)).utf8)
            case .html: bytes = Data(HTMLExport.render(OfficialDocument(plan), title: plan.info.title).utf8)
            case .csv: bytes = Data(CSVExport.render(plan).utf8)
            case .json: bytes = Data(PlanJSON.render(plan).utf8)
            case .docx:
                do {
                    bytes = try DocxWriter.write(OfficialDocument(plan), title: plan.info.title)
                } catch {
                    throw WorkflowError(message: "cannot build the Word document: \(error)")
                }
            }
            if let output, output != "-" {
                let url = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                    .standardizedFileURL
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw WorkflowError(message: "\(output) is a folder: give a file name, such as \(output)/plan.\(chosen == .markdown ? "md" : chosen.rawValue)")
                }
                do {
                    try FileWriter.writeAtomically(bytes, to: url)
                } catch let error as PlanFileError {
                    throw WorkflowError(message: error.message)
                }
                Output.standardError("exported \(Output.count(plan.recommendations.count, "recommendation")) as \(chosen.rawValue) to \(output)")
            } else {
                if chosen == .docx && isatty(STDOUT_FILENO) == 1 {
                    throw WorkflowError(message: "a Word document is not for a terminal: write it with -o FILE.docx, or redirect standard output")
                }
                FileHandle.standardOutput.write(bytes)
            }
        }

        /// The plan from the working tree, the index or a revision; diagnostics and exit 1 when
        /// it has errors.
        private func loadPlan() throws -> Plan {
            let named = planOption.plan ?? directory
            let files: PlanFiles
            if staged || rev != nil {
                let source: PlanSource = staged ? .index : .revision(rev ?? "HEAD")
                let git = try GitSelection.open(readingOnly: true)
                let plans = try git.plans(named: named, in: source)
                guard plans.count == 1 else {
                    throw WorkflowError(message: "\(source) holds \(plans.count) plans (\(plans.joined(separator: ", "))): name one with --plan DIR")
                }
                files = try git.files(of: plans[0], from: source)
            } else {
                let selection = try Selection.resolve(plan: named, paths: [], allowAll: true)
                guard selection.plans.count == 1 else {
                    let names = selection.plans.map(Selection.display).joined(separator: ", ")
                    throw WorkflowError(message: "found \(selection.plans.count) plans (\(names)): name one with --plan DIR")
                }
                files = PlanDirectory.files(of: selection.plans[0], displayRoot: Selection.display(selection.plans[0]))
            }
            return try PlanLoader.load(files).modelOrErrors { count in
                "the plan has \(Output.count(count, "error")): fix \(count == 1 ? "it" : "them") (see plantool check) before exporting; nothing was written"
            }
        }
    }
}
