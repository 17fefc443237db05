import Foundation
import PlanGit
import Testing
@testable import PlanKit

// In-memory sides for the PlanDiffer tests: plan files given as models (written with the
// canonical writer) or as YAML text, listed with real git blob ids (or none), read through a
// closure that records every read.

/// The paths a side's `read` closure was asked for, in order.
final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func record(_ path: String) {
        lock.lock()
        recorded.append(path)
        lock.unlock()
    }

    var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

/// One version of a plan, as files: `plan.yaml` (nil: none) and recommendation files by path.
struct PlanVersion {
    var plan: String?
    /// Path relative to the plan folder (`recommendations/05.yaml`) to YAML text.
    var files: [String: String]

    init(plan: String? = DiffFixture.planYAML(), files: [String: String] = [:]) {
        self.plan = plan
        self.files = files
    }

    /// A plan holding these recommendations, each in its canonical file.
    init(info: PlanInfo = DiffFixture.info, _ recommendations: [Recommendation]) {
        self.plan = DiffFixture.planYAML(info)
        self.files = Dictionary(uniqueKeysWithValues: recommendations.map {
            (DiffFixture.path($0.number), DiffFixture.yaml($0))
        })
    }
}

enum DiffFixture {
    /// The plan.yaml every test starts from.
    static let info = PlanInfo(
        title: "A Thematic Review of Probation Recall Culture and Practice",
        organisation: "HM Prison and Probation Service",
        inspectorate: "HM Inspectorate of Probation",
        report: Report(title: "A Thematic Review of Probation Recall Culture and Practice",
                       published: Day(year: 2020, month: 11, day: 10)!),
        submitted: Day(year: 2020, month: 12, day: 7)!)

    static func planYAML(_ info: PlanInfo = info) -> String {
        CanonicalWriter.write(info, modeline: nil)
    }

    static func yaml(_ rec: Recommendation) -> String {
        CanonicalWriter.write(rec, modeline: nil)
    }

    static func path(_ number: Int) -> String {
        "recommendations/" + Recommendation.fileName(for: number)
    }

    static func date(_ text: String) -> PlanDate {
        guard let date = PlanDate(text) else { fatalError("not a plan date: \(text)") }
        return date
    }

    static func day(_ text: String) -> Day {
        guard let day = Day(text) else { fatalError("not a day: \(text)") }
        return day
    }

    /// An action with an owner, a target and a state; `id` is also its number.
    static func action(_ id: String, text: String? = nil, owners: [String] = ["Deputy Director, Public Protection Group"],
                       target: String? = "2021-07", state: ActionState = .planned, note: String? = nil,
                       updates: [Update] = []) -> Action {
        Action(id: id, text: text ?? "Publish revised recall guidance for every probation region (action \(id))",
               owners: owners, target: target.map(date), state: state, note: note, updates: updates)
    }

    /// Distinct recommendation texts, so that no two recommendations look renumbered.
    static func text(_ number: Int) -> String {
        let subjects = ["licence warnings", "alternatives to recall", "recall rates by region", "unconscious bias",
                        "Part B risk assessments", "executive release", "home detention curfew addresses",
                        "the recall framework", "approved premises referrals", "breach reports"]
        let subject = subjects[(number - 1) % subjects.count]
        return "Review \(subject) so that decisions in case \(number) are consistent (item \(number * 7919))"
    }

    /// An agreed recommendation with one action `N.1`.
    static func rec(_ number: Int, text: String? = nil, status: Status = .agreed, actions: [Action]? = nil) -> Recommendation {
        Recommendation(number: number, addressee: "HM Prison and Probation Service", text: text ?? Self.text(number),
                       status: status, actions: actions ?? [action("\(number).1")])
    }

