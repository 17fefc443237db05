import Foundation
import PlanGit
import PlanKit

/// `form export`: owners' forms of their open actions, made from the plan as HEAD holds it (so
/// the commit the form records is what it shows), as Word documents or CSV.
public struct FormExport {
    public enum Format: String, CaseIterable, Sendable { case docx, csv }

    /// The plan folder (`--plan`), else the plan around the current folder or the only one.
    public var plan: String?
    /// One owner: a form for the actions one of whose owners contains this (any case), written to
    /// `output`. Without it, a form per owner into the folder `output`.
    public var owner: String?
    /// Only actions whose current target ends within this many months of `today` (overdue ones too).
    public var dueWithinMonths: Int?
    public var output: String
    /// For a folder of forms; a single form's format comes from its file's extension.
    public var format: Format
    public var today: Day

    public init(plan: String?, owner: String?, dueWithinMonths: Int?, output: String, format: Format?, today: Day) {
        self.plan = plan
        self.owner = owner
        self.dueWithinMonths = dueWithinMonths
        self.output = output
        self.format = format ?? Format(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) ?? .docx
        self.today = today
    }

    /// A form written: its file (as given, relative to the current folder), owner and action count.
    public struct Written: Sendable {
        public var path: String
        public var owner: String
        public var actions: Int
    }

    public func run() throws -> [Written] {
        let git = try GitSelection.open(readingOnly: true)
        guard let head = try git.run("read HEAD", { try git.repository.headCommit() }) else {
            throw WorkflowError(message: "the repository has no commits yet: commit the plan first (plantool commit); a form records the commit it was made from")
        }
        let folder = try git.singlePlan(named: plan)
        let model = try PlanLoader.load(try git.files(of: folder, from: .revision(head.id.description))).modelOrErrors { count in
            "the plan at HEAD has \(Wording.count(count, "error")): fix \(count == 1 ? "it" : "them") and commit before making forms; nothing was written"
        }
        let dueBy = dueWithinMonths.map { today.addingMonths($0) }
        func form(for name: String, _ groups: [(recommendation: Recommendation, actions: [Action])]) -> OwnerForm {
            OwnerForm(owner: name, planFolder: folder, planTitle: model.info.title, planIdentity: ICSExport.planIdentity(model.info),
                      commit: head.id.description, groups: groups)
        }
        let due = dueWithinMonths.map { " due within \(Wording.count($0, "month"))" } ?? ""
        if let owner {
            let groups = OwnerForm.openActions(of: model, dueBy: dueBy) { ICSExport.owns($0, owner) }
            guard !groups.isEmpty else {
                throw WorkflowError(message: "no open actions\(due) have an owner whose name contains \"\(owner)\"; nothing was written", exitCode: 1)
            }
            let matched = Set(groups.flatMap { $0.actions.flatMap(\.currentOwners) }.filter { $0.lowercased().contains(owner.lowercased()) })
            let name = matched.count == 1 ? matched.first! : owner
            try refuseFolder(output)
            return [try write(form(for: name, groups), to: output, as: format)]
        }
        let owners = Set(OwnerForm.openActions(of: model, dueBy: dueBy) { _ in true }
            .flatMap { $0.actions.flatMap(\.currentOwners) }).sorted()
        guard !owners.isEmpty else {
            throw WorkflowError(message: "no open actions\(due) have an owner; nothing was written", exitCode: 1)
        }
        try createFolder(output)
        var stems: Set<String> = []
        return try owners.map { name in
            var stem = OwnerForm.fileStem(for: name)
            var counter = 2
            while stems.contains(stem) { stem = OwnerForm.fileStem(for: name) + "-\(counter)"; counter += 1 }
            stems.insert(stem)
            let groups = OwnerForm.openActions(of: model, dueBy: dueBy) { $0.currentOwners.contains(name) }
            return try write(form(for: name, groups), to: (output as NSString).appendingPathComponent("\(stem).\(format.rawValue)"), as: format)
        }
    }

    func write(_ form: OwnerForm, to path: String, as format: Format) throws -> Written {
        let data = format == .csv ? FormCSV.write(form) : try FormDocx.write(form)
        do {
            try FileWriter.writeAtomically(data, to: Self.url(path))
        } catch let error as PlanFileError {
            throw WorkflowError(message: error.message)
        }
        return Written(path: path, owner: form.owner, actions: form.actionIDs.count)
    }

    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    func refuseFolder(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: Self.url(path).path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WorkflowError(message: "\(path) is a folder: with --owner, give a file name, such as \(path)/form.\(format.rawValue)")
        }
    }

    func createFolder(_ path: String) throws {
        var isDirectory: ObjCBool = false
        let url = Self.url(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw WorkflowError(message: "\(path) is a file: without --owner, -o names a folder for a form per owner")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw WorkflowError(message: "cannot create the folder \(path): \(error.localizedDescription)")
        }
    }
}

extension Day {
    /// The same day `months` months later, or the month's last day when it is shorter.
    func addingMonths(_ months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (min(index / 12, 9999), index % 12 + 1)
        return Day(year: newYear, month: newMonth, day: min(day, PlanDate.month(year: newYear, month: newMonth).lastDay.day)) ?? self
    }
}
