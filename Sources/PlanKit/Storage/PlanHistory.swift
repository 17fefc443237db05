import PlanGit

/// A plan's history on the first-parent line, oldest commit first, reading in each commit only
/// the recommendation files whose blob ids changed.
public struct PlanHistoryStep: Sendable {
    public var commit: CommitInfo
    /// The committer's day, in the committer's time zone.
    public var day: Day
    /// The recommendations this commit added or changed, by number; nil where a file was removed
    /// or does not parse in this commit.
    public var changed: [Int: Recommendation?]
}

/// What each commit of a plan's history changed in its recommendations folder, from the trees
/// alone: `PlanRepository.historyChanges`, for `walkHistory`.
public struct PlanHistoryChanges: Sendable {
    let folder: String
    let commits: [FolderChange]
    /// The versions of files that the last commit of the walk no longer holds, read and parsed
    /// with the trees (`readingSuperseded`), by blob id, in the order first met.
    var superseded: [(blobID: ObjectID, recommendation: Result<Recommendation?, any Error>)] = []

    /// A commit of the walk: the recommendation files it added or changed (name and blob id,
    /// sorted by name) and those it removed.
    struct FolderChange: Sendable {
        var info: CommitInfo
        var added: [(name: String, blobID: ObjectID)]
        var removed: [String]
    }
}

extension PlanRepository {
    /// The last commit on the first-parent line from `start` made on or before `day` (committer
    /// date), or nil when the history begins after it.
    public func lastCommit(onOrBefore day: Day, from start: String = "HEAD") throws -> CommitInfo? {
        let head = try repository.commit(start)
        for id in try repository.firstParentHistory(from: head.id) {
            let info = try repository.commitInfo(id)
            if Day.of(seconds: info.committer.time, offsetMinutes: info.committer.offsetMinutes) <= day { return info }
        }
        return nil
    }

    /// The first half of a walk over the history of the plan at `plan` (a folder relative to
    /// the top of the working tree) up to `end`: the commits up to `end` that changed the plan's
    /// recommendation files, and what each changed, from the trees alone. It may run on another
    /// thread, on a repository handle of its own, while the plan loads. With
    /// `readingSuperseded`, it also reads and parses every version of a file that `end` no
    /// longer holds: no plan loaded from `end` (or from a working tree made from it) holds those,
    /// so the walk would read them all after the plan.
    public func historyChanges(ofPlan plan: String, to end: ObjectID, readingSuperseded: Bool = false) throws -> PlanHistoryChanges {
        let folder = (plan.isEmpty ? "" : plan + "/") + PlanDirectory.recommendationsFolder
        let (commits, last) = try changedFiles(ofFolder: folder, to: end)
        var changes = PlanHistoryChanges(folder: folder, commits: commits)
        if readingSuperseded {
            var seen = last
            let wanted = commits.flatMap { commit in commit.added.filter { seen.insert($0.blobID).inserted } }
            changes.superseded = Array(zip(wanted.map(\.blobID), readAndParse(wanted, in: folder)))
        }
        return changes
    }

    /// The second half of the walk: reads every blob `changes` names that `known` does not hold
    /// (on this thread: one repository handle), parses it on every core, each distinct blob once,
    /// and calls `visit` for each commit that changed a recommendation file, oldest first.
    /// `known` holds recommendations already parsed, by the blob id of their file (the plan as
    /// loaded now): a blob found there is not read again.
    public func walkHistory(_ changes: PlanHistoryChanges, known: [ObjectID: Recommendation] = [:],
                            _ visit: (PlanHistoryStep) throws -> Void) throws {
        let folder = changes.folder, commits = changes.commits
        // What the trees' walk read is taken for blobs `known` does not hold (its error too).
        var recommendations: [ObjectID: Recommendation?] = [:]
        for (blobID, recommendation) in changes.superseded where known[blobID] == nil {
            recommendations[blobID] = .some(try recommendation.get())
        }
        for (blobID, recommendation) in known { recommendations[blobID] = .some(recommendation) }
        var wanted: [(name: String, blobID: ObjectID)] = []
        var seen = Set(recommendations.keys)
        for commit in commits {
            for file in commit.added where seen.insert(file.blobID).inserted { wanted.append(file) }
        }
        for (file, recommendation) in zip(wanted, readAndParse(wanted, in: folder)) {
            recommendations[file.blobID] = .some(try recommendation.get())
        }

        for commit in commits {
            var changed: [Int: Recommendation?] = [:]
            for name in commit.removed {
                if let number = PlanLoader.number(fromFileName: name) { changed[number] = .some(nil) }
            }
            for (name, blobID) in commit.added {
                if let number = PlanLoader.number(fromFileName: name) { changed[number] = .some(recommendations[blobID] ?? nil) }
            }
            try visit(PlanHistoryStep(commit: commit.info,
                                      day: Day.of(seconds: commit.info.committer.time, offsetMinutes: commit.info.committer.offsetMinutes),
                                      changed: changed))
        }
    }

