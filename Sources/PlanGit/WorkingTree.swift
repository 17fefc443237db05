import CLibGit2
import Foundation

/// A file that differs between HEAD, the index and the working tree.
public struct ChangedFile: Sendable, Equatable {
    public var path: String
    /// Staged in the index (as opposed to only changed on disk).
    public var staged: Bool
}

extension Repository {
    /// Tracked files with changes, staged or not (untracked files are not listed: they are
    /// never lost by a safe checkout, which refuses to overwrite them).
    public func changedFiles() throws -> [ChangedFile] {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "prepare status options")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX.rawValue
        var list: OpaquePointer?
        try check(git_status_list_new(&list, pointer, &options), "read the working tree's status")
        defer { git_status_list_free(list) }
        var result: [ChangedFile] = []
        let stagedFlags = GIT_STATUS_INDEX_NEW.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue
            | GIT_STATUS_INDEX_RENAMED.rawValue | GIT_STATUS_INDEX_TYPECHANGE.rawValue
        let workFlags = GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_DELETED.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue
            | GIT_STATUS_WT_RENAMED.rawValue | GIT_STATUS_CONFLICTED.rawValue
        for position in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, position) else { continue }
            let status = entry.pointee.status.rawValue
            guard status & (stagedFlags | workFlags) != 0 else { continue }
            let delta = entry.pointee.head_to_index ?? entry.pointee.index_to_workdir
            guard let delta, let path = delta.pointee.new_file.path ?? delta.pointee.old_file.path else { continue }
            result.append(ChangedFile(path: String(cString: path), staged: status & stagedFlags != 0))
        }
        return result
    }

    /// Updates the index and working tree to a commit's tree, safely: libgit2 refuses (and
    /// writes nothing) when a local change or an untracked file would be overwritten. Does not
    /// move HEAD.
    public func checkout(commit: ObjectID) throws {
        let code = try checkoutTree(of: commit, strategy: GIT_CHECKOUT_SAFE.rawValue, paths: [])
        if code == GIT_ECONFLICT.rawValue {
            let error = GitError(operation: "check out \(commit.short)", code: code)
            var refused = GitError(operation: "switch", message: "files in the working tree would be overwritten (\(error.message)); move them away or commit them first")
            refused.code = code  // `isConflict`: refused before writing anything
            throw refused
        }
        try check(code, "check out \(commit.short)")
    }

    /// Makes the given paths in the index and working tree hold a commit's versions (removing
    /// those the commit does not have), whatever they hold now; no other file is touched. This
    /// completes a checkout that was cut short, which left some of those files written, some
    /// not and one perhaps half written: the caller first checks that no file at those paths
    /// holds anything else, since a forced checkout overwrites without asking. Does not move
    /// HEAD.
    public func forceCheckout(commit: ObjectID, paths: [String]) throws {
        guard !paths.isEmpty else { return }
        // The paths are exact file names, never patterns.
        let code = try checkoutTree(of: commit, strategy: GIT_CHECKOUT_FORCE.rawValue | GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue,
                                    paths: paths)
        try check(code, "check out \(commit.short)")
    }

    /// `git_checkout_tree` of a commit with a strategy, limited to `paths` unless it is empty;
    /// libgit2's code, for the caller to read.
    private func checkoutTree(of commit: ObjectID, strategy: UInt32, paths: [String]) throws -> Int32 {
        var raw = commit.raw
        var object: OpaquePointer?
        try check(git_object_lookup(&object, pointer, &raw, GIT_OBJECT_COMMIT), "read commit \(commit.short)")
        defer { git_object_free(object) }
        var options = git_checkout_options()
        try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "prepare checkout options")
        options.checkout_strategy = strategy
        var names: [UnsafeMutablePointer<CChar>?] = paths.map { strdup($0) }
        defer { names.forEach { free($0) } }
        return names.withUnsafeMutableBufferPointer { buffer in
            if !paths.isEmpty { options.paths = git_strarray(strings: buffer.baseAddress, count: buffer.count) }
            return git_checkout_tree(pointer, object, &options)
        }
    }

    /// Paths that differ between two commits' trees.
    public func changedPaths(from old: ObjectID, to new: ObjectID) throws -> Set<String> {
        let diff = try withTree(commitInfo(old).tree, "") { treeA in
            try withTree(commitInfo(new).tree, "") { treeB in
                var diff: OpaquePointer?
                try check(git_diff_tree_to_tree(&diff, pointer, treeA, treeB, nil), "compare trees")
                return diff
            }
        }
        defer { git_diff_free(diff) }
        var paths = Set<String>()
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index) else { continue }
            if let path = delta.pointee.old_file.path { paths.insert(String(cString: path)) }
            if let path = delta.pointee.new_file.path { paths.insert(String(cString: path)) }
        }
        return paths
    }

    /// A commit of a given tree with given parents, that moves no reference.
    public func createDetachedCommit(tree: ObjectID, message: String, author: Person, committer: Person,
                                     parents: [ObjectID]) throws -> ObjectID {
        try createCommit(tree: tree, message: message, author: author, committer: committer, parents: parents, updating: nil)
    }
}
