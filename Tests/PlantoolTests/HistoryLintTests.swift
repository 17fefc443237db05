import Foundation
import Testing

/// End-to-end tests of the history rules (target-moved-without-update, target-moved-earlier,
/// completed-reopened, action-removed-without-trace, status-downgraded, update-rewritten): real
/// repositories made with the git CLI, the real pre-commit hook and `git commit`, and
/// `plantool lint --base REV` as a pull-request job runs it.
@Suite("plantool lint: history rules")
struct HistoryLintTests {
    static let rec3 = "plan/recommendations/03.yaml"
    static let rec5 = "plan/recommendations/05.yaml"

    /// Recommendation 5 of the recall-culture plan as submitted in December 2020 (action 5.1 due
    /// 2021-07, no update), and the December 2021 update that moved it to 2022-03.
    struct Part {
        var submitted: String
        var update: String

        init() throws {
            let url = PackagePaths.examples.appendingPathComponent("recall-culture-2020/recommendations/05.yaml")
            let text = try #require(GitFixture.text(of: url))
            let cut = try #require(text.range(of: "    updates:\n"))
            submitted = String(text[..<cut.lowerBound])
            update = String(text[cut.lowerBound...])
            #expect(submitted.contains("    target: 2021-07\n"))
            #expect(update.contains("target: 2022-03"))
        }

        var updated: String { submitted + update }
    }

    /// A repository at `dir/repo` whose one commit holds the recall-culture plan in `plan/` with
    /// recommendation 5 as submitted; with the hook installed when `hook`.
    static func repository(in dir: URL, hook: Bool = true) throws -> URL {
        let repo = dir.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try gitOK(["init", "-q", "-b", "main"], in: repo)
        try GitFixture.copyPlan(to: repo.appendingPathComponent("plan"))
        try write(try Part().submitted, to: rec5, in: repo)
        try gitOK(["add", "-A"], in: repo)
        try gitOK(["commit", "-q", "-m", "Action plan as submitted"], in: repo)
        if hook {
            let install = run(["hook", "install"], in: repo)
            #expect(install.status == 0, "\(install)")
        }
        return repo
    }

    /// Writes `text` to `relative`, stages it and runs `git commit` (the hook runs).
    static func commit(_ text: String, to relative: String, in repo: URL, message: String = "Revise the plan") throws -> RunResult {
        try write(text, to: relative, in: repo)
        try gitOK(["add", "-A"], in: repo)
        return gitNeutral(["commit", "-m", message], in: repo)
    }

    /// `path:line:column` of the first line of a file starting with `prefix`, the column being
    /// that of its first non-space character.
    static func place(_ relative: String, _ prefix: String, in repo: URL) throws -> String {
        let file = repo.appendingPathComponent(relative)
        let line = try GitFixture.line(startingWith: prefix, in: file)
        let column = prefix.prefix(while: { $0 == " " }).count + 1
        return "\(relative):\(line):\(column)"
    }

    // MARK: the acceptance: commits through the hook

