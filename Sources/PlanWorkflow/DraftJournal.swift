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
}