    /// A side listing `version`'s files with their git blob ids (or none), read through `log`.
    static func side(_ version: PlanVersion?, blobIDs: Bool = true, log: ReadLog = ReadLog(),
                     unreadable: [String: PlanFileError] = [:]) throws -> PlanDiffer.Side {
        guard let version else {
            return PlanDiffer.Side(listing: nil, read: { entry in
                log.record(entry.path)
                return .failure(PlanFileError("no such file"))
            })
        }
        func entry(_ path: String, _ text: String) throws -> PlanListing.Entry {
            PlanListing.Entry(path: path, blobID: blobIDs ? try ObjectID.hashBlob(Array(text.utf8)) : nil, kind: .blob)
        }
        let planEntry = try version.plan.map { try entry(PlanDirectory.planFileName, $0) }
        let recommendations = try version.files.keys.sorted().map { try entry($0, version.files[$0]!) }
        var contents = version.files
        contents[PlanDirectory.planFileName] = version.plan
        let listing = PlanListing(displayRoot: "", planFile: planEntry, recommendations: recommendations)
        return PlanDiffer.Side(listing: listing, read: { entry in
            log.record(entry.path)
            if let error = unreadable[entry.path] { return .failure(error) }
            guard let text = contents[entry.path] else { return .failure(PlanFileError("no such file")) }
            return .success(Array(text.utf8))
        })
    }

    static func compare(_ old: PlanVersion?, _ new: PlanVersion?, blobIDs: Bool = true) throws -> PlanDiffer.Comparison {
        PlanDiffer.compare(old: try side(old, blobIDs: blobIDs), new: try side(new, blobIDs: blobIDs))
    }

    /// The changes between two versions of one recommendation (the plan unchanged).
    static func changes(_ old: Recommendation, _ new: Recommendation,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Change] {
        checkRoundTrip(old, sourceLocation: sourceLocation)
        checkRoundTrip(new, sourceLocation: sourceLocation)
        let result = try compare(PlanVersion([old]), PlanVersion([new]))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)", sourceLocation: sourceLocation)
        return result.changes
    }

    /// The changes between two versions of plan.yaml (no recommendations).
    static func planChanges(_ old: PlanInfo, _ new: PlanInfo,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Change] {
        for info in [old, new] {
            let parsed = PlanFormat.parsePlanInfo(Array(planYAML(info).utf8), path: "plan.yaml")
            #expect(parsed.value == info, "the fixture plan.yaml does not read back: \(parsed.diagnostics)",
                    sourceLocation: sourceLocation)
        }
        let result = try compare(PlanVersion(info: old, []), PlanVersion(info: new, []))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)", sourceLocation: sourceLocation)
        return result.changes
    }

    /// The first change of `kind`. (A helper rather than a closure inside `#require`: with Swift
    /// 6.3.1, a trailing closure inside `#require(...)` was seen to be swapped with another
    /// closure of the same test function, so that a later `filter` ran the wrong predicate.)
    static func first(_ kind: ChangeKind, in changes: [Change]) -> Change? {
        for change in changes where change.kind == kind { return change }
        return nil
    }

    /// The fixture's YAML must read back as the model it was written from.
    static func checkRoundTrip(_ rec: Recommendation, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let parsed = PlanFormat.parseRecommendation(Array(yaml(rec).utf8), path: path(rec.number))
        #expect(parsed.value == rec, "the fixture does not read back: \(parsed.diagnostics)\n\(yaml(rec))",
                sourceLocation: sourceLocation)
    }
}

extension Change {
    /// The change with `summary`, `words`, the update key and the whole items it carries set
    /// aside, for comparing the structured fields.
    var fields: Change {
        var copy = self
        copy.summary = ""
        copy.words = nil
        copy.update = nil
        copy.recommendationValue = nil
        copy.actionValue = nil
        copy.updateValue = nil
        return copy
    }
}

/// A change of these fields (summary and words compared separately).
func expected(_ kind: ChangeKind, recommendation: Int? = nil, oldNumber: Int? = nil, action: String? = nil,
              field: String? = nil, old: String? = nil, new: String? = nil, months: Int? = nil,
              added: [String]? = nil, removed: [String]? = nil, path: String? = nil, currentTarget: Move? = nil,
              currentState: Move? = nil, currentOwners: Move? = nil) -> Change {
    var change = Change(kind: kind, recommendation: recommendation, oldNumber: oldNumber, action: action, field: field, old: old,
                        new: new, months: months, added: added, removed: removed, path: path, summary: "")
    change.currentTarget = currentTarget
    change.currentState = currentState
    change.currentOwners = currentOwners
    return change
}
