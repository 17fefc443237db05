import Foundation
import Testing

/// End-to-end tests of where `plantool check` reads a plan from in git: the index (--staged), a
/// revision (--rev), a linked worktree, and a real pre-commit hook run by `git commit`.
@Suite("git workflow: plan sources (--staged, --rev, worktrees, hooks)")
struct GitSourceTests {
    static let rec3 = "plan/recommendations/03.yaml"

    /// The three versions of recommendation 3 the tests stage and write: the original, a valid
    /// change (another addressee) and a broken one (that change plus `status: maybe`).
    struct Versions {
        var original: String
        var valid: String
        var broken: String
        /// The line of the broken `status`.
        var line: Int

        init(of file: URL) throws {
            original = try #require(GitFixture.text(of: file))
            valid = original.replacingOccurrences(of: "addressee: HM Prison and Probation Service",
                                                  with: "addressee: Ministry of Justice")
            broken = valid.replacingOccurrences(of: "\nstatus: agreed\n", with: "\nstatus: maybe\n")
            #expect(valid != original && broken != valid)
            line = try GitFixture.line(startingWith: "status:", in: file)
        }
    }

    static func put(_ text: String, in file: URL) throws {
        try Data(text.utf8).write(to: file)
    }

    /// Whether `result` reports the broken status of recommendation 3 at `path`.
    static func reportsBrokenStatus(_ result: RunResult, path: String, line: Int) -> Bool {
        result.errors.contains { $0.path == path && $0.line == line && $0.column == 9 && $0.rule == "invalid-value" }
    }

    @Test("check --staged reads the index, not the working tree (also a partly staged file)")
    func checkStaged() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let file = repo.appendingPathComponent(Self.rec3)
            let v = try Versions(of: file)

            // A broken file staged, then fixed in the working tree only.
            try Self.put(v.broken, in: file)
            try gitOK(["add", Self.rec3], in: repo)
            try Self.put(v.original, in: file)
            let staged = run(["check", "--staged"], in: plan)
            #expect(staged.status == 1, "\(staged)")
            #expect(Self.reportsBrokenStatus(staged, path: "recommendations/03.yaml", line: v.line), "\(staged)")
            #expect(staged.errors.count == 1, "\(staged)")
            #expect(staged.stderr.contains("index"), "\(staged)")
            let fromTop = run(["check", "--staged"], in: repo)
            #expect(fromTop.status == 1, "\(fromTop)")
            #expect(Self.reportsBrokenStatus(fromTop, path: Self.rec3, line: v.line), "\(fromTop)")
            let working = run(["check"], in: plan)
            #expect(working.status == 0, "\(working)")
            #expect(working.errors.isEmpty, "\(working)")

            // Staging the fix.
            try gitOK(["add", Self.rec3], in: repo)
            let fixed = run(["check", "--staged"], in: plan)
            #expect(fixed.status == 0, "\(fixed)")
            #expect(fixed.errors.isEmpty, "\(fixed)")

