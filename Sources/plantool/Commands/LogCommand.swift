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

        struct Entry: Encodable {
            var commit: String
            var date: String
            var author: String
            var summary: String
            var changes: [Change]
        }

        func run() throws {
            let git = try GitSelection.open(readingOnly: true)
            let repository = git.repository
            let plan = try git.singlePlan(named: planOption.plan)
            let display = Selection.display(git.top.appendingPathComponent(plan))
            let number = subject.flatMap { Int($0.split(separator: ".")[0]) }
            let action = subject.flatMap { $0.contains(".") ? $0 : nil }
            let prefix = plan.isEmpty ? "" : plan + "/"
            let filePath = number.map { prefix + PlanDirectory.recommendationsFolder + "/" + Recommendation.fileName(for: $0) }
            let sinceDay = since.flatMap { Day($0) }, untilDay = until.flatMap { Day($0) }

            var entries: [Entry] = []
            var unreadable = 0
            try git.run("read the history") {
                if repository.isHeadUnborn && rev == "HEAD" { return }
                let start = try repository.commit(rev)
                // The file's entry in each commit, looked up once: a commit is read as itself
                // and again as the parent of the commit before it.
                var fileEntries: [ObjectID: TreeEntry?] = [:]
                func fileEntry(in commitID: ObjectID, tree: ObjectID? = nil) throws -> TreeEntry? {
                    if let known = fileEntries[commitID] { return known }
                    let found = try repository.entry(ofTree: tree ?? repository.commitInfo(commitID).tree, at: filePath ?? "")
                    fileEntries[commitID] = .some(found)
                    return found
                }
                // Only that file is listed, never the rest of the plan.
                func fileListing(_ entry: TreeEntry?) -> PlanListing { .recommendationFile(entry, displayRoot: display) }
                let history = try repository.firstParentHistory(from: start.id)
                for id in history {
                    let commit = try repository.commitInfo(id)
                    let day = Self.day(commit.committer)
                    if let untilDay, day > untilDay { continue }
                    if let sinceDay, day < sinceDay { break }
                    let parent = commit.parents.first
                    let read: (PlanListing.Entry) -> Result<[UInt8], PlanFileError> = { git.plans.contents(of: $0) }
                    let nothing = PlanDiffer.Side(listing: nil, read: { _ in .failure(PlanFileError("no such file")) })
                    let old: PlanDiffer.Side, new: PlanDiffer.Side
                    if filePath != nil {
                        // Cheap first: has the file changed at all in this commit?
                        let now = try fileEntry(in: id, tree: commit.tree)
                        let before = try parent.map { try fileEntry(in: $0) } ?? nil
                        if now == before { continue }
                        old = parent == nil ? nothing : PlanDiffer.Side(listing: fileListing(before), read: read)
                        new = PlanDiffer.Side(listing: fileListing(now), read: read)
                    } else if let parent {
                        // The whole plan: only the entries the two trees do not share are listed.
                        let (a, b) = try git.plans.differingListings(ofPlan: plan, old: parent.description, new: id.description, displayRoot: display)
                        old = PlanDiffer.Side(listing: a, read: read)
                        new = PlanDiffer.Side(listing: b, read: read)
                    } else {
                        old = nothing
                        new = PlanDiffer.Side(listing: try git.plans.listing(ofPlan: plan, from: .revision(id.description), displayRoot: display), read: read)
                    }
                    let comparison = PlanDiffer.compare(old: old, new: new)
                    unreadable += comparison.unreadableFiles
                    var changes = comparison.changes
                    if let number { changes = changes.filter { $0.recommendation == number || ($0.oldNumber == number) } }
                    if let action { changes = changes.filter { $0.action == action || ($0.action == nil && $0.kind != .planChanged && [.recommendationAdded, .recommendationRemoved, .recommendationRenumbered].contains($0.kind)) } }
                    guard !changes.isEmpty else { continue }
                    entries.append(Entry(commit: id.description, date: day.description, author: commit.author.name,
                                         summary: try repository.message(of: id).split(separator: "\n").first.map(String.init) ?? "",
                                         changes: changes))
                }
                // An id no version of its file ever held is a mistake, not an empty history.
                let shown = action.map { id in entries.contains { $0.changes.contains { $0.action == id } } } ?? !entries.isEmpty
                if let number, !shown, let problem = try LogSubject.absence(
                       number: number, action: action, history: history, revision: UnsafeCharacters.neutralised(rev, keepingLineBreaks: false),
                       fileEntry: { try fileEntry(in: $0) },
                       read: { entry in try? git.plans.contents(of: fileListing(entry).recommendations[0]).get() },
                       recommendationNumbers: {
                           let folder = prefix + PlanDirectory.recommendationsFolder
                           return try repository.entries(ofTree: start.tree, at: folder)?.compactMap { PlanLoader.number(fromFileName: $0.name) } ?? []
                       }) {
                    throw WorkflowError(message: problem)
                }
            }
            if format == "json" {
                Output.line(JSONOutput.encode(entries))
                if unreadable > 0 { throw DiffCommand.incomplete(unreadable) }
                return
            }
            guard !entries.isEmpty else {
                Output.line("no commit changed \(subject.map { $0.contains(".") ? "action \($0)" : "recommendation \($0)" } ?? "the plan")")
                if unreadable > 0 { throw DiffCommand.incomplete(unreadable) }
                return
            }
            var lines: [String] = []
            for entry in entries {
                // Author and subject come from git, unchecked: no control character reaches the terminal raw.
                let byline = UnsafeCharacters.neutralised("\(entry.author): \(entry.summary)", keepingLineBreaks: false)
                lines.append("\(String(entry.commit.prefix(7)).yellow) \(entry.date) \(byline)")
                for change in entry.changes {
                    lines += DiffRenderer.textLines(change, indent: "    ", style: DiffCommand.colour)
                }
            }
            Output.line(lines.joined(separator: "\n"))
            if unreadable > 0 { throw DiffCommand.incomplete(unreadable) }
        }

        static func day(_ person: Person) -> Day {
            Day.of(seconds: person.time, offsetMinutes: person.offsetMinutes)
        }
    }
}
