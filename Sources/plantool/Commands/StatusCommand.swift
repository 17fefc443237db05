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
                and the history up to it. --all reports every plan in the repository, with the \
                owners of all of them in one table. --format html writes one self-contained page \
                with a chart of actions by state over time.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, html }

        @OptionGroup var planOption: PlanOption

        @Flag(help: "Every plan in the repository (or below the current folder).")
        var all = false

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to report on (default: today).", valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Option(help: ArgumentHelp("Only actions with an owner whose name contains this text (any case).", valueName: "text"))
        var owner: String?

        @Option(name: .customLong("due-within"), help: ArgumentHelp("How many months ahead count as due soon.", valueName: "months"))
        var dueWithin: Int = 3

        @Option(help: ArgumentHelp("text, markdown, json or html.", valueName: "format"))
        var format: Format = .text

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        func validate() throws {
            if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, such as 2021-12-07; got '\(asOf)'") }
            if !(0...120).contains(dueWithin) { throw ValidationError("--due-within must be between 0 and 120 months; got \(dueWithin)") }
            if all && planOption.plan != nil { throw ValidationError("--all and --plan cannot be used together") }
            if let owner, owner.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--owner must not be empty") }
        }

        static func today() -> Day {
            let now = Date()
            let seconds = Int64(now.timeIntervalSince1970)
            let offset = Int32(TimeZone.current.secondsFromGMT(for: now) / 60)
            return Day.of(seconds: seconds, offsetMinutes: offset)
        }

        func run() throws {
            let today = Self.today()
            let day = asOf.flatMap { Day($0) } ?? today
            let past = day < today
            let git = try? GitSelection.open(readingOnly: true)
            var reports: [PlanProgress] = []

            if let git, !(git.repository.isHeadUnborn && !past) {
                // In a repository: the history gives the slips; a past day reads a commit.
                var commit: CommitInfo? = nil
                if past {
                    commit = try git.run("read the history") {
                        git.repository.isHeadUnborn ? nil : try git.plans.lastCommit(onOrBefore: day)
                    }
                    guard commit != nil else {
                        throw WorkflowError(message: "no commit was made on or before \(day): the plan's history starts later")
                    }
                }
                let source: PlanSource = commit.map { .revision($0.id.description) } ?? .workingTree
                let names: [String]
                if all {
                    names = try git.run("list the plans") { try git.plans.plans(in: source) }
                    guard !names.isEmpty else { throw WorkflowError(message: "no plan found in \(source)") }
                } else {
                    names = [try singlePlan(git, source: source)]
                }
                for name in names {
                    let display = Selection.display(git.top.appendingPathComponent(name))
                    let plan = try load(try git.files(of: name, from: source), display: display)
                    var history = TargetHistory()
                    try git.run("read the history") {
                        let end = try commit?.id ?? (git.repository.isHeadUnborn ? nil : git.repository.commit("HEAD").id)
                        if let end {
                            try git.plans.walkHistory(ofPlan: name, to: end) { step in
                                history.record(day: step.day, changed: step.changed)
                            }
                        }
                    }
                    if commit == nil {
                        // The working tree's edits, as of today.
                        history.record(day: today, changed: Dictionary(uniqueKeysWithValues: plan.recommendations.map { ($0.number, Optional($0)) }))
                    }
                    let sourceInfo: PlanProgress.Source = commit.map {
                        .commit($0.id.description, date: Day.of(seconds: $0.committer.time, offsetMinutes: $0.committer.offsetMinutes), summary: $0.summary)
                    } ?? .workingTree
                    reports.append(ProgressReport.make(plan: plan, display: display, source: sourceInfo, asOf: day, owner: owner,
                                                       dueWithinMonths: dueWithin, history: history))
                }
            } else {
                if past {
                    throw WorkflowError(message: "--as-of \(day) is before today: reading the plan as it was then needs its git history, and \(git == nil ? "this folder is not in a git repository" : "the repository has no commit yet")")
                }
                let selection = try Selection.resolve(plan: planOption.plan, paths: [], allowAll: all)
                if !all && selection.plans.count > 1 {
                    throw WorkflowError(message: "found \(selection.plans.count) plans: name one with --plan DIR, or give --all")
                }
                for url in selection.plans {
                    let display = Selection.display(url)
                    let plan = try load(PlanDirectory.files(of: url, displayRoot: display), display: display)
                    reports.append(ProgressReport.make(plan: plan, display: display, source: .workingTree, asOf: day, owner: owner,
                                                       dueWithinMonths: dueWithin, history: nil))
                }
            }

            let report = ProgressRenderer.Report(asOf: day, plans: reports)
            let text: String
            switch format {
            case .text: text = ProgressRenderer.text(report)
            case .markdown: text = ProgressRenderer.markdown(report)
            case .json: text = JSONOutput.encode(report) + "\n"
            case .html: text = ProgressRenderer.html(report)
            }
            if let output, output != "-" {
                let url = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
                do {
                    try FileWriter.writeAtomically(text, to: url)
                } catch let error as PlanFileError {
                    throw WorkflowError(message: error.message)
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }

        private func singlePlan(_ git: GitSelection, source: PlanSource) throws -> String {
            let found = try git.plans(named: planOption.plan, in: source)
            guard found.count == 1 else {
                throw WorkflowError(message: "\(source) holds \(found.count) plans (\(found.joined(separator: ", "))): name one with --plan DIR, or give --all")
            }
            return found[0]
        }

        private func load(_ files: PlanFiles, display: String) throws -> Plan {
            try PlanLoader.load(files).modelOrErrors {
                "\(display) has \(Output.count($0, "error")): fix them (see plantool check) to see its progress"
            }
        }
    }
}
