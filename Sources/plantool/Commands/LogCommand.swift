import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow
import Rainbow

extension Plantool {
    struct LogCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "The history of a recommendation, an action or the whole plan, commit by commit, with what each changed.",
            discussion: """
                Walks the current branch's history (first parents, newest first) and shows, for each \
                commit that changed it, the semantic changes: every slip of a target, every update, \
                every change of status. Give a recommendation number (5) or an action id (5.1); \
                without one, the whole plan. Only the commits whose files changed are read.
                """
        )

        @OptionGroup var planOption: PlanOption

        @Argument(help: ArgumentHelp("A recommendation number (5) or an action id (5.1).", valueName: "number-or-action"))
        var subject: String?

        @Option(help: ArgumentHelp("Only commits made on or after this day.", valueName: "YYYY-MM-DD"))
        var since: String?

        @Option(help: ArgumentHelp("Only commits made on or before this day.", valueName: "YYYY-MM-DD"))
        var until: String?

        @Option(help: ArgumentHelp("Output: text or json.", valueName: "format"))
        var format: String = "text"

        @Option(help: ArgumentHelp("Start from this revision instead of HEAD.", valueName: "rev"))
        var rev: String = "HEAD"

        func validate() throws {
            if let subject {
                let parts = subject.split(separator: ".", omittingEmptySubsequences: false)
                guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), Int(parts[0]).map({ $0 > 0 }) == true else {
                    throw ValidationError("'\(subject)' is neither a recommendation number (5) nor an action id (5.1)")
                }
            }
            for (name, value) in [("--since", since), ("--until", until)] {
                if let value, Day(value) == nil { throw ValidationError("\(name) must be a date written YYYY-MM-DD; got '\(value)'") }
            }
            if !["text", "json"].contains(format) { throw ValidationError("--format must be text or json; got '\(format)'") }
        }

        func run() throws {
            let log = PlanLog(plan: planOption.plan, subject: subject, since: since.flatMap { Day($0) },
                              until: until.flatMap { Day($0) }, rev: rev)
            let (entries, unreadable) = try log.entries()
            if format == "json" {
                Output.line(JSONOutput.encode(entries))
                if unreadable > 0 { throw WorkflowError.incomplete(unreadable) }
                return
            }
            guard !entries.isEmpty else {
                Output.line("no commit changed \(subject.map { $0.contains(".") ? "action \($0)" : "recommendation \($0)" } ?? "the plan")")
                if unreadable > 0 { throw WorkflowError.incomplete(unreadable) }
                return
            }
            var lines: [String] = []
            for entry in entries {
                // Author and subject come from git, unchecked: no control character reaches the terminal raw.
                let byline = UnsafeCharacters.neutralised("\(entry.author): \(entry.summary)", keepingLineBreaks: false)
                lines.append("\(String(entry.commit.prefix(7)).yellow) \(entry.date) \(byline)")
                for change in entry.changes {
                    lines += DiffRenderer.textLines(change, indent: "    ", style: DiffStyle.colour)
                }
            }
            Output.line(lines.joined(separator: "\n"))
            if unreadable > 0 { throw WorkflowError.incomplete(unreadable) }
        }
    }
}
