import Foundation
import Testing

/// A hooks folder that serves more than one repository: core.hooksPath set in the user's git
/// configuration is refused by `hook install` and `init`, and the hook lets commits of
/// repositories without a plan through.
@Suite("plantool hook: shared hooks folders")
struct HookSharedFolderTests {
    /// An environment with a HOME of its own, whose ~/.gitconfig sets core.hooksPath to `hooks`.
    static func userWithGlobalHooksPath(in dir: URL) throws -> (env: [String: String], hooks: URL) {
        let home = dir.appendingPathComponent("home")
        let hooks = dir.appendingPathComponent("global-hooks")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let env = ["HOME": home.path, "XDG_CONFIG_HOME": home.path]
        try gitOK(["config", "--global", "core.hooksPath", hooks.path], in: dir, env: env)
        return (env, hooks)
    }

    /// A repository with one commit of a file and no plan; `git commit` of a second file.
    static func commitInRepositoryWithoutPlan(_ repo: URL, env: [String: String]) throws -> RunResult {
        if !exists(repo) {
            try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
            try gitOK(["init", "-q", "-b", "main"], in: repo, env: env)
        }
        try write("notes \(UUID().uuidString)\n", to: "notes.txt", in: repo)
        try gitOK(["add", "notes.txt"], in: repo, env: env)
        return gitNeutral(["commit", "-m", "Notes"], in: repo, env: env)
    }

