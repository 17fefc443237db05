import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool {
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Bring an existing plan in: Word's table text, a DOCX of the official table, or a CSV export.",
            discussion: """
                Reads FILE and writes a plan into DIR: plan.yaml, recommendations/NN.yaml and \
                schema/. FILE can be the tab-separated text Word gives when a plan's table is \
                copied or saved as text (text), a Word document with the official six-column \
                table (docx: plantool's own export and documents made to the same template), or a \
                CSV written by `plantool export --format csv` and edited in a spreadsheet (csv: \
                recommendations only, so DIR must already hold the plan, whose plan.yaml is kept). \
                The format is taken from FILE's extension (.docx, .csv, else text) unless --format \
                is given.
                Every word is kept: what has no place of its own goes into an action's note or the \
                recommendation's response. The guesses (owners split, dates read from words, \
                text placed in a note, reasons read) are counted by kind; --remarks FILE writes \
                each with its place in FILE (LINE:COLUMN, or table T, row R), what was decided \
                and the alternative, as JSON or YAML (by FILE's extension: .json, .yaml, .yml), \
                so that a person can check them.
                DIR must be new or hold no plan; --replace replaces a plan whose files are all \
                committed in git, so that nothing is lost. The new files are written and checked \
                in a temporary folder first: on any error nothing in DIR changes. Nothing is \
                committed: review the files, then commit them (plantool commit). \
                --dry-run reads and reports without writing.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, docx, csv
        }

        @Argument(help: ArgumentHelp("The file to import.", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("The plan folder to write (created if missing).", valueName: "dir"))
        var into: String?

        @Option(help: ArgumentHelp("text, docx or csv (default: from the file's extension).", valueName: "format"))
        var format: Format?

        @Flag(help: "Replace the plan already in DIR (its files must be committed in git).")
        var replace = false

        @Option(help: ArgumentHelp("Write every remark (place, what was decided, the alternative) to FILE: .json, .yaml or .yml.", valueName: "file"))
        var remarks: String?

        @Flag(name: .customLong("dry-run"), help: "Read and report what would be imported; write nothing.")
        var dryRun = false

        func validate() throws {
            if into == nil && !dryRun { throw ValidationError("say where the plan goes: --into DIR (or --dry-run to only read FILE)") }
            if file.isEmpty { throw ValidationError("FILE must not be empty") }
        }

        func run() throws {
            let remarksFormat = try remarks.map(ImportRemarks.checkedFormat)
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let source = URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL
            let target = into.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
            let importJob = ImportJob(file: file, source: source, target: target, replace: replace, dryRun: dryRun)
            let data = try importJob.readInput()
            let chosen = format.flatMap { ImportJob.Format(rawValue: $0.rawValue) } ?? ImportJob.format(of: source, data: data)
            if let target { try importJob.checkTarget(target, keepingPlanFile: chosen == .csv) }

            let result = try importJob.interpret(data, as: chosen)
            if !result.remarks.isEmpty {
                Output.standardError("\(Wording.count(result.remarks.count, "remark")) to check" + (remarks.map { " (each written to \($0))" } ?? " (--remarks FILE writes each with its place)") + ":")
                for line in ImportRemarks.summary(result.remarks) { Output.standardError("  " + line) }
            }
            let plan = result.plan
            let actions = plan.recommendations.reduce(0) { $0 + $1.actions.count }
            let updates = plan.recommendations.reduce(0) { $0 + $1.actions.reduce(0) { $0 + $1.updates.count } }
            let counts = "\(Wording.count(plan.recommendations.count, "recommendation")), \(Wording.count(actions, "action")), \(Wording.count(updates, "update"))"
            let check = result.remarks.isEmpty ? "" : "; \(Wording.count(result.remarks.count, "remark")) to check"
            if let target, !dryRun { try importJob.write(plan, to: target, keepPlanFile: chosen == .csv) }
            if let remarks, let remarksFormat {
                let text = ImportRemarks.render(result.remarks, source: file, format: remarksFormat)
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: remarks, relativeTo: cwd), options: .atomic)
                } catch {
                    throw WorkflowError(message: "cannot write \(remarks): \(error.localizedDescription)")
                }
            }
            guard let target, !dryRun else {
                Output.standardError("read \(counts) from \(file) (dry run: no plan written)\(check)")
                return
            }
            Output.standardError("imported \(counts) into \(Selection.display(target))\(check)")
        }
    }
}
