import CLibGit2
import Foundation

/// The repository's index, open for staging. Changes stay in memory until `write()`, so a
/// command that fails part way leaves the index file as it was.
public final class GitIndex {
    let pointer: OpaquePointer
    private let repository: Repository  // the index must not outlive its repository

    init(repository: Repository) throws {
        var index: OpaquePointer?
        try check(git_repository_index(&index, repository.pointer), "open the index")
        guard let index else { throw GitError(operation: "open the index", message: "libgit2 returned none") }
        try check(git_index_read(index, 0), "read the index")
        self.pointer = index
        self.repository = repository
    }

    deinit { git_index_free(pointer) }

    /// Stages every change under `folder` (relative to the top of the working tree): new and
    /// changed files (ignored ones excepted) and deletions, as `git add -A folder` does.
    public func stageAll(under folder: String) throws {
        let spec = folder.isEmpty ? "." : folder
        try withPathspec([spec]) { paths in
            try check(git_index_add_all(pointer, paths, GIT_INDEX_ADD_DEFAULT.rawValue, nil, nil), "stage \(spec)")
            try check(git_index_update_all(pointer, paths, nil, nil), "stage deletions under \(spec)")
        }
    }

    /// Writes the staged content as trees and gives the top tree's id.
    public func writeTree() throws -> ObjectID {
        var oid = git_oid()
        try check(git_index_write_tree(&oid, pointer), "write the staged tree")
        return ObjectID(oid)
    }

    /// Saves the index file (through git's index.lock).
    public func write() throws {
        try check(git_index_write(pointer), "save the index")
    }

    /// Whether any entry is in conflict.
    public var hasConflicts: Bool { git_index_has_conflicts(pointer) == 1 }

    private func withPathspec(_ specs: [String], _ body: (UnsafeMutablePointer<git_strarray>) throws -> Void) throws {
        var cStrings = specs.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        try cStrings.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            try body(&array)
        }
    }
}

extension Repository {
    /// The index, for staging.
    public func index() throws -> GitIndex {
        try GitIndex(repository: self)
    }

    /// Writes a commit of `tree` on top of HEAD (or as the first commit of HEAD's branch) and
    /// moves the branch to it. libgit2 refuses when the branch moved meanwhile (another process
    /// committed), so no commit is ever lost.
    public func createCommit(tree: ObjectID, message: String, author: Person, committer: Person,
                             parents: [ObjectID], updating reference: String? = "HEAD") throws -> ObjectID {
        var treeRaw = tree.raw
        var treeObject: OpaquePointer?
        try check(git_tree_lookup(&treeObject, pointer, &treeRaw), "read the tree to commit")
        defer { git_tree_free(treeObject) }

        var parentObjects: [OpaquePointer?] = []
        defer { parentObjects.forEach { git_commit_free($0) } }
        for parent in parents {
            var raw = parent.raw
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, pointer, &raw), "read parent commit \(parent.short)")
            parentObjects.append(commit)
        }
        let authorSignature = try author.signature()
        defer { git_signature_free(authorSignature) }
        let committerSignature = try committer.signature()
        defer { git_signature_free(committerSignature) }

        var oid = git_oid()
        let code = parentObjects.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&oid, pointer, reference, authorSignature, committerSignature, nil, message, treeObject,
                              buffer.count, buffer.baseAddress)
        }
        try check(code, "write the commit")
        return ObjectID(oid)
    }
}
