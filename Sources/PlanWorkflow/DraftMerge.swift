import PlanGit
import PlanKit

/// The merge of a draft into its base when both changed: every file changed on one side only
/// is taken as git merges it; plan files changed on both sides are merged by structure
/// (PlanMerge), a recommendation renumbered (its file renamed) on one side included; the merged
/// tree exists only when every file merged cleanly, and nothing a side holds was lost. A new
/// action of theirs kept under another id is returned as a note for the caller to say.
public enum DraftMerge {
    /// A file that did not merge: its path and what stood in the way.
    public struct Problem {
        public var path: String
        public var reasons: [String]
    }

    public enum Outcome {
        /// The merged tree, and what the merge did that its caller must say once it holds
        /// (a new action of theirs kept under another id).
        case merged(ObjectID, notes: [String])
        case problems([Problem])
    }

    /// The merged tree's id, or every problem. Nothing is written to the repository unless
    /// every plan file changed on both sides merged cleanly.
    public static func merge(_ repository: Repository, base: ObjectID, ours: ObjectID, theirs: ObjectID,
                      oursName: String, theirsName: String) throws -> Outcome {
        let changedOurs = try repository.changedPaths(from: base, to: ours)
        let changedTheirs = try repository.changedPaths(from: base, to: theirs)
        let both = changedOurs.intersection(changedTheirs).sorted()
        let trees = try (base: repository.commitInfo(base).tree, ours: repository.commitInfo(ours).tree,
                         theirs: repository.commitInfo(theirs).tree)
        let limit = Limits.maxFileBytes
        var merged: [String: [UInt8]] = [:]
        var replaced = Set<String>()  // old paths of renumbered recommendations
        var problems: [Problem] = []
        var notes: [String] = []  // new actions of theirs kept under another id

        /// Merges one file's three versions (ours and theirs maybe at other paths than `path`).
        func mergeFile(_ path: String, kind: PlanFileKind, base b: TreeEntry?, ours o: TreeEntry, theirs t: TreeEntry) throws -> (text: String, number: Int?)? {
            guard o.kind.isFile, t.kind.isFile, b.map(\.kind.isFile) ?? true else {
                problems.append(Problem(path: path, reasons: ["not a regular file on every side"]))
                return nil
            }
            let outcome = PlanFileMerge.merge(base: try b.map { try repository.blob($0.id, limit: limit) },
                                              ours: try repository.blob(o.id, limit: limit),
                                              theirs: try repository.blob(t.id, limit: limit), kind: kind, path: path)
            switch outcome {
            case .merged(let text, let conflicts, let renumbered):
                notes += renumbered.map {
                    let from = UnsafeCharacters.neutralised($0.from, keepingLineBreaks: false)
                    let to = UnsafeCharacters.neutralised($0.to, keepingLineBreaks: false)
                    return "\(Drafts.describe(path: path)): \(oursName) and \(theirsName) both added action \(from); \(theirsName)'s is kept as \(to)"
                }
                guard conflicts.isEmpty else {
                    problems.append(Problem(path: path, reasons: conflicts.map {
                        "\($0.field): \(oursName) \(MergeConflict.show($0.ours)), \(theirsName) \(MergeConflict.show($0.theirs))"
                    }))
                    return nil
                }
                let number = kind == .recommendation ? PlanFormat.parseRecommendation(Array(text.utf8), path: path, keepsPlaces: false).value?.number : nil
                return (text, number)
            case .refused(let reasons):
                problems.append(Problem(path: path, reasons: reasons.map { reason in
                    reason.described(naming: { $0 == "ours" ? oursName : $0 == "theirs" ? theirsName : $0 })
                }))
                return nil
            case .unreadable(let side, let error):
                let name = side == "ours" ? oursName : side == "theirs" ? theirsName : "the common ancestor"
                problems.append(Problem(path: path, reasons: ["cannot be read as a plan file in \(name)\(error.map { ": \($0.message)" } ?? "")"]))
                return nil
            }
        }

        /// The file a side renumbered the recommendation at `path` to: a recommendation file it
        /// added in the same folder, that only it changed, with the same recommendation text.
        func renumbered(_ path: String, base b: TreeEntry, tree: ObjectID, changed: Set<String>, other: Set<String>) throws -> (path: String, entry: TreeEntry)? {
            guard let baseText = PlanFormat.parseRecommendation(try repository.blob(b.id, limit: limit), path: path, keepsPlaces: false).value?.text else { return nil }
            let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            for candidate in changed.sorted() where !other.contains(candidate) && candidate != path {
                guard PlanFileMerge.kind(ofRepositoryPath: candidate) == .recommendation,
                      candidate.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") == folder,
                      try repository.entry(ofTree: trees.base, at: candidate) == nil,
                      let entry = try repository.entry(ofTree: tree, at: candidate), entry.kind.isFile,
                      PlanFormat.parseRecommendation(try repository.blob(entry.id, limit: limit), path: candidate, keepsPlaces: false).value?.text == baseText
                else { continue }
                return (candidate, entry)
            }
            return nil
        }

        /// "renumbered to 9 in main (recommendations/09.yaml) and to 7 in the draft (…)".
        func renumberedTwice(_ path: String, ours: String, theirs: String) -> String {
            func number(_ path: String) -> String {
                (path.split(separator: "/").last.flatMap { PlanLoader.number(fromFileName: String($0)) }).map(String.init) ?? path
            }
            return "renumbered to \(number(ours)) in \(oursName) (\(ours)) and to \(number(theirs)) in \(theirsName) (\(theirs)): give it one number on both sides"
        }

        for path in both {
            guard let kind = PlanFileMerge.kind(ofRepositoryPath: path) else { continue }
            let b = try repository.entry(ofTree: trees.base, at: path)
            let o = try repository.entry(ofTree: trees.ours, at: path)
            let t = try repository.entry(ofTree: trees.theirs, at: path)
            if let o, let t {
                if let result = try mergeFile(path, kind: kind, base: b, ours: o, theirs: t) { merged[path] = Array(result.text.utf8) }
                continue
            }
            guard o != nil || t != nil else {
                // Deleted on both sides: truly, or renumbered on each, to two numbers that
                // cannot both be the recommendation's.
                if kind == .recommendation, let b,
                   let ourMove = try renumbered(path, base: b, tree: trees.ours, changed: changedOurs, other: changedTheirs),
                   let theirMove = try renumbered(path, base: b, tree: trees.theirs, changed: changedTheirs, other: changedOurs),
                   ourMove.path != theirMove.path {
                    problems.append(Problem(path: path, reasons: [renumberedTwice(path, ours: ourMove.path, theirs: theirMove.path)]))
                }
                continue
            }
            // Deleted on one side: renumbered there (the file renamed), or truly deleted.
            if kind == .recommendation, let b {
                let moved = o == nil
                    ? try renumbered(path, base: b, tree: trees.ours, changed: changedOurs, other: changedTheirs)
                    : try renumbered(path, base: b, tree: trees.theirs, changed: changedTheirs, other: changedOurs)
                if let moved {
                    let ourEntry = o ?? moved.entry, theirEntry = t ?? moved.entry
                    if let result = try mergeFile(path, kind: kind, base: b, ours: ourEntry, theirs: theirEntry) {
                        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                        let target = result.number.map { (folder.isEmpty ? "" : folder + "/") + Recommendation.fileName(for: $0) } ?? moved.path
                        merged[target] = Array(result.text.utf8)
                        replaced.formUnion([path, moved.path].filter { $0 != target })
                    }
                    continue
                }
            }
            let deleter = o == nil ? oursName : theirsName
            problems.append(Problem(path: path, reasons: ["deleted in \(deleter) and changed in \(o == nil ? theirsName : oursName)"]))
        }
        guard problems.isEmpty else { return .problems(problems) }

        let index = try repository.mergeIndex(base: base, ours: ours, theirs: theirs)
        let handled = Set(merged.keys).union(replaced)
        let left = try index.conflicts().filter { !$0.paths.allSatisfy(handled.contains) }
        guard left.isEmpty else {
            return .problems(left.map { Problem(path: $0.paths.joined(separator: ", "), reasons: ["changed on both sides and not a plan file plantool merges"]) })
        }
        for path in replaced.sorted() { try index.remove(path) }
        for (path, bytes) in merged.sorted(by: { $0.key < $1.key }) {
            try index.set(path, blob: try repository.writeBlob(bytes))
        }
        return .merged(try index.writeTree(), notes: notes)
    }
}
