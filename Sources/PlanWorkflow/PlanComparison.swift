import Foundation
import PlanGit
import PlanKit

/// `diff`: the plans on two sides (revisions, the index, the working tree) compared by
/// structure. Only files whose content differs are read.
public struct PlanComparison {
    /// A side of the comparison: where it is read from (nil for "nothing", an unborn HEAD) and its label.
    public struct Endpoint: Equatable {
        public var source: PlanSource?
        public var label: String

        public init(source: PlanSource?, label: String) {
            self.source = source
            self.label = label
        }
    }

    /// What was found, over every plan compared.
    public struct Result {
        public var old: Endpoint
        public var new: Endpoint
        public var changes: [Change] = []
        public var diagnostics: [Diagnostic] = []
        public var parsedFiles = 0
        /// Files that could not be read: the comparison lacks their changes.
        public var unreadableFiles = 0
        public var titles: [String: String] = [:]
        /// The words the (first) plan speaks for its statuses, for the reports written in them.
        public var words = PlanWords.standard
    }

    /// --plan DIR, if given.
    public var plan: String?
    /// HEAD (or the one revision given) with the index.
    public var staged: Bool
    /// At most two: REV, A B, A..B or A...B.
    public var revisions: [String]

    public init(plan: String?, staged: Bool, revisions: [String]) {
        self.plan = plan
        self.staged = staged
        self.revisions = revisions
    }

    public func run() throws -> Result {
        let git = try GitSelection.open(readingOnly: true)
        let (old, new) = try git.run("compare") { try endpoints(git.repository) }
        let plans = try git.run("find the plans") { try planFolders(git, old: old.source, new: new.source) }
        var result = Result(old: old, new: new)
        for plan in plans {
            let display = Selection.display(git.top.appendingPathComponent(plan))
            let (comparison, words) = try git.run("compare the plan") {
                let (a, b) = try sides(old.source, new.source, plan: plan, git: git, display: display)
                return (PlanDiffer.compare(old: a, new: b), try planWords(a, b, new: new.source, plan: plan, git: git, display: display))
            }
            if plan == plans.first { result.words = words }
            result.changes += comparison.changes
            result.diagnostics += comparison.diagnostics
            result.parsedFiles += comparison.parsedFiles
            result.unreadableFiles += comparison.unreadableFiles
            result.titles.merge(comparison.titles) { a, _ in a }
        }
        return result
    }

    /// The two sides the arguments name, each revision resolved once (an error naming the
    /// revision before anything is read).
    public func endpoints(_ repository: Repository) throws -> (Endpoint, Endpoint) {
        let head = repository.isHeadUnborn ? Endpoint(source: nil, label: "HEAD (no commits yet)") : Endpoint(source: .revision("HEAD"), label: "HEAD")
        func revision(_ name: String) throws -> Endpoint {
            Endpoint(source: .revision(try repository.commit(name).id.description), label: name)
        }
        if staged {
            return (try revisions.first.map(revision) ?? head, Endpoint(source: .index, label: "the index"))
        }
        switch revisions.count {
        case 0:
            return (head, Endpoint(source: .workingTree, label: "the working tree"))
        case 1:
            switch RevisionRange(revisions[0]) {
            case .fromMergeBase(let left, let right):
                let one = try repository.commit(left), two = try repository.commit(right)
                guard let base = try repository.mergeBase(one.id, two.id) else {
                    throw WorkflowError(message: "\(left) and \(right) have no common history")
                }
                return (Endpoint(source: .revision(base.description), label: "merge base of \(left) and \(right) (\(base.short))"),
                        Endpoint(source: .revision(right), label: right))
            case .between(let left, let right):
                return (try revision(left), try revision(right))
            case .single(let spec):
                return (try revision(spec), Endpoint(source: .workingTree, label: "the working tree"))
            }
        default:
            return (try revision(revisions[0]), try revision(revisions[1]))
        }
    }

    /// The plan named, or around the current folder; else every plan on either side.
    private func planFolders(_ git: GitSelection, old: PlanSource?, new: PlanSource?) throws -> [String] {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if plan != nil || PlanDirectory.enclosingPlan(of: cwd) != nil {
            return try git.plans(named: plan, in: new ?? .workingTree)
        }
        var found = Set<String>()
        for source in [old, new].compactMap({ $0 }) { found.formUnion(try git.plans.plans(in: source)) }
        guard !found.isEmpty else { throw WorkflowError(message: "no plan found on either side of the comparison") }
        return found.sorted()
    }

    /// The words of the new side's plan.yaml (else the old side's). Two revisions are listed by
    /// what differs, so an unchanged plan.yaml is read from the new revision's tree.
    private func planWords(_ old: PlanDiffer.Side, _ new: PlanDiffer.Side, new source: PlanSource?, plan: String,
                           git: GitSelection, display: String) throws -> PlanWords {
        var candidates = [(new.listing?.planFile, new), (old.listing?.planFile, old)]
        if new.listing?.planFile == nil, old.listing?.planFile == nil, let source, case .revision = source {
            candidates.append((try git.plans.listing(ofPlan: plan, from: source, displayRoot: display).planFile, new))
        }
        for case let (entry?, side) in candidates {
            guard case .success(let bytes) = side.read(entry) else { continue }
            if let info = PlanFormat.parsePlanInfo(bytes, path: entry.path, keepsPlaces: false).value { return info.vocabulary }
        }
        return .standard
    }

    /// Both sides; two revisions are listed by what differs between their trees.
    private func sides(_ old: PlanSource?, _ new: PlanSource?, plan: String, git: GitSelection,
                       display: String) throws -> (PlanDiffer.Side, PlanDiffer.Side) {
        let plans = git.plans
        if case .revision(let a) = old, case .revision(let b) = new {
            let (oldListing, newListing) = try plans.differingListings(ofPlan: plan, old: a, new: b, displayRoot: display)
            return (PlanDiffer.Side(listing: oldListing, read: { plans.contents(of: $0) }),
                    PlanDiffer.Side(listing: newListing, read: { plans.contents(of: $0) }))
        }
        func side(_ source: PlanSource?) throws -> PlanDiffer.Side {
            guard let source else { return PlanDiffer.Side(listing: nil, read: { _ in .failure(PlanFileError("no such file")) }) }
            return PlanDiffer.Side(listing: try plans.listing(ofPlan: plan, from: source, displayRoot: display), read: { plans.contents(of: $0) })
        }
        return (try side(old), try side(new))
    }
}
