import Foundation
import PlanGit
import PlanKit

/// The progress of the plans `status` reports on: from the working tree, or for a past day
/// from the last commit made on or before it, with the slips the git history records. Outside
/// git, or before the history starts, a past day is read from the plan's own dated updates.
public struct StatusReports {
    /// --plan DIR, if given.
    public var plan: String?
    /// Every plan in the repository (or below the current folder).
    public var all: Bool
    /// Only actions with an owner whose name contains this text.
    public var owner: String?
    public var dueWithinMonths: Int

    public init(plan: String?, all: Bool, owner: String?, dueWithinMonths: Int) {
        self.plan = plan
        self.all = all
        self.owner = owner
        self.dueWithinMonths = dueWithinMonths
    }

    /// Each plan's progress on `day`; `today` decides whether that day is in the past.
    public func collect(asOf day: Day, today: Day) throws -> [PlanProgress] {
        let past = day < today
        var reports: [PlanProgress] = []
        let git = try? GitSelection.open(readingOnly: true)

        if let git, !(git.repository.isHeadUnborn && !past) {
            // In a repository: the history gives the slips; a past day reads a commit.
            var commit: CommitInfo? = nil
            if past {
                commit = try git.run("read the history") {
                    git.repository.isHeadUnborn ? nil : try git.plans.lastCommit(onOrBefore: day)
                }
                // The history starts after the day: the plan's own dated updates say where it stood.
                guard commit != nil else { return try fromDatedUpdates(git, asOf: day) }
            }
            let source: PlanSource = commit.map { .revision($0.id.description) } ?? .workingTree
            let names: [String]
            if all {
                names = try git.run("list the plans") { try git.plans.plans(in: source) }
                guard !names.isEmpty else { throw WorkflowError(message: "no plan found in \(source)") }
            } else {
                names = [try singlePlan(git, source: source)]
            }
            let end = try git.run("read the history") {
                try commit?.id ?? (git.repository.isHeadUnborn ? nil : git.repository.commit("HEAD").id)
            }
            let gitDirectory = git.repository.gitDirectory
            for name in names {
                let display = Selection.display(git.top.appendingPathComponent(name))
                // The trees of the history, and the versions of files `end` no longer holds, are
                // read on another thread, on a handle of its own, while this one reads and parses
                // the plan's files.
                let treeWalk = end.map { end in
                    BackgroundWork { try PlanRepository(Repository.open(at: gitDirectory)).historyChanges(ofPlan: name, to: end, readingSuperseded: true) }
                }
                defer { treeWalk?.wait() }
                let files = try git.files(of: name, from: source)
                // The model alone, without where each field stands (a plan with errors is read
                // again, for their places).
                let loaded = PlanLoader.load(files, keepsPlaces: false)
                let plan = try loaded.plan ?? model(of: PlanLoader.load(files), display: display)
                var history = TargetHistory()
                try git.run("read the history") {
                    if let changes = try treeWalk?.result() {
                        // Files the plan shares with its history are not parsed again.
                        try git.plans.walkHistory(changes, known: loaded.recommendationsByBlobID) { step in
                            history.record(day: step.day, changed: step.changed)
                        }
                    }
                }
                if commit == nil {
                    // The working tree's edits, as of today.
                    history.record(day: today, changed: Dictionary(uniqueKeysWithValues: plan.recommendations.map { ($0.number, Optional($0)) }))
                }
                // The chart runs to the day reported, not to the last change before it.
                history.close(on: day)
                let sourceInfo: PlanProgress.Source = commit.map {
                    .commit($0.id.description, date: Day.of(seconds: $0.committer.time, offsetMinutes: $0.committer.offsetMinutes), summary: $0.summary)
                } ?? .workingTree
                reports.append(ProgressReport.make(plan: plan, display: display, source: sourceInfo, asOf: day, owner: owner,
                                                   dueWithinMonths: dueWithinMonths, history: history))
            }
        } else {
            let selection = try Selection.resolve(plan: plan, paths: [], allowAll: all)
            if !all && selection.plans.count > 1 {
                throw WorkflowError(message: "found \(selection.plans.count) plans: name one with --plan DIR, or give --all")
            }
            for url in selection.plans {
                let display = Selection.display(url)
                let plan = try load(PlanDirectory.files(of: url, displayRoot: display), display: display)
                if past {
                    // No history to read the plan from: its own dated updates say where it stood.
                    reports.append(Self.fromDatedUpdates(plan, display: display, asOf: day, owner: owner, dueWithinMonths: dueWithinMonths))
                    continue
                }
                reports.append(ProgressReport.make(plan: plan, display: display, source: .workingTree, asOf: day, owner: owner,
                                                   dueWithinMonths: dueWithinMonths, history: nil))
            }
        }
        return reports
    }

