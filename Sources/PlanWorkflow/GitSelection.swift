import Foundation
import PlanGit
import PlanKit

/// Plans in the git repository around the current folder.
public struct GitSelection {
    public let plans: PlanRepository
    public let top: URL

    /// The repository around the current folder (or the one a git hook names in GIT_DIR).
    /// A command that only reads (`readingOnly`) reads objects as the git CLI does when it
    /// shows history, without hashing each one again (see `Git.setVerifiesObjectHashes`).
    public static func open(at directory: String = FileManager.default.currentDirectoryPath, readingOnly: Bool = false) throws -> GitSelection {
        let cwd = directory
        if readingOnly {
            Git.setVerifiesObjectHashes(false)
        }
        let repository: Repository
        do {
            repository = try Repository.discover(from: cwd)
        } catch let error as GitError {
            throw WorkflowError(message: error.message)
        }
        guard let top = repository.workingDirectory else {
            throw WorkflowError(message: "the repository at \(repository.gitDirectory) is bare: plantool works in a working tree")
        }
        return GitSelection(plans: PlanRepository(repository), top: URL(fileURLWithPath: top))
    }

    public var repository: Repository { plans.repository }

    /// The plan folders to work on, relative to the top of the working tree: the one named by
    /// --plan, else the one around the current folder, else every plan in the source.
    public func plans(named plan: String?, in source: PlanSource) throws -> [String] {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let plan {
            let url = URL(fileURLWithPath: plan, relativeTo: cwd).standardizedFileURL
            guard let relative = repository.relativePath(of: url.path) else {
                throw WorkflowError(message: "\(plan) is outside the repository at \(top.path)")
            }
            return [relative]
        }
        if let enclosing = PlanDirectory.enclosingPlan(of: cwd), let relative = repository.relativePath(of: enclosing.path) {
            return [relative]
        }
        let found: [String]
        do {
            found = try plans.plans(in: source)
        } catch let error as GitError {
            throw WorkflowError(message: error.message)
        }
        guard !found.isEmpty else {
            throw WorkflowError(message: "no plan found in \(source): no plan.yaml in the repository; create one with `plantool init`")
        }
        return found
    }

    /// A plan's files from a source, with paths shown from the current folder.
    public func files(of plan: String, from source: PlanSource) throws -> PlanFiles {
        do {
            return try plans.files(ofPlan: plan, from: source, displayRoot: Selection.display(top.appendingPathComponent(plan)))
        } catch let error as GitError {
            throw WorkflowError(message: error.message)
        }
    }
}

extension GitSelection {
    /// The one plan a command that changes history works on: --plan, the plan around the current
    /// folder, or the repository's only plan.
    public func singlePlan(named plan: String?) throws -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if plan != nil || PlanDirectory.enclosingPlan(of: cwd) != nil {
            return try plans(named: plan, in: .workingTree)[0]
        }
        let all = try plans(named: nil, in: .workingTree)
        guard all.count == 1 else {
            throw WorkflowError(message: "the repository holds \(all.count) plans (\(all.joined(separator: ", "))): name one with --plan DIR or run from inside it")
        }
        return all[0]
    }

    /// Refuses while another git process holds the index.
    public func refuseIfLocked() throws {
        let lock = URL(fileURLWithPath: repository.gitDirectory).appendingPathComponent("index.lock")
        if FileManager.default.fileExists(atPath: lock.path) {
            throw WorkflowError(message: "another git process seems to be running in this repository (\(lock.path) exists); nothing was changed. If no git process is running, remove that file and try again")
        }
    }

    /// A libgit2 failure said the way a plan author understands it.
    public func explain(_ error: GitError, doing action: String) -> WorkflowError {
        // libgit2 gives GIT_ELOCKED for a held ref or index lock, but a plain error for a held
        // config.lock ("failed to lock file ..."); a lock left by a process that was killed
        // stays until someone removes it, so say so.
        if error.isLocked || error.message.hasPrefix("failed to lock file") {
            return WorkflowError(message: "another git process holds a lock (\(error.message)); try again when it has finished. If no git process is running, one was stopped part way: remove the .lock file named here and try again")
        }
        // The branch moved between reading it and updating it: libgit2 says "current tip is not
        // the first parent" or, when the update itself loses the race, "old reference value
        // does not match"; both are GIT_EMODIFIED.
        if error.isModified || error.message.contains("current tip is not the first parent") {
            return WorkflowError(message: "the branch moved while plantool was committing (another commit was made at the same time); nothing was committed. Run the command again")
        }
        return WorkflowError(message: "cannot \(action): \(error.message)")
    }
}
