import PlanGit

/// The base revision the history rules compare a plan with (`HEAD` for the working tree and the
/// index, or the revision given with `--base`): only the recommendation files whose blob id
/// differs from the content being linted are read and parsed, so the cost follows the change.
public struct BasePlan: Sendable {
    /// A base recommendation file that differs from the linted content (changed, or gone).
    public struct File: Sendable {
        /// Path relative to the plan folder: `recommendations/05.yaml`.
        public var path: String
        /// Its recommendation; nil when the base's file cannot be read or does not parse (then
        /// nothing is compared with it).
        public var recommendation: Recommendation?
    }

    /// How the base is named in messages: `HEAD`, `origin/main`.
    public var name: String
    /// The base's recommendation files that differ from the linted ones.
    public var files: [File]
    /// The linted recommendation files (paths relative to the plan folder) whose content is the
    /// base's, byte for byte: the rules skip them.
    public var unchangedPaths: Set<String>

    /// How many base files were read and parsed.
    public var parsedFiles: Int { files.count }

    public init(name: String, files: [File], unchangedPaths: Set<String>) {
        self.name = name
        self.files = files
        self.unchangedPaths = unchangedPaths
    }

    /// Compares a base listing with the files to be linted by blob id, and reads and parses the
    /// base's side of the files that differ. Linted files without a blob id (read from disk) are
    /// hashed, as git itself would.
    public static func compare(name: String, base listing: PlanListing,
                               read: (PlanListing.Entry) -> Result<[UInt8], PlanFileError>,
                               with linted: PlanFiles) -> BasePlan {
        var lintedIDs: [String: ObjectID] = [:]
        for file in linted.recommendationFiles {
            if let id = file.blobID {
                lintedIDs[file.path] = id
            } else if case .success(let bytes) = file.contents, let id = try? ObjectID.hashBlob(bytes) {
                lintedIDs[file.path] = id
            }
        }
        var unchanged = Set<String>()
        var differing: [PlanListing.Entry] = []
        for entry in listing.recommendations {
            if let id = entry.blobID, lintedIDs[entry.path] == id {
                unchanged.insert(entry.path)
            } else {
                differing.append(entry)
            }
        }
        // Blobs are read one after another (one libgit2 repository), then parsed on every core.
        let contents: [(path: String, bytes: [UInt8]?)] = differing.map { entry in
            if case .success(let bytes) = entry.bytes ?? read(entry) { return (entry.path, bytes) }
            return (entry.path, nil)
        }
        let files = ParallelMap.map(contents) { input -> File in
            File(path: input.path, recommendation: input.bytes.flatMap {
                PlanFormat.parseRecommendation($0, path: input.path, keepsPlaces: false).value
            })
        }
        return BasePlan(name: name, files: files, unchangedPaths: unchanged)
    }
}

extension PlanListing {
    /// The listing of files already read (from disk, or given in memory), with the blob id git
    /// would give each.
    public init(files: PlanFiles) {
        func entry(_ file: PlanFiles.File) -> Entry {
            var id = file.blobID
            if id == nil, case .success(let bytes) = file.contents { id = try? ObjectID.hashBlob(bytes) }
            return Entry(path: file.path, blobID: id, kind: .blob, bytes: file.contents)
        }
        self.init(displayRoot: files.displayRoot, planFile: files.planFile.map(entry), recommendations: files.recommendationFiles.map(entry))
    }
}
