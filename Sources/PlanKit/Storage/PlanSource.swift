import Foundation
import PlanGit

/// Where a plan's files are read from.
public enum PlanSource: Sendable, Equatable, CustomStringConvertible {
    /// The files on disk, as they are now.
    case workingTree
    /// git's index: what the next commit will hold, so a partly staged file is seen as staged.
    case index
    /// Any revision git understands: `HEAD`, `HEAD~2`, a tag, a branch, an id, `main@{1}`.
    case revision(String)

    public var description: String {
        switch self {
        case .workingTree: "the working tree"
        case .index: "the index (staged changes)"
        case .revision(let revision): "revision \(revision)"
        }
    }
}

/// Plans inside a git repository, read from any source in one way.
public struct PlanRepository {
    public let repository: Repository

    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// The repository around `directory` (also inside a git hook or a linked worktree).
    public init(discoveringFrom directory: String) throws {
        self.repository = try Repository.discover(from: directory)
    }

    /// The top of the working tree.
    public var workingDirectory: String? { repository.workingDirectory }

    /// A plan's files from a source. `plan` is the plan folder relative to the top of the
    /// working tree ("" when the plan is the repository itself); `displayRoot` is how that folder
    /// is named in messages.
    public func files(ofPlan plan: String, from source: PlanSource, displayRoot: String) throws -> PlanFiles {
        let prefix = plan.isEmpty ? "" : plan + "/"
        let planPath = PlanDirectory.planFileName
        let folder = PlanDirectory.recommendationsFolder
        switch source {
        case .workingTree:
            guard let top = repository.workingDirectory else {
                throw GitError(operation: "read the working tree", message: "the repository is bare: it has no working tree")
            }
            var files = PlanDirectory.files(of: URL(fileURLWithPath: top).appendingPathComponent(plan), displayRoot: displayRoot)
            files.planFile = files.planFile.map(Self.withBlobID)
            files.recommendationFiles = ParallelMap.map(files.recommendationFiles, Self.withBlobID)
            return files

        case .index:
            let entries = try repository.indexEntries(under: prefix)
            var planFile: PlanFiles.File? = nil
            var recommendations: [PlanFiles.File] = []
            var seen = Set<String>()
            for entry in entries {
                let relative = String(entry.path.dropFirst(prefix.count))
                guard !seen.contains(relative) else { continue }  // conflict stages share a path
                if entry.stage != 0 {
                    seen.insert(relative)
                    let file = PlanFiles.File(path: relative, contents: .failure(PlanFileError(
                        "has an unresolved merge conflict in the index; resolve it and stage the result")))
                    if relative == planPath { planFile = file } else if Self.isRecommendation(relative, folder) { recommendations.append(file) }
                    continue
                }
                if relative == planPath {
                    planFile = read(entry.id, kind: entry.kind, path: relative)
                } else if relative == folder {
                    // A link, gitlink or file where the recommendations folder should be.
                    recommendations.append(Self.notAFolder(entry.kind, id: entry.id))
                } else if Self.isRecommendation(relative, folder) {
                    recommendations.append(read(entry.id, kind: entry.kind, path: relative))
                }
            }
            return PlanFiles(displayRoot: displayRoot, planFile: planFile, recommendationFiles: recommendations)

        case .revision(let revision):
            let commit = try repository.commit(revision)
            let planEntry = try repository.entry(ofTree: commit.tree, at: prefix + planPath)
            let planFile = planEntry.map { read($0.id, kind: $0.kind, path: planPath) }
            if let folderEntry = try repository.entry(ofTree: commit.tree, at: prefix + folder), folderEntry.kind != .tree {
                return PlanFiles(displayRoot: displayRoot, planFile: planFile,
                                 recommendationFiles: [Self.notAFolder(folderEntry.kind, id: folderEntry.id)])
            }
            let listed = try repository.entries(ofTree: commit.tree, at: prefix + folder) ?? []
            let recommendations = listed
                .filter { $0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".yml") }
                .map { read($0.id, kind: $0.kind, path: folder + "/" + $0.name) }
            return PlanFiles(displayRoot: displayRoot, planFile: planFile, recommendationFiles: recommendations)
        }
    }

    /// Plan folders (relative to the top) present in a source, sorted.
    public func plans(in source: PlanSource) throws -> [String] {
        let paths: [String]
        switch source {
        case .workingTree:
            guard let top = repository.workingDirectory else { return [] }
            let root = URL(fileURLWithPath: top)
            return PlanDirectory.plans(under: root).compactMap { repository.relativePath(of: $0.path) }
        case .index:
            paths = try repository.indexEntries(under: "").map(\.path)
        case .revision(let revision):
            let commit = try repository.commit(revision)
            paths = try repository.allPaths(ofTree: commit.tree)
        }
        let suffix = "/" + PlanDirectory.planFileName
        var plans = Set<String>()
        for path in paths {
            if path == PlanDirectory.planFileName { plans.insert("") }
            else if path.hasSuffix(suffix) {
                let folder = String(path.dropLast(suffix.count))
                if !folder.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { plans.insert(folder) }
            }
        }
        // A plan does not hold plans.
        let sorted = plans.sorted()
        return sorted.filter { plan in
            !sorted.contains { other in other != plan && (other.isEmpty || plan.hasPrefix(other + "/")) }
        }
    }

    private func read(_ id: ObjectID, kind: EntryKind, path: String) -> PlanFiles.File {
        switch kind {
        case .link:
            return PlanFiles.File(path: path, contents: .failure(PlanFileError(
                "is a symbolic link; plan files must be regular files (links are not followed)")), blobID: id)
        case .submodule:
            return PlanFiles.File(path: path, contents: .failure(PlanFileError(Self.gitlinkMessage)), blobID: id)
        case .tree:
            return PlanFiles.File(path: path, contents: .failure(PlanFileError("is a folder, not a file")), blobID: id)
        case .blob, .executable:
            do {
                return PlanFiles.File(path: path, contents: .success(try repository.blob(id, limit: Limits.maxFileBytes)), blobID: id)
            } catch let error as GitError {
                let rule: FormatRule = error.isTooLarge ? .fileTooLarge : .unreadableFile
                return PlanFiles.File(path: path, contents: .failure(PlanFileError(error.message, rule: rule)), blobID: id)
            } catch {
                return PlanFiles.File(path: path, contents: .failure(PlanFileError("\(error)")), blobID: id)
            }
        }
    }

    static let gitlinkMessage = "is a gitlink (a submodule's commit), not a file; plan files must be regular files"

    /// What stands where the recommendations folder should be, reported as the working tree
    /// reports a link there: never read as an empty folder (which would lose every recommendation).
    static func notAFolder(_ kind: EntryKind, id: ObjectID?) -> PlanFiles.File {
        let message = switch kind {
        case .link: "is a symbolic link; the recommendations folder must be a real folder (links are not followed)"
        case .submodule: "is a gitlink (a submodule's commit); the recommendations folder must be a real folder"
        default: "is a file; the recommendations folder must be a real folder"
        }
        return PlanFiles.File(path: PlanDirectory.recommendationsFolder, contents: .failure(PlanFileError(message)), blobID: id)
    }

    private static func isRecommendation(_ relative: String, _ folder: String) -> Bool {
        guard relative.hasPrefix(folder + "/") else { return false }
        let name = relative.dropFirst(folder.count + 1)
        return !name.contains("/") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
    }

    private static func withBlobID(_ file: PlanFiles.File) -> PlanFiles.File {
        var copy = file
        if case .success(let bytes) = file.contents { copy.blobID = try? ObjectID.hashBlob(bytes) }
        return copy
    }
}

