import Foundation
import PlanGit
import PlanKit

/// What `plantool draft finish` is about to do, written to the git folder before it touches the
/// working tree or any branch and removed once every step is done, as git keeps MERGE_HEAD
/// while a merge is under way. A finish stopped part way (killed, say) between checking out the
/// result and moving the base branch would otherwise leave the base unmoved and the working tree
/// holding some of the merge, which no command could tell from changes of the user's. With the
/// journal, the next `draft finish` knows which files the checkout was writing and what they
/// should become, and completes the job.
public struct DraftFinishJournal: Equatable, Sendable {
    public static let fileName = "plantool-draft-finish"
    public static let header = "# plantool draft finish was interrupted while this file is here; `plantool draft finish NAME` completes it"

    /// Which branch HEAD named when the finish started: the working tree then held that
    /// branch's tip (or, for another branch or a detached HEAD, `headWas`), and ends holding
    /// the result, with HEAD on the base.
    public enum Head: String, Sendable {
        case base, draft, other
    }

    /// The draft's name, without `draft/`.
    public var draft: String
    public var base: String
    /// Where the base pointed before the finish: the branch is moved from here to `result`.
    public var baseWas: ObjectID
    /// The commit the base ends at: the draft's tip (a fast-forward), the base's own tip (already
    /// merged) or the merge commit, which exists before the journal is written.
    public var result: ObjectID
    public var draftTip: ObjectID
    public var head: Head
    public var keep: Bool
    /// The commit HEAD was at when it was on neither the base nor the draft; nil otherwise, and
    /// in journals written before a finish switched from there (which then leave HEAD alone).
    public var headWas: ObjectID? = nil

    public init(draft: String, base: String, baseWas: ObjectID, result: ObjectID, draftTip: ObjectID,
                head: Head, keep: Bool, headWas: ObjectID? = nil) {
        self.draft = draft
        self.base = base
        self.baseWas = baseWas
        self.result = result
        self.draftTip = draftTip
        self.head = head
        self.keep = keep
        self.headWas = headWas
    }

    public var draftBranch: String { Drafts.prefix + draft }

    /// The commit the working tree held before the checkout, when there was one to do.
    public var checkoutFrom: ObjectID? {
        switch head {
        case .base: result == baseWas ? nil : baseWas
        case .draft: result == draftTip ? nil : draftTip
        case .other: headWas == result ? nil : headWas
        }
    }

    /// Whether HEAD is still where the finish found it: the switch to the base is still to do.
    public func headAsItStarted(_ repository: Repository) throws -> Bool {
        let current = try repository.currentBranch(), commit = try repository.headCommit()?.id
        switch head {
        case .base: return current == base && commit == baseWas
        case .draft: return current == draftBranch && commit == draftTip
        case .other: return headWas != nil && current != base && current != draftBranch && commit == headWas
        }
    }

    public static func url(in repository: Repository) -> URL {
        URL(fileURLWithPath: repository.gitDirectory).appendingPathComponent(fileName)
    }

    public var text: String {
        [Self.header,
         "draft \(draft)",
         "base \(base)",
         "base-was \(baseWas)",
         "result \(result)",
         "draft-tip \(draftTip)",
         "head \(head.rawValue)",
         "keep \(keep ? "yes" : "no")"].joined(separator: "\n") + (headWas.map { "\nhead-was \($0)" } ?? "") + "\n"
    }

