import CLibGit2
import Foundation

/// The repository's index, open for staging. Changes stay in memory until `write()`, so a
/// command that fails part way leaves the index file as it was.
public final class GitIndex {
    private let handle: OwnedHandle
    let repository: Repository  // the index must not outlive its repository
    var pointer: OpaquePointer { handle.pointer }

    /// The index, read afresh from its file. Owned from the moment libgit2 hands it over, so a
    /// failed read frees it too.
    init(repository: Repository) throws {
        var index: OpaquePointer?
        try check(git_repository_index(&index, repository.pointer), "open the index")
        guard let index else { throw GitError(operation: "open the index", message: "libgit2 returned none") }
        let handle = OwnedHandle(index, free: git_index_free)
        try check(git_index_read(index, 0), "read the index")
        self.handle = handle
        self.repository = repository
    }

    /// Paths with unresolved conflicts.
    public var conflictedPaths: [String] {
        var paths = Set<String>()
        for position in 0..<git_index_entrycount(pointer) {
            guard let entry = git_index_get_byindex(pointer, position) else { continue }
            if IndexEntry.stage(ofFlags: entry.pointee.flags) != 0 { paths.insert(String(cString: entry.pointee.path)) }
        }
        return paths.sorted()
    }

    /// Writes the staged content as trees and gives the top tree's id. Refuses, as `git
    /// write-tree` does, when an entry names an object the repository does not hold (a damaged
    /// repository): libgit2 would write the tree anyway, and a commit of it spreads the damage.
    public func writeTree() throws -> ObjectID {
        var database: OpaquePointer?
        try check(git_repository_odb(&database, repository.pointer), "open the object database")
        defer { git_odb_free(database) }
        for position in 0..<git_index_entrycount(pointer) {
            guard let entry = git_index_get_byindex(pointer, position) else { continue }
            if entry.pointee.mode == 0o160000 { continue }  // a submodule's commit is not ours
            var id = entry.pointee.id
            if git_odb_exists(database, &id) == 0 {
                throw GitError(operation: "write the staged tree",
                               message: "the repository is damaged: object \(ObjectID(id)) of \(String(cString: entry.pointee.path)) is missing (`git fsck` lists what is missing)")
            }
        }
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
        try withTree(tree, "", operation: "read the tree to commit") { treeObject in
            try createCommit(treeObject: treeObject, message: message, author: author, committer: committer,
                             parents: parents, updating: reference)
        }
    }

    private func createCommit(treeObject: OpaquePointer, message: String, author: Person, committer: Person,
                              parents: [ObjectID], updating reference: String?) throws -> ObjectID {
        var parentObjects: [OpaquePointer?] = []
        defer { parentObjects.forEach { git_commit_free($0) } }
        for parent in parents {
            var raw = parent.raw
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, pointer, &raw), "read parent commit \(parent.short)")
            parentObjects.append(commit)
        }
        return try author.withSignature { authorSignature in
            try committer.withSignature { committerSignature in
                var oid = git_oid()
                let code = parentObjects.withUnsafeMutableBufferPointer { buffer in
                    git_commit_create(&oid, pointer, reference, authorSignature, committerSignature, nil, message, treeObject,
                                      buffer.count, buffer.baseAddress)
                }
                try check(code, "write the commit")
                return ObjectID(oid)
            }
        }
    }
}
