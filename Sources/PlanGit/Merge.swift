import CLibGit2

/// A text merge of three versions of a file, as git merges a file: the result, with git's
/// conflict markers where the two sides changed the same lines.
public struct FileMerge: Sendable, Equatable {
    public var bytes: [UInt8]
    /// No conflict markers were needed.
    public var clean: Bool

    /// Merges `ours` and `theirs` from `ancestor` (nil: no common version) line by line, with
    /// libgit2's `git_merge_file`; the labels name the sides in the conflict markers.
    public static func merge(ancestor: [UInt8]?, ours: [UInt8], theirs: [UInt8], path: String,
                             labels: (ancestor: String, ours: String, theirs: String) = ("base", "ours", "theirs")) throws -> FileMerge {
        Git.ensureInitialised()
        var options = git_merge_file_options()
        try check(git_merge_file_options_init(&options, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION)), "prepare file merge options")
        var result = git_merge_file_result()
        let code: Int32 = (ancestor ?? []).withUnsafeBufferPointer { a in
            ours.withUnsafeBufferPointer { o in
                theirs.withUnsafeBufferPointer { t in
                    path.withCString { cPath in
                        labels.ancestor.withCString { la in
                            labels.ours.withCString { lo in
                                labels.theirs.withCString { lt in
                                    func input(_ buffer: UnsafeBufferPointer<UInt8>) -> git_merge_file_input {
                                        var input = git_merge_file_input()
                                        git_merge_file_input_init(&input, UInt32(GIT_MERGE_FILE_INPUT_VERSION))
                                        input.ptr = UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                                        input.size = buffer.count
                                        input.path = cPath
                                        input.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
                                        return input
                                    }
                                    var ancestorInput = input(a)
                                    var ourInput = input(o)
                                    var theirInput = input(t)
                                    options.ancestor_label = la
                                    options.our_label = lo
                                    options.their_label = lt
                                    if ancestor == nil {
                                        return git_merge_file(&result, nil, &ourInput, &theirInput, &options)
                                    }
                                    return git_merge_file(&result, &ancestorInput, &ourInput, &theirInput, &options)
                                }
                            }
                        }
                    }
                }
            }
        }
        try check(code, "merge \(path) as text")
        defer { git_merge_file_result_free(&result) }
        var bytes: [UInt8] = []
        if let pointer = result.ptr, result.len > 0 {
            bytes = Array(UnsafeRawBufferPointer(start: pointer, count: result.len))
        }
        return FileMerge(bytes: bytes, clean: result.automergeable != 0)
    }
}

/// A file that a tree merge could not merge: its version on each side (nil where the side has
/// none, as when one side deleted it).
public struct MergeConflictEntry: Sendable, Equatable {
    public var ancestor: IndexEntry?
    public var ours: IndexEntry?
    public var theirs: IndexEntry?

    /// The paths the conflict involves (more than one when a side renamed the file).
    public var paths: [String] {
        var seen: [String] = []
        for path in [ours?.path, theirs?.path, ancestor?.path].compactMap({ $0 }) where !seen.contains(path) { seen.append(path) }
        return seen
    }
}

/// The in-memory index of a merge of two trees: the merged files, and the conflicts, which can
/// be resolved one by one before the tree is written.
public final class MergedIndex {
    private let handle: OwnedHandle
    private let repository: Repository
    var pointer: OpaquePointer { handle.pointer }

    init(pointer: OpaquePointer, repository: Repository) {
        self.handle = OwnedHandle(pointer, free: git_index_free)
        self.repository = repository
    }

    public var hasConflicts: Bool { git_index_has_conflicts(pointer) == 1 }

    /// Every conflict, in path order.
    public func conflicts() throws -> [MergeConflictEntry] {
        var iterator: OpaquePointer?
        try check(git_index_conflict_iterator_new(&iterator, pointer), "list the merge's conflicts")
        defer { git_index_conflict_iterator_free(iterator) }
        var result: [MergeConflictEntry] = []
        while true {
            var ancestor: UnsafePointer<git_index_entry>?
            var ours: UnsafePointer<git_index_entry>?
            var theirs: UnsafePointer<git_index_entry>?
            let code = git_index_conflict_next(&ancestor, &ours, &theirs, iterator)
            if code == GIT_ITEROVER.rawValue {
                git_error_clear()
                break
            }
            try check(code, "list the merge's conflicts")
            result.append(MergeConflictEntry(ancestor: ancestor.map(IndexEntry.init), ours: ours.map(IndexEntry.init),
                                             theirs: theirs.map(IndexEntry.init)))
        }
        return result
    }

    /// Puts `blob` at `path` as a regular file, replacing whatever the merge left there (a merged
    /// file or a conflict).
    public func set(_ path: String, blob: ObjectID) throws {
        try removeConflict(path)
        var entry = git_index_entry()
        entry.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
        entry.id = blob.raw
        try path.withCString { cPath in
            entry.path = cPath
            try check(git_index_add(pointer, &entry), "put \(path) in the merge")
        }
    }

    /// Removes a conflict's entries at `path` (nothing when there is none).
    public func removeConflict(_ path: String) throws {
        let code = git_index_conflict_remove(pointer, path)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return
        }
        try check(code, "resolve \(path)")
    }

    /// Removes the file at `path` from the merge, conflict or not.
    public func remove(_ path: String) throws {
        try removeConflict(path)
        let code = git_index_remove(pointer, path, 0)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return
        }
        try check(code, "remove \(path) from the merge")
    }

    /// Writes the merged trees; refuses while a conflict is left.
    public func writeTree() throws -> ObjectID {
        guard !hasConflicts else {
            throw GitError(operation: "write the merged tree", message: "the merge still has conflicts")
        }
        var oid = git_oid()
        try check(git_index_write_tree_to(&oid, pointer, repository.pointer), "write the merged tree")
        return ObjectID(oid)
    }
}

extension Repository {
    /// Merges two commits' trees from a base, in memory, and gives the merge's index with any
    /// conflicts left in it. Files merged as text are written as blobs; nothing else is.
    public func mergeIndex(base: ObjectID, ours: ObjectID, theirs: ObjectID) throws -> MergedIndex {
        var options = git_merge_options()
        try check(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)), "prepare merge options")
        let index = try withTree(commitInfo(base).tree, "") { baseTree in
            try withTree(commitInfo(ours).tree, "") { ourTree in
                try withTree(commitInfo(theirs).tree, "") { theirTree in
                    var index: OpaquePointer?
                    try check(git_merge_trees(&index, pointer, baseTree, ourTree, theirTree, &options), "merge")
                    return index
                }
            }
        }
        guard let index else { throw GitError(operation: "merge", message: "libgit2 returned no index") }
        return MergedIndex(pointer: index, repository: self)
    }

    /// Stores bytes as a blob and gives its id.
    public func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { buffer in
            git_blob_create_from_buffer(&oid, pointer, buffer.baseAddress, buffer.count)
        }
        try check(code, "store a blob")
        return ObjectID(oid)
    }
}
