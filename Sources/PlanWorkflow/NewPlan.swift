import Foundation
import PlanGit
import PlanKit

/// `init`: a new plan folder (plan.yaml, an empty recommendations/, schema/) and, outside any
/// repository, a repository with the plan as its first commit.
public struct NewPlan {
    /// The plan folder, created if missing.
    public var root: URL
    var shown: String { Selection.display(root) }

    public init(root: URL) {
        self.root = root
    }

    /// Refuses a file, a folder that already holds a plan, and a schema file that differs from
    /// plantool's; nothing is written before this.
    public func refuseIfTaken() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw WorkflowError(message: "\(shown) is a file, not a folder")
        }
        if PlanDirectory.isPlan(root) {
            throw WorkflowError(message: "\(shown) already holds a plan (plan.yaml); nothing was changed")
        }
        if let url = SchemaFolder.firstDiffering(in: root) {
            throw WorkflowError(message: "\(Selection.display(url)) exists and differs from plantool's schema; move it away first. Nothing was changed")
        }
    }

    /// Whether the folder is inside a git repository (looked for from its nearest folder that exists).
    public var isInRepository: Bool {
        var existing = root
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            existing = existing.deletingLastPathComponent()
        }
        return (try? Repository.discover(from: existing.path)) != nil
    }

    /// Refuses when the first commit could not be made (no identity known): checked before
    /// anything is written.
    public static func refuseWithoutIdentity(author: String?) throws {
        do {
            _ = try Identity.resolve(.author, repository: nil, override: author)
            _ = try Identity.resolve(.committer, repository: nil)
        } catch let error as GitError {
            throw WorkflowError(message: "\(error.message)\n(or create the plan without a repository: plantool init --no-git)")
        }
    }

    /// Writes recommendations/ (kept in git by a .gitkeep), schema/ and plan.yaml.
    public func write(_ info: PlanInfo) throws {
        let recommendations = root.appendingPathComponent(PlanDirectory.recommendationsFolder)
        do {
            try FileManager.default.createDirectory(at: recommendations, withIntermediateDirectories: true)
            // Those there already are plantool's (refuseIfTaken).
            try SchemaFolder.write(into: root)
            // Keeps the empty folder in git until the first recommendation is added.
            try FileWriter.writeAtomically("", to: recommendations.appendingPathComponent(".gitkeep"))
            try FileWriter.writeAtomically(CanonicalWriter.write(info), to: root.appendingPathComponent(PlanDirectory.planFileName))
        } catch let error as PlanFileError {
            throw WorkflowError(message: error.message)
        } catch {
            throw WorkflowError(message: "cannot create the plan in \(shown): \(error.localizedDescription)")
        }
    }

    /// A repository at the plan's folder, on branch main, with the plan as its first commit.
    public func createRepository(message: String, author: String?) throws -> Committer.Result {
        do {
            _ = try Repository.create(at: root.path, initialBranch: "main")
            return try Committer(git: try GitSelection.open(at: root.path)).commit(folder: "", message: message, author: author)
        } catch let error as GitError {
            throw WorkflowError(message: "the plan was created, but not its repository: \(error.message)")
        }
    }
}
