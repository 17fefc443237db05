import CLibGit2
import Foundation

/// What a tree entry is.
public enum EntryKind: Sendable, Equatable {
    case blob
    case executable
    case link
    case tree
    case submodule

    init(mode: UInt32) {
        switch mode {
        case UInt32(GIT_FILEMODE_TREE.rawValue): self = .tree
        case UInt32(GIT_FILEMODE_BLOB_EXECUTABLE.rawValue): self = .executable
        case UInt32(GIT_FILEMODE_LINK.rawValue): self = .link
        case UInt32(GIT_FILEMODE_COMMIT.rawValue): self = .submodule
        default: self = .blob
        }
    }

    /// A regular file (executable or not).
    public var isFile: Bool { self == .blob || self == .executable }
}

/// An entry of a tree, copied out of libgit2.
public struct TreeEntry: Sendable, Equatable {
    public var name: String
    public var id: ObjectID
    public var kind: EntryKind
}

/// A file as git's index stages it.
public struct IndexEntry: Sendable, Equatable {
    /// Path from the top of the working tree.
    public var path: String
    public var id: ObjectID
    public var kind: EntryKind
    /// 0 normally; 1–3 for the sides of an unresolved merge conflict.
    public var stage: Int
}

extension IndexEntry {
    /// A libgit2 index entry's facts, copied out.
    init(_ entry: UnsafePointer<git_index_entry>) {
        self.init(path: String(cString: entry.pointee.path), id: ObjectID(entry.pointee.id),
                  kind: EntryKind(mode: entry.pointee.mode), stage: Self.stage(ofFlags: entry.pointee.flags))
    }

    /// The merge stage git keeps in two bits of an index entry's flags (libgit2's
    /// `GIT_INDEX_ENTRY_STAGE`, a C macro Swift cannot call).
    static func stage(ofFlags flags: UInt16) -> Int {
        Int((flags & UInt16(GIT_INDEX_ENTRY_STAGEMASK)) >> UInt16(GIT_INDEX_ENTRY_STAGESHIFT))
    }
}

/// Who made a change, and when.
public struct Person: Sendable, Equatable {
    public var name: String
    public var email: String
    /// Seconds since 1970.
    public var time: Int64
    /// Minutes east of UTC.
    public var offsetMinutes: Int32

    public init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    init(_ signature: UnsafePointer<git_signature>) {
        name = String(cString: signature.pointee.name)
        email = String(cString: signature.pointee.email)
        time = signature.pointee.when.time
        offsetMinutes = signature.pointee.when.offset
    }
}

/// A commit, copied out of libgit2.
public struct CommitInfo: Sendable, Equatable {
    public var id: ObjectID
    public var tree: ObjectID
    public var parents: [ObjectID]
    public var summary: String
    public var author: Person
    public var committer: Person
}

extension Repository {
    // MARK: Revisions

    /// The commit a revision names: `HEAD`, `HEAD~2`, a tag (annotated or not), a branch, a full
    /// or abbreviated id, `main@{1}`: whatever libgit2's rev-parse understands.
    public func commit(_ revision: String) throws -> CommitInfo {
        var object: OpaquePointer?
        git_error_clear()
        let code = git_revparse_single(&object, pointer, revision)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue {
            git_error_clear()
            throw GitError(operation: "resolve a revision", message: "revision '\(revision)' does not exist in this repository")
        }
        if code == GIT_EAMBIGUOUS.rawValue {
            git_error_clear()
            throw GitError(operation: "resolve a revision", message: "revision '\(revision)' is ambiguous; give more of the id")
        }
        if code == GIT_EUNBORNBRANCH.rawValue {
            git_error_clear()
            throw GitError(operation: "resolve a revision", message: "revision '\(revision)': the branch has no commits yet")
        }
        try check(code, "resolve revision '\(revision)'")
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        let peel = git_object_peel(&peeled, object, GIT_OBJECT_COMMIT)
        if peel < 0 {
            git_error_clear()
            throw GitError(operation: "resolve a revision", message: "revision '\(revision)' does not name a commit")
        }
        defer { git_object_free(peeled) }
        return try commitInfo(ObjectID(git_object_id(peeled)))
    }