    /// The progress on a past day of a plan with no history: each action as its updates dated on
    /// or before the day leave it (`PlanAsOf`).
    static func fromDatedUpdates(_ plan: Plan, display: String, asOf day: Day, owner: String?, dueWithinMonths: Int) -> PlanProgress {
        let then = PlanAsOf.plan(plan, on: day)
        let submission = PlanAsOf.lastSubmission(plan, on: day)
        return ProgressReport.make(plan: then, display: display, source: .datedUpdates(lastSubmitted: submission?.day, summary: submission?.title),
                                   asOf: day, owner: owner, dueWithinMonths: dueWithinMonths, history: PlanAsOf.history(plan, to: day))
    }

    /// Each plan of the working tree on a day before its history starts, from its dated updates.
    private func fromDatedUpdates(_ git: GitSelection, asOf day: Day) throws -> [PlanProgress] {
        let names = all ? try git.run("list the plans") { try git.plans.plans(in: .workingTree) } : [try singlePlan(git, source: .workingTree)]
        guard !names.isEmpty else { throw WorkflowError(message: "no plan found in \(PlanSource.workingTree)") }
        return try names.map { name in
            let display = Selection.display(git.top.appendingPathComponent(name))
            let plan = try load(try git.files(of: name, from: .workingTree), display: display)
            return Self.fromDatedUpdates(plan, display: display, asOf: day, owner: owner, dueWithinMonths: dueWithinMonths)
        }
    }

    private func singlePlan(_ git: GitSelection, source: PlanSource) throws -> String {
        let found = try git.plans(named: plan, in: source)
        guard found.count == 1 else {
            throw WorkflowError(message: "\(source) holds \(found.count) plans (\(found.joined(separator: ", "))): name one with --plan DIR, or give --all")
        }
        return found[0]
    }

    private func load(_ files: PlanFiles, display: String) throws -> Plan {
        try model(of: PlanLoader.load(files), display: display)
    }

    private func model(of loaded: LoadedPlan, display: String) throws -> Plan {
        try loaded.modelOrErrors {
            "\(display) has \(Wording.count($0, "error")): fix them (see plantool check) to see its progress"
        }
    }
}

/// The formats `status` writes.
public enum StatusFormat: String, CaseIterable, Sendable {
    case text, markdown, json, html

    /// The format `-o`'s file name chooses when `--format` is not given: the extensions `export`
    /// chooses by (`.md`, `.html`, `.json`), text for `.txt`, no extension or standard output;
    /// nil for an extension `status` cannot write (`.csv`, `.pdf`).
    public static func forOutput(_ output: String?) -> StatusFormat? {
        guard let output, output != "-" else { return .text }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if ext.isEmpty || ext == "txt" { return .text }
        return PlanExporters.forExtension(ext).flatMap { StatusFormat(rawValue: $0.formatName) }
    }

    /// The report in this format.
    public func render(_ report: ProgressRenderer.Report) -> String {
        switch self {
        case .text: ProgressRenderer.text(report)
        case .markdown: ProgressRenderer.markdown(report)
        case .json: ProgressJSON.encode(asOf: report.asOf, plans: report.plans, owners: report.owners) + "\n"
        case .html: ProgressRenderer.html(report)
        }
    }
}

/// Work done on a thread of its own while the caller does something else; `result()` waits for
/// it. The caller must `wait()` (or take the result) before the work's inputs go away, and before
/// the process exits.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private var outcome: Result<Value, Error>?
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            outcome = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    /// Waits until the work has finished (at once after the first call).
    func wait() {
        guard !waited else { return }
        waited = true
        done.wait()
    }

    func result() throws -> Value {
        wait()
        return try outcome!.get()
    }
}