extension PlanRepository {
    /// Refuses a link, gitlink or folder where a file is read: it is there, and not a file.
    static func requireFile(_ kind: EntryKind) throws(PlanFileError) {
        switch kind {
        case .blob, .executable: return
        case .link: throw PlanFileError("is a symbolic link; it must be a regular file (links are not followed)")
        case .submodule: throw PlanFileError(gitlinkMessage)
        case .tree: throw PlanFileError("is a folder, not a file")
        }
    }

    /// One file's bytes from a source (path relative to the top of the working tree); nil when
    /// the source has no such file; an error when what is there is not a file.
    public func bytes(at path: String, from source: PlanSource) throws -> [UInt8]? {
        switch source {
        case .workingTree:
            guard let top = repository.workingDirectory else { return nil }
            let url = URL(fileURLWithPath: top).appendingPathComponent(path)
            // A link (not followed), FIFO or oversized file there is an error, never "no file".
            guard PlanDirectory.exists(url) else { return nil }
            return try PlanDirectory.read(url).get()
        case .index:
            guard let entry = try repository.indexEntries(under: path).first(where: { $0.path == path && $0.stage == 0 }) else { return nil }
            try Self.requireFile(entry.kind)
            return try repository.blob(entry.id, limit: Limits.maxFileBytes)
        case .revision(let revision):
            let commit = try repository.commit(revision)
            guard let entry = try repository.entry(ofTree: commit.tree, at: path) else { return nil }
            try Self.requireFile(entry.kind)
            return try repository.blob(entry.id, limit: Limits.maxFileBytes)
        }
    }
}

