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

    /// Walks the history of the plan at `plan` (a folder relative to the top of the working
    /// tree) from the root commit up to `end`, oldest first, calling `visit` for each commit that
    /// changed a recommendation file.
    public func walkHistory(ofPlan plan: String, to end: ObjectID, _ visit: (PlanHistoryStep) throws -> Void) throws {
        let folder = (plan.isEmpty ? "" : plan + "/") + PlanDirectory.recommendationsFolder
        var previousTree: ObjectID? = nil
        var previousCommit: ObjectID? = nil
        var previous: [String: ObjectID] = [:]
        for id in try repository.firstParentHistory(from: end).reversed() {
            let commit = try repository.commitInfo(id)
            let treeID = try repository.entry(ofTree: commit.tree, at: folder)?.id
            defer { previousCommit = id }
            if treeID == previousTree { continue }
            previousTree = treeID
            var now = previous
            if let parent = previousCommit, !previous.isEmpty {
                // Only the paths git's tree diff names: unchanged subtrees are skipped by id.
                for path in try repository.changedPaths(from: parent, to: id) where path.hasPrefix(folder + "/") {
                    let name = String(path.dropFirst(folder.count + 1))
                    guard !name.contains("/"), PlanLoader.number(fromFileName: name) != nil else { continue }
                    if let entry = try repository.entry(ofTree: commit.tree, at: path),
                       entry.kind == .blob || entry.kind == .executable {
                        now[name] = entry.id
                    } else {
                        now[name] = nil
                    }
                }
            } else {
                now = [:]
                for entry in try treeID.map({ _ in try repository.entries(ofTree: commit.tree, at: folder) ?? [] }) ?? []
                where entry.kind == .blob || entry.kind == .executable {
                    guard PlanLoader.number(fromFileName: entry.name) != nil else { continue }
                    now[entry.name] = entry.id
                }
            }
            let added = now.filter { previous[$0.key] != $0.value }.sorted { $0.key < $1.key }
            let removed = previous.keys.filter { now[$0] == nil }
            previous = now
            if added.isEmpty && removed.isEmpty { continue }
            // Blobs are read on this thread (one repository handle), then parsed on every core.
            let read = added.map { (name, blobID) in (name, try? repository.blob(blobID, limit: Limits.maxFileBytes)) }
            let parsed = ParallelMap.map(read) { (name, bytes) -> (Int?, Recommendation?) in
                let number = PlanLoader.number(fromFileName: name)
                guard let bytes else { return (number, nil) }
                let file = PlanFormat.parseRecommendation(bytes, path: folder + "/" + name)
                return (number, file.diagnostics.hasErrors ? nil : file.value)
            }
            var changed: [Int: Recommendation?] = [:]
            for name in removed {
                if let number = PlanLoader.number(fromFileName: name) { changed[number] = .some(nil) }
            }
            for (number, rec) in parsed {
                if let number { changed[number] = .some(rec) }
            }
            try visit(PlanHistoryStep(commit: commit,
                                      day: Day.of(seconds: commit.committer.time, offsetMinutes: commit.committer.offsetMinutes),
                                      changed: changed))
        }
    }
}
