import PlanGit

/// The base revision the history rules compare a plan with (`HEAD` for the working tree and the
/// index, or the revision given with `--base`): only the recommendation files whose blob id
/// differs from the content being linted are read and parsed, so the cost follows the change.
public struct LintBase: Sendable {
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
                               with linted: PlanFiles) -> LintBase {
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
        return LintBase(name: name, files: files, unchangedPaths: unchanged)
    }
}

/// What the history rules compare: each changed recommendation with its version in the base
/// (matched by number, or by its text when renumbered), and the base's recommendations that are
/// gone.
public struct LintHistory: Sendable {
    /// A recommendation of the linted content and its version in the base.
    public struct Pair: Sendable {
        /// The base's version; when renumbered, its action ids are given under the new number.
        public var base: Recommendation
        /// The number it had in the base.
        public var baseNumber: Int
        public var site: RecommendationSite
    }

    /// An action of the linted content and its version in the base.
    public struct ActionPair: Sendable {
        public var site: RecommendationSite
        public var base: Action
        public var action: Action
        /// The action's field path: `actions[2]`.
        public var path: String
    }

    /// A base recommendation with nothing in the linted content.
    public struct Removed: Sendable {
        public var recommendation: Recommendation
        /// The path its file had, as shown in messages.
        public var path: String
    }

    /// How the base is named in messages.
    public var baseName: String
    public var pairs: [Pair]
    public var actions: [ActionPair]
    public var removed: [Removed]

    init(base: LintBase, loaded: LoadedPlan, sites: [RecommendationSite]) {
        baseName = base.name
        let siteByPath = Dictionary(sites.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        func name(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

        // Numbers the linted content has (parsed, or by file name for files that do not parse),
        // and numbers the base had.
        var present = Set<Int>()
        var baseNumbers = Set<Int>()
        var changed: [RecommendationSite] = []
        for file in loaded.recommendations {
            if let n = file.parsed.value?.number { present.insert(n) }
            if let n = PlanLoader.number(fromFileName: name(file.path)) { present.insert(n) }
            if base.unchangedPaths.contains(file.path) {
                if let n = file.parsed.value?.number { baseNumbers.insert(n) }
            } else if let site = siteByPath[loaded.files.displayPath(file.path)] {
                changed.append(site)
            }
        }
        var baseByNumber: [Int: (recommendation: Recommendation, path: String)] = [:]
        for file in base.files {
            if let n = PlanLoader.number(fromFileName: name(file.path)) { baseNumbers.insert(n) }
            guard let rec = file.recommendation else { continue }
            baseNumbers.insert(rec.number)
            if baseByNumber[rec.number] == nil { baseByNumber[rec.number] = (rec, file.path) }
        }

        var pairs: [Pair] = []
        for site in changed {
            if let before = baseByNumber[site.recommendation.number] {
                pairs.append(Pair(base: before.recommendation, baseNumber: site.recommendation.number, site: site))
            }
        }
        // Gone from its number: renumbered (matched by its text, as `plantool diff` does), else removed.
        var gone = baseByNumber.filter { !present.contains($0.key) }
        let added = changed.filter { !baseNumbers.contains($0.recommendation.number) }
        let goneNumbers = gone.keys.sorted()
        let matches = RecommendationMatcher.renumberings(
            gone: goneNumbers.map { RecommendationMatcher.Candidate(number: $0, text: gone[$0]!.recommendation.text) },
            new: added.map { RecommendationMatcher.Candidate(number: $0.recommendation.number, text: $0.recommendation.text) })
        for match in matches {
            let from = goneNumbers[match.from]
            let site = added[match.to]
            let earlier = RecommendationMatcher.movingActions(of: gone[from]!.recommendation, from: from, to: site.recommendation.number,
                                                              laterIDs: Set(site.recommendation.actions.map(\.id)))
            gone[from] = nil
            pairs.append(Pair(base: earlier, baseNumber: from, site: site))
        }
        self.pairs = pairs.sorted { $0.site.recommendation.number < $1.site.recommendation.number }
        removed = gone.sorted { $0.key < $1.key }.map {
            Removed(recommendation: $0.value.recommendation, path: loaded.files.displayPath($0.value.path))
        }
        actions = self.pairs.flatMap { pair -> [ActionPair] in
            var before: [String: Action] = [:]
            for action in pair.base.actions where before[action.id] == nil { before[action.id] = action }
            return pair.site.recommendation.actions.enumerated().compactMap { index, action in
                before[action.id].map { ActionPair(site: pair.site, base: $0, action: action, path: "actions[\(index)]") }
            }
        }
    }

    /// The updates of `now` that `before` did not have (matched by date and text, each once).
    static func addedUpdates(before: Action, now: Action) -> [Int] {
        var remaining = before.updates
        var added: [Int] = []
        for (index, update) in now.updates.enumerated() {
            if let match = remaining.firstIndex(where: { $0.date == update.date && $0.text == update.text }) {
                remaining.remove(at: match)
            } else {
                added.append(index)
            }
        }
        return added
    }

    /// The field path of an action's current target: the latest update that gives one, else the
    /// action's own.
    static func currentTargetField(_ action: Action, path: String) -> String {
        action.updates.lastIndex(where: { $0.target != nil }).map { "\(path).updates[\($0)].target" } ?? "\(path).target"
    }

    /// The field path of an action's current state.
    static func currentStateField(_ action: Action, path: String) -> String {
        action.updates.lastIndex(where: { $0.state != nil }).map { "\(path).updates[\($0)].state" } ?? "\(path).state"
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