            // Partly staged: version A staged, version B in the working tree; --staged sees A.
            try Self.put(v.broken, in: file)
            try gitOK(["add", Self.rec3], in: repo)
            try Self.put(v.valid, in: file)
            #expect(try gitOK(["show", ":" + Self.rec3], in: repo) + "\n" == v.broken)
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "MM \(Self.rec3)")
            let partA = run(["check", "--staged"], in: plan)
            #expect(partA.status == 1, "\(partA)")
            #expect(Self.reportsBrokenStatus(partA, path: "recommendations/03.yaml", line: v.line), "\(partA)")
            #expect(run(["check"], in: plan).status == 0)

            // And the other way round: A valid staged, B broken in the working tree.
            try Self.put(v.valid, in: file)
            try gitOK(["add", Self.rec3], in: repo)
            try Self.put(v.broken, in: file)
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "MM \(Self.rec3)")
            let partB = run(["check", "--staged"], in: plan)
            #expect(partB.status == 0, "\(partB)")
            let brokenTree = run(["check"], in: plan)
            #expect(brokenTree.status == 1, "\(brokenTree)")
            #expect(Self.reportsBrokenStatus(brokenTree, path: "recommendations/03.yaml", line: v.line), "\(brokenTree)")

            // A file only in the index (deleted from the working tree) is read too.
            try write(Fixture.recommendation(10), to: "plan/recommendations/09.yaml", in: repo)
            try gitOK(["add", "plan/recommendations/09.yaml"], in: repo)
            try FileManager.default.removeItem(at: repo.appendingPathComponent("plan/recommendations/09.yaml"))
            try Self.put(v.valid, in: file)
            let onlyStaged = run(["check", "--staged"], in: plan)
            #expect(onlyStaged.status == 1, "\(onlyStaged)")
            #expect(onlyStaged.errors.contains { $0.path == "recommendations/09.yaml" && $0.rule == "number-mismatch" },
                    "\(onlyStaged)")
            #expect(run(["check"], in: plan).status == 0)

            // check --staged changes nothing.
            let before = try RepositoryState.of(repo)
            _ = run(["check", "--staged"], in: plan)
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    /// (revision, expected exit status) for the history made by `revisionHistory`.
    static func revisionCases(broken: String, valid: String) -> [(String, Int32)] {
        [("HEAD", 0), ("HEAD~1", 1), ("HEAD^", 1), ("HEAD~2", 0), ("main", 0), ("main~1", 1),
         ("lw", 1), ("v1", 1), ("refs/tags/v1", 1), ("v1^{commit}", 1), ("v0", 0), ("broken", 1),
         (broken, 1), (String(broken.prefix(7)), 1), (String(broken.prefix(12)), 1), (valid, 0), (String(valid.prefix(7)), 0),
         ("main@{1}", 1), ("main@{2}", 0), ("main@{0}", 0)]
    }

    @Test("check --rev reads the plan as it was in HEAD~1, tags, branches, ids and main@{1}; also after git gc")
    func checkRevisions() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let file = repo.appendingPathComponent(Self.rec3)
            let v = try Versions(of: file)
            let first = try gitOK(["rev-parse", "HEAD"], in: repo)
            try gitOK(["tag", "-a", "v0", "-m", "v0"], in: repo)

            try Self.put(v.broken, in: file)
            try gitOK(["commit", "-q", "-a", "-m", "Break recommendation 3"], in: repo)
            let broken = try gitOK(["rev-parse", "HEAD"], in: repo)
            try gitOK(["tag", "lw"], in: repo)
            try gitOK(["tag", "-a", "v1", "-m", "v1"], in: repo)
            try gitOK(["branch", "broken"], in: repo)

            try Self.put(v.valid, in: file)
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Purple Futures",
                                   in: repo.appendingPathComponent("plan/recommendations/04.yaml"))
            try gitOK(["commit", "-q", "-a", "-m", "Fix recommendation 3"], in: repo)
            #expect(try gitOK(["rev-parse", "main@{1}"], in: repo) == broken)
            #expect(try gitOK(["rev-parse", "main@{2}"], in: repo) == first)
            #expect(try gitOK(["cat-file", "-t", "v1"], in: repo) == "tag")
            #expect(try gitOK(["cat-file", "-t", "lw"], in: repo) == "commit")

            // The working tree is broken now, and must not be what --rev reads.
            try Self.put(v.broken, in: file)

            func checkAll(_ stage: String) {
                for (revision, expected) in Self.revisionCases(broken: broken, valid: first) {
                    for folder in [plan, repo] {
                        let result = run(["check", "--rev", revision], in: folder)
                        #expect(result.status == expected, "\(stage): --rev \(revision) in \(folder.lastPathComponent): \(result)")
                        if expected == 1 {
                            let path = folder == plan ? "recommendations/03.yaml" : Self.rec3
                            #expect(Self.reportsBrokenStatus(result, path: path, line: v.line),
                                    "\(stage): --rev \(revision): \(result)")
                            #expect(result.errors.count == 1, "\(stage): --rev \(revision): \(result)")
                        } else {
                            #expect(result.errors.isEmpty, "\(stage): --rev \(revision): \(result)")
                        }
                        #expect(result.stderr.contains("revision \(revision)"), "\(stage): --rev \(revision): \(result)")
                    }
                }
            }
            checkAll("loose objects")

            // Packed objects and packed refs. The pinned dates are years old, so gc would expire
            // every reflog entry (as it would for git itself) unless told to keep them.
            try gitOK(["-c", "gc.reflogExpire=never", "-c", "gc.reflogExpireUnreachable=never",
                       "gc", "-q", "--prune=now"], in: repo)
            #expect(try gitOK(["rev-parse", "main@{1}"], in: repo) == broken)
            #expect(exists(repo.appendingPathComponent(".git/packed-refs")))
            #expect(!exists(repo.appendingPathComponent(".git/refs/tags/v1")))
            #expect(!exists(repo.appendingPathComponent(".git/refs/heads/broken")))
            let counts = try gitOK(["count-objects", "-v"], in: repo)
            #expect(counts.contains("\ncount: 0\n") || counts.hasPrefix("count: 0\n"), "\(counts)")
            #expect(counts.contains("\npacks: 1\n"), "\(counts)")
            checkAll("after git gc")

            // Revisions that are not commits holding a plan: a clear error, exit 2.
            for revision in ["HEAD~3", "v0^{tree}", "main@{9}", "HEAD:plan", ""] {
                let result = run(["check", "--rev", revision], in: plan)
                #expect(result.status == 2, "--rev \(revision.debugDescription): \(result)")
                #expect(!result.stderr.isEmpty, "--rev \(revision.debugDescription): \(result)")
            }
            #expect(Self.fsckClean(repo) == nil)
        }
    }

    static func fsckClean(_ repo: URL) -> RunResult? {
        // Blobs staged with `git add` and replaced before a commit are dangling: that is git's
        // doing, not plantool's.
        let fsck = git(["fsck", "--strict", "--no-progress", "--no-dangling"], in: repo)
        return fsck.status == 0 && fsck.stdout.isEmpty && fsck.stderr.isEmpty ? nil : fsck
    }

    @Test("check --staged inside a linked worktree reads that worktree's index")
    func checkStagedWorktree() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try gitOK(["worktree", "add", "-q", "../wt", "-b", "other"], in: repo)
            let wt = dir.appendingPathComponent("wt")
            #expect(try gitOK(["rev-parse", "--show-toplevel"], in: wt) == wt.path)
            let wtFile = wt.appendingPathComponent(Self.rec3)
            let v = try Versions(of: wtFile)

            // The worktree stages a broken file and fixes it on disk only.
            try Self.put(v.broken, in: wtFile)
            try gitOK(["add", Self.rec3], in: wt)
            try Self.put(v.original, in: wtFile)
            let inWorktree = run(["check", "--staged"], in: wt.appendingPathComponent("plan"))
            #expect(inWorktree.status == 1, "\(inWorktree)")
            #expect(Self.reportsBrokenStatus(inWorktree, path: "recommendations/03.yaml", line: v.line), "\(inWorktree)")
            let fromWorktreeTop = run(["check", "--staged"], in: wt)
            #expect(fromWorktreeTop.status == 1, "\(fromWorktreeTop)")
            #expect(Self.reportsBrokenStatus(fromWorktreeTop, path: Self.rec3, line: v.line), "\(fromWorktreeTop)")
            #expect(run(["check"], in: wt.appendingPathComponent("plan")).status == 0)
            // The main worktree's index is clean.
            let inMain = run(["check", "--staged"], in: repo.appendingPathComponent("plan"))
            #expect(inMain.status == 0, "\(inMain)")

            // The main worktree stages a broken recommendation 5; the linked worktree does not see it.
            let mainFile5 = repo.appendingPathComponent("plan/recommendations/05.yaml")
            let original5 = try #require(GitFixture.text(of: mainFile5))
            try GitFixture.breakStatus(of: mainFile5)
            try gitOK(["add", "plan/recommendations/05.yaml"], in: repo)
            try Self.put(original5, in: mainFile5)
            let mainBroken = run(["check", "--staged"], in: repo.appendingPathComponent("plan"))
            #expect(mainBroken.status == 1, "\(mainBroken)")
            #expect(mainBroken.errors.map(\.path) == ["recommendations/05.yaml"], "\(mainBroken)")
            let wtStill = run(["check", "--staged"], in: wt.appendingPathComponent("plan"))
            #expect(wtStill.errors.map(\.path) == ["recommendations/03.yaml"], "\(wtStill)")

            // The worktree stages its fix: clean there, still broken in the main worktree.
            try gitOK(["add", Self.rec3], in: wt)
            let wtFixed = run(["check", "--staged"], in: wt.appendingPathComponent("plan"))
            #expect(wtFixed.status == 0, "\(wtFixed)")
            #expect(run(["check", "--staged"], in: repo.appendingPathComponent("plan")).status == 1)
            // --rev in the worktree reads the shared history: HEAD of the worktree.
            #expect(run(["check", "--rev", "HEAD"], in: wt).status == 0)
        }
    }

    /// Writes an executable pre-commit hook into `folder` that runs `plantool check --staged`.
    static func installHook(in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hook = try write("#!/bin/sh\nexec \"\(GitFixture.plantoolPath)\" check --staged\n", to: "pre-commit", in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    }

    /// Stages a broken recommendation 3 (the working tree holding a valid change): `git commit`,
    /// run in `folder` of the worktree at `top`, must fail with the hook's diagnostic and leave HEAD
    /// alone; after staging the valid change it must succeed. Returns the new commit.
    static func hookRefusesThenAccepts(top: URL, folder: URL, label: String) throws -> String {
        let file = top.appendingPathComponent(rec3)
        let v = try Versions(of: file)
        try put(v.broken, in: file)
        try gitOK(["add", rec3], in: top)
        try put(v.valid, in: file)
        let head = try gitOK(["rev-parse", "HEAD"], in: top)
        let index = try gitOK(["ls-files", "-s"], in: top)

        let refused = git(["commit", "-m", "x"], in: folder)
        #expect(refused.status != 0, "\(label): git commit went through: \(refused)")
        let output = refused.stdout + refused.stderr
        #expect(output.contains("\(rec3):\(v.line):9: error:"), "\(label): \(refused)")
        #expect(output.contains("invalid-value"), "\(label): \(refused)")
        #expect(try gitOK(["rev-parse", "HEAD"], in: top) == head, "\(label)")
        #expect(try gitOK(["ls-files", "-s"], in: top) == index, "\(label)")

        try gitOK(["add", rec3], in: top)
        let accepted = git(["commit", "-m", "x"], in: folder)
        #expect(accepted.status == 0, "\(label): \(accepted)")
        #expect(try gitOK(["rev-parse", "HEAD~1"], in: top) == head, "\(label)")
        #expect(try gitOK(["show", "HEAD:" + rec3], in: top) + "\n" == v.valid, "\(label)")
        #expect(try gitOK(["status", "--porcelain"], in: top) == "", "\(label)")
        return try gitOK(["rev-parse", "HEAD"], in: top)
    }

    @Test("a real pre-commit hook running plantool check --staged stops git commit with the diagnostic")
    func preCommitHook() throws {
        var ids: [String] = []
        for _ in 0..<2 {
            try withTemporaryDirectory { dir in
                let repo = try GitFixture.repository(in: dir)
                try Self.installHook(in: repo.appendingPathComponent(".git/hooks"))
                ids.append(try Self.hookRefusesThenAccepts(top: repo, folder: repo, label: ".git/hooks"))
                #expect(Self.fsckClean(repo) == nil)
                let raw = try gitOK(["cat-file", "-p", "HEAD"], in: repo)
                #expect(raw.contains("\n" + GitCommitTests.pinnedAuthor + "\n"), "\(raw)")
            }
        }
        #expect(ids.count == 2 && ids[0] == ids[1], "\(ids)")
    }

    @Test("the pre-commit hook works through core.hooksPath, run from a subfolder")
    func preCommitHookHooksPath() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let hooks = dir.appendingPathComponent("shared-hooks")
            try Self.installHook(in: hooks)
            try gitOK(["config", "core.hooksPath", hooks.path], in: repo)
            #expect(!exists(repo.appendingPathComponent(".git/hooks/pre-commit")))
            _ = try Self.hookRefusesThenAccepts(top: repo, folder: repo.appendingPathComponent("plan/recommendations"),
                                                label: "core.hooksPath")
        }
    }

    @Test("the pre-commit hook checks what git commit -a and git commit PATH will commit (a temporary index)")
    func preCommitHookTemporaryIndex() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.installHook(in: repo.appendingPathComponent(".git/hooks"))
            let file = repo.appendingPathComponent(Self.rec3)
            let v = try Versions(of: file)
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)

            // The valid change staged, the broken one on disk: -a and PATH commit the broken one.
            try Self.put(v.valid, in: file)
            try gitOK(["add", Self.rec3], in: repo)
            try Self.put(v.broken, in: file)
            for args in [["commit", "-a", "-m", "x"], ["commit", "-m", "x", "--", Self.rec3]] {
                let refused = git(args, in: repo)
                #expect(refused.status != 0, "\(args): \(refused)")
                #expect((refused.stdout + refused.stderr).contains("\(Self.rec3):\(v.line):9: error:"), "\(args): \(refused)")
                #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)
            }
            // The broken change staged, the valid one on disk: git commit PATH commits the valid one.
            try Self.put(v.broken, in: file)
            try gitOK(["add", Self.rec3], in: repo)
            try Self.put(v.valid, in: file)
            let accepted = git(["commit", "-m", "x", "--", Self.rec3], in: repo)
            #expect(accepted.status == 0, "\(accepted)")
            #expect(try gitOK(["show", "HEAD:" + Self.rec3], in: repo) + "\n" == v.valid)
        }
    }

    @Test("the pre-commit hook inside a linked worktree reads that worktree's index")
    func preCommitHookWorktree() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.installHook(in: repo.appendingPathComponent(".git/hooks"))
            try gitOK(["worktree", "add", "-q", "../wt", "-b", "other"], in: repo)
            let wt = dir.appendingPathComponent("wt")
            let main = try gitOK(["rev-parse", "main"], in: repo)

            // The main worktree has a broken file staged: a hook reading its index would refuse
            // every commit in the linked worktree.
            try GitFixture.breakStatus(of: repo.appendingPathComponent("plan/recommendations/05.yaml"))
            try gitOK(["add", "plan/recommendations/05.yaml"], in: repo)

            let commit = try Self.hookRefusesThenAccepts(top: wt, folder: wt, label: "linked worktree")
            #expect(try gitOK(["rev-parse", "other"], in: repo) == commit)
            #expect(try gitOK(["rev-parse", "main"], in: repo) == main)
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "M  plan/recommendations/05.yaml")
        }
    }
    @Test("check --rev with a reflog revision that does not exist names it, without unrelated libgit2 errors")
    func checkMissingReflogRevision() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            #expect(git(["rev-parse", "--verify", "-q", "@{-1}"], in: repo).status != 0)
            let previous = run(["check", "--rev", "@{-1}"], in: repo)
            #expect(previous.status == 2, "\(previous)")
            #expect(previous.stderr.contains("'@{-1}'"), "\(previous)")
            #expect(!previous.stderr.contains("gitconfig") && !previous.stderr.contains("to stat"),
                    "the message shows an unrelated, stale libgit2 error: \(previous)")
            let reflog = run(["check", "--rev", "main@{5}"], in: repo)
            #expect(reflog.status == 2, "\(reflog)")
            #expect(reflog.stderr.contains("'main@{5}'"), "\(reflog)")

            // Once there is a previous branch, @{-1} reads it.
            try gitOK(["switch", "-q", "-c", "side"], in: repo)
            try GitFixture.breakStatus(of: repo.appendingPathComponent(Self.rec3))
            try gitOK(["commit", "-q", "-a", "-m", "Break on side"], in: repo)
            try gitOK(["switch", "-q", "main"], in: repo)
            let side = run(["check", "--rev", "@{-1}"], in: repo)
            #expect(side.status == 1, "\(side)")
            #expect(side.errors.map(\.path) == [Self.rec3], "\(side)")
        }
    }

    @Test("check --staged during a merge conflict reports the conflicted file, not a crash")
    func checkStagedConflict() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let file = repo.appendingPathComponent(Self.rec3)
            try gitOK(["switch", "-q", "-c", "side"], in: repo)
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Side", in: file)
            try gitOK(["commit", "-q", "-a", "-m", "Side"], in: repo)
            try gitOK(["switch", "-q", "main"], in: repo)
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Main", in: file)
            try gitOK(["commit", "-q", "-a", "-m", "Main"], in: repo)
            let merge = git(["merge", "side"], in: repo)
            #expect(merge.status == 1, "\(merge)")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "UU \(Self.rec3)")
            let before = try RepositoryState.of(repo)

            let staged = run(["check", "--staged"], in: repo)
            #expect(staged.status == 1, "\(staged)")
            #expect(staged.errors.count == 1, "\(staged)")
            #expect(staged.errors.first?.path == Self.rec3, "\(staged)")
            #expect(staged.errors.first?.message.contains("merge conflict") == true, "\(staged)")
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("the pre-commit hook works when git is run from outside with --git-dir and --work-tree")
    func preCommitHookExplicitGitDir() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try Self.installHook(in: repo.appendingPathComponent(".git/hooks"))
            let file = repo.appendingPathComponent(Self.rec3)
            let v = try Versions(of: file)
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)
            let outside = dir.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            let explicit = ["--git-dir", repo.appendingPathComponent(".git").path, "--work-tree", repo.path]

            try Self.put(v.broken, in: file)
            try gitOK(["add", Self.rec3], in: repo)
            try Self.put(v.valid, in: file)
            let refused = git(explicit + ["commit", "-m", "x"], in: outside)
            #expect(refused.status != 0, "\(refused)")
            #expect((refused.stdout + refused.stderr).contains("\(Self.rec3):\(v.line):9: error:"), "\(refused)")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)

            try gitOK(["add", Self.rec3], in: repo)
            let accepted = git(explicit + ["commit", "-m", "x"], in: outside)
            #expect(accepted.status == 0, "\(accepted)")
            #expect(try gitOK(["rev-parse", "HEAD~1"], in: repo) == head)
        }
    }
}
