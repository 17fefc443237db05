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

        @Option(help: ArgumentHelp("Output: text, markdown (a pull-request comment), json or html (a redline page).", valueName: "format"))
        var format: String = "text"

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("With --format html: write to this file instead of standard output.", valueName: "file"))
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
            if !["text", "markdown", "json", "html"].contains(format) {
                throw ValidationError("--format must be text, markdown, json or html; got '\(format)'")
            }
            if output != nil && format != "html" { throw ValidationError("-o writes the HTML redline: give --format html") }
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
                case "html": try writeRedline(comparison, labels: labels)
                default: Output.line(DiffRenderer.text(changes, labels: labels, style: Output.colours ? DiffStyle.colour : { text, _ in text }))
                }
            }
            if !comparison.diagnostics.isEmpty && format == "text" {
                for diagnostic in Selection.shortened(comparison.diagnostics) { Output.standardError(diagnostic.description) }
            }
            if comparison.unreadableFiles > 0 { throw WorkflowError.incomplete(comparison.unreadableFiles) }
            if exitCode && !changes.isEmpty { throw ExitCode.failure }
        }

        /// Both versions' whole plans (the comparison reads only files that differ), the page
        /// written in one step to -o FILE, else to standard output.
        func writeRedline(_ comparison: PlanComparison.Result, labels: DiffRenderer.Labels) throws {
            let old = try comparison.old.source.map { try PlanExport(plan: planOption.plan, source: $0).loadPlan() }
            let new = try PlanExport(plan: planOption.plan, source: comparison.new.source ?? .workingTree).loadPlan()
            let page = HTMLRedline.render(old: old, new: new, changes: comparison.changes, labels: labels)
            guard let output, output != "-" else { return FileHandle.standardOutput.write(Data(page.utf8)) }
            try PlanExport.write(Array(page.utf8), as: HTMLExport.self, to: output)
            Output.standardError("wrote the redline of \(Wording.count(comparison.changes.count, "change")) to \(output)")
        }
    }
}