    /// A commit's facts by id.
    public func commitInfo(_ id: ObjectID) throws -> CommitInfo {
        var raw = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &raw), "read commit \(id.short)")
        defer { git_commit_free(commit) }
        var parents: [ObjectID] = []
        for index in 0..<git_commit_parentcount(commit) {
            parents.append(ObjectID(git_commit_parent_id(commit, index)))
        }
        let summary = git_commit_summary(commit).map { String(cString: $0) } ?? ""
        return CommitInfo(id: id, tree: ObjectID(git_commit_tree_id(commit)), parents: parents, summary: summary,
                          author: Person(git_commit_author(commit)), committer: Person(git_commit_committer(commit)))
    }

    /// The commit HEAD points to; nil when its branch has no commit yet.
    public func headCommit() throws -> CommitInfo? {
        if isHeadUnborn { return nil }
        return try commit("HEAD")
    }

    // MARK: Trees and blobs

    /// The entries of the folder at `path` ("" for the top) of a tree; nil when there is no
    /// such folder.
    public func entries(ofTree treeID: ObjectID, at path: String) throws -> [TreeEntry]? {
        guard let folderID = try folderID(ofTree: treeID, at: path) else { return nil }
        return try withTree(folderID, path) { folder in
            let count = git_tree_entrycount(folder)
            var result: [TreeEntry] = []
            result.reserveCapacity(count)
            for index in 0..<count {
                guard let entry = git_tree_entry_byindex(folder, index) else { continue }
                result.append(Self.treeEntry(entry))
            }
            return result
        }
    }

    /// The entries of the folder at `path` that two trees do not share: for each side, the
    /// entries with no entry of the same name, id and mode on the other side (nil for a side
    /// without that folder). Entries both sides share are skipped without being copied out, so
    /// two large folders that differ in a few files cost little more than those files. When the
    /// folder's own ids are equal, nothing is read.
    public func differingEntries(ofTrees old: ObjectID, _ new: ObjectID, at path: String) throws -> (old: [TreeEntry]?, new: [TreeEntry]?) {
        let oldFolder = try folderID(ofTree: old, at: path)
        let newFolder = try folderID(ofTree: new, at: path)
        if let oldFolder, oldFolder == newFolder { return ([], []) }
        guard let oldFolder, let newFolder else {
            return (try oldFolder.map { try entries(ofTree: $0, at: "") ?? [] },
                    try newFolder.map { try entries(ofTree: $0, at: "") ?? [] })
        }
        return try withTree(oldFolder, path) { a in
            try withTree(newFolder, path) { b in Self.unsharedEntries(a, b) }
        }
    }

    /// For each of a sequence of trees (a folder in successive commits; nil where the folder is
    /// missing), the entries it and the tree before it do not share, as `differingEntries`
    /// gives them: the first tree, and a tree after a nil, has every entry on its new side; a
    /// nil after a tree has every entry of that tree on its old side. Each tree is looked up
    /// once and kept open for the comparison with the next: libgit2 does not cache a tree of
    /// more than 4 KiB, and a folder of thousands of files is read again at every lookup.
    public func differencesOfSuccessiveTrees(_ trees: [ObjectID?]) throws -> [(old: [TreeEntry], new: [TreeEntry])] {
        var previous: (id: ObjectID, tree: OwnedHandle)? = nil
        var result: [(old: [TreeEntry], new: [TreeEntry])] = []
        result.reserveCapacity(trees.count)
        for id in trees {
            guard let id else {
                result.append((previous.map { Self.allEntries($0.tree.pointer) } ?? [], []))
                previous = nil
                continue
            }
            if let previous, previous.id == id {
                result.append(([], []))
                continue
            }
            var raw = id.raw
            var tree: OpaquePointer?
            try check(git_tree_lookup(&tree, pointer, &raw), "read tree \(id.short)")
            guard let tree else { throw GitError(operation: "read tree \(id.short)", message: "libgit2 returned none") }
            let current = OwnedHandle(tree, free: { git_tree_free($0) })
            if let previous {
                let (old, new) = Self.unsharedEntries(previous.tree.pointer, tree)
                result.append((old ?? [], new ?? []))
            } else {
                result.append(([], Self.allEntries(tree)))
            }
            previous = (id, current)
        }
        return result
    }

    private static func allEntries(_ tree: OpaquePointer) -> [TreeEntry] {
        (0..<git_tree_entrycount(tree)).compactMap { git_tree_entry_byindex(tree, $0).map(treeEntry) }
    }

    /// The entries of two trees that have no twin (same name, id and mode) in the other.
    private static func unsharedEntries(_ a: OpaquePointer, _ b: OpaquePointer) -> (old: [TreeEntry]?, new: [TreeEntry]?) {
        let entry = Self.treeEntry
        // A merge of the two name-sorted lists. Were a tree not sorted as git sorts, the walk
        // would pair fewer entries and report more of them, never fewer: an entry is skipped only
        // beside its exact twin.
        var onlyOld: [TreeEntry] = [], onlyNew: [TreeEntry] = []
        let countA = git_tree_entrycount(a), countB = git_tree_entrycount(b)
        var i = 0, j = 0
        while i < countA || j < countB {
            guard i < countA, let x = git_tree_entry_byindex(a, i) else {
                if let y = git_tree_entry_byindex(b, j) { onlyNew.append(entry(y)) }
                j += 1
                continue
            }
            guard j < countB, let y = git_tree_entry_byindex(b, j) else {
                onlyOld.append(entry(x))
                i += 1
                continue
            }
            let order = strcmp(git_tree_entry_name(x), git_tree_entry_name(y))
            if order < 0 {
                onlyOld.append(entry(x))
                i += 1
            } else if order > 0 {
                onlyNew.append(entry(y))
                j += 1
            } else {
                if git_oid_cmp(git_tree_entry_id(x), git_tree_entry_id(y)) != 0
                    || git_tree_entry_filemode(x) != git_tree_entry_filemode(y) {
                    onlyOld.append(entry(x))
                    onlyNew.append(entry(y))
                }
                i += 1
                j += 1
            }
        }
        return (onlyOld, onlyNew)
    }

    /// The id of the folder at `path` of a tree (the tree itself for ""); nil when there is none.
    private func folderID(ofTree treeID: ObjectID, at path: String) throws -> ObjectID? {
        if path.isEmpty { return treeID }
        guard let found = try entry(ofTree: treeID, at: path), found.kind == .tree else { return nil }
        return found.id
    }

    /// A libgit2 tree entry's facts, copied out.
    private static func treeEntry(_ raw: OpaquePointer) -> TreeEntry {
        TreeEntry(name: String(cString: git_tree_entry_name(raw)), id: ObjectID(git_tree_entry_id(raw)),
                  kind: EntryKind(mode: git_tree_entry_filemode(raw).rawValue))
    }

    /// Runs `body` with a tree, looked up, and frees the tree when `body` returns: the tree
    /// must not escape it. `path` names the tree in errors ("" for its id), unless `operation`
    /// says what the lookup is for.
    func withTree<Result>(_ id: ObjectID, _ path: String, operation: String? = nil,
                          _ body: (OpaquePointer) throws -> Result) throws -> Result {
        let operation = operation ?? "read tree \(path.isEmpty ? id.short : path)"
        var raw = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &raw), operation)
        guard let tree else { throw GitError(operation: operation, message: "libgit2 returned none") }
        defer { git_tree_free(tree) }
        return try body(tree)
    }

    /// The entry at `path` of a tree; nil when there is none.
    public func entry(ofTree treeID: ObjectID, at path: String) throws -> TreeEntry? {
        try withTree(treeID, "") { tree in
            var entry: OpaquePointer?
            let code = git_tree_entry_bypath(&entry, tree, path)
            if code == GIT_ENOTFOUND.rawValue {
                git_error_clear()
                return nil
            }
            try check(code, "find \(path) in tree \(treeID.short)")
            guard let entry else { return nil }
            defer { git_tree_entry_free(entry) }
            return Self.treeEntry(entry)
        }
    }

    /// A blob's bytes, copied out; refuses blobs larger than `limit`.
    public func blob(_ id: ObjectID, limit: Int = Int.max) throws -> [UInt8] {
        var raw = id.raw
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &raw), "read blob \(id.short)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size <= limit else {
            var error = GitError(operation: "read blob \(id.short)", message: "blob is \(size) bytes, more than \(limit)")
            error.isTooLarge = true
            throw error
        }
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    // MARK: The index

    /// The staged entries whose path starts with `prefix` (a folder, with its trailing slash),
    /// read afresh from the index file.
    public func indexEntries(under prefix: String) throws -> [IndexEntry] {
        let index = try GitIndex(repository: self)
        var result: [IndexEntry] = []
        for position in 0..<git_index_entrycount(index.pointer) {
            guard let entry = git_index_get_byindex(index.pointer, position) else { continue }
            let copied = IndexEntry(entry)
            if prefix.isEmpty || copied.path.hasPrefix(prefix) { result.append(copied) }
        }
        return result
    }
}

extension Repository {
    /// Every file path of a tree (recursively), for finding plans in a revision.
    public func allPaths(ofTree treeID: ObjectID) throws -> [String] {
        var result: [String] = []
        var queue: [(ObjectID, String)] = [(treeID, "")]
        while let (id, prefix) = queue.popLast() {
            for entry in try entries(ofTree: id, at: "") ?? [] {
                let path = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
                if entry.kind == .tree { queue.append((entry.id, path)) } else { result.append(path) }
            }
        }
        return result
    }
}
