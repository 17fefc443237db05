import CLibGit2

/// A local branch: its short name and the commit it points to.
public struct Branch: Sendable, Equatable {
    public var name: String
    public var tip: ObjectID
}

extension Repository {
    /// Whether git accepts `name` as a local branch name.
    public static func isValidBranchName(_ name: String) -> Bool {
        Git.ensureInitialised()
        var valid: Int32 = 0
        guard git_reference_name_is_valid(&valid, "refs/heads/" + name) == 0 else {
            git_error_clear()
            return false
        }
        return valid == 1
    }

    /// The local branch called `name`, or nil.
    public func branch(_ name: String) throws -> Branch? {
        var reference: OpaquePointer?
        let code = git_branch_lookup(&reference, pointer, name, GIT_BRANCH_LOCAL)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue {
            git_error_clear()
            return nil
        }
        try check(code, "look up branch \(name)")
        defer { git_reference_free(reference) }
        var resolved: OpaquePointer?
        try check(git_reference_resolve(&resolved, reference), "resolve branch \(name)")
        defer { git_reference_free(resolved) }
        guard let target = git_reference_target(resolved) else { return nil }
        return Branch(name: name, tip: ObjectID(target))
    }

    /// Every local branch, sorted by name.
    public func branches() throws -> [Branch] {
        var iterator: OpaquePointer?
        try check(git_branch_iterator_new(&iterator, pointer, GIT_BRANCH_LOCAL), "list branches")
        defer { git_branch_iterator_free(iterator) }
        var result: [Branch] = []
        while true {
            var reference: OpaquePointer?
            var type = GIT_BRANCH_LOCAL
            let code = git_branch_next(&reference, &type, iterator)
            if code == GIT_ITEROVER.rawValue {
                git_error_clear()
                break
            }
            try check(code, "list branches")
            defer { git_reference_free(reference) }
            var name: UnsafePointer<CChar>?
            try check(git_branch_name(&name, reference), "read a branch name")
            guard let name, let target = git_reference_target(reference) else { continue }
            result.append(Branch(name: String(cString: name), tip: ObjectID(target)))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Whether a branch is checked out in another worktree than this repository's own.
    public func isCheckedOutElsewhere(_ name: String) throws -> Bool {
        if try currentBranch() == name { return false }
        var reference: OpaquePointer?
        let code = git_branch_lookup(&reference, pointer, name, GIT_BRANCH_LOCAL)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return false
        }
        try check(code, "look up branch \(name)")
        defer { git_reference_free(reference) }
        return try check(git_branch_is_checked_out(reference), "check where \(name) is checked out") == 1
    }

    /// Creates a branch at a commit; refuses when it exists.
    public func createBranch(_ name: String, at commit: ObjectID) throws {
        var raw = commit.raw
        var object: OpaquePointer?
        try check(git_commit_lookup(&object, pointer, &raw), "read commit \(commit.short)")
        defer { git_commit_free(object) }
        var reference: OpaquePointer?
        try check(git_branch_create(&reference, pointer, name, object, 0), "create branch \(name)")
        git_reference_free(reference)
    }

    /// Moves a branch from `expected` to `target` in one step; fails if it no longer points to
    /// `expected` (another process moved it).
    public func moveBranch(_ name: String, from expected: ObjectID, to target: ObjectID, reason: String) throws {
        var new = target.raw
        var old = expected.raw
        var reference: OpaquePointer?
        try check(git_reference_create_matching(&reference, pointer, "refs/heads/" + name, &new, 1, &old, reason),
                  "move branch \(name)")
        git_reference_free(reference)
    }

    /// Deletes a local branch (and its configuration section).
    public func deleteBranch(_ name: String) throws {
        var reference: OpaquePointer?
        try check(git_branch_lookup(&reference, pointer, name, GIT_BRANCH_LOCAL), "look up branch \(name)")
        defer { git_reference_free(reference) }
        try check(git_branch_delete(reference), "delete branch \(name)")
    }

    /// Makes HEAD name a branch (without touching files).
    public func setHead(toBranch name: String) throws {
        try check(git_repository_set_head(pointer, "refs/heads/" + name), "switch HEAD to \(name)")
    }

    // MARK: History

    /// How many commits `local` has that `upstream` has not, and the reverse.
    public func aheadBehind(_ local: ObjectID, _ upstream: ObjectID) throws -> (ahead: Int, behind: Int) {
        var ahead = 0, behind = 0
        var l = local.raw, u = upstream.raw
        try check(git_graph_ahead_behind(&ahead, &behind, pointer, &l, &u), "count commits")
        return (ahead, behind)
    }

    /// Whether `ancestor` is reachable from `commit` (or is it).
    public func contains(_ commit: ObjectID, ancestor: ObjectID) throws -> Bool {
        if commit == ancestor { return true }
        var c = commit.raw, a = ancestor.raw
        return try check(git_graph_descendant_of(pointer, &c, &a), "compare history") == 1
    }

    /// The best common ancestor of two commits, if any.
    public func mergeBase(_ one: ObjectID, _ two: ObjectID) throws -> ObjectID? {
        var out = git_oid()
        var a = one.raw, b = two.raw
        let code = git_merge_base(&out, pointer, &a, &b)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try check(code, "find the merge base")
        return ObjectID(out)
    }

    // MARK: Configuration

    /// Sets a string in the repository's own configuration (.git/config).
    public func setConfig(_ key: String, _ value: String) throws {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "open the repository's configuration")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "open .git/config")
        defer { git_config_free(local) }
        try check(git_config_set_string(local, key, value), "set \(key)")
    }

    /// A configuration value, or nil.
    public func config(_ key: String) throws -> String? {
        try ConfigSnapshot(repository: self).string(key)
    }

    // MARK: Operations in progress

    /// What git is in the middle of ("merge", "rebase", ...), or nil when nothing.
    public var operationInProgress: String? {
        switch git_repository_state(pointer) {
        case Int32(GIT_REPOSITORY_STATE_NONE.rawValue): return nil
        case Int32(GIT_REPOSITORY_STATE_MERGE.rawValue): return "merge"
        case Int32(GIT_REPOSITORY_STATE_REVERT.rawValue), Int32(GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue): return "revert"
        case Int32(GIT_REPOSITORY_STATE_CHERRYPICK.rawValue), Int32(GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue): return "cherry-pick"
        case Int32(GIT_REPOSITORY_STATE_BISECT.rawValue): return "bisect"
        default: return "rebase"
        }
    }

    /// The commits being merged in (MERGE_HEAD) during a merge.
    public func mergeHeads() throws -> [ObjectID] {
        var heads: [ObjectID] = []
        let code = withUnsafeMutablePointer(to: &heads) { box in
            git_repository_mergehead_foreach(pointer, { oid, payload in
                guard let oid, let payload else { return -1 }
                payload.assumingMemoryBound(to: [ObjectID].self).pointee.append(ObjectID(oid))
                return 0
            }, box)
        }
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return []
        }
        try check(code, "read MERGE_HEAD")
        return heads
    }

    /// Clears the merge state (MERGE_HEAD, MERGE_MSG) once the merge is committed.
    public func finishOperation() throws {
        try check(git_repository_state_cleanup(pointer), "clear the merge state")
    }
}
