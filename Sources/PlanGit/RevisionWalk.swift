import CLibGit2

extension Repository {
    /// The commits reachable from `start`, newest first, following first parents only (the
    /// history of a branch as its merges made it). Stops after `limit` commits.
    public func firstParentHistory(from start: ObjectID, limit: Int = Int.max) throws -> [ObjectID] {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, pointer), "start walking the history")
        defer { git_revwalk_free(walker) }
        try check(git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "sort the history")
        try check(git_revwalk_simplify_first_parent(walker), "follow first parents")
        var raw = start.raw
        try check(git_revwalk_push(walker, &raw), "walk from \(start.short)")
        var ids: [ObjectID] = []
        var oid = git_oid()
        while ids.count < limit {
            let code = git_revwalk_next(&oid, walker)
            if code == GIT_ITEROVER.rawValue {
                git_error_clear()
                break
            }
            try check(code, "walk the history")
            ids.append(ObjectID(oid))
        }
        return ids
    }

    /// A commit's full message.
    public func message(of commit: ObjectID) throws -> String {
        var raw = commit.raw
        var object: OpaquePointer?
        try check(git_commit_lookup(&object, pointer, &raw), "read commit \(commit.short)")
        defer { git_commit_free(object) }
        return git_commit_message(object).map { String(cString: $0) } ?? ""
    }
}
