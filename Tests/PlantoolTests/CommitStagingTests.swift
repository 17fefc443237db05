import Foundation
import Testing

/// `plantool commit` stages exactly what `git add -A DIR` stages: each scenario builds one
/// repository, copies it, runs `git add -A plan && git commit` in one copy and `plantool commit`
/// in the other, and compares the trees, `git status` and `git fsck --strict`.
@Suite("plantool commit stages what git add -A stages")
struct CommitStagingTests {
    /// A shell script run in the repository, with the tests' hermetic git environment.
    static func shell(_ script: String, in repo: URL) throws {
        let result = runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "set -e\n" + script], in: repo,
                                environment: TestEnvironment.make(["GIT_ALLOW_PROTOCOL": "file"]), timeout: 120)
        guard result.status == 0 else { throw GitFixtureError(message: "script failed: \(script)\n\(result)") }
    }

    /// A repository with the example plan in plan/ and a file outside it, `setup` run and
    /// committed, then `change` run (uncommitted); returns its top.
    static func scenario(in dir: URL, setup: String, change: String) throws -> URL {
        let repo = dir.appendingPathComponent("base")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try gitOK(["init", "-q", "-b", "main"], in: repo)
        try GitFixture.copyPlan(to: repo.appendingPathComponent("plan"))
        try write("outside\n", to: "outside.txt", in: repo)
        try shell(setup, in: repo)
        try gitOK(["add", "-A"], in: repo)
        try gitOK(["commit", "-q", "-m", "Base"], in: repo)
        try shell(change, in: repo)
        return repo
    }

    /// Copies a repository exactly (modes, symlinks, submodules' .git files).
    static func copy(_ repo: URL, to name: String) throws -> URL {
        let target = repo.deletingLastPathComponent().appendingPathComponent(name)
        let result = runProcess(URL(fileURLWithPath: "/bin/cp"), ["-a", repo.path, target.path], in: repo,
                                environment: TestEnvironment.make(), timeout: 60)
        guard result.status == 0 else { throw GitFixtureError(message: "cp failed: \(result)") }
        return target
    }

    /// Runs git and plantool on two copies of the scenario and expects the same outcome.
    static func expectSameAsGit(setup: String = ":", change: String, _ label: String) throws {
        try withTemporaryDirectory { dir in
            let base = try scenario(in: dir, setup: setup, change: change)
            let withGit = try copy(base, to: "git")
            let withPlantool = try copy(base, to: "plantool")
            try gitOK(["add", "-A", "plan"], in: withGit)
            let gitTree = try gitOK(["write-tree"], in: withGit)
            try gitOK(["commit", "-q", "-m", "Change"], in: withGit)

            let result = run(["commit", "--no-verify", "-m", "Change"], in: withPlantool.appendingPathComponent("plan"))
            #expect(result.status == 0, "\(label): \(result)")
            let tree = try gitOK(["rev-parse", "HEAD^{tree}"], in: withPlantool)
            if tree != gitTree {
                let expected = try gitOK(["ls-tree", "-r", gitTree], in: withGit)
                let got = try gitOK(["ls-tree", "-r", tree], in: withPlantool)
                Issue.record("\(label): plantool committed a different tree than git add -A plan\n--- git ---\n\(expected)\n--- plantool ---\n\(got)")
            }
            let status = ["status", "--porcelain", "--untracked-files=all"]
            #expect(try gitOK(status, in: withPlantool) == (try gitOK(status, in: withGit)), "\(label)")
            #expect(try gitOK(["ls-files", "-s", "-t"], in: withPlantool) == (try gitOK(["ls-files", "-s", "-t"], in: withGit)),
                    "\(label): the index differs")
            let fsck = git(["fsck", "--strict", "--no-progress"], in: withPlantool)
            #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(label): \(fsck)")
        }
    }

    static let editPlan = "echo '# edited' >> plan/plan.yaml\n"

    /// A repository at `path` (outside the scenario's repository) with one commit.
    static func upstream(_ path: String) -> String {
        "git init -q -b main \(path) && (cd \(path) && echo s > s && git add s && git commit -q -m s)\n"
    }

    @Test("a submodule in the plan folder: kept (also with changes inside), moved with its checked-out commit (also when ignore=all), kept when not checked out, removed when deleted")
    func submodules() throws {
        let setup = Self.upstream("../up1") + Self.upstream("../up2") + Self.upstream("../up3") + """
            git -c protocol.file.allow=always submodule add -q ../up1 plan/kept
            git -c protocol.file.allow=always submodule add -q ../up2 plan/moved
            git -c protocol.file.allow=always submodule add -q ../up3 plan/gone
            git -c protocol.file.allow=always submodule add -q ../up1 plan/uninitialised
            git -c protocol.file.allow=always submodule add -q ../up1 plan/ignored
            git config -f .gitmodules submodule.plan/ignored.ignore all
            """
        let change = Self.editPlan + """
            (cd plan/moved && echo t > t && git add t && git commit -q -m t)
            (cd plan/ignored && echo t > t && git add t && git commit -q -m t)
            (cd plan/kept && echo dirty >> s && echo new > new)
            git submodule deinit -q plan/uninitialised
            rm -rf plan/gone
            """
        try Self.expectSameAsGit(setup: setup, change: change, "submodules")
    }

    @Test("a nested repository with a commit is added as a gitlink, as git does")
    func nestedRepository() throws {
        try Self.expectSameAsGit(change: Self.editPlan + Self.upstream("plan/nested"), "nested repository")
    }

    @Test("a nested repository with no commit is refused, as git refuses it, changing nothing")
    func nestedRepositoryWithoutCommit() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.scenario(in: dir, setup: ":", change: Self.editPlan + "git init -q plan/notes\n")
            #expect(git(["add", "-A", "plan"], in: try Self.copy(repo, to: "git")).status != 0, "git adds it after all")
            let before = try RepositoryState.of(repo)
            let refused = run(["commit", "--no-verify", "-m", "Nested"], in: repo.appendingPathComponent("plan"))
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("commit refused: plan/notes is a git repository with no commit checked out"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("in a sparse checkout, the files outside it (skip-worktree) stay in the commit")
    func sparseCheckout() throws {
        let setup = "mkdir -p plan/other && echo o > plan/other/o.txt && echo p > plan/other/p.txt\n"
        let change = "git sparse-checkout set --no-cone '/*' '!/plan/other/'\ntest ! -e plan/other/o.txt\n" + Self.editPlan
        try Self.expectSameAsGit(setup: setup, change: change, "sparse checkout")
    }

    @Test("assume-unchanged entries are left as they are, changed or deleted, as git add does")
    func assumeUnchanged() throws {
        let change = Self.editPlan + """
            git update-index --assume-unchanged plan/recommendations/01.yaml plan/recommendations/02.yaml
            echo '# changed' >> plan/recommendations/01.yaml
            rm plan/recommendations/02.yaml
            """
        try Self.expectSameAsGit(change: change, "assume-unchanged")
    }

    @Test("core.autocrlf=true converts CRLF to LF as git add does")
    func autocrlf() throws {
        let change = "git config core.autocrlf true\nprintf 'a\\r\\nb\\r\\n' > plan/crlf.txt\nprintf 'x\\r\\n' >> plan/plan.yaml\n"
        try Self.expectSameAsGit(change: change, "core.autocrlf")
    }

    @Test("core.safecrlf=true refuses a file whose line endings would not survive, as git add does, changing nothing")
    func safeCRLF() throws {
        try withTemporaryDirectory { dir in
            let change = Self.editPlan + "git config core.autocrlf true\ngit config core.safecrlf true\nprintf 'a\\r\\nb\\n' > plan/mixed.txt\n"
            let repo = try Self.scenario(in: dir, setup: ":", change: change)
            #expect(git(["add", "-A", "plan"], in: try Self.copy(repo, to: "git")).status != 0, "git adds it after all")
            let before = try RepositoryState.of(repo)
            let refused = run(["commit", "--no-verify", "-m", "Mixed"], in: repo.appendingPathComponent("plan"))
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("LF would be replaced by CRLF in 'plan/mixed.txt'"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("text=auto normalises new text, keeps a file already committed with CRLF, leaves binary files alone")
    func textAuto() throws {
        let setup = "printf 'old\\r\\n' > plan/committed-crlf.txt\n"
        let change = """
            echo '* text=auto' > .gitattributes
            printf 'a\\r\\nb\\r\\n' > plan/new-crlf.txt
            printf 'old\\r\\nnew\\r\\n' > plan/committed-crlf.txt
            printf 'bin\\000\\r\\n' > plan/binary.dat
            """
        try Self.expectSameAsGit(setup: setup, change: change, "text=auto")
    }

    @Test("eol=crlf and the ident attribute are applied as git add applies them")
    func eolAndIdent() throws {
        let setup = "printf '*.txt eol=crlf\\n*.id ident\\n' > .gitattributes\n"
        let change = "printf 'a\\r\\nb\\r\\n' > plan/crlf.txt\nprintf 'a\\nb\\n' > plan/lf.txt\nprintf '$Id: old $\\n' > plan/x.id\n"
        try Self.expectSameAsGit(setup: setup, change: change, "eol=crlf")
    }

    @Test("executable bits, symlinks, deletions, ignored files, intent-to-add, a file that became a folder, a file outside the plan")
    func everyKindOfChange() throws {
        let setup = """
            printf 'ignored.txt\\nplan/tracked-ignored.txt\\n' > .gitignore
            echo t > plan/tracked-ignored.txt && git add -f plan/tracked-ignored.txt
            echo x > plan/script.sh
            ln -s plan.yaml plan/link
            echo f > plan/thing
            mkdir plan/dir && echo d > plan/dir/f
            """
        let change = Self.editPlan + """
            chmod +x plan/script.sh
            rm plan/recommendations/08.yaml
            echo i > plan/ignored.txt
            echo changed >> plan/tracked-ignored.txt
            echo o >> outside.txt && echo n > outside-new.txt
            rm plan/link && ln -s recommendations plan/link && ln -s missing plan/dangling
            echo ita > plan/ita.txt && git add -N plan/ita.txt
            rm plan/thing && mkdir plan/thing && echo g > plan/thing/g
            rm -r plan/dir && echo now-a-file > plan/dir
            mkfifo plan/fifo
            """
        try Self.expectSameAsGit(setup: setup, change: change, "every kind of change")
    }

    @Test("an intent-to-add file deleted again, a folder replaced by a symlink, odd file names, -text files, ignored folders")
    func moreKindsOfChange() throws {
        let setup = """
            mkdir plan/d && echo a > plan/d/a
            mkdir plan/real && echo r > plan/real/r
            printf 'x' > "plan/new
            line.txt"
            echo sp > "plan/trailing "
            mkdir -p plan/build && echo t > plan/build/tracked.txt
            """
        let change = """
            echo ita > plan/ita.txt && git add -N plan/ita.txt && rm plan/ita.txt
            rm -r plan/d && ln -s real plan/d
            echo é > "plan/é.txt"
            rm "plan/new
            line.txt"
            echo more >> "plan/trailing "
            echo '*.yaml -text' > plan/.gitattributes && printf 'a\r\n' > plan/x.yaml
            echo 'build/' > plan/.gitignore && echo n > plan/build/new.txt && echo c >> plan/build/tracked.txt
            mkdir -p plan/sub/deep && echo x > plan/sub/deep/f && printf '*\n!f\n' > plan/sub/.gitignore
            """
        try Self.expectSameAsGit(setup: setup, change: change, "more kinds of change")
    }

    @Test("with core.filemode=false an executable bit is not committed, as git does")
    func fileModeOff() throws {
        let setup = "git config core.filemode false\necho x > plan/s.sh\n"
        let change = "chmod +x plan/s.sh\necho y > plan/new.sh && chmod +x plan/new.sh\n"
        try Self.expectSameAsGit(setup: setup, change: change, "core.filemode=false")
    }

    @Test("a changed file behind a clean filter is refused, naming the path and the filter, changing nothing; once git staged it, commit commits git's blob")
    func cleanFilter() throws {
        try withTemporaryDirectory { dir in
            let setup = """
                echo 'plan/secret.txt filter=redact' > .gitattributes
                git config filter.redact.clean 'sed s/password/REDACTED/'
                echo hello > plan/secret.txt
                """
            let repo = try Self.scenario(in: dir, setup: setup, change: Self.editPlan + "echo 'password 123' >> plan/secret.txt\n")
            let before = try RepositoryState.of(repo)
            let objects = try gitOK(["count-objects"], in: repo)

            let refused = run(["commit", "--no-verify", "-m", "Secret"], in: repo.appendingPathComponent("plan"))
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("commit refused: plan/secret.txt goes through git's clean filter 'redact' (filter.redact.clean = sed s/password/REDACTED/)"),
                    "\(refused)")
            #expect(refused.stderr.contains("Nothing was changed"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)
            #expect(try gitOK(["count-objects"], in: repo) == objects, "objects were written")

            // An unchanged file behind the filter does not stop a commit of other files.
            let withGit = try Self.copy(repo, to: "git")
            try gitOK(["add", "plan/secret.txt"], in: repo)
            let committed = run(["commit", "--no-verify", "-m", "Secret"], in: repo.appendingPathComponent("plan"))
            #expect(committed.status == 0, "\(committed)")
            try gitOK(["add", "-A", "plan"], in: withGit)
            #expect(try gitOK(["rev-parse", "HEAD^{tree}"], in: repo) == (try gitOK(["write-tree"], in: withGit)))
            #expect(try gitOK(["show", "HEAD:plan/secret.txt"], in: repo) == "hello\nREDACTED 123")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "")
        }
    }

    @Test("a filter driver named in .gitattributes but not configured is no filter (as in git); a required one is refused")
    func unconfiguredAndRequiredFilters() throws {
        let setup = "echo 'plan/*.txt filter=absent' > .gitattributes\n"
        try Self.expectSameAsGit(setup: setup, change: "echo 'password' > plan/new.txt\n", "unconfigured filter")
        try withTemporaryDirectory { dir in
            let setup = "echo 'plan/*.txt filter=lfs' > .gitattributes\ngit config filter.lfs.process 'git-lfs filter-process'\n"
            let repo = try Self.scenario(in: dir, setup: setup, change: "echo big > plan/new.txt\n")
            let before = try RepositoryState.of(repo)
            let refused = run(["commit", "--no-verify", "-m", "Big"], in: repo.appendingPathComponent("plan"))
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("plan/new.txt goes through git's clean filter 'lfs' (filter.lfs.process = git-lfs filter-process)"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)

            try gitOK(["config", "--unset", "filter.lfs.process"], in: repo)
            try gitOK(["config", "filter.lfs.required", "true"], in: repo)
            let required = run(["commit", "--no-verify", "-m", "Big"], in: repo.appendingPathComponent("plan"))
            #expect(required.status == 2, "\(required)")
            #expect(required.stderr.contains("plan/new.txt needs git's filter 'lfs' (filter.lfs.required)"), "\(required)")
            #expect(git(["add", "-A", "plan"], in: repo).status != 0, "git adds it after all")
        }
    }

    @Test("a changed file with a working-tree-encoding is refused, changing nothing")
    func workingTreeEncoding() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.scenario(in: dir, setup: "echo 'plan/*.txt working-tree-encoding=UTF-16' > .gitattributes\n",
                                         change: "printf '\\377\\376a\\000\\n\\000' > plan/utf16.txt\n")
            let before = try RepositoryState.of(repo)
            let refused = run(["commit", "--no-verify", "-m", "UTF-16"], in: repo.appendingPathComponent("plan"))
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("plan/utf16.txt has working-tree-encoding=UTF-16"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)
        }
    }
}
