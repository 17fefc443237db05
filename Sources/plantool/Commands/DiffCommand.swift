import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow
import Rainbow

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

        @Option(help: ArgumentHelp("Output: text, markdown (a pull-request comment) or json.", valueName: "format"))
        var format: String = "text"

        @Flag(help: "Only the counts of each kind of change.")
        var stat = false

        @Flag(name: .customLong("exit-code"), help: "Exit 1 when there are changes, 0 when there are none.")
        var exitCode = false

        @Argument(help: ArgumentHelp("Revisions: REV, A B, A..B or A...B.", valueName: "rev"))
        var revisions: [String] = []

        func validate() throws {
            if revisions.count > 2 { throw ValidationError("give at most two revisions (or A..B, A...B)") }
            if staged && revisions.count == 2 { throw ValidationError("--staged compares HEAD with the index; it takes no second revision") }
            if !["text", "markdown", "json"].contains(format) {
                throw ValidationError("--format must be text, markdown or json; got '\(format)'")
            }
        }

        func run() throws {
            let git = try GitSelection.open(readingOnly: true)
            let (old, new) = try git.run("compare") { try endpoints(git.repository) }
            let plans = try git.run("find the plans") { try planFolders(git, old: old.source, new: new.source) }
            var changes: [Change] = []
            var diagnostics: [Diagnostic] = []
            var parsed = 0
            var unreadable = 0
            var titles: [String: String] = [:]
            for plan in plans {
                let display = Selection.display(git.top.appendingPathComponent(plan))
                let result = try git.run("compare the plan") {
                    let (a, b) = try sides(old.source, new.source, plan: plan, git: git, display: display)
                    return PlanDiffer.compare(old: a, new: b)
                }
                changes += result.changes
                diagnostics += result.diagnostics
                parsed += result.parsedFiles
                unreadable += result.unreadableFiles
                titles.merge(result.titles) { a, _ in a }
            }
            let labels = DiffRenderer.Labels(old: old.label, new: new.label)
            if stat {
                Output.line(DiffRenderer.stat(changes))
            } else {
                switch format {
                case "markdown": Output.line(DiffRenderer.markdown(changes, labels: labels, titles: titles))
                case "json": Output.line(DiffRenderer.json(changes, labels: labels, parsedFiles: parsed))
                default: Output.line(DiffRenderer.text(changes, labels: labels, style: Output.colours ? Self.colour : { text, _ in text }))
                }
            }
            if !diagnostics.isEmpty && format == "text" {
                for diagnostic in Selection.shortened(diagnostics) { Output.standardError(diagnostic.description) }
            }
            if unreadable > 0 { throw Self.incomplete(unreadable) }
            if exitCode && !changes.isEmpty { throw ExitCode.failure }
        }

        /// Files that could not be read leave the comparison incomplete: exit 2 after showing the
        /// rest (a file that does not parse is a change shown, not an error).
        static func incomplete(_ count: Int) -> WorkflowError {
            WorkflowError(message: "\(count == 1 ? "1 file" : "\(count) files") could not be read, so the comparison above lacks their changes (a missing object means a damaged repository: `git fsck` names it)")
        }

        /// A side of the comparison: where it is read from (nil for "nothing", an unborn HEAD) and its label.
        struct Endpoint {
            var source: PlanSource?
            var label: String
        }

        func endpoints(_ repository: Repository) throws -> (Endpoint, Endpoint) {
            let head = repository.isHeadUnborn ? Endpoint(source: nil, label: "HEAD (no commits yet)") : Endpoint(source: .revision("HEAD"), label: "HEAD")
            if staged {
                let base = try revisions.first.map { Endpoint(source: .revision(try verified($0, repository)), label: $0) } ?? head
                return (base, Endpoint(source: .index, label: "the index"))
            }
            switch revisions.count {
            case 0:
                return (head, Endpoint(source: .workingTree, label: "the working tree"))
            case 1:
                let spec = revisions[0]
                if let range = spec.range(of: "...") {
                    let a = String(spec[..<range.lowerBound]), b = String(spec[range.upperBound...])
                    let left = a.isEmpty ? "HEAD" : a, right = b.isEmpty ? "HEAD" : b
                    let one = try repository.commit(left), two = try repository.commit(right)
                    guard let base = try repository.mergeBase(one.id, two.id) else {
                        throw WorkflowError(message: "\(left) and \(right) have no common history")
                    }
                    return (Endpoint(source: .revision(base.description), label: "merge base of \(left) and \(right) (\(base.short))"),
                            Endpoint(source: .revision(right), label: right))
                }
                if let range = spec.range(of: "..") {
                    let a = String(spec[..<range.lowerBound]), b = String(spec[range.upperBound...])
                    let left = a.isEmpty ? "HEAD" : a, right = b.isEmpty ? "HEAD" : b
                    return (Endpoint(source: .revision(try verified(left, repository)), label: left),
                            Endpoint(source: .revision(try verified(right, repository)), label: right))
                }
                return (Endpoint(source: .revision(try verified(spec, repository)), label: spec),
                        Endpoint(source: .workingTree, label: "the working tree"))
            default:
                return (Endpoint(source: .revision(try verified(revisions[0], repository)), label: revisions[0]),
                        Endpoint(source: .revision(try verified(revisions[1], repository)), label: revisions[1]))
            }
        }

        /// The commit a revision names, as its full id (resolved once, and an error naming the
        /// revision before anything is read).
        func verified(_ revision: String, _ repository: Repository) throws -> String {
            try repository.commit(revision).id.description
        }

        func planFolders(_ git: GitSelection, old: PlanSource?, new: PlanSource?) throws -> [String] {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            if planOption.plan != nil || PlanDirectory.enclosingPlan(of: cwd) != nil {
                return try git.plans(named: planOption.plan, in: new ?? .workingTree)
            }
            var found = Set<String>()
            for source in [old, new].compactMap({ $0 }) { found.formUnion(try git.plans.plans(in: source)) }
            guard !found.isEmpty else { throw WorkflowError(message: "no plan found on either side of the comparison") }
            return found.sorted()
        }

        /// Both sides; two revisions are listed by what differs between their trees.
        func sides(_ old: PlanSource?, _ new: PlanSource?, plan: String, git: GitSelection,
                   display: String) throws -> (PlanDiffer.Side, PlanDiffer.Side) {
            if case .revision(let a) = old, case .revision(let b) = new {
                let (oldListing, newListing) = try git.plans.differingListings(ofPlan: plan, old: a, new: b, displayRoot: display)
                let plans = git.plans
                return (PlanDiffer.Side(listing: oldListing, read: { plans.contents(of: $0) }),
                        PlanDiffer.Side(listing: newListing, read: { plans.contents(of: $0) }))
            }
            return (try side(old, plan: plan, git: git, display: display), try side(new, plan: plan, git: git, display: display))
        }

        func side(_ source: PlanSource?, plan: String, git: GitSelection, display: String) throws -> PlanDiffer.Side {
            guard let source else { return PlanDiffer.Side(listing: nil, read: { _ in .failure(PlanFileError("no such file")) }) }
            let listing = try git.plans.listing(ofPlan: plan, from: source, displayRoot: display)
            let plans = git.plans
            return PlanDiffer.Side(listing: listing, read: { plans.contents(of: $0) })
        }

        /// Slips in red, completions in green, additions and removals coloured as git does.
        static func colour(_ text: String, _ change: Change) -> String {
            if change.isSlip || change.kind == .unreadable { return text.red }
            if change.completes { return text.green }
            switch DiffRenderer.marker(change) {
            case "+": return text.green
            case "-": return text.red
            default: return text
            }
        }
    }
}
