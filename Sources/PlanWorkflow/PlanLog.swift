import Foundation
import PlanGit
import PlanKit

/// `log`: the semantic changes of a recommendation, an action or the whole plan, commit by
/// commit along the first parents, newest first. Only the commits whose files changed are read.
public struct PlanLog {
    /// A commit that changed the subject, with those changes.
    public struct Entry: Encodable {
        public var commit: String
        public var date: String
        public var author: String
        public var summary: String
        public var changes: [Change]
    }

    /// --plan DIR, if given.
    public var plan: String?
    /// A recommendation number ("5") or an action id ("5.1"); nil for the whole plan.
    public var subject: String?
    public var since: Day?
    public var until: Day?
    /// Where the walk starts.
    public var rev: String

    public init(plan: String?, subject: String?, since: Day?, until: Day?, rev: String) {
        self.plan = plan
        self.subject = subject
        self.since = since
        self.until = until
        self.rev = rev
    }

    /// The commits that changed the subject, and how many files could not be read (their
    /// changes are missing); an error when the subject was never in the plan.
    public func entries() throws -> (entries: [Entry], unreadable: Int) {
        let git = try GitSelection.open(readingOnly: true)
        let repository = git.repository
        let plan = try git.singlePlan(named: self.plan)
        let display = Selection.display(git.top.appendingPathComponent(plan))
        let number = subject.flatMap { Int($0.split(separator: ".")[0]) }
        let action = subject.flatMap { $0.contains(".") ? $0 : nil }
        let prefix = plan.isEmpty ? "" : plan + "/"
        let filePath = number.map { prefix + PlanDirectory.recommendationsFolder + "/" + Recommendation.fileName(for: $0) }

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
                if let until, day > until { continue }
                if let since, day < since { break }
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
        return (entries, unreadable)
    }

    /// The day a commit was made, in its committer's time zone.
    public static func day(_ person: Person) -> Day {
        Day.of(seconds: person.time, offsetMinutes: person.offsetMinutes)
    }
}
