import Foundation
import Testing

/// End-to-end tests of `plantool hook install|uninstall` and of the hook itself, run by real
/// `git commit`s: the hooks folder (core.hooksPath, linked worktrees), chaining an existing hook,
/// `plantool init`, and the pre-commit framework's `.pre-commit-hooks.yaml`.
@Suite("plantool hook")
struct HookTests {
    static let rec5 = "plan/recommendations/05.yaml"
    static let marker = "# plantool pre-commit hook"

    // MARK: helpers

    /// Checks the hook plantool wrote at `url`: a shell script, executable, with the marker, that
    /// calls an existing plantool binary.
    static func expectPlantoolHook(at url: URL, _ label: String) {
        guard let text = GitFixture.text(of: url) else {
            Issue.record("\(label): no hook at \(url.path)")
            return
        }
        #expect(text.hasPrefix("#!/bin/sh\n"), "\(label): \(text)")
        #expect(text.contains(marker), "\(label): \(text)")
        #expect(text.contains("lint --staged"), "\(label): \(text)")
        #expect(FileManager.default.isExecutableFile(atPath: url.path), "\(label): not executable")
        #expect((posixPermissions(of: url) ?? 0) & 0o111 == 0o111, "\(label): mode \(String(posixPermissions(of: url) ?? 0, radix: 8))")
        // The binary the hook calls.
        if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("plantool='") }) {
            let path = String(line.dropFirst("plantool='".count).dropLast())
            #expect(FileManager.default.isExecutableFile(atPath: path), "\(label): the hook calls \(path)")
        } else {
            Issue.record("\(label): the hook names no plantool binary: \(text)")
        }
    }

    /// `git commit -m message` in `dir`, in the neutral environment (the hook's lint prints its
    /// human form whatever CI the tests run on).
    static func commit(_ message: String, in dir: URL, _ extra: [String] = []) -> RunResult {
        gitNeutral(["commit", "-m", message] + extra, in: dir)
    }

    /// The whole refuse-then-accept cycle in the worktree at `top`, committing from `folder`:
    /// recommendation 5 staged partly agreed without a reason is refused with the reason-required
    /// diagnostic; fixing it on disk only is still refused; staging the fix lets the commit through.
    /// Returns the new commit.
    @discardableResult
    static func refusesThenAccepts(top: URL, folder: URL, label: String) throws -> String {
        let file = top.appendingPathComponent(rec5)
        let v = try Recommendation5(of: file)
        let head = try gitOK(["rev-parse", "HEAD"], in: top)

        try Recommendation5.put(v.noReason, in: file)
        try gitOK(["add", rec5], in: top)
        let index = try gitOK(["ls-files", "-s"], in: top)
        let refused = commit("Partly agreed", in: folder)
        #expect(refused.status != 0, "\(label): git commit went through: \(refused)")
        #expect(refused.stdoutAndStderr.contains("\(rec5):\(v.statusLine):1: error: recommendation 5 is partly agreed but gives no reason"),
                "\(label): \(refused)")
        #expect(refused.stdoutAndStderr.contains("[reason-required]"), "\(label): \(refused)")
        #expect(try gitOK(["rev-parse", "HEAD"], in: top) == head, "\(label)")
        #expect(try gitOK(["ls-files", "-s"], in: top) == index, "\(label)")

        // Fixed in the working tree, not staged: what would be committed is still broken.
        try Recommendation5.put(v.fixed, in: file)
        let unstaged = commit("Partly agreed", in: folder)
        #expect(unstaged.status != 0, "\(label): git commit went through with the fix unstaged: \(unstaged)")
        #expect(unstaged.stdoutAndStderr.contains("[reason-required]"), "\(label): \(unstaged)")
        #expect(try gitOK(["rev-parse", "HEAD"], in: top) == head, "\(label)")

        try gitOK(["add", rec5], in: top)
        let accepted = commit("Partly agreed, with the reason", in: folder)
        #expect(accepted.status == 0, "\(label): \(accepted)")
        #expect(!accepted.stdoutAndStderr.contains("error:"), "\(label): \(accepted)")
        #expect(try gitOK(["rev-parse", "HEAD~1"], in: top) == head, "\(label)")
        #expect(try gitOK(["show", "HEAD:" + rec5], in: top) + "\n" == v.fixed, "\(label)")
        #expect(try gitOK(["status", "--porcelain", "--untracked-files=no"], in: top) == "", "\(label)")
        return try gitOK(["rev-parse", "HEAD"], in: top)
    }

    /// Files in a folder, sorted (nil when it does not exist).
    static func listing(_ folder: URL) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    // MARK: 13. install, then real commits

    @Test("hook install writes an executable .git/hooks/pre-commit; git commit is refused on a staged error, also when fixed only on disk, and goes through once the fix is staged")
    func installAndCommit() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let hook = repo.appendingPathComponent(".git/hooks/pre-commit")
            #expect(!exists(hook))

            let install = run(["hook", "install"], in: repo)
            #expect(install.status == 0, "\(install)")
            #expect(install.stdout.contains("installed the pre-commit hook at \(hook.path)"), "\(install)")
            Self.expectPlantoolHook(at: hook, ".git/hooks")
            #expect(!exists(repo.appendingPathComponent(".git/hooks/pre-commit.plantool-chained")))

            try Self.refusesThenAccepts(top: repo, folder: repo, label: ".git/hooks")

            // git commit -a commits the working tree: the hook sees what will be committed.
            let file = repo.appendingPathComponent(Self.rec5)
            let fixed = try #require(GitFixture.text(of: file))
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)
            try Recommendation5.put(fixed.replacingOccurrences(of: "\nreason:\n  categories: [affordability]\n  text: resourcing need and affordability will need to be balanced\n", with: "\n"), in: file)
            let all = Self.commit("Drop the reason", in: repo, ["-a"])
            #expect(all.status != 0, "\(all)")
            #expect(all.stdoutAndStderr.contains("[reason-required]"), "\(all)")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)
            // --no-verify is git's own way round the hook.
            let skipped = Self.commit("Drop the reason", in: repo, ["-a", "--no-verify"])
            #expect(skipped.status == 0, "\(skipped)")
        }
    }

    @Test("hook install in a repository without a hooks folder, in a path with a space and a quote")
    func unusualRepositoryPath() throws {
        try withTemporaryDirectory { dir in
            let parent = dir.appendingPathComponent("team's plans")
            let repo = parent.appendingPathComponent("action plan")
            try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
            try gitOK(["init", "-q", "--template=", "-b", "main"], in: repo)
            #expect(!exists(repo.appendingPathComponent(".git/hooks")))
            try GitFixture.copyPlan(to: repo.appendingPathComponent("plan"))
            try gitOK(["add", "-A"], in: repo)
            try gitOK(["commit", "-q", "-m", "Add the action plan"], in: repo)

            let install = run(["hook", "install"], in: repo)
            #expect(install.status == 0, "\(install)")
            Self.expectPlantoolHook(at: repo.appendingPathComponent(".git/hooks/pre-commit"), "path with a space and a quote")
            try Self.refusesThenAccepts(top: repo, folder: repo, label: "path with a space and a quote")
        }
    }

    // MARK: 14. core.hooksPath

    @Test("with a relative core.hooksPath, hook install writes there (from a subfolder too) and git commit runs it")
    func hooksPath() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try gitOK(["config", "core.hooksPath", ".githooks"], in: repo)
            let subfolder = repo.appendingPathComponent("plan/recommendations")
            let install = run(["hook", "install"], in: subfolder)
            #expect(install.status == 0, "\(install)")
            let hook = repo.appendingPathComponent(".githooks/pre-commit")
            #expect(install.stdout.contains(hook.path), "\(install)")
            Self.expectPlantoolHook(at: hook, "core.hooksPath")
            #expect(!exists(repo.appendingPathComponent(".git/hooks/pre-commit")))
            #expect(!exists(subfolder.appendingPathComponent(".githooks")))
            #expect(!exists(repo.appendingPathComponent("plan/.githooks")))

            try Self.refusesThenAccepts(top: repo, folder: repo.appendingPathComponent("plan"), label: "core.hooksPath")
            // The hook itself was never committed (it is untracked) and is still in place.
            Self.expectPlantoolHook(at: hook, "core.hooksPath after the commits")
        }
    }

    // MARK: 15. linked worktrees

    @Test("hook install inside a linked worktree writes to the main repository's hooks; commits in the worktree are checked")
    func linkedWorktree() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try gitOK(["worktree", "add", "-q", "../wt", "-b", "other"], in: repo)
            let wt = dir.appendingPathComponent("wt")
            let common = try gitOK(["rev-parse", "--path-format=absolute", "--git-common-dir"], in: wt)
            #expect(URL(fileURLWithPath: common).standardizedFileURL.path == repo.appendingPathComponent(".git").path)

            let install = run(["hook", "install"], in: wt.appendingPathComponent("plan"))
            #expect(install.status == 0, "\(install)")
            let hook = repo.appendingPathComponent(".git/hooks/pre-commit")
            #expect(install.stdout.contains(hook.path), "\(install)")
            Self.expectPlantoolHook(at: hook, "common hooks folder")
            #expect(!exists(repo.appendingPathComponent(".git/worktrees/wt/hooks")))
            #expect(!exists(wt.appendingPathComponent(".git/hooks")))  // wt/.git is a file

            let main = try gitOK(["rev-parse", "main"], in: repo)
            let commit = try Self.refusesThenAccepts(top: wt, folder: wt, label: "linked worktree")
            #expect(try gitOK(["rev-parse", "other"], in: repo) == commit)
            #expect(try gitOK(["rev-parse", "main"], in: repo) == main)

            // The same hook guards the main worktree.
            try Self.refusesThenAccepts(top: repo, folder: repo, label: "main worktree")
        }
    }

    // MARK: 16. chaining an existing hook

    /// A hook script that appends a line to `marker` and exits with `status`.
    static func legacyHook(marker: URL, status: Int) -> String {
        "#!/bin/sh\n# the team's own pre-commit hook\necho ran >> '\(marker.path)'\necho 'legacy hook ran' >&2\nexit \(status)\n"
    }

    static func writeHook(_ text: String, at url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    static func runs(of marker: URL) -> Int {
        GitFixture.text(of: marker)?.split(separator: "\n").count ?? 0
    }

    @Test("an existing pre-commit hook is kept as pre-commit.plantool-chained and runs first; uninstall restores it byte for byte")
    func chainingAndUninstall() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let hooks = repo.appendingPathComponent(".git/hooks")
            let hook = hooks.appendingPathComponent("pre-commit")
            let chained = hooks.appendingPathComponent("pre-commit.plantool-chained")
            let marker = dir.appendingPathComponent("marker")
            let original = Self.legacyHook(marker: marker, status: 0)
            try Self.writeHook(original, at: hook)
            let hooksBefore = try #require(Self.listing(hooks))

            let install = run(["hook", "install"], in: repo)
            #expect(install.status == 0, "\(install)")
            #expect(install.stdout.contains("pre-commit.plantool-chained"), "\(install)")
            Self.expectPlantoolHook(at: hook, "installed over a hook")
            #expect(GitFixture.text(of: chained) == original)
            #expect(FileManager.default.isExecutableFile(atPath: chained.path))
            let installed = try #require(bytes(of: hook))

            // Installing again refreshes our hook and keeps the original as the chained one: no
            // copy of plantool's hook is chained, nothing else appears.
            let again = run(["hook", "install"], in: repo)
            #expect(again.status == 0, "\(again)")
            #expect(!again.stdout.contains("kept as"), "\(again)")
            #expect(bytes(of: hook) == installed)
            #expect(GitFixture.text(of: chained) == original, "the chained hook was replaced: \(GitFixture.text(of: chained) ?? "nil")")
            #expect(Self.listing(hooks) == (hooksBefore + ["pre-commit.plantool-chained"]).sorted(), "\(Self.listing(hooks) ?? [])")

            // A clean commit: the chained hook runs, then plantool, and the commit goes through.
            let file = repo.appendingPathComponent(Self.rec5)
            let v = try Recommendation5(of: file)
            try Recommendation5.put(v.fixed, in: file)
            try gitOK(["add", Self.rec5], in: repo)
            let clean = Self.commit("Partly agreed, with the reason", in: repo)
            #expect(clean.status == 0, "\(clean)")
            #expect(Self.runs(of: marker) == 1, "the chained hook did not run")
            #expect(clean.stderr.contains("legacy hook ran"), "\(clean)")

            // A broken commit: the chained hook runs first, then plantool refuses.
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)
            try Recommendation5.put(v.noReason, in: file)
            try gitOK(["add", Self.rec5], in: repo)
            let refused = Self.commit("Drop the reason", in: repo)
            #expect(refused.status != 0, "\(refused)")
            #expect(refused.stdoutAndStderr.contains("[reason-required]"), "\(refused)")
            #expect(Self.runs(of: marker) == 2, "the chained hook did not run first")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)

            // Uninstall puts the original back, byte for byte and executable.
            let uninstall = run(["hook", "uninstall"], in: repo)
            #expect(uninstall.status == 0, "\(uninstall)")
            #expect(uninstall.stdout.contains("restored"), "\(uninstall)")
            #expect(bytes(of: hook) == Array(original.utf8))
            #expect(FileManager.default.isExecutableFile(atPath: hook.path))
            #expect(!exists(chained))
            #expect(Self.listing(hooks) == hooksBefore)
            // Without plantool's hook the broken commit goes through (only the original ran).
            let unchecked = Self.commit("Drop the reason", in: repo)
            #expect(unchecked.status == 0, "\(unchecked)")
            #expect(Self.runs(of: marker) == 3)

            // Uninstalling a hook that is not plantool's refuses and leaves it alone.
            let refusedUninstall = run(["hook", "uninstall"], in: repo)
            #expect(refusedUninstall.status != 0, "\(refusedUninstall)")
            #expect(refusedUninstall.stderr.contains("not plantool's"), "\(refusedUninstall)")
            #expect(bytes(of: hook) == Array(original.utf8))
            #expect(Self.listing(hooks) == hooksBefore)
        }
    }

    @Test("a failing existing hook still blocks the commit after plantool's hook is installed")
    func failingChainedHookBlocks() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let hook = repo.appendingPathComponent(".git/hooks/pre-commit")
            let marker = dir.appendingPathComponent("marker")
            try Self.writeHook(Self.legacyHook(marker: marker, status: 1), at: hook)
            #expect(run(["hook", "install"], in: repo).status == 0)

            // A change plantool accepts: only the existing hook can refuse it.
            let file = repo.appendingPathComponent(Self.rec5)
            let v = try Recommendation5(of: file)
            try Recommendation5.put(v.fixed, in: file)
            try gitOK(["add", Self.rec5], in: repo)
            #expect(lint(["--staged"], in: repo).status == 0)
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)
            let refused = Self.commit("Partly agreed, with the reason", in: repo)
            #expect(refused.status != 0, "the failing chained hook did not block: \(refused)")
            #expect(refused.stderr.contains("legacy hook ran"), "\(refused)")
            #expect(Self.runs(of: marker) == 1)
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)
        }
    }

    @Test("install twice without an existing hook chains nothing; uninstall with nothing there or with a foreign hook")
    func idempotentInstallAndForeignHooks() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let hooks = repo.appendingPathComponent(".git/hooks")
            let hook = hooks.appendingPathComponent("pre-commit")
            let chained = hooks.appendingPathComponent("pre-commit.plantool-chained")
            let before = try #require(Self.listing(hooks))

            #expect(run(["hook", "install"], in: repo).status == 0)
            let first = try #require(bytes(of: hook))
            #expect(run(["hook", "install"], in: repo).status == 0)
            #expect(bytes(of: hook) == first)
            #expect(!exists(chained), "installing twice chained plantool's own hook")
            #expect(Self.listing(hooks) == (before + ["pre-commit"]).sorted(), "\(Self.listing(hooks) ?? [])")

            let uninstall = run(["hook", "uninstall"], in: repo)
            #expect(uninstall.status == 0, "\(uninstall)")
            #expect(!exists(hook))
            #expect(Self.listing(hooks) == before)
            let nothing = run(["hook", "uninstall"], in: repo)
            #expect(nothing.status == 0, "\(nothing)")
            #expect(nothing.stdout.contains("nothing to do"), "\(nothing)")

            // A foreign hook: uninstall refuses and leaves it.
            let foreign = "#!/bin/sh\nexit 0\n"
            try Self.writeHook(foreign, at: hook)
            let refused = run(["hook", "uninstall"], in: repo)
            #expect(refused.status != 0, "\(refused)")
            #expect(bytes(of: hook) == Array(foreign.utf8))

            // A foreign hook with a chained one already beside it: install refuses, changes nothing.
            let older = "#!/bin/sh\necho older\n"
            try Self.writeHook(older, at: chained)
            let listing = Self.listing(hooks)
            let conflict = run(["hook", "install"], in: repo)
            #expect(conflict.status != 0, "\(conflict)")
            #expect(bytes(of: hook) == Array(foreign.utf8))
            #expect(bytes(of: chained) == Array(older.utf8))
            #expect(Self.listing(hooks) == listing)

            // Outside a repository: an error, not a crash.
            let outside = dir.appendingPathComponent("outside")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            let notRepo = run(["hook", "install"], in: outside)
            #expect(notRepo.status == 2, "\(notRepo)")
            #expect(!exists(outside.appendingPathComponent(".git")))
        }
    }

    // MARK: 17. plantool init

    @Test("plantool init DIR outside a repository installs the hook in the new repository; --no-hook does not")
    func initInstallsHook() throws {
        try withTemporaryDirectory { dir in
            #expect(git(["rev-parse", "--git-dir"], in: dir).status != 0, "the temporary folder is inside a repository")
            let created = run(["init", "p", "--title", "A plan", "--published", "2020-11-10", "--submitted", "2020-12-07"], in: dir)
            #expect(created.status == 0, "\(created)")
            let plan = dir.appendingPathComponent("p")
            let hook = plan.appendingPathComponent(".git/hooks/pre-commit")
            #expect(created.stdout.contains("installed the pre-commit hook at \(hook.path)"), "\(created)")
            Self.expectPlantoolHook(at: hook, "init")
            #expect(try gitOK(["log", "--format=%s"], in: plan) == "Start the action plan")

            // The hook works: an agreed recommendation without actions is refused, a good one accepted.
            let head = try gitOK(["rev-parse", "HEAD"], in: plan)
            try write(Fixture.recommendation(1), to: "recommendations/01.yaml", in: plan)
            try gitOK(["add", "-A"], in: plan)
            let refused = Self.commit("Recommendation 1", in: plan)
            #expect(refused.status != 0, "\(refused)")
            #expect(refused.stdoutAndStderr.contains("recommendations/01.yaml:5:1: error:"), "\(refused)")
            #expect(refused.stdoutAndStderr.contains("[agreed-has-actions]"), "\(refused)")
            #expect(try gitOK(["rev-parse", "HEAD"], in: plan) == head)
            try write(LintFixture.clean(1), to: "recommendations/01.yaml", in: plan)
            try gitOK(["add", "-A"], in: plan)
            let accepted = Self.commit("Recommendation 1", in: plan)
            #expect(accepted.status == 0, "\(accepted)")

            let bare = run(["init", "q", "--title", "A plan", "--no-hook"], in: dir)
            #expect(bare.status == 0, "\(bare)")
            let other = dir.appendingPathComponent("q")
            #expect(exists(other.appendingPathComponent(".git")))
            #expect(!exists(other.appendingPathComponent(".git/hooks/pre-commit")))
            #expect(!bare.stdout.contains("installed the pre-commit hook"), "\(bare)")

            let noGit = run(["init", "r", "--title", "A plan", "--no-git"], in: dir)
            #expect(noGit.status == 0, "\(noGit)")
            #expect(!exists(dir.appendingPathComponent("r/.git")))
        }
    }

    @Test("plantool init inside an existing repository installs the hook in that repository")
    func initInsideRepository() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let created = run(["init", "second", "--title", "Second plan"], in: repo)
            #expect(created.status == 0, "\(created)")
            Self.expectPlantoolHook(at: repo.appendingPathComponent(".git/hooks/pre-commit"), "init in a repository")
            #expect(!exists(repo.appendingPathComponent("second/.git")))
        }
    }

    // MARK: 18. the pre-commit framework

    @Test(".pre-commit-hooks.yaml at the package root offers the plantool-lint hook running plantool lint --staged")
    func preCommitFrameworkManifest() throws {
        let url = PackagePaths.root.appendingPathComponent(".pre-commit-hooks.yaml")
        let text = try #require(GitFixture.text(of: url), "no \(url.path)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // YAML-ish: comments, then a list whose item has id, entry and the rest as plain keys.
        let content = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
        #expect(content.first == "- id: plantool-lint", "\(text)")
        #expect(!text.contains("\t"), "tabs in YAML")
        var keys: [String: String] = [:]
        for line in content {
            let body = line.hasPrefix("- ") ? String(line.dropFirst(2)) : line
            #expect(body.hasPrefix("  ") || line.hasPrefix("- "), "not a key of the list item: \(line)")
            let trimmed = body.trimmingCharacters(in: .whitespaces)
            guard let colon = trimmed.range(of: ": ") else {
                Issue.record("not a key: value line: \(line)")
                continue
            }
            let key = String(trimmed[..<colon.lowerBound])
            #expect(keys[key] == nil, "key \(key) twice")
            keys[key] = String(trimmed[colon.upperBound...])
        }
        #expect(keys["id"] == "plantool-lint")
        #expect(keys["entry"] == "plantool lint --staged")
        #expect(keys["language"] == "system")
        #expect(keys["pass_filenames"] == "false")
        #expect(keys["name"]?.isEmpty == false)

        // Its file pattern picks the plan's files and the configuration, nothing else.
        let files = try #require(keys["files"], "no files pattern")
        #expect(files.hasPrefix("'") && files.hasSuffix("'"), "\(files)")
        let regex = try NSRegularExpression(pattern: String(files.dropFirst().dropLast()))
        func picks(_ path: String) -> Bool {
            regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
        }
        for path in ["plan.yaml", "plan/plan.yaml", "plan/recommendations/01.yaml", "recommendations/12.yml", ".plantool.yaml",
                     "plans/a/.plantool.yaml"] {
            #expect(picks(path), "\(path) not picked")
        }
        for path in ["README.md", "plan/schema/plan.schema.json", "plan/NOTES.md", "other.yaml", "myplan.yaml"] {
            #expect(!picks(path), "\(path) picked")
        }

        // When python3 has PyYAML, a real YAML reader agrees.
        if let python = ToolOnPath.find("python3") {
            let program = """
                import sys
                try:
                    import yaml
                except ImportError:
                    sys.exit(3)
                hooks = yaml.safe_load(open(sys.argv[1]))
                assert isinstance(hooks, list) and len(hooks) == 1, hooks
                hook = hooks[0]
                assert hook["id"] == "plantool-lint", hook
                assert hook["entry"] == "plantool lint --staged", hook
                assert hook["language"] == "system", hook
                assert hook["pass_filenames"] is False, hook
                """
            let result = runProcess(python, ["-c", program, url.path], in: PackagePaths.root,
                                    environment: ProcessInfo.processInfo.environment, timeout: 60)
            #expect(result.status == 0 || result.status == 3, "\(result)")
        }
    }

    @Test("the pre-commit framework's entry, run in a repository, lints the staged plan")
    func preCommitFrameworkEntryRuns() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            // `plantool lint --staged`, as the entry says, from the repository's top.
            #expect(lint(["--staged"], in: repo).status == 0)
            let file = repo.appendingPathComponent(Self.rec5)
            let v = try Recommendation5(of: file)
            try Recommendation5.put(v.noReason, in: file)
            try gitOK(["add", Self.rec5], in: repo)
            let refused = lint(["--staged"], in: repo)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.errors.map(\.rule) == ["reason-required"], "\(refused)")
        }
    }
}