    @Test("a target moved later with no update is refused by the hook, with the base value named; the December 2021 update's move passes")
    func movedTargetThroughTheHook() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            let part = try Part()
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)

            let moved = part.submitted.replacingOccurrences(of: "    target: 2021-07\n", with: "    target: 2022-03\n")
            let refused = try Self.commit(moved, to: Self.rec5, in: repo)
            #expect(refused.status != 0, "\(refused)")
            let at = try Self.place(Self.rec5, "    target:", in: repo)
            #expect(refused.stdoutAndStderr.contains("\(at): error: target moved from 2021-07 (in HEAD) to 2022-03 with no update added to 5.1"), "\(refused)")
            #expect(refused.stdoutAndStderr.contains("[target-moved-without-update]"), "\(refused)")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)

            // The real December 2021 update: the same move, explained.
            let accepted = try Self.commit(part.updated, to: Self.rec5, in: repo, message: "Action Plan Update, December 2021")
            #expect(accepted.status == 0, "\(accepted)")
            #expect(!accepted.stdoutAndStderr.contains("target-moved-without-update"), "\(accepted)")
            #expect(try gitOK(["rev-parse", "HEAD~1"], in: repo) == head)
        }
    }

    @Test("editing or removing an update already committed is refused by the hook; adding a new one passes")
    func rewrittenUpdateThroughTheHook() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            let part = try Part()
            #expect(try Self.commit(part.updated, to: Self.rec5, in: repo).status == 0)
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)

            let edited = part.updated.replacingOccurrences(of: "been extended into 2022", with: "been extended into 2023")
            let refused = try Self.commit(edited, to: Self.rec5, in: repo)
            #expect(refused.status != 0, "\(refused)")
            let text = try Self.place(Self.rec5, "        text:", in: repo)
            #expect(refused.stdoutAndStderr.contains("\(text): error: update 2021-12 of 5.1 was edited: its text was \"The PPG and the Parole Board are running a pilot project …\" in HEAD"), "\(refused)")
            #expect(refused.stdoutAndStderr.contains("[update-rewritten]"), "\(refused)")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)

            let removed = try Self.commit(part.submitted, to: Self.rec5, in: repo)
            #expect(removed.status != 0, "\(removed)")
            #expect(removed.stdoutAndStderr.contains("error: update 2021-12 of 5.1 (in HEAD) was removed"), "\(removed)")
            // Removing the update also takes the target back to 2021-07: earlier, for information only.
            #expect(removed.stdoutAndStderr.contains("[target-moved-earlier]"), "\(removed)")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)

            let later = part.updated + "      - date: 2022-04\n        text: The pilot ended and its report is with the Parole Board\n        state: completed\n"
            let accepted = try Self.commit(later, to: Self.rec5, in: repo)
            #expect(accepted.status == 0, "\(accepted)")
            #expect(!accepted.stdoutAndStderr.contains("[update-rewritten]"), "\(accepted)")
        }
    }

    @Test("plantool commit holds a revision to the same standard: a moved target with no update is refused, with the update it is committed")
    func plantoolCommit() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir, hook: false)
            let part = try Part()
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)
            try write(part.submitted.replacingOccurrences(of: "    target: 2021-07\n", with: "    target: 2022-03\n"), to: Self.rec5, in: repo)
            let refused = run(["commit", "-m", "Move the Part B pilot"], in: repo, env: LintEnvironment.neutral)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stdout.contains("error: target moved from 2021-07 (in HEAD) to 2022-03 with no update added to 5.1"), "\(refused)")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)

            try write(part.updated, to: Self.rec5, in: repo)
            let committed = run(["commit", "-m", "Action Plan Update, December 2021"], in: repo, env: LintEnvironment.neutral)
            #expect(committed.status == 0, "\(committed)")
            #expect(try gitOK(["rev-parse", "HEAD~1"], in: repo) == head)
        }
    }

    @Test("the rules are off for a plan's first commit (an unborn HEAD, or a plan the base does not have)")
    func offForAFirstCommit() throws {
        try withTemporaryDirectory { dir in
            let repo = dir.appendingPathComponent("repo")
            try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
            try gitOK(["init", "-q", "-b", "main"], in: repo)
            #expect(run(["hook", "install"], in: repo).status == 0)
            try GitFixture.copyPlan(to: repo.appendingPathComponent("plan"))
            try gitOK(["add", "-A"], in: repo)
            let staged = lint(["--staged", "--format", "json"], in: repo)
            #expect(staged.status == 0, "\(staged)")
            let first = gitNeutral(["commit", "-m", "Add the plan"], in: repo)
            #expect(first.status == 0, "\(first)")

            // A second plan added later: its first commit has nothing to compare with either.
            try GitFixture.copyPlan(to: repo.appendingPathComponent("other"))
            try GitFixture.replace("    target: 2021-07\n", with: "    target: 2022-06\n", in: repo.appendingPathComponent("other/recommendations/05.yaml"))
            try gitOK(["add", "-A"], in: repo)
            let second = gitNeutral(["commit", "-m", "Add another plan"], in: repo)
            #expect(second.status == 0, "\(second)")
            #expect(!second.stdoutAndStderr.contains("target-moved"), "\(second)")
        }
    }

    @Test("outside a repository the rules are off; --base there is a usage error")
    func offOutsideGit() throws {
        try withTemporaryDirectory { dir in
            let plan = dir.appendingPathComponent("plan")
            try GitFixture.copyPlan(to: plan)
            let result = lint(["--format", "json"], in: plan)
            #expect(result.status == 0, "\(result)")
            let base = lint(["--base", "HEAD"], in: plan)
            #expect(base.status == 2, "\(base)")
            #expect(base.stderr.contains("plantool: error: --base HEAD: ") && base.stderr.contains("is not inside a git repository"), "\(base)")
        }
    }

    @Test("--base with a revision that does not exist exits 2 with a clear message and lints nothing")
    func badBase() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir, hook: false)
            let result = lint(["--base", "no-such-branch"], in: repo)
            #expect(result.status == 2, "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
            #expect(result.stderr == "plantool: error: --base: revision 'no-such-branch' does not exist in this repository\n", "\(result)")
        }
    }

    // MARK: pull requests and --rev

    @Test("in a pull-request job, lint --base main compares the branch with its target; --rev REV compares with REV's first parent")
    func pullRequestAndRev() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir, hook: false)
            let part = try Part()
            try gitOK(["checkout", "-q", "-b", "draft/update-2021"], in: repo)
            let moved = part.submitted.replacingOccurrences(of: "    target: 2021-07\n", with: "    target: 2022-03\n")
            try write(moved, to: Self.rec5, in: repo)
            try gitOK(["commit", "-q", "-a", "-m", "Move 5.1"], in: repo)
            try write(moved.replacingOccurrences(of: "    state: planned\n", with: "    state: in-progress\n"), to: Self.rec5, in: repo)
            try gitOK(["commit", "-q", "-a", "-m", "5.1 in progress"], in: repo)

            // Against the branch's last commit nothing moved; against main the target did.
            #expect(lint(["--format", "json"], in: repo).stdout.contains("target-moved-without-update") == false)
            let pr = lint(["--base", "main", "--format", "github"], in: repo)
            #expect(pr.status == 1, "\(pr)")
            let line = try GitFixture.line(startingWith: "    target:", in: repo.appendingPathComponent(Self.rec5))
            #expect(pr.stdout.contains("::error file=\(Self.rec5),line=\(line),col=5,title=plantool target-moved-without-update::target moved from 2021-07 (in main) to 2022-03 with no update added to 5.1"), "\(pr)")

            // --rev HEAD~1 (the commit that moved it) is compared with its parent, main.
            let rev = lint(["--rev", "HEAD~1"], in: repo)
            #expect(rev.status == 1, "\(rev)")
            #expect(rev.stdout.contains("error: target moved from 2021-07 (in HEAD~1^) to 2022-03"), "\(rev)")
            #expect(lint(["--rev", "HEAD"], in: repo).stdout.contains("target-moved-without-update") == false)
            #expect(lint(["--rev", "HEAD~1", "--base", "HEAD~1"], in: repo).status == 0)
            // A root commit has no parent: the rules are off.
            #expect(lint(["--rev", "main"], in: repo).status == 0)
        }
    }

    // MARK: each rule, triggering and not

    @Test("target-moved-earlier is info: it does not fail the commit and every output format carries it")
    func targetMovedEarlier() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir, hook: false)
            try GitFixture.replace("    target: 2021-07\n", with: "    target: 2021-05\n", in: repo.appendingPathComponent(Self.rec5))
            let human = lint([], in: repo)
            #expect(human.status == 0, "\(human)")
            let at = try Self.place(Self.rec5, "    target:", in: repo)
            #expect(human.stdout.contains("\(at): info: target of 5.1 moved earlier, from 2021-07 (in HEAD) to 2021-05 [target-moved-earlier]"), "\(human)")
            #expect(human.stderr.contains(", 1 info"), "\(human)")
            let json = lint(["--format", "json"], in: repo).stdout
            #expect(json.contains("\"severity\" : \"info\""), "\(json)")
            #expect(json.contains("\"info\" : 1"), "\(json)")
            #expect(lint(["--format", "github"], in: repo).stdout.contains("::notice file=\(Self.rec5),"))
            #expect(lint(["--format", "sarif"], in: repo).stdout.contains("\"level\" : \"note\""))
            // Moved later (with the update) is not "earlier".
            try write(try Part().updated, to: Self.rec5, in: repo)
            #expect(!lint([], in: repo).stdout.contains("target-moved-earlier"))
        }
    }

    @Test("completed-reopened warns when an action completed in HEAD is open again, not when it stays done")
    func completedReopened() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir, hook: true)
            let file = repo.appendingPathComponent(Self.rec3)
            let original = try #require(GitFixture.text(of: file))
            let reopened = original.replacingOccurrences(of: "        state: completed\n  - id: \"3.2\"", with: """
                        state: completed
                      - date: 2022-02
                        text: Reopened after the regional audit found the guidance unused
                        state: in-progress
                  - id: "3.2"
                """)
            #expect(reopened != original)
            let result = try Self.commit(reopened, to: Self.rec3, in: repo)
            #expect(result.status == 0, "a warning does not refuse the commit: \(result)")
            let line = try GitFixture.line(startingWith: "        state: in-progress", in: file)
            #expect(result.stdoutAndStderr.contains("\(Self.rec3):\(line):9: warning: action 3.1 was completed in HEAD and is in-progress again; say in an update why it was reopened [completed-reopened]"), "\(result)")

            // An action that stays completed, with a further update, is clean.
            let stillDone = original.replacingOccurrences(of: "        state: completed\n  - id: \"3.2\"", with: """
                        state: completed
                      - date: 2022-02
                        text: Every region now uses the guidance
                  - id: "3.2"
                """)
            try gitOK(["reset", "-q", "--hard", "HEAD~1"], in: repo)
            try write(stillDone, to: Self.rec3, in: repo)
            let clean = lint([], in: repo)
            #expect(!clean.stdout.contains("completed-reopened"), "\(clean)")
        }
    }

    @Test("action-removed-without-trace warns on a deleted action or recommendation file, not on one dropped with an update")
    func actionRemovedWithoutTrace() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir, hook: false)
            let file = repo.appendingPathComponent(Self.rec3)
            let original = try #require(GitFixture.text(of: file))
            let cut = try #require(original.range(of: "  - id: \"3.2\""))
            try write(String(original[..<cut.lowerBound]), to: Self.rec3, in: repo)
            try FileManager.default.removeItem(at: repo.appendingPathComponent("plan/recommendations/08.yaml"))
            let result = lint([], in: repo)
            let actions = try Self.place(Self.rec3, "actions:", in: repo)
            #expect(result.stdout.contains("\(actions): warning: action 3.2 (in HEAD) is gone; keep it, with state dropped in an update saying why, rather than deleting it [action-removed-without-trace]"), "\(result)")
            #expect(result.stdout.contains("plan/recommendations/08.yaml: warning: recommendation 8 and its action 8.1 (in HEAD) are gone"), "\(result)")

            try write(original + "      - date: 2022-02\n        text: Unconscious bias is now covered by the national EPF3 programme\n        state: dropped\n",
                      to: Self.rec3, in: repo)
            try gitOK(["checkout", "--", "plan/recommendations/08.yaml"], in: repo)
            let dropped = lint([], in: repo)
            #expect(!dropped.stdout.contains("action-removed-without-trace"), "\(dropped)")
        }
    }

    @Test("status-downgraded warns when a response is weakened with no reason given or changed in the same change; explained, or strengthened, it is clean")
    func statusDowngraded() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir, hook: true)
            let file = repo.appendingPathComponent(Self.rec5)
            let v = try Recommendation5(of: file)
            let status = try Self.place(Self.rec5, "status:", in: repo)

            // The status alone: the reason and the part are asked for.
            try write(v.noReason, to: Self.rec5, in: repo)
            let bare = lint([], in: repo)
            #expect(bare.stdout.contains("\(status): warning: recommendation 5 was agreed in HEAD and is now partly-agreed; say why the response changed in 'reason' and which part will be implemented in 'implemented-part' [status-downgraded]"), "\(bare)")

            // With its reason and implemented part, committed through the hook: nothing to say.
            let explained = try Self.commit(v.fixed, to: Self.rec5, in: repo)
            #expect(explained.status == 0, "\(explained)")
            #expect(!explained.stdoutAndStderr.contains("status-downgraded"), "\(explained)")

            // Partly agreed to not agreed with the committed reason left as it was: still a warning.
            let notAgreed = v.fixed.replacingOccurrences(of: "\nstatus: partly-agreed\n", with: "\nstatus: not-agreed\n")
            try write(notAgreed, to: Self.rec5, in: repo)
            let unchanged = lint([], in: repo)
            #expect(unchanged.stdout.contains("\(status): warning: recommendation 5 was partly-agreed in HEAD and is now not-agreed; say why the response changed in 'reason' (it is unchanged since HEAD) [status-downgraded]"), "\(unchanged)")
            let newReason = notAgreed.replacingOccurrences(of: "text: resourcing need and affordability will need to be balanced",
                                                           with: "text: the pilot showed the current timescales are needed")
            #expect(newReason != notAgreed)
            try write(newReason, to: Self.rec5, in: repo)
            let changed = lint([], in: repo)
            #expect(!changed.stdout.contains("status-downgraded"), "\(changed)")

            try write(v.original, to: Self.rec5, in: repo)
            let back = lint([], in: repo)
            #expect(!back.stdout.contains("status-downgraded"), "\(back)")
        }
    }

    @Test("update-rewritten also catches an old update's target moved, together with target-moved-without-update")
    func updateTargetRewritten() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir, hook: false)
            let part = try Part()
            try write(part.updated, to: Self.rec5, in: repo)
            try gitOK(["commit", "-q", "-a", "-m", "December 2021 update"], in: repo)
            try write(part.updated.replacingOccurrences(of: "target: 2022-03", with: "target: 2022-09"), to: Self.rec5, in: repo)
            let result = lint([], in: repo)
            #expect(result.status == 1, "\(result)")
            let at = try Self.place(Self.rec5, "        target:", in: repo)
            #expect(result.stdout.contains("\(at): error: target moved from 2022-03 (in HEAD) to 2022-09 with no update added to 5.1"), "\(result)")
            #expect(result.stdout.contains("\(at): error: update 2021-12 of 5.1 was edited: its target was 2022-03 in HEAD"), "\(result)")
        }
    }

    @Test("the README's example on the recall-culture demo: the December 2021 update is clean, the same move without the update is refused")
    func readmeDemo() throws {
        try withTemporaryDirectory { dir in
            let demo = dir.appendingPathComponent("demo")
            let script = PackagePaths.examples.appendingPathComponent("recall-culture-demo.sh")
            let built = runProcess(URL(fileURLWithPath: "/bin/bash"), [script.path, demo.path], in: dir,
                                   environment: TestEnvironment.make(["PLANTOOL": GitFixture.plantoolPath]), timeout: 300)
            #expect(built.status == 0, "\(built)")
            let clean = lint(["--rev", "v2", "--as-of", "2021-12-07"], in: demo)
            #expect(clean.status == 0, "\(clean)")
            #expect(clean.stdout.isEmpty, "\(clean)")
            #expect(clean.stderr == "linted 9 files in revision v2: 0 errors, 0 warnings\n", "\(clean)")

            try gitOK(["switch", "-q", "--detach", "v1"], in: demo)
            try GitFixture.replace("\n    target: 2021-07\n", with: "\n    target: 2022-03\n", in: demo.appendingPathComponent("recommendations/05.yaml"))
            let refused = lint(["--as-of", "2020-12-07"], in: demo)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stdout == "recommendations/05.yaml:20:5: error: target moved from 2021-07 (in HEAD) to 2022-03 with no update added to 5.1; add an update to 5.1 saying why, with the new target [target-moved-without-update]\n", "\(refused)")
            #expect(refused.stderr == "linted 9 files: 1 error, 0 warnings\n", "\(refused)")
        }
    }

    // MARK: configuration

    @Test("the rules are configured like the others: a severity in .plantool.yaml, or a disable directive in the file")
    func configurable() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir, hook: true)
            let part = try Part()
            let moved = part.submitted.replacingOccurrences(of: "    target: 2021-07\n", with: "    target: 2022-03\n")

            try write("rules:\n  target-moved-without-update: warning\n", to: ".plantool.yaml", in: repo)
            let warned = try Self.commit(moved, to: Self.rec5, in: repo)
            #expect(warned.status == 0, "\(warned)")
            #expect(warned.stdoutAndStderr.contains("warning: target moved from 2021-07 (in HEAD) to 2022-03"), "\(warned)")

            try FileManager.default.removeItem(at: repo.appendingPathComponent(".plantool.yaml"))
            let later = moved.replacingOccurrences(of: "    target: 2022-03\n", with: "    target: 2022-06  # plantool: disable=target-moved-without-update\n")
            let silenced = try Self.commit(later, to: Self.rec5, in: repo)
            #expect(silenced.status == 0, "\(silenced)")
            #expect(!silenced.stdoutAndStderr.contains("target-moved-without-update"), "\(silenced)")
        }
    }

    @Test("--list-rules and --explain show the history rules with their severities")
    func listed() throws {
        try withTemporaryDirectory { dir in
            let listing = lint(["--list-rules"], in: dir).stdout
            for (id, severity) in [("target-moved-without-update", "error"), ("target-moved-earlier", "info"), ("completed-reopened", "warning"),
                                   ("action-removed-without-trace", "warning"), ("status-downgraded", "warning"), ("update-rewritten", "error")] {
                #expect(listing.split(separator: "\n").contains { $0.hasPrefix(id + " ") && $0.contains(" \(severity) ") }, "\(id): \(listing)")
            }
            let explain = lint(["--explain", "target-moved-without-update"], in: dir)
            #expect(explain.stdout.contains("not moved without an explanation"), "\(explain)")
        }
    }
}
