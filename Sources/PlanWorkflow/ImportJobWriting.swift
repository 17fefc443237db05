import Foundation
import PlanGit
import PlanImport
import PlanKit

// Writing an import: DIR checked, the plan written and read back in a staging folder beside
// it, then swapped in.
extension ImportJob {
    /// DIR is new, or holds no plan, or (with --replace) a plan whose files are committed.
    public func checkTarget(_ target: URL, keepingPlanFile: Bool) throws {
        let shown = Selection.display(target)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else {
            if keepingPlanFile {
                throw WorkflowError(message: "\(shown) does not exist: a CSV is imported into the plan it came from")
            }
            return
        }
        guard isDirectory.boolValue else { throw WorkflowError(message: "\(shown) is a file, not a folder") }
        let existing = planFiles(in: target)
        let holdsPlan = PlanDirectory.isPlan(target) || !existing.filter { $0 != PlanDirectory.planFileName }.isEmpty
        guard holdsPlan else { return }
        guard replace || dryRun else {
            throw WorkflowError(message: "\(shown) already holds a plan: give --replace to replace it (its files must be committed), or import into a new folder")
        }
        if dryRun { return }
        // Replacing: every file that goes away must be recoverable from git.
        let repository: Repository
        do {
            repository = try Repository.discover(from: target.path)
        } catch {
            throw WorkflowError(message: "\(shown) is not in a git repository, so the plan it holds could not be recovered once replaced: import into a new folder, or commit the plan first")
        }
        guard let relative = repository.relativePath(of: target.path) else {
            throw WorkflowError(message: "\(shown) is outside the repository's working tree")
        }
        let prefix = relative.isEmpty ? "" : relative + "/"
        do {
            let tracked = Set(try repository.indexEntries(under: prefix).map(\.path))
            let changed = try repository.changedFiles().map(\.path).filter { $0.hasPrefix(prefix) }
            let untracked = existing.map { prefix + $0 }.filter { !tracked.contains($0) }
            let unsafe = (changed + untracked).sorted()
            if !unsafe.isEmpty {
                let list = unsafe.prefix(5).joined(separator: ", ") + (unsafe.count > 5 ? ", …" : "")
                throw WorkflowError(message: "\(shown) has changes that are not committed (\(list)): commit or move them first, so that the plan being replaced stays in git; nothing was changed")
            }
        } catch let error as GitError {
            throw WorkflowError(message: error.message)
        }
    }

    /// plan.yaml and the plan files of recommendations/ (those the plan is read from),
    /// relative to the plan folder: what a replacing import replaces.
    private func planFiles(in directory: URL) -> [String] {
        var result: [String] = []
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent(PlanDirectory.planFileName).path) {
            result.append(PlanDirectory.planFileName)
        }
        let folder = directory.appendingPathComponent(PlanDirectory.recommendationsFolder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where Self.isPlanFile(name) {
            result.append(PlanDirectory.recommendationsFolder + "/" + name)
        }
        return result.sorted()
    }

