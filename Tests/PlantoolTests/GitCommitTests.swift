import Foundation
import Testing

/// End-to-end tests of `plantool commit` and of the repository `plantool init` creates: real
/// repositories made with the git CLI, every result checked with the git CLI.
@Suite("git workflow: plantool commit and init")
struct GitCommitTests {
    static let pinnedAuthor = "author Plan Author <author@example.org> 1638871200 +0000"
    static let pinnedCommitter = "committer Plan Committer <committer@example.org> 1638871200 +0000"

    /// Edits 01.yaml, adds a valid 09.yaml and deletes 08.yaml in a fresh repository, then runs
    /// `plantool commit -m MSG` from the plan folder.
    static func editAddDelete(in dir: URL, message: String) throws -> (repo: URL, commit: RunResult, before: String) {
        let repo = try GitFixture.repository(in: dir)
        let plan = repo.appendingPathComponent("plan")
        let before = try gitOK(["rev-parse", "HEAD"], in: repo)
        try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                               in: plan.appendingPathComponent("recommendations/01.yaml"))
        try write(Fixture.recommendationWithAction(9), to: "recommendations/09.yaml", in: plan)
        try FileManager.default.removeItem(at: plan.appendingPathComponent("recommendations/08.yaml"))
        // Deleting 08 while adding 09 leaves a gap in the numbering, which the linter refuses
        // (numbers-contiguous); this test is about staging, so it commits with --no-verify.
        let commit = run(["commit", "--no-verify", "-m", message], in: plan)
        return (repo, commit, before)
    }

    @Test("commit -m stages edits, additions and deletions of the plan and commits them with the pinned identity")
    func commitEditAddDelete() throws {
        let message = "Update December 2021"
        var ids: [String] = []
        for _ in 0..<2 {
            try withTemporaryDirectory { dir in
                let (repo, commit, before) = try Self.editAddDelete(in: dir, message: message)
                #expect(commit.status == 0, "\(commit)")
                #expect(commit.stdout.contains("[main "), "\(commit)")
                #expect(commit.stdout.contains(message), "\(commit)")

                #expect(try gitOK(["log", "-1", "--format=%s"], in: repo) == message)
                #expect(try gitOK(["log", "-1", "--format=%B"], in: repo) == message)
                #expect(try gitOK(["rev-parse", "HEAD~1"], in: repo) == before)
                #expect(try gitOK(["rev-list", "--count", "HEAD"], in: repo) == "2")
                #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")

                let changes = try gitOK(["show", "--name-status", "--format=", "HEAD"], in: repo)
                    .split(separator: "\n").map(String.init).sorted()
                #expect(changes == ["A\tplan/recommendations/09.yaml",
                                    "D\tplan/recommendations/08.yaml",
                                    "M\tplan/recommendations/01.yaml"], "\(changes)")
                #expect(try gitOK(["show", "HEAD:plan/recommendations/01.yaml"], in: repo).contains("addressee: Ministry of Justice"))
                #expect(try gitOK(["show", "HEAD:plan/recommendations/09.yaml"], in: repo) + "\n" == Fixture.recommendationWithAction(9))

                #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
                #expect(try gitOK(["diff", "--cached", "--name-only"], in: repo) == "")
                let fsck = git(["fsck", "--strict", "--no-progress"], in: repo)
                #expect(fsck.status == 0 && fsck.stdout.isEmpty && fsck.stderr.isEmpty, "\(fsck)")

                let raw = try gitOK(["cat-file", "-p", "HEAD"], in: repo)
                #expect(raw.contains("\n" + Self.pinnedAuthor + "\n"), "\(raw)")
                #expect(raw.contains("\n" + Self.pinnedCommitter + "\n"), "\(raw)")
                #expect(raw.contains("\nparent \(before)\n"), "\(raw)")
                ids.append(try gitOK(["rev-parse", "HEAD"], in: repo))
            }
        }
        #expect(ids.count == 2 && ids[0] == ids[1], "the same scenario gave different commits: \(ids)")
        #expect(ids.first?.count == 40)
    }

    @Test("commit refuses a plan with errors, changing nothing, and shows path:line:col; --no-verify commits anyway")
    func commitRefusesErrors() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let file = plan.appendingPathComponent("recommendations/03.yaml")
            try GitFixture.breakStatus(of: file)
            let line = try GitFixture.line(startingWith: "status:", in: file)
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)
            let before = try RepositoryState.of(repo)

            let refused = run(["commit", "-m", "Broken"], in: plan)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("commit refused"), "\(refused)")
            #expect(refused.stderr.contains("--no-verify"), "\(refused)")
            let error = refused.errors.first
            #expect(error?.path == "recommendations/03.yaml", "\(refused)")
            #expect(error?.line == line && error?.column == 9, "\(refused)")
            #expect(error?.rule == "invalid-value", "\(refused)")
            #expect(refused.stdout.contains("recommendations/03.yaml:\(line):9: error:"), "\(refused)")

            #expect(try RepositoryState.of(repo) == before)
            #expect(git(["diff", "--cached", "--quiet"], in: repo).status == 0, "something was staged")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == " M plan/recommendations/03.yaml")

            let forced = run(["commit", "-m", "Broken on purpose", "--no-verify"], in: plan)
            #expect(forced.status == 0, "\(forced)")
            #expect(try gitOK(["rev-parse", "HEAD~1"], in: repo) == head)
            #expect(try gitOK(["log", "-1", "--format=%s"], in: repo) == "Broken on purpose")
            #expect(try gitOK(["show", "HEAD:plan/recommendations/03.yaml"], in: repo).contains("\nstatus: maybe\n"))
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "")
            let fsck = git(["fsck", "--strict", "--no-progress"], in: repo)
            #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(fsck)")
        }
    }

    @Test("commit with nothing to commit exits 1 and leaves HEAD alone")
    func commitNothing() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let before = try RepositoryState.of(repo)
            let result = run(["commit", "-m", "Nothing"], in: repo.appendingPathComponent("plan"))
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("nothing to commit"), "\(result)")
            #expect(try RepositoryState.of(repo) == before)
            #expect(try gitOK(["rev-list", "--count", "HEAD"], in: repo) == "1")
        }
    }

    @Test("commit with no identity refuses and names the fixes; --author with committer from the repository's config works")
    func commitIdentity() throws {
        let noIdentity = ["GIT_AUTHOR_NAME": "", "GIT_AUTHOR_EMAIL": "",
                          "GIT_COMMITTER_NAME": "", "GIT_COMMITTER_EMAIL": ""]
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            #expect(git(["config", "user.name"], in: repo, env: noIdentity).status != 0, "user.name is set somewhere")
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                                   in: plan.appendingPathComponent("recommendations/02.yaml"))
            let before = try RepositoryState.of(repo)

            let refused = run(["commit", "-m", "Who am I"], in: plan, env: noIdentity)
            #expect(refused.status != 0, "\(refused)")
            #expect(refused.status < 128, "crashed: \(refused)")
            #expect(refused.stderr.contains("git config --global user.name"), "\(refused)")
            #expect(refused.stderr.contains("--author"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)
            #expect(git(["diff", "--cached", "--quiet"], in: repo).status == 0, "something was staged")

            // --author gives the author; the committer comes from the repository's configuration.
            try gitOK(["config", "user.name", "Config Person"], in: repo)
            try gitOK(["config", "user.email", "config@example.org"], in: repo)
            let committed = run(["commit", "-m", "With author", "--author", "Ann Other <ann@example.org>"], in: plan,
                                env: noIdentity)
            #expect(committed.status == 0, "\(committed)")
            #expect(try gitOK(["log", "-1", "--format=%an|%ae|%cn|%ce|%at|%ct"], in: repo)
                    == "Ann Other|ann@example.org|Config Person|config@example.org|1638871200|1638871200")
            let raw = try gitOK(["cat-file", "-p", "HEAD"], in: repo)
            #expect(raw.contains("\nauthor Ann Other <ann@example.org> 1638871200 +0000\n"), "\(raw)")
            #expect(raw.contains("\ncommitter Config Person <config@example.org> 1638871200 +0000\n"), "\(raw)")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "")
        }
    }

    @Test("commit refuses while another git process holds index.lock, and leaves the lock alone")
    func commitIndexLock() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                                   in: plan.appendingPathComponent("recommendations/02.yaml"))
            let lock = repo.appendingPathComponent(".git/index.lock")
            let before = try RepositoryState.of(repo)
            try write("", to: ".git/index.lock", in: repo)

            let result = run(["commit", "-m", "Locked"], in: plan)
            #expect(result.status != 0, "\(result)")
            #expect(result.status < 128, "crashed: \(result)")
            #expect(result.stderr.contains("another git process"), "\(result)")
            #expect(exists(lock), "plantool removed another process's index.lock")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == (try gitOK(["rev-parse", "main"], in: repo)))
            #expect(git(["diff", "--cached", "--quiet"], in: repo).status == 0, "something was staged")

            try FileManager.default.removeItem(at: lock)
            #expect(try RepositoryState.of(repo) == before)
            // Once the lock is gone, the same commit goes through.
            let again = run(["commit", "-m", "Unlocked"], in: plan)
            #expect(again.status == 0, "\(again)")
            #expect(try gitOK(["rev-list", "--count", "HEAD"], in: repo) == "2")
        }
    }

    @Test("commit works from a subfolder and with --plan; with two plans and no --plan it refuses and lists them")
    func commitPlanSelection() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")

            // From plan/recommendations.
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                                   in: plan.appendingPathComponent("recommendations/02.yaml"))
            let fromSub = run(["commit", "-m", "From the recommendations folder"], in: plan.appendingPathComponent("recommendations"))
            #expect(fromSub.status == 0, "\(fromSub)")
            #expect(try gitOK(["show", "--name-status", "--format=", "HEAD"], in: repo) == "M\tplan/recommendations/02.yaml")
            #expect(try gitOK(["log", "-1", "--format=%s"], in: repo) == "From the recommendations folder")

            // With --plan from the top.
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                                   in: plan.appendingPathComponent("recommendations/04.yaml"))
            let withPlan = run(["commit", "--plan", "plan", "-m", "With --plan"], in: repo)
            #expect(withPlan.status == 0, "\(withPlan)")
            #expect(try gitOK(["show", "--name-status", "--format=", "HEAD"], in: repo) == "M\tplan/recommendations/04.yaml")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "")

            // A second plan.
            try GitFixture.copyPlan("cgm-crc-2019", to: repo.appendingPathComponent("other"))
            try gitOK(["add", "other"], in: repo)
            try gitOK(["commit", "-q", "-m", "Add a second plan"], in: repo)
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                                   in: plan.appendingPathComponent("recommendations/05.yaml"))
            try GitFixture.replace("\ntitle: ", with: "\ntitle: Changed ", in: repo.appendingPathComponent("other/plan.yaml"))
            let before = try RepositoryState.of(repo)

            let refused = run(["commit", "-m", "Which plan?"], in: repo)
            #expect(refused.status != 0, "\(refused)")
            #expect(refused.status < 128, "crashed: \(refused)")
            #expect(refused.stderr.contains("2 plans"), "\(refused)")
            #expect(refused.stderr.contains("other") && refused.stderr.contains("plan"), "\(refused)")
            #expect(refused.stderr.contains("--plan"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)

            // --plan commits that plan only; the other plan's change stays unstaged.
            let one = run(["commit", "--plan", "plan", "-m", "Only the first plan"], in: repo)
            #expect(one.status == 0, "\(one)")
            #expect(try gitOK(["show", "--name-status", "--format=", "HEAD"], in: repo) == "M\tplan/recommendations/05.yaml")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == " M other/plan.yaml")

            // From inside the other plan, that plan is committed.
            let inside = run(["commit", "-m", "The other plan"], in: repo.appendingPathComponent("other/recommendations"))
            #expect(inside.status == 0, "\(inside)")
            #expect(try gitOK(["show", "--name-status", "--format=", "HEAD"], in: repo) == "M\tother/plan.yaml")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "")
            let fsck = git(["fsck", "--strict", "--no-progress"], in: repo)
            #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(fsck)")
        }
    }

    @Test("commit in a brand-new repository (unborn HEAD) makes the first commit on main")
    func commitUnbornHead() throws {
        var ids: [String] = []
        for _ in 0..<2 {
            try withTemporaryDirectory { dir in
                let repo = dir.appendingPathComponent("repo")
                try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
                try gitOK(["init", "-q", "-b", "main"], in: repo)
                try GitFixture.copyPlan(to: repo.appendingPathComponent("plan"))

                let result = run(["commit", "-m", "first"], in: repo.appendingPathComponent("plan"))
                #expect(result.status == 0, "\(result)")
                #expect(try gitOK(["rev-list", "--count", "HEAD"], in: repo) == "1")
                #expect(try gitOK(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
                #expect(try gitOK(["branch", "--list", "--format=%(refname:short)"], in: repo) == "main")
                #expect(try gitOK(["log", "-1", "--format=%s"], in: repo) == "first")
                let tracked = try gitOK(["ls-tree", "-r", "--name-only", "HEAD"], in: repo).split(separator: "\n")
                #expect(tracked.count == 9 && tracked.contains("plan/plan.yaml") && tracked.contains("plan/recommendations/08.yaml"),
                        "\(tracked)")
                #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
                let raw = try gitOK(["cat-file", "-p", "HEAD"], in: repo)
                #expect(!raw.contains("\nparent "), "\(raw)")
                #expect(raw.contains("\n" + Self.pinnedAuthor + "\n"), "\(raw)")
                let fsck = git(["fsck", "--strict", "--no-progress"], in: repo)
                #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(fsck)")
                ids.append(try gitOK(["rev-parse", "HEAD"], in: repo))
            }
        }
        #expect(ids.count == 2 && ids[0] == ids[1], "\(ids)")
    }

    @Test("init outside a repository creates one on main with one commit holding the plan")
    func initCreatesRepository() throws {
        var ids: [String] = []
        for _ in 0..<2 {
            try withTemporaryDirectory { dir in
                let result = run(["init", "newplan", "--title", "T", "--published", "2024-01-02"], in: dir)
                #expect(result.status == 0, "\(result)")
                let repo = dir.appendingPathComponent("newplan")
                #expect(exists(repo.appendingPathComponent(".git")))
                #expect(!exists(dir.appendingPathComponent(".git")))
                #expect(try gitOK(["-C", repo.path, "symbolic-ref", "HEAD"], in: dir) == "refs/heads/main")
                #expect(try gitOK(["rev-parse", "--show-toplevel"], in: repo)
                        == repo.resolvingSymlinksInPath().path)
                #expect(try gitOK(["rev-list", "--count", "HEAD"], in: repo) == "1")
                let tracked = try gitOK(["ls-tree", "-r", "--name-only", "HEAD"], in: repo).split(separator: "\n").map(String.init)
                #expect(tracked == ["plan.yaml", "recommendations/.gitkeep",
                                    "schema/plan.schema.json", "schema/recommendation.schema.json"], "\(tracked)")
                #expect(try gitOK(["log", "-1", "--format=%s"], in: repo) == "Start the action plan")
                #expect(try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo) == "")
                let fsck = git(["fsck", "--strict", "--no-progress"], in: repo)
                #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(fsck)")
                let raw = try gitOK(["cat-file", "-p", "HEAD"], in: repo)
                #expect(raw.contains("\n" + Self.pinnedAuthor + "\n"), "\(raw)")
                #expect(raw.contains("\n" + Self.pinnedCommitter + "\n"), "\(raw)")
                // The committed schema is the package's.
                #expect(try gitOK(["show", "HEAD:schema/plan.schema.json"], in: repo) + "\n"
                        == GitFixture.text(of: PackagePaths.schema.appendingPathComponent("plan.schema.json")))
                ids.append(try gitOK(["rev-parse", "HEAD"], in: repo))
            }
        }
        #expect(ids.count == 2 && ids[0] == ids[1], "\(ids)")
    }

    @Test("init inside an existing repository makes no commit")
    func initInsideRepository() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let before = try gitOK(["for-each-ref", "--format=%(refname) %(objectname)"], in: repo)
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)
            let result = run(["init", "second", "--title", "T"], in: repo)
            #expect(result.status == 0, "\(result)")
            #expect(exists(repo.appendingPathComponent("second/plan.yaml")))
            #expect(!exists(repo.appendingPathComponent("second/.git")), "init made a nested repository")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)
            #expect(try gitOK(["for-each-ref", "--format=%(refname) %(objectname)"], in: repo) == before)
            #expect(try gitOK(["rev-list", "--count", "HEAD"], in: repo) == "1")
            #expect(git(["diff", "--cached", "--quiet"], in: repo).status == 0, "init staged files")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "?? second/")
        }
    }

    @Test("init --no-git outside a repository creates no repository")
    func initNoGit() throws {
        try withTemporaryDirectory { dir in
            let result = run(["init", "newplan", "--title", "T", "--no-git"], in: dir)
            #expect(result.status == 0, "\(result)")
            #expect(exists(dir.appendingPathComponent("newplan/plan.yaml")))
            #expect(!exists(dir.appendingPathComponent("newplan/.git")))
            #expect(!exists(dir.appendingPathComponent(".git")))
            let inside = git(["rev-parse", "--git-dir"], in: dir.appendingPathComponent("newplan"),
                             env: ["GIT_CEILING_DIRECTORIES": dir.path])
            #expect(inside.status != 0, "\(inside)")
        }
    }

    @Test("init with no identity outside a repository exits 2 and creates nothing")
    func initNoIdentity() throws {
        let noIdentity = ["GIT_AUTHOR_NAME": "", "GIT_AUTHOR_EMAIL": "",
                          "GIT_COMMITTER_NAME": "", "GIT_COMMITTER_EMAIL": ""]
        try withTemporaryDirectory { dir in
            let result = run(["init", "newplan", "--title", "T"], in: dir, env: noIdentity)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("user.name"), "\(result)")
            #expect(result.stderr.contains("--no-git"), "\(result)")
            #expect(!exists(dir.appendingPathComponent("newplan")))
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(left.isEmpty, "init created \(left)")

            // Into the current folder.
            let here = dir.appendingPathComponent("here")
            try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)
            let inPlace = run(["init", "--title", "T"], in: here, env: noIdentity)
            #expect(inPlace.status == 2, "\(inPlace)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: here.path).isEmpty)
        }
    }
    @Test("commit stages its own plan's folder only, also when the folder's name has glob characters")
    func commitGlobCharactersInFolder() throws {
        try withTemporaryDirectory { dir in
            let repo = dir.appendingPathComponent("repo")
            try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
            try gitOK(["init", "-q", "-b", "main"], in: repo)
            // As a glob, "plan [2021]" matches "plan 2", and "plan*" matches "planB".
            for (name, sibling) in [("plan [2021]", "plan 2"), ("plan*", "planB")] {
                try GitFixture.copyPlan(to: repo.appendingPathComponent(name))
                try GitFixture.copyPlan("cgm-crc-2019", to: repo.appendingPathComponent(sibling))
                try gitOK(["add", "-A"], in: repo)
                try gitOK(["commit", "-q", "-m", "Add \(name) and \(sibling)"], in: repo)
                let head = try gitOK(["rev-parse", "HEAD"], in: repo)
                try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                                       in: repo.appendingPathComponent("\(name)/recommendations/02.yaml"))
                try GitFixture.replace("\ntitle: ", with: "\ntitle: Changed ", in: repo.appendingPathComponent("\(sibling)/plan.yaml"))

                let result = run(["commit", "-m", "Only \(name)"], in: repo.appendingPathComponent(name))
                #expect(result.status == 0, "\(name): \(result)")
                if result.status == 0 {
                    let parent = git(["rev-parse", "-q", "--verify", "HEAD~1"], in: repo).stdout
                    #expect(parent == head + "\n", "\(name): \(result)")
                    let changes = git(["-c", "core.quotePath=false", "show", "--name-status", "--format=", "HEAD"], in: repo).stdout
                    #expect(changes == "M\t\(name)/recommendations/02.yaml\n", "\(name): committed \(changes)")
                }
                let left = git(["-c", "core.quotePath=false", "diff", "--name-only"], in: repo).stdout
                #expect(left == "\(sibling)/plan.yaml\n", "\(name): left \(left)")
                #expect(git(["diff", "--cached", "--quiet"], in: repo).status == 0, "\(name): left something staged")
                // Settle for the next round.
                try gitOK(["add", "-A"], in: repo)
                try gitOK(["commit", "-q", "--allow-empty", "-m", "Settle"], in: repo)
            }
        }
    }

    @Test("commit during an unfinished git merge either concludes the merge or refuses, changing nothing")
    func commitDuringMerge() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let file = repo.appendingPathComponent("plan/recommendations/02.yaml")
            try gitOK(["switch", "-q", "-c", "side"], in: repo)
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Side", in: file)
            try gitOK(["commit", "-q", "-a", "-m", "Side"], in: repo)
            let side = try gitOK(["rev-parse", "HEAD"], in: repo)
            try gitOK(["switch", "-q", "main"], in: repo)
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Main", in: file)
            try gitOK(["commit", "-q", "-a", "-m", "Main"], in: repo)
            let main = try gitOK(["rev-parse", "HEAD"], in: repo)
            #expect(git(["merge", "side"], in: repo).status == 1)
            #expect(exists(repo.appendingPathComponent(".git/MERGE_HEAD")))
            // The author settles the conflict in the file (not yet staged).
            try Data((Fixture.recommendation(2).replacingOccurrences(of: "addressee: HM Prison and Probation Service",
                                                                      with: "addressee: Main and Side")).utf8).write(to: file)
            let before = try RepositoryState.of(repo)

            let result = run(["commit", "-m", "Settle the merge"], in: repo.appendingPathComponent("plan"))
            #expect(result.status < 128, "\(result)")
            if result.status == 0 {
                // As git commit would: a merge commit of main and side, and the merge concluded.
                let parents = try gitOK(["rev-list", "--parents", "-n", "1", "HEAD"], in: repo).split(separator: " ").map(String.init)
                #expect(Array(parents.dropFirst()) == [main, side], "the merge was dropped: parents \(parents); \(result)")
                #expect(!exists(repo.appendingPathComponent(".git/MERGE_HEAD")), "git still thinks a merge is in progress")
                #expect(try gitOK(["status", "--porcelain"], in: repo) == "")
            } else {
                #expect(try RepositoryState.of(repo) == before, "\(result)")
                #expect(exists(repo.appendingPathComponent(".git/MERGE_HEAD")))
            }
        }
    }

    @Test("commit in a linked worktree moves that worktree's branch only")
    func commitInWorktree() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try gitOK(["worktree", "add", "-q", "../wt", "-b", "other"], in: repo)
            let wt = dir.appendingPathComponent("wt")
            let main = try gitOK(["rev-parse", "main"], in: repo)
            let mainState = try RepositoryState.of(repo)
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                                   in: wt.appendingPathComponent("plan/recommendations/02.yaml"))
            let result = run(["commit", "-m", "In the worktree"], in: wt.appendingPathComponent("plan"))
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("[other "), "\(result)")
            #expect(try gitOK(["rev-parse", "other~1"], in: repo) == main)
            #expect(try gitOK(["rev-parse", "HEAD"], in: wt) == (try gitOK(["rev-parse", "other"], in: repo)))
            #expect(try gitOK(["show", "--name-status", "--format=", "other"], in: repo) == "M\tplan/recommendations/02.yaml")
            #expect(try gitOK(["status", "--porcelain"], in: wt) == "")
            // The main worktree: same HEAD, index and files (refs differ only by the new branch tip).
            let after = try RepositoryState.of(repo)
            #expect(after.head == mainState.head && after.index == mainState.index && after.files == mainState.files
                    && after.status == mainState.status)
            #expect(try gitOK(["rev-parse", "main"], in: repo) == main)
        }
    }
}
