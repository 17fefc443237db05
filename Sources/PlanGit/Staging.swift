import CLibGit2
import Foundation

/// Staging refused before the index was changed: what git would do differently, or cannot be
/// done the way git does it.
public struct StagingRefusal: Error, Sendable {
    public var message: String
}

extension GitIndex {
    /// Stages every change under `folder` (relative to the top of the working tree; "" for all
    /// of it) exactly as `git add -A folder` does, or refuses before changing anything.
    ///
    /// What changed is what `git status` sees (libgit2's index-to-working-tree comparison: stat
    /// data first, content when in doubt), so an unchanged file is never read again. Like git:
    /// new files that are not ignored, changed files (content, executable bit, symlinks, through
    /// core.autocrlf and the text/eol attributes, which libgit2 applies as git does) and deletions
    /// are staged; a submodule's gitlink follows the commit checked out in it and is kept when it
    /// is not checked out; a nested repository is added as a gitlink; entries marked
    /// skip-worktree (sparse checkout) or assume-unchanged are left as they are. Refused: a
    /// changed file that goes through a clean filter driver (libgit2 does not run external
    /// filters, and staging the raw content would commit what the filter keeps out) or a
    /// working-tree-encoding (which libgit2 does not convert), an unreadable file, and a nested
    /// repository with no commit (git refuses it too). The folder is taken literally (no
    /// pathspec patterns), so a folder named `plan [2021]` or `plan*` means itself.
    public func stageAll(under folder: String) throws {
        let changes = try workingTreeChanges(under: folder)
        var additions: [String] = []
        var removals: [String] = []
        for change in changes {
            let entry = git_index_get_bypath(pointer, change.path, 0)?.pointee
            // Sparse checkout and assume-unchanged: git does not look at the working tree.
            if let entry, entry.flags_extended & UInt16(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0
                || entry.flags & UInt16(GIT_INDEX_ENTRY_VALID.rawValue) != 0 {
                continue
            }
            switch change.status {
            case GIT_DELTA_DELETED:
                removals.append(change.path)
            case GIT_DELTA_CONFLICTED:
                if change.existsInWorkingTree { additions.append(change.path) } else { removals.append(change.path) }
            case GIT_DELTA_UNREADABLE:
                throw StagingRefusal(message: "cannot read \(change.path) (permission denied?)")
            case GIT_DELTA_UNTRACKED where change.path.hasSuffix("/"):
                let nested = String(change.path.dropLast())
                try refuseIfWithoutCommit(nested)
                additions.append(nested)
            default:
                additions.append(change.path)
            }
        }
        try refuseNestedRepositoriesWithoutCommit(under: folder)
        let config = try ConfigSnapshot(repository: repository)
        for path in additions where !isGitlink(path) {
            try refuseIfFiltered(path, config: config)
        }
        // Deletions first: a file replaced by a folder of the same name (or the reverse) must
        // leave the index before what replaces it comes in.
        for path in removals {
            try check(git_index_remove_bypath(pointer, path), "stage the deletion of \(path)")
        }
        for path in additions {
            try check(git_index_add_bypath(pointer, path), "stage \(path)")
        }
    }

    private struct Change {
        var path: String
        var status: git_delta_t
        var existsInWorkingTree: Bool
    }

    /// The index-to-working-tree changes under `folder`, untracked files listed one by one.
    private func workingTreeChanges(under folder: String) throws -> [Change] {
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "prepare diff options")
        options.flags = GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_INCLUDE_UNREADABLE.rawValue
            | GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
        // git add -A stages a submodule's new commit whatever its `ignore` setting says (and
        // nothing for changes inside it).
        options.ignore_submodules = GIT_SUBMODULE_IGNORE_DIRTY
        var diff: OpaquePointer?
        let spec = strdup(folder)
        defer { free(spec) }
        var specs: [UnsafeMutablePointer<CChar>?] = [spec]
        let code = specs.withUnsafeMutableBufferPointer { buffer in
            if !folder.isEmpty { options.pathspec = git_strarray(strings: buffer.baseAddress, count: 1) }
            return git_diff_index_to_workdir(&diff, repository.pointer, pointer, &options)
        }
        try check(code, "compare the index with the working tree")
        defer { git_diff_free(diff) }
        var changes: [Change] = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position)?.pointee else { continue }
            guard let raw = delta.new_file.path ?? delta.old_file.path else { continue }
            changes.append(Change(path: String(cString: raw), status: delta.status,
                                  existsInWorkingTree: delta.new_file.mode != 0))
        }
        return changes
    }

    private func isGitlink(_ path: String) -> Bool {
        if let entry = git_index_get_bypath(pointer, path, 0), entry.pointee.mode == 0o160000 { return true }
        guard let top = repository.workingDirectory else { return false }
        var status = stat()
        return lstat(top + "/" + path + "/.git", &status) == 0
    }

    /// libgit2's comparison does not list a nested repository that has no commit at all, which
    /// `git add -A` refuses: look for one among the folders git would look into.
    private func refuseNestedRepositoriesWithoutCommit(under folder: String) throws {
        guard let top = repository.workingDirectory else { return }
        var queue = [folder]
        while let relative = queue.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? top : top + "/" + relative)) ?? []
            for name in names where name != ".git" {
                let path = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(top + "/" + path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
                var ignored: Int32 = 0
                try check(git_ignore_path_is_ignored(&ignored, repository.pointer, path + "/"), "check whether \(path) is ignored")
                if ignored == 1 || git_index_get_bypath(pointer, path, 0) != nil { continue }
                if lstat(top + "/" + path + "/.git", &status) == 0 {
                    try refuseIfWithoutCommit(path)
                } else {
                    queue.append(path)
                }
            }
        }
    }

    /// git refuses to add a nested repository that has no commit checked out.
    private func refuseIfWithoutCommit(_ path: String) throws {
        guard let top = repository.workingDirectory else { return }
        let nested = try? Repository.open(at: top + "/" + path)
        if nested == nil || nested?.isHeadUnborn == true {
            throw StagingRefusal(message: "\(path) is a git repository with no commit checked out; git refuses to add it too. Make a commit in it, or move it out of the plan")
        }
    }

    /// Refuses a file git would pass through a filter libgit2 cannot apply.
    private func refuseIfFiltered(_ path: String, config: ConfigSnapshot) throws {
        let names = ["filter", "working-tree-encoding"]
        var values = [UnsafePointer<CChar>?](repeating: nil, count: names.count)
        var cNames: [UnsafePointer<CChar>?] = names.map { UnsafePointer(strdup($0)) }
        defer { cNames.forEach { free(UnsafeMutableRawPointer(mutating: $0)) } }
        let code = cNames.withUnsafeMutableBufferPointer { buffer in
            git_attr_get_many(&values, repository.pointer, UInt32(GIT_ATTR_CHECK_FILE_THEN_INDEX), path, names.count,
                              buffer.baseAddress)
        }
        try check(code, "read the git attributes of \(path)")
        if git_attr_value(values[0]) == GIT_ATTR_VALUE_STRING, let raw = values[0] {
            let driver = String(cString: raw)
            for key in ["clean", "process"] {
                if let command = config.string("filter.\(driver).\(key)"), !command.isEmpty {
                    throw StagingRefusal(message: "\(path) goes through git's clean filter '\(driver)' (filter.\(driver).\(key) = \(command)), which plantool cannot run: it would commit the unfiltered content. Stage the file with `git add` first (plantool then commits what git staged), or commit with git")
                }
            }
            if config.bool("filter.\(driver).required") == true {
                throw StagingRefusal(message: "\(path) needs git's filter '\(driver)' (filter.\(driver).required), which has no clean command configured; git refuses to add it too")
            }
        }
        if git_attr_value(values[1]) == GIT_ATTR_VALUE_STRING, let raw = values[1] {
            throw StagingRefusal(message: "\(path) has working-tree-encoding=\(String(cString: raw)), which plantool cannot convert as git does. Stage the file with `git add` first (plantool then commits what git staged), or commit with git")
        }
    }
}