    /// A name in recommendations/ the plan is read from (as `PlanDirectory.files` reads them).
    static func isPlanFile(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

    /// Everything else in the old recommendations/ (a README.md, a .gitkeep, a folder) goes
    /// into the new one as it is: an import replaces the plan, not the user's other files.
    private func copyOthers(from old: URL, to new: URL) throws {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: old.path)) ?? [] where !Self.isPlanFile(name) {
            try manager.copyItem(at: old.appendingPathComponent(name), to: new.appendingPathComponent(name))
        }
    }

    /// Writes the plan into a temporary folder beside DIR, checks it as `plantool check`
    /// would, then moves it into place.
    public func write(_ plan: Plan, to target: URL, keepPlanFile: Bool) throws {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WorkflowError(message: "cannot create \(Selection.display(parent)): \(error.localizedDescription)")
        }
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).plantool-import-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        let stagedRecommendations = staging.appendingPathComponent(PlanDirectory.recommendationsFolder)
        // A file that already exists keeps its bytes when its content is the same, and its
        // modeline and directives when it changes.
        func existing(_ relative: String) -> [UInt8]? {
            guard case .success(let bytes) = PlanDirectory.read(target.appendingPathComponent(relative)) else { return nil }
            return bytes
        }
        do {
            try manager.createDirectory(at: stagedRecommendations, withIntermediateDirectories: true)
            let planText = ImportWriter.text(for: plan.info, existing: existing(PlanDirectory.planFileName))
                ?? String(decoding: existing(PlanDirectory.planFileName) ?? [], as: UTF8.self)
            try FileWriter.writeAtomically(planText, to: staging.appendingPathComponent(PlanDirectory.planFileName))
            for rec in plan.recommendations {
                let name = Recommendation.fileName(for: rec.number)
                let old = existing(PlanDirectory.recommendationsFolder + "/" + name)
                let text = ImportWriter.text(for: rec, existing: old) ?? String(decoding: old ?? [], as: UTF8.self)
                try FileWriter.writeAtomically(text, to: stagedRecommendations.appendingPathComponent(name))
            }
            try copyOthers(from: target.appendingPathComponent(PlanDirectory.recommendationsFolder), to: stagedRecommendations)
            let keep = stagedRecommendations.appendingPathComponent(".gitkeep")
            if plan.recommendations.isEmpty && !manager.fileExists(atPath: keep.path) {
                try FileWriter.writeAtomically("", to: keep)
            }
        } catch let error as PlanFileError {
            throw WorkflowError(message: error.message)
        } catch {
            throw WorkflowError(message: "cannot write the imported plan beside \(Selection.display(target)): \(error.localizedDescription)")
        }
        let loaded = PlanLoader.load(PlanDirectory.files(of: staging, displayRoot: Selection.display(target)))
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw WorkflowError(message: "the imported plan does not read back without errors (above): nothing was written", exitCode: 1,
                                diagnostics: errors)
        }

        if !manager.fileExists(atPath: target.path) {
            try writeSchemas(into: staging)
            guard rename(staging.path, target.path) == 0 else {
                throw WorkflowError(message: "cannot create \(Selection.display(target)): \(String(cString: strerror(errno)))")
            }
            return
        }
        // An existing folder: one that held no plan gets the schemas as a new one does.
        if !PlanDirectory.isPlan(target) && !manager.fileExists(atPath: target.appendingPathComponent(PlanDirectory.recommendationsFolder).path) {
            try writeSchemas(into: target)
        }
        // Swap recommendations/ in, then plan.yaml.
        let recommendations = target.appendingPathComponent(PlanDirectory.recommendationsFolder)
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).plantool-replaced-\(UUID().uuidString)")
        let hadRecommendations = manager.fileExists(atPath: recommendations.path)
        if hadRecommendations, rename(recommendations.path, old.path) != 0 {
            throw WorkflowError(message: "cannot move \(Selection.display(recommendations)) aside: \(String(cString: strerror(errno))); nothing was changed")
        }
        if rename(stagedRecommendations.path, recommendations.path) != 0 {
            let reason = String(cString: strerror(errno))
            if hadRecommendations { _ = rename(old.path, recommendations.path) }
            throw WorkflowError(message: "cannot put the new recommendations/ in place: \(reason); nothing was changed")
        }
        if !keepPlanFile {
            let planFile = target.appendingPathComponent(PlanDirectory.planFileName)
            if rename(staging.appendingPathComponent(PlanDirectory.planFileName).path, planFile.path) != 0 {
                throw WorkflowError(message: "cannot replace \(Selection.display(planFile)): \(String(cString: strerror(errno)))")
            }
        }
        if hadRecommendations { try? manager.removeItem(at: old) }
    }

    /// The schemas the files' modelines point to, as `plantool init` writes them; a schema
    /// file that differs is left as it is.
    private func writeSchemas(into plan: URL) throws {
        do {
            try SchemaFolder.write(into: plan)
        } catch let error as PlanFileError {
            throw WorkflowError(message: error.message)
        } catch {
            throw WorkflowError(message: "cannot write \(Selection.display(SchemaFolder.url(in: plan))): \(error.localizedDescription)")
        }
    }
}