    @Test("hook install refuses a core.hooksPath from the user's git configuration, says how to do it by hand, and writes nothing")
    func installRefusesGlobalHooksPath() throws {
        try withTemporaryDirectory { dir in
            let (env, hooks) = try Self.userWithGlobalHooksPath(in: dir)
            let repo = try GitFixture.repository(in: dir)
            let before = try RepositoryState.of(repo)

            let result = run(["hook", "install"], in: repo, env: env)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("core.hooksPath is set in your global or system git configuration: \(hooks.path) holds the hooks of every repository"),
                    "\(result)")
            #expect(result.stderr.contains("git config core.hooksPath .git/hooks && plantool hook install"), "\(result)")
            #expect(result.stderr.contains("then plantool lint --staged || exit 1; fi"), "\(result)")
            #expect(!exists(hooks), "a hooks folder was created: \(HookTests.listing(hooks) ?? [])")
            #expect(!exists(repo.appendingPathComponent(".git/hooks/pre-commit")))
            #expect(try RepositoryState.of(repo) == before)

            // A relative core.hooksPath, even a global one, names a folder inside each repository.
            try gitOK(["config", "--global", "core.hooksPath", ".githooks"], in: dir, env: env)
            let relative = run(["hook", "install"], in: repo, env: env)
            #expect(relative.status == 0, "\(relative)")
            HookTests.expectPlantoolHook(at: repo.appendingPathComponent(".githooks/pre-commit"), "relative global core.hooksPath")
            try FileManager.default.removeItem(at: repo.appendingPathComponent(".githooks"))
            try gitOK(["config", "--global", "core.hooksPath", hooks.path], in: dir, env: env)

            // Another repository of the same user still commits.
            let other = try Self.commitInRepositoryWithoutPlan(dir.appendingPathComponent("other"), env: env)
            #expect(other.status == 0, "\(other)")

            // The way out the message gives: a hooks folder of the repository's own.
            try gitOK(["config", "core.hooksPath", ".git/hooks"], in: repo, env: env)
            let local = run(["hook", "install"], in: repo, env: env)
            #expect(local.status == 0, "\(local)")
            HookTests.expectPlantoolHook(at: repo.appendingPathComponent(".git/hooks/pre-commit"), "local core.hooksPath")
            try HookTests.refusesThenAccepts(top: repo, folder: repo, label: "local core.hooksPath over a global one")
        }
    }

    @Test("plantool init, outside or inside a repository, does not install into a global core.hooksPath; other repositories still commit")
    func initSkipsGlobalHooksPath() throws {
        try withTemporaryDirectory { dir in
            let (env, hooks) = try Self.userWithGlobalHooksPath(in: dir)
            let created = run(["init", "newplan", "--title", "T"], in: dir, env: env)
            #expect(created.status == 0, "\(created)")
            #expect(created.stdout.contains("created a git repository on branch main"), "\(created)")
            #expect(created.stderr.contains("the plan was created, but the hook was not installed: core.hooksPath is set in your global or system git configuration"),
                    "\(created)")
            #expect(!exists(hooks), "init wrote into the global hooks folder: \(HookTests.listing(hooks) ?? [])")
            #expect(try gitOK(["rev-list", "--count", "HEAD"], in: dir.appendingPathComponent("newplan"), env: env) == "1")

            let repo = try GitFixture.repository(in: dir)
            let inside = run(["init", "second", "--title", "T"], in: repo, env: env)
            #expect(inside.status == 0, "\(inside)")
            #expect(inside.stderr.contains("the hook was not installed"), "\(inside)")
            #expect(!exists(hooks))

            let other = try Self.commitInRepositoryWithoutPlan(dir.appendingPathComponent("other"), env: env)
            #expect(other.status == 0, "\(other)")
        }
    }

    @Test("the hook lets a commit through in a repository without a plan (or with one only in a hidden folder), and still lints one with a plan")
    func hookPassesWithoutPlan() throws {
        try withTemporaryDirectory { dir in
            // Two repositories whose own configuration names the same hooks folder.
            let shared = dir.appendingPathComponent("shared-hooks")
            let withPlan = try GitFixture.repository(in: dir)
            try gitOK(["config", "core.hooksPath", shared.path], in: withPlan)
            let installed = run(["hook", "install"], in: withPlan)
            #expect(installed.status == 0, "\(installed)")
            HookTests.expectPlantoolHook(at: shared.appendingPathComponent("pre-commit"), "shared folder")

            let without = dir.appendingPathComponent("without")
            try FileManager.default.createDirectory(at: without, withIntermediateDirectories: true)
            try gitOK(["init", "-q", "-b", "main"], in: without)
            try gitOK(["config", "core.hooksPath", shared.path], in: without)
            let first = try Self.commitInRepositoryWithoutPlan(without, env: [:])
            #expect(first.status == 0, "\(first)")
            #expect(!first.stdoutAndStderr.contains("no plan found"), "\(first)")

            try write("title: not a plan of ours\n", to: ".config/plan.yaml", in: without)
            try gitOK(["add", ".config/plan.yaml"], in: without)
            let second = try Self.commitInRepositoryWithoutPlan(without, env: [:])
            #expect(second.status == 0, "\(second)")
            #expect(try gitOK(["rev-list", "--count", "HEAD"], in: without) == "2")

            try HookTests.refusesThenAccepts(top: withPlan, folder: withPlan.appendingPathComponent("plan"), label: "shared folder, repository with a plan")
        }
    }

    @Test("hook uninstall removes plantool's hook from a global core.hooksPath (put there by an earlier version)")
    func uninstallFromGlobalHooksPath() throws {
        try withTemporaryDirectory { dir in
            let (env, hooks) = try Self.userWithGlobalHooksPath(in: dir)
            let repo = try GitFixture.repository(in: dir)
            // As an earlier plantool did: installed through the repository's own setting.
            try gitOK(["config", "core.hooksPath", hooks.path], in: repo, env: env)
            #expect(run(["hook", "install"], in: repo, env: env).status == 0)
            try gitOK(["config", "--unset", "core.hooksPath"], in: repo, env: env)
            #expect(exists(hooks.appendingPathComponent("pre-commit")))

            let removed = run(["hook", "uninstall"], in: repo, env: env)
            #expect(removed.status == 0, "\(removed)")
            #expect(removed.stdout == "removed plantool's pre-commit hook\n", "\(removed)")
            #expect(HookTests.listing(hooks) == [], "\(HookTests.listing(hooks) ?? [])")
        }
    }
}
