import Foundation
import PlanKit

/// Edits a plan folder on disk through its model: a change is made to the `Plan`, the files it
/// touches are written as `fmt` writes them (modeline and `# plantool:` directives kept), the
/// result is linted as `lint` lints it, and the edit is refused with the findings when it would
/// not lint. Nothing is written until `write(_:)`, and then only the files the change touched.
///
/// ```swift
/// let editor = try PlanEditor(plan: nil)
/// let edit = try editor.edit { try $0.apply(ActionUpdate(actionID: "5.1", text: "…", date: .month(year: 2022, month: 12))) }
/// try editor.write(edit)
/// ```
public struct PlanEditor {
    /// The plan folder.
    public let folder: URL
    /// The plan as read, without errors.
    public let plan: Plan
    /// The day lint judges overdue actions and future updates on.
    public let asOf: Day
    let files: PlanFiles
    let loaded: LoadedPlan
    let configuration: LintConfiguration
    /// Findings of the plan as read (warnings only: a plan with errors is refused).
    let findingsBefore: [Diagnostic]

    /// Opens the plan named by `--plan` (`plan`), else the one around the current folder.
    /// Refuses a folder without plan.yaml, an invalid configuration, and a plan that has lint
    /// errors already (an edit could not be told apart from them).
    public init(plan: String?, asOf: Day = .today()) throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder: URL
        if let plan {
            folder = URL(fileURLWithPath: plan, relativeTo: cwd).standardizedFileURL
            guard PlanDirectory.isPlan(folder) else {
                throw WorkflowError(message: "\(plan): not a plan folder (no plan.yaml there); nothing was written")
            }
        } else {
            guard let enclosing = PlanDirectory.enclosingPlan(of: cwd) else {
                throw WorkflowError(message: "no plan here: no plan.yaml in this folder or above; run inside a plan or name one with --plan DIR. Nothing was written")
            }
            folder = enclosing
        }
        try self.init(folder: folder, asOf: asOf)
    }

    public init(folder: URL, asOf: Day = .today()) throws {
        self.folder = folder.standardizedFileURL
        self.asOf = asOf
        let (configuration, problems) = LintTargets.configuration(forPlan: self.folder)
        guard let configuration else {
            throw WorkflowError(message: "the plan's configuration has errors; fix them first. Nothing was written",
                                exitCode: 1, diagnostics: Selection.shortened(problems))
        }
        self.configuration = configuration
        files = PlanDirectory.files(of: self.folder, displayRoot: Selection.display(self.folder))
        loaded = PlanLoader.load(files)
        let findings = try Self.lint(loaded, files: files, folder: self.folder, configuration: configuration, asOf: asOf)
        let errors = findings.filter { $0.severity == .error }
        guard errors.isEmpty, let plan = loaded.plan else {
            throw WorkflowError(message: "the plan has \(Wording.count(max(errors.count, 1), "error")) already; fix them (see `plantool lint`) before editing. Nothing was written",
                                exitCode: 1, diagnostics: Selection.shortened(errors))
        }
        self.plan = plan
        findingsBefore = findings
    }

    /// The edit `change` makes to the plan, written and checked but not yet saved. Throws the
    /// change's own refusal (an unknown id, say), or a `WorkflowError` with the lint errors
    /// the result would have. `registers` are owners registers the same change rewrites
    /// (`OwnerRegister.rename`): the result is linted with them as they will be.
    public func edit(registers: [OwnerRegister.Rewrite] = [], _ change: (inout Plan) throws -> Void) throws -> PlanEdit {
        var new = plan
        try change(&new)
        var written: [PlanEdit.FileChange] = []
        if new.info != plan.info, let parsed = loaded.info, let old = files.planFile {
            try Self.requireCanonical(CanonicalWriter.write(plan.info, keeping: parsed), old, files)
            written.append(.init(path: old.path, displayPath: files.displayPath(old.path), old: try Self.bytes(old),
                                 new: Array(CanonicalWriter.write(new.info, keeping: parsed).utf8)))
        }
        let oldByNumber = Dictionary(plan.recommendations.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        for rec in new.recommendations where oldByNumber[rec.number] != rec {
            guard let site = loaded.recommendations.first(where: { $0.parsed.value?.number == rec.number }),
                  let old = files.recommendationFiles.first(where: { $0.path == site.path }),
                  let before = oldByNumber[rec.number] else {
                throw WorkflowError(message: "recommendation \(rec.number) has no file in the plan; nothing was written")
            }
            try Self.requireCanonical(CanonicalWriter.write(before, keeping: site.parsed), old, files)
            written.append(.init(path: old.path, displayPath: files.displayPath(old.path), old: try Self.bytes(old),
                                 new: Array(CanonicalWriter.write(rec, keeping: site.parsed).utf8)))
        }
        guard !written.isEmpty else {
            throw WorkflowError(message: "the plan already says that; nothing was written", exitCode: 1)
        }
        var after = files
        for change in written {
            if change.path == PlanDirectory.planFileName {
                after.planFile?.contents = .success(change.new)
            } else if let index = after.recommendationFiles.firstIndex(where: { $0.path == change.path }) {
                after.recommendationFiles[index].contents = .success(change.new)
                after.recommendationFiles[index].blobID = nil
            }
        }
        let reloaded = PlanLoader.load(after)
        let findings = try Self.lint(reloaded, files: after, folder: folder,
                                     configuration: try configuration(with: registers), asOf: asOf)
        let errors = findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw WorkflowError(message: "refused: the change would leave \(Wording.count(errors.count, "error")) in the plan; nothing was written",
                                exitCode: 1, diagnostics: Selection.shortened(errors))
        }
        // The writer's output must read back as the model it was given.
        guard reloaded.plan == new else {
            throw WorkflowError(message: "refused: the rewritten files do not read back as the change intended; nothing was written")
        }
        let known = Set(findingsBefore.map(\.withoutLocation))
        let newWarnings = findings.filter { !known.contains($0.withoutLocation) }
        return PlanEdit(folder: folder, before: files, after: after, files: written, plan: new,
                        warnings: Selection.shortened(newWarnings))
    }

    /// Saves the edit's files, each replaced in one rename. Refuses, writing nothing, when a
    /// file changed on disk since the plan was read.
    public func write(_ edit: PlanEdit) throws {
        for change in edit.files {
            let url = folder.appendingPathComponent(change.path)
            guard case .success(let now) = PlanDirectory.read(url), now == change.old else {
                throw WorkflowError(message: "\(change.displayPath) changed while the edit was made; nothing was written")
            }
        }
        for change in edit.files {
            do {
                try FileWriter.writeAtomically(Data(change.new), to: folder.appendingPathComponent(change.path))
            } catch let error as PlanFileError {
                throw WorkflowError(message: "cannot write \(change.displayPath): \(error.message)")
            }
        }
    }

    // MARK: Checks

    /// The configuration with `registers` rewritten, read as `LintTargets` reads it.
    func configuration(with registers: [OwnerRegister.Rewrite]) throws -> LintConfiguration {
        guard !registers.isEmpty else { return configuration }
        var places = [folder]
        if let root = PlanDirectory.repositoryRoot(of: folder), root.path != folder.path { places.insert(root, at: 0) }
        let (layered, problems) = LintTargets.layered(places.map { place in
            let url = place.appendingPathComponent(LintConfiguration.fileName)
            if let rewrite = registers.first(where: { $0.url.standardizedFileURL.path == url.standardizedFileURL.path }) {
                return (Selection.display(url), .success(rewrite.new))
            }
            return (Selection.display(url), FileManager.default.fileExists(atPath: url.path) ? PlanDirectory.read(url) : nil)
        })
        guard let layered else {
            throw WorkflowError(message: "the renamed owners register would not read; nothing was written", exitCode: 1, diagnostics: problems)
        }
        return layered
    }

    static func lint(_ loaded: LoadedPlan, files: PlanFiles, folder: URL, configuration: LintConfiguration, asOf: Day) throws -> [Diagnostic] {
        // History rules compare with HEAD, as the pre-commit hook will.
        let base = try BaseRevision(explicit: nil, source: .workingTree).load(folder: folder, linted: files)
        return Linter.lint(loaded, configuration: configuration, asOf: asOf, base: base)
    }

    /// An edit rewrites a whole file canonically; a file that was not canonical would change
    /// in places the edit does not name, so it is refused with the way out.
    static func requireCanonical(_ canonical: String, _ file: PlanFiles.File, _ files: PlanFiles) throws {
        guard try bytes(file) == Array(canonical.utf8) else {
            throw WorkflowError(message: "\(files.displayPath(file.path)) is not in the canonical layout, so rewriting it would change more than this edit; run `plantool fmt` first (and commit that on its own). Nothing was written")
        }
    }

    static func bytes(_ file: PlanFiles.File) throws -> [UInt8] {
        switch file.contents {
        case .success(let bytes): return bytes
        case .failure(let error): throw WorkflowError(message: "\(file.path): \(error.message); nothing was written")
        }
    }
}

extension Diagnostic {
    /// The finding without its place: a warning that only moved lines is not new.
    var withoutLocation: Diagnostic {
        var copy = self
        copy.location = nil
        return copy
    }
}