    /// Reads a journal's text; nil (with the reason) when any line is missing, repeated or wrong.
    public static func parse(_ text: String) -> Result<DraftFinishJournal, WorkflowError> {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            guard let space = line.firstIndex(of: " ") else {
                return .failure(WorkflowError(message: "the line '\(line)' has no value"))
            }
            let key = String(line[..<space])
            guard values[key] == nil else { return .failure(WorkflowError(message: "'\(key)' is given twice")) }
            values[key] = String(line[line.index(after: space)...])
        }
        func value(_ key: String) throws(WorkflowError) -> String {
            guard let value = values[key], !value.isEmpty else { throw WorkflowError(message: "it has no '\(key)' line") }
            return value
        }
        func id(_ key: String) throws(WorkflowError) -> ObjectID {
            let text = try value(key)
            guard let id = ObjectID(hex: text) else { throw WorkflowError(message: "'\(key)' is not a commit id: \(text)") }
            return id
        }
        do throws(WorkflowError) {
            let known: Set = ["draft", "base", "base-was", "result", "draft-tip", "head", "keep", "head-was"]
            if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
                throw WorkflowError(message: "it has an unknown line '\(unknown)'")
            }
            let draft = try value("draft"), base = try value("base")
            guard (try? Drafts.validate(draft)) != nil, Repository.isValidBranchName(base) else {
                throw WorkflowError(message: "it names an invalid draft or branch")
            }
            guard let head = Head(rawValue: try value("head")) else { throw WorkflowError(message: "'head' is not base, draft or other") }
            let keep = try value("keep")
            guard keep == "yes" || keep == "no" else { throw WorkflowError(message: "'keep' is not yes or no") }
            return .success(DraftFinishJournal(draft: draft, base: base, baseWas: try id("base-was"), result: try id("result"),
                                               draftTip: try id("draft-tip"), head: head, keep: keep == "yes",
                                               headWas: values["head-was"] == nil ? nil : try id("head-was")))
        } catch {
            return .failure(error)
        }
    }

    /// The journal of an interrupted finish, nil when there is none; a journal that cannot be
    /// read is an error naming it, and stays where it is for a person to look at.
    public static func pending(in repository: Repository) throws -> DraftFinishJournal? {
        let url = url(in: repository)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw unreadable(url, "it cannot be read as text")
        }
        switch parse(text) {
        case .success(let journal): return journal
        case .failure(let problem): throw unreadable(url, problem.message)
        }
    }

    static func unreadable(_ url: URL, _ reason: String) -> WorkflowError {
        WorkflowError(message: "a plantool draft finish was interrupted, but its journal \(url.path) cannot be read (\(reason)); it was left in place and nothing was changed. Check the branches with `git log --oneline --all --graph` and `git status`, put them right by hand, then remove that file")
    }

    /// Writes the journal in one rename (the bytes synced first), so that a finish stopped at
    /// any moment leaves either no journal or a whole one.
    public func write(in repository: Repository) throws {
        do {
            try FileWriter.writeAtomically(text, to: Self.url(in: repository))
        } catch {
            throw WorkflowError(message: "cannot finish the draft: cannot write its journal in \(repository.gitDirectory) (\(error)); nothing was changed")
        }
    }

    public func remove(in repository: Repository) throws {
        do {
            try FileManager.default.removeItem(at: Self.url(in: repository))
        } catch {
            throw WorkflowError(message: "the draft '\(draft)' is finished, but its journal \(Self.url(in: repository).path) could not be removed (\(error.localizedDescription)); remove it by hand")
        }
    }

    // MARK: Completing

    /// Completes the finish this journal records, or refuses, changing nothing, when that is
    /// no longer safe. Returns what was done, for the command to print.
    public func complete(_ git: GitSelection) throws -> String {
        let repository = git.repository
        let url = Self.url(in: repository)
        let resume = "completed an interrupted draft finish of '\(draft)' into \(base)"
        guard let branch = try repository.branch(base) else {
            throw WorkflowError(message: "cannot complete the interrupted draft finish of '\(draft)': its base branch \(base) no longer exists; nothing was changed. Recreate it (git branch \(base) \(baseWas.short)) and run `plantool draft finish \(draft)` again, or remove \(url.path) and settle the branches by hand")
        }
        guard (try? repository.commitInfo(result)) != nil else {
            throw WorkflowError(message: "cannot complete the interrupted draft finish of '\(draft)': its result, commit \(result.short), is not in the repository; nothing was changed. \(base) is still at \(branch.tip.short): remove \(url.path), check `git status` (the interrupted checkout may have changed files; `git checkout -- FILE` restores one) and finish the draft again")
        }
        if branch.tip == baseWas && result != baseWas {
            try git.refuseIfLocked()
            try bringWorkingTree(git)
            try repository.moveBranch(base, from: baseWas, to: result, reason: "plantool draft finish \(draft) (completed)")
        } else if branch.tip != result {
            throw WorkflowError(message: "cannot complete the interrupted draft finish of '\(draft)': \(base) has moved since it started (it was at \(baseWas.short), the finish would have moved it to \(result.short), it is now at \(branch.tip.short)); nothing was changed. Check `git status` (the interrupted checkout may have changed files; `git checkout -- FILE` restores one), remove \(url.path), and run `plantool draft finish \(draft)` again to merge the draft into \(base) as it is now")
        } else {
            try git.refuseIfLocked()
            // The base had nothing to move (the draft was in it already), or it moved after the
            // checkout: a checkout cut short, if any, is completed before HEAD moves.
            if head != .base, try headAsItStarted(repository) { try bringWorkingTree(git) }
        }
        // The base holds the result: what is left is HEAD and the draft's branch.
        if head != .base, try headAsItStarted(repository) {
            try repository.setHead(toBranch: base)
        }
        var deleted = ""
        if !keep, let draftBranchNow = try repository.branch(draftBranch) {
            if draftBranchNow.tip == draftTip {
                try repository.deleteBranch(draftBranch)
                deleted = "; the draft's branch is deleted"
            } else {
                deleted = "; the draft's branch has new commits since (now at \(draftBranchNow.tip.short)) and is kept"
            }
        }
        try remove(in: repository)
        return "\(resume) (now at \(result.short))\(deleted)"
    }

    /// Makes the working tree hold the result, when the finish was to check it out: only the
    /// files that differ between what the working tree held and the result are written, and
    /// only once each is found to be the old version, the new one, or a write of the new one
    /// cut short (a first part of it, or no file yet). Any other change, to those files or
    /// any other tracked file, is the user's: completing refuses, naming it, and writes nothing.
    private func bringWorkingTree(_ git: GitSelection) throws {
        guard let from = checkoutFrom else { return }
        let repository = git.repository
        guard try headAsItStarted(repository) else {
            let current = try repository.currentBranch()
            let started = head == .base ? base : head == .draft ? draftBranch : "another branch or a detached HEAD"
            let back = head == .other ? "git switch --detach \(from.short)" : "git switch \(started)"
            throw WorkflowError(message: "cannot complete the interrupted draft finish of '\(draft)': it started on \(started) at \(from.short), but HEAD is now \(current ?? "detached") at \(try repository.headCommit()?.id.short ?? "no commit"); nothing was changed. Switch back (\(back)) and run `plantool draft finish \(draft)` again")
        }
        let paths = try repository.changedPaths(from: from, to: result)
        var problems: [String] = []
        for changed in try repository.changedFiles() where !paths.contains(changed.path) {
            problems.append("  \(changed.path)\(changed.staged ? " (staged)" : "")")
        }
        let oldTree = try repository.commitInfo(from).tree, newTree = try repository.commitInfo(result).tree
        for path in paths.sorted() {
            let old = try version(of: path, in: oldTree, repository), new = try version(of: path, in: newTree, repository)
            let file = URL(fileURLWithPath: git.top.path).appendingPathComponent(path)
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder)
            if isFolder.boolValue {
                problems.append("  \(path) (a folder)")
                continue
            }
            // A link is compared by where it points, as git holds it.
            let link = try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)
            let now = exists || link != nil ? (link.map { Data($0.utf8) } ?? FileManager.default.contents(atPath: file.path)) : nil
            if now == old || now == new { continue }
            // Not written yet (removed to be replaced), or written in part.
            if let new, now.map({ new.starts(with: $0) }) ?? true { continue }
            problems.append("  \(path)")
        }
        if !problems.isEmpty {
            throw WorkflowError(message: "cannot complete the interrupted draft finish of '\(draft)': these files have changes that are not the finish's own:\n\(problems.joined(separator: "\n"))\nnothing was changed; commit them elsewhere or put them aside (git stash), then run `plantool draft finish \(draft)` again")
        }
        try repository.forceCheckout(commit: result, paths: paths.sorted())
    }

    /// A path's bytes in a tree, nil when the tree has no file there.
    private func version(of path: String, in tree: ObjectID, _ repository: Repository) throws -> Data? {
        guard let entry = try repository.entry(ofTree: tree, at: path), entry.kind != .tree, entry.kind != .submodule else { return nil }
        return Data(try repository.blob(entry.id))
    }
}
