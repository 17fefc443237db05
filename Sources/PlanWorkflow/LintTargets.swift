import Foundation
import PlanGit
import PlanKit

/// A plan to lint, with the configuration that applies to it.
public struct LintTargets {
    public var files: PlanFiles
    public var configuration: LintConfiguration?
    public var configurationDiagnostics: [Diagnostic]
    /// Where the whole plan is, for the history rules; nil for a file linted on its own.
    public var place: Place? = nil

    public enum Place {
        case folder(URL)
        case repository(PlanRepository, relative: String)
    }

    /// The base the history rules compare this plan with; nil when they are off.
    public func base(_ history: BaseRevision) throws -> BasePlan? {
        switch place {
        case nil: return nil
        case .folder(let folder): return try history.load(folder: folder, linted: files)
        case .repository(let repository, let relative): return try history.load(plan: relative, in: repository, linted: files)
        }
    }

    public static func collect(plan: String?, paths: [String], source: PlanSource) throws -> [LintTargets] {
        if source == .workingTree {
            // The working tree needs no git: configuration files are found on disk.
            let selection = try Selection.resolve(plan: plan, paths: paths, allowAll: true)
            var targets: [LintTargets] = []
            for folder in selection.plans {
                let (configuration, problems) = configuration(forPlan: folder)
                targets.append(LintTargets(files: PlanDirectory.files(of: folder, displayRoot: Selection.display(folder)),
                                           configuration: configuration, configurationDiagnostics: problems, place: .folder(folder)))
            }
            for file in selection.files {
                // A file on its own is linted as a plan of one recommendation (or a plan.yaml alone).
                let isPlan = PlanFileKind(fileName: file.lastPathComponent) == .plan
                let entry = PlanFiles.File(path: file.lastPathComponent, contents: SingleFilePlan.read(file))
                // The file's own plan decides its configuration.
                let folder = PlanDirectory.enclosingPlan(of: file.deletingLastPathComponent()) ?? file.deletingLastPathComponent()
                let (configuration, problems) = configuration(forPlan: folder)
                targets.append(LintTargets(files: SingleFilePlan.files(entry, isPlan: isPlan, display: Selection.display(file)),
                                           configuration: configuration, configurationDiagnostics: problems))
            }
            return targets
        }
        let git = try GitSelection.open(readingOnly: true)
        return try git.plans(named: plan, in: source).map { relative in
            let (configuration, problems) = configuration(forRelativePlan: relative, git: git, source: source)
            return LintTargets(files: try git.files(of: relative, from: source), configuration: configuration,
                               configurationDiagnostics: problems, place: .repository(git.plans, relative: relative))
        }
    }

    /// The repository's `.plantool.yaml` overlaid by the plan's, read from disk.
    public static func configuration(forPlan folder: URL) -> (LintConfiguration?, [Diagnostic]) {
        var places = [folder.standardizedFileURL]
        if let root = PlanDirectory.repositoryRoot(of: folder), root.path != places[0].path { places.insert(root, at: 0) }
        return layered(places.map { place in
            let url = place.appendingPathComponent(LintConfiguration.fileName)
            var status = stat()
            guard lstat(url.path, &status) == 0 else { return (Selection.display(url), nil) }  // none there
            return (Selection.display(url), PlanDirectory.read(url))
        })
    }

    /// The same, read from a git source (the index, a revision).
    public static func configuration(forRelativePlan plan: String, git: GitSelection, source: PlanSource) -> (LintConfiguration?, [Diagnostic]) {
        layered((plan.isEmpty ? [""] : ["", plan]).map { place in
            let relative = place.isEmpty ? LintConfiguration.fileName : place + "/" + LintConfiguration.fileName
            let bytes: Result<[UInt8], PlanFileError>?
            do {
                bytes = try git.plans.bytes(at: relative, from: source).map { .success($0) }
            } catch let error as PlanFileError {
                bytes = .failure(error)
            } catch {
                bytes = .failure(PlanFileError("cannot be read: \(error)"))
            }
            return (Selection.display(git.top.appendingPathComponent(relative)), bytes)
        })
    }

    /// Configuration files, outermost first, each laid over the ones before (nil: none there);
    /// nil with the problems when any of them is invalid, or there but unreadable (a link, a
    /// FIFO, larger than a plan file may be), which is never taken as no configuration.
    public static func layered(_ files: [(path: String, bytes: Result<[UInt8], PlanFileError>?)]) -> (LintConfiguration?, [Diagnostic]) {
        var result = LintConfiguration()
        var problems: [Diagnostic] = []
        for file in files {
            guard let contents = file.bytes else { continue }
            let bytes: [UInt8]
            switch contents {
            case .success(let read): bytes = read
            case .failure(let error):
                problems.append(Diagnostic(path: file.path, location: nil, severity: .error, rule: "configuration", message: error.message))
                continue
            }
            let (parsed, diagnostics) = LintConfiguration.parse(bytes, path: file.path)
            problems += diagnostics
            if let parsed { result = result.overlaid(by: parsed) }
        }
        return (problems.isEmpty ? result : nil, problems)
    }
}

/// A single file linted or checked on its own.
public enum SingleFilePlan {
    /// Checking a file named on its own: as a one-file plan, the way lint reads it.
    public static func check(_ url: URL) -> [Diagnostic] {
        let isPlan = PlanFileKind(fileName: url.lastPathComponent) == .plan
        let entry = PlanFiles.File(path: url.lastPathComponent, contents: read(url))
        return PlanLoader.load(files(entry, isPlan: isPlan, display: Selection.display(url))).diagnostics
    }

    /// A file named on the command line: its bytes when it is named and made as a plan file is
    /// (`.yaml` or `.yml`, a regular file within the size limit), else why not. Another file is
    /// refused, never skipped and counted as checked clean.
    public static func read(_ url: URL) -> Result<[UInt8], PlanFileError> {
        let name = url.lastPathComponent
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else {
            return .failure(PlanFileError("is not a plan file: a plan file's name ends in .yaml or .yml", rule: .fileName))
        }
        return PlanDirectory.read(url)
    }

    /// A one-file plan. A recommendation file keeps its place under `recommendations/` when it
    /// has one, so that the file-name rules apply to it exactly when they would in its plan.
    public static func files(_ entry: PlanFiles.File, isPlan: Bool, display: String) -> PlanFiles {
        let folder = (display as NSString).deletingLastPathComponent
        if isPlan {
            return PlanFiles(displayRoot: folder, planFile: entry, recommendationFiles: [])
        }
        if (folder as NSString).lastPathComponent == PlanDirectory.recommendationsFolder {
            var placed = entry
            placed.path = PlanDirectory.recommendationsFolder + "/" + entry.path
            return PlanFiles(displayRoot: (folder as NSString).deletingLastPathComponent, planFile: nil,
                             recommendationFiles: [placed], requiresPlanFile: false)
        }
        return PlanFiles(displayRoot: folder, planFile: nil, recommendationFiles: [entry], requiresPlanFile: false)
    }
}