    /// Each blob read (on this thread: one repository handle) and parsed on every core. A
    /// blob that cannot be read (a missing or damaged object) gives its error; one too large to
    /// be a plan file is, like one that does not parse, no recommendation.
    private func readAndParse(_ files: [(name: String, blobID: ObjectID)], in folder: String) -> [Result<Recommendation?, any Error>] {
        ParallelMap.pipelined(count: files.count, produce: { index in
            (files[index].name, Result { () throws -> [UInt8]? in
                do {
                    return try repository.blob(files[index].blobID, limit: Limits.maxFileBytes)
                } catch let error as GitError where error.isTooLarge {
                    return nil
                }
            })
        }) { (name, read) -> Result<Recommendation?, any Error> in
            read.map { bytes in
                guard let bytes else { return nil }
                let file = PlanFormat.parseRecommendation(bytes, path: folder + "/" + name, keepsPlaces: false)
                return file.diagnostics.hasErrors ? nil : file.value
            }
        }
    }

    /// The commits on the first-parent line up to `end`, oldest first, that changed a
    /// recommendation file in `folder`. A commit whose folder has the tree id of the commit
    /// before is skipped unread; otherwise only the entries the two folder trees do not share
    /// are copied out. With them, the blob ids of the recommendation files `end` holds.
    private func changedFiles(ofFolder folder: String, to end: ObjectID) throws
        -> (changes: [PlanHistoryChanges.FolderChange], last: Set<ObjectID>) {
        func isFile(_ entry: TreeEntry) -> Bool { entry.kind == .blob || entry.kind == .executable }
        // The commits whose folder tree differs from the commit's before, with that tree.
        var commits: [(info: CommitInfo, folder: ObjectID?)] = []
        var previousTree: ObjectID? = nil
        for id in try repository.firstParentHistory(from: end).reversed() {
            let commit = try repository.commitInfo(id)
            let treeID = try repository.entry(ofTree: commit.tree, at: folder).flatMap { $0.kind == .tree ? $0.id : nil }
            if treeID == previousTree { continue }
            previousTree = treeID
            commits.append((commit, treeID))
        }
        let differences = try repository.differencesOfSuccessiveTrees(commits.map(\.folder))
        var changes: [PlanHistoryChanges.FolderChange] = []
        // The recommendation files of the last commit read, by name.
        var files: [String: ObjectID] = [:]
        for (commit, difference) in zip(commits, differences) {
            // What each name that may have changed now holds (nil: no file).
            var now: [String: ObjectID?] = [:]
            for entry in difference.old { now[entry.name] = .some(nil) }
            for entry in difference.new { now[entry.name] = .some(isFile(entry) ? entry.id : nil) }
            var added: [(name: String, blobID: ObjectID)] = []
            var removed: [String] = []
            for (name, blobID) in now where files[name] != blobID && PlanLoader.number(fromFileName: name) != nil {
                files[name] = blobID
                if let blobID { added.append((name, blobID)) } else { removed.append(name) }
            }
            if added.isEmpty && removed.isEmpty { continue }
            changes.append(PlanHistoryChanges.FolderChange(info: commit.info, added: added.sorted { $0.name < $1.name }, removed: removed))
        }
        return (changes, Set(files.values))
    }
}