/// A plan's files as a source lists them: paths and blob ids, read only on demand, so that
/// comparing two sources reads only the files whose ids differ.
public struct PlanListing: Sendable {
    public struct Entry: Sendable {
        /// Path relative to the plan folder: `plan.yaml`, `recommendations/05.yaml`.
        public var path: String
        public var blobID: ObjectID?
        var kind: EntryKind
        /// The bytes, when listing already had to read them (the working tree).
        var bytes: Result<[UInt8], PlanFileError>?
    }

    /// How the plan folder is named in messages.
    public var displayRoot: String
    public var planFile: Entry?
    public var recommendations: [Entry]

    /// A listing of one recommendation file alone (none when `entry` is nil), as a revision's
    /// tree holds it: what following one recommendation through history needs.
    public static func recommendationFile(_ entry: TreeEntry?, displayRoot: String) -> PlanListing {
        PlanListing(displayRoot: displayRoot, planFile: nil, recommendations: entry.map {
            [Entry(path: PlanDirectory.recommendationsFolder + "/" + $0.name, blobID: $0.id, kind: $0.kind)]
        } ?? [])
    }

    public func displayPath(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : displayRoot + "/" + relative
    }
}

extension PlanRepository {
    /// Lists a plan's files in a source without reading blobs (the working tree's files are read
    /// and hashed, as git itself must).
    public func listing(ofPlan plan: String, from source: PlanSource, displayRoot: String) throws -> PlanListing {
        let prefix = plan.isEmpty ? "" : plan + "/"
        let planPath = PlanDirectory.planFileName
        let folder = PlanDirectory.recommendationsFolder
        func isRecommendation(_ relative: String) -> Bool {
            guard relative.hasPrefix(folder + "/") else { return false }
            let name = relative.dropFirst(folder.count + 1)
            return !name.contains("/") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
        }
        switch source {
        case .workingTree:
            let files = try self.files(ofPlan: plan, from: .workingTree, displayRoot: displayRoot)
            func entry(_ file: PlanFiles.File) -> PlanListing.Entry {
                PlanListing.Entry(path: file.path, blobID: file.blobID, kind: .blob, bytes: file.contents)
            }
            return PlanListing(displayRoot: displayRoot, planFile: files.planFile.map(entry),
                               recommendations: files.recommendationFiles.map(entry))
        case .index:
            var planFile: PlanListing.Entry? = nil
            var recommendations: [PlanListing.Entry] = []
            for entry in try repository.indexEntries(under: prefix) where entry.stage == 0 {
                let relative = String(entry.path.dropFirst(prefix.count))
                if relative == planPath {
                    planFile = PlanListing.Entry(path: relative, blobID: entry.id, kind: entry.kind)
                } else if relative == folder {
                    recommendations.append(Self.notAFolderEntry(entry.kind, id: entry.id))
                } else if isRecommendation(relative) {
                    recommendations.append(PlanListing.Entry(path: relative, blobID: entry.id, kind: entry.kind))
                }
            }
            return PlanListing(displayRoot: displayRoot, planFile: planFile, recommendations: recommendations)
        case .revision(let revision):
            let commit = try repository.commit(revision)
            let planEntry = try repository.entry(ofTree: commit.tree, at: prefix + planPath)
            if let folderEntry = try repository.entry(ofTree: commit.tree, at: prefix + folder), folderEntry.kind != .tree {
                return PlanListing(displayRoot: displayRoot,
                                   planFile: planEntry.map { PlanListing.Entry(path: planPath, blobID: $0.id, kind: $0.kind) },
                                   recommendations: [Self.notAFolderEntry(folderEntry.kind, id: folderEntry.id)])
            }
            let listed = try repository.entries(ofTree: commit.tree, at: prefix + folder) ?? []
            return PlanListing(
                displayRoot: displayRoot,
                planFile: planEntry.map { PlanListing.Entry(path: planPath, blobID: $0.id, kind: $0.kind) },
                recommendations: listed.filter { $0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".yml") }
                    .map { PlanListing.Entry(path: folder + "/" + $0.name, blobID: $0.id, kind: $0.kind) })
        }
    }

    /// A plan's listings in two revisions, the recommendation files narrowed to those whose
    /// blobs differ (or that one side lacks): all a comparison reads, found by comparing the two
    /// trees entry by entry in libgit2, without copying out the thousands of entries both
    /// revisions share. (`PlanDiffer` reads only differing files either way; this only saves
    /// listing the rest.)
    public func differingListings(ofPlan plan: String, old: String, new: String,
                                  displayRoot: String) throws -> (old: PlanListing, new: PlanListing) {
        let prefix = plan.isEmpty ? "" : plan + "/"
        let planPath = PlanDirectory.planFileName
        let folder = PlanDirectory.recommendationsFolder
        let oldCommit = try repository.commit(old), newCommit = try repository.commit(new)
        let (oldEntries, newEntries) = try repository.differingEntries(ofTrees: oldCommit.tree, newCommit.tree, at: prefix + folder)
        func listing(_ tree: ObjectID, _ entries: [TreeEntry]?) throws -> PlanListing {
            let planEntry = try repository.entry(ofTree: tree, at: prefix + planPath)
            if let folderEntry = try repository.entry(ofTree: tree, at: prefix + folder), folderEntry.kind != .tree {
                return PlanListing(displayRoot: displayRoot,
                                   planFile: planEntry.map { PlanListing.Entry(path: planPath, blobID: $0.id, kind: $0.kind) },
                                   recommendations: [Self.notAFolderEntry(folderEntry.kind, id: folderEntry.id)])
            }
            return PlanListing(
                displayRoot: displayRoot,
                planFile: planEntry.map { PlanListing.Entry(path: planPath, blobID: $0.id, kind: $0.kind) },
                recommendations: (entries ?? []).filter { $0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".yml") }
                    .map { PlanListing.Entry(path: folder + "/" + $0.name, blobID: $0.id, kind: $0.kind) })
        }
        return (try listing(oldCommit.tree, oldEntries), try listing(newCommit.tree, newEntries))
    }

    /// The listing's stand-in for what stands where the recommendations folder should be: read,
    /// it gives the same error as `notAFolder`.
    static func notAFolderEntry(_ kind: EntryKind, id: ObjectID) -> PlanListing.Entry {
        PlanListing.Entry(path: PlanDirectory.recommendationsFolder, blobID: id, kind: kind,
                          bytes: notAFolder(kind, id: id).contents)
    }

    /// A listed file's bytes.
    public func contents(of entry: PlanListing.Entry) -> Result<[UInt8], PlanFileError> {
        if let bytes = entry.bytes { return bytes }
        guard let id = entry.blobID else { return .failure(PlanFileError("has no content")) }
        switch entry.kind {
        case .link: return .failure(PlanFileError("is a symbolic link; plan files must be regular files (links are not followed)"))
        case .submodule: return .failure(PlanFileError(PlanRepository.gitlinkMessage))
        case .tree: return .failure(PlanFileError("is a folder, not a file"))
        case .blob, .executable:
            do {
                return .success(try repository.blob(id, limit: Limits.maxFileBytes))
            } catch let error as GitError {
                return .failure(PlanFileError(error.message, rule: error.isTooLarge ? .fileTooLarge : .unreadableFile))
            } catch {
                return .failure(PlanFileError("\(error)"))
            }
        }
    }
}
