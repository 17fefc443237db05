import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool {
    struct DiffCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show what changed in the plan between two versions: statuses, actions, owners, targets, updates.",
            discussion: """
                With git's conventions: no revision compares HEAD with the working tree; --staged, \
                HEAD with the index; REV compares REV with the working tree; A B, A..B and A...B \
                (from the merge base, as a pull request shows it) compare two revisions. \
                Recommendations are matched by number (or, renumbered, by their text) and actions by \
                id. Only files whose content differs are read.
                """
        )

        @OptionGroup var planOption: PlanOption

        @Flag(help: "Compare HEAD with the index (what the next commit will hold).")
        var staged = false

        @Option(help: ArgumentHelp("Output: text, markdown (a pull-request comment), json, html (a redline page) or docx (a Word document with tracked changes).", valueName: "format"))
        var format: String = "text"

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("With --format html or docx: write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(name: .customLong("max-chars"), help: ArgumentHelp(
            "With --format markdown: the longest comment, in characters (default 65536, GitHub's limit); slips and status changes come first.",
            valueName: "n"))
        var maxChars: Int = DiffRenderer.commentLimit

        @Flag(help: "Only the counts of each kind of change.")
        var stat = false

        @Flag(name: .customLong("exit-code"), help: "Exit 1 when there are changes, 0 when there are none.")
        var exitCode = false

        @Argument(help: ArgumentHelp("Revisions: REV, A B, A..B or A...B.", valueName: "rev"))
        var revisions: [String] = []

        func validate() throws {
            if revisions.count > 2 { throw ValidationError("give at most two revisions (or A..B, A...B)") }
            if staged && revisions.count == 2 { throw ValidationError("--staged compares HEAD with the index; it takes no second revision") }
            if !["text", "markdown", "json", "html", "docx"].contains(format) {
                throw ValidationError("--format must be text, markdown, json, html or docx; got '\(format)'")
            }
            if output != nil && !["html", "docx"].contains(format) {
                throw ValidationError("-o writes the HTML or Word redline: give --format html or docx")
            }
            if maxChars < DiffRenderer.smallestLimit { throw ValidationError("--max-chars must be at least \(DiffRenderer.smallestLimit)") }
        }

        func run() throws {
            let comparison = try PlanComparison(plan: planOption.plan, staged: staged, revisions: revisions).run()
            let changes = comparison.changes
            let labels = DiffRenderer.Labels(old: comparison.old.label, new: comparison.new.label)
            if stat {
                Output.line(DiffRenderer.stat(changes))
            } else {
                switch format {
                case "markdown": Output.line(DiffRenderer.markdown(changes, labels: labels, titles: comparison.titles,
                                                                     words: comparison.words, limit: maxChars))
                case "json": Output.line(DiffRenderer.json(changes, labels: labels, parsedFiles: comparison.parsedFiles))
                case "html", "docx": try writeRedline(comparison, labels: labels)
                default: Output.line(DiffRenderer.text(changes, labels: labels, style: Output.colours ? DiffStyle.colour : { text, _ in text }))
                }
            }
            if !comparison.diagnostics.isEmpty && format == "text" {
                for diagnostic in Selection.shortened(comparison.diagnostics) { Output.standardError(diagnostic.description) }
            }
            if comparison.unreadableFiles > 0 { throw WorkflowError.incomplete(comparison.unreadableFiles) }
            if exitCode && !changes.isEmpty { throw ExitCode.failure }
        }

        /// Both versions' whole plans (the comparison reads only files that differ), the redline
        /// written in one step to -o FILE, else to standard output (a Word document never to a
        /// terminal).
        func writeRedline(_ comparison: PlanComparison.Result, labels: DiffRenderer.Labels) throws {
            let docx = format == "docx"
            if docx, output == nil || output == "-", isatty(STDOUT_FILENO) == 1 {
                throw WorkflowError(message: "a Word document is not for a terminal: write it with -o FILE.docx, or redirect standard output")
            }
            let newSource = comparison.new.source ?? .workingTree
            let old = try comparison.old.source.map { try PlanExport(plan: planOption.plan, source: $0).loadPlan() }
            let new = try PlanExport(plan: planOption.plan, source: newSource).loadPlan()
            let bytes: [UInt8]
            if docx {
                let stamps = try RedlineAuthorship.stamps(plan: planOption.plan, old: comparison.old.source, new: newSource)
                bytes = Array(try DocxRedline.write(old: old, new: new, changes: comparison.changes, stamps: stamps))
            } else {
                bytes = Array(HTMLRedline.render(old: old, new: new, changes: comparison.changes, labels: labels).utf8)
            }
            guard let output, output != "-" else { return Output.write(bytes) }
            try PlanExport.write(bytes, as: docx ? DocxWriter.self : HTMLExport.self, to: output)
            Output.standardError("wrote the redline of \(Wording.count(comparison.changes.count, "change")) to \(output)")
        }
    }
}
