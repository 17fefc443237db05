import Foundation
import Testing

/// End-to-end tests of the editing commands (action, recommendation, revision, owner) on a copy
/// of the recall-culture plan in a real git repository: each edit leaves a plan that lints and
/// is canonical, --dry-run and refusals write nothing, -m commits.
@Suite("editing commands: action, recommendation, revision, owner")
struct EditCommandTests {
    static let short = "Senior Responsible Officer, Probation Reform Programme"
    static let long = "Senior Responsible Officer for the Probation Reform Programme"

    /// The plan still lints without errors and `fmt --check` finds nothing to reformat.
    static func expectCleanAndCanonical(_ plan: URL) {
        let lint = run(["lint"], in: plan)
        #expect(lint.status == 0, "\(lint)")
        let fmt = run(["fmt", "--check"], in: plan)
        #expect(fmt.status == 0, "\(fmt)")
    }

    static func withRepository(_ body: (URL, URL) throws -> Void) throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try body(repo, repo.appendingPathComponent("plan"))
        }
    }

    @Test("action update 5.1 with a date and target in words adds the update to 05.yaml alone; the plan lints and is canonical")
    func actionUpdate() throws {
        try Self.withRepository { repo, plan in
            let result = run(["action", "update", "5.1", "--text", "The pilot ended; 15 days is now the standard.",
                              "--date", "December 2022", "--state", "in progress", "--target", "Q3 2023"], in: plan)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("action 5.1: update 2022-12 added"), "\(result)")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == " M plan/recommendations/05.yaml")
            let text = try #require(GitFixture.text(of: plan.appendingPathComponent("recommendations/05.yaml")))
            #expect(text.hasSuffix("      - date: 2022-12\n        text: The pilot ended; 15 days is now the standard.\n        state: in-progress\n        target: 2023-Q3\n"), "\(text)")
            Self.expectCleanAndCanonical(plan)
        }
    }

    @Test("action add 8 creates 8.2; action complete and drop record updates with those states")
    func actionAddCompleteDrop() throws {
        try Self.withRepository { _, plan in
            let added = run(["action", "add", "8", "--text", "Deliver recall refresher training to every region by March 2023.",
                             "--owner", "Deputy Director, Public Protection Group", "--target", "March 2023"], in: plan)
            #expect(added.status == 0, "\(added)")
            let text = try #require(GitFixture.text(of: plan.appendingPathComponent("recommendations/08.yaml")))
            #expect(text.contains("  - id: \"8.2\"\n    text: Deliver recall refresher training to every region by March 2023.\n"), "\(text)")
            let complete = run(["action", "complete", "8.2", "--text", "Training delivered.", "--date", "2022-12"], in: plan)
            #expect(complete.status == 0, "\(complete)")
            let drop = run(["action", "drop", "7.1", "--text", "Overtaken by the unified model.", "--date", "2022-12"], in: plan)
            #expect(drop.status == 0, "\(drop)")
            #expect(GitFixture.text(of: plan.appendingPathComponent("recommendations/07.yaml"))?.contains("state: dropped") == true)
            Self.expectCleanAndCanonical(plan)
        }
    }

    @Test("revision start 2022-12-07 records the revision; lint warns about an update after the last revision until then")
    func revisionStart() throws {
        try Self.withRepository { _, plan in
            let update = run(["action", "update", "5.1", "--text", "Done.", "--date", "2022-12-20", "--state", "completed"], in: plan)
            #expect(update.status == 0, "\(update)")
            #expect(update.stdout.contains("[update-after-revision]"), "\(update)")
            #expect(run(["lint"], in: plan).stdout.contains("[update-after-revision]"))
            let early = run(["revision", "start", "2022-12-07"], in: plan)
            #expect(early.status == 0, "\(early)")
            #expect(GitFixture.text(of: plan.appendingPathComponent("plan.yaml"))?.contains("  - submitted: \"2022-12-07\"\n    title: Action Plan Update\n") == true)
            #expect(run(["lint"], in: plan).stdout.contains("[update-after-revision]"), "an update of 20 December is after 7 December")
            let late = run(["revision", "start", "21 December 2022", "--title", "Second Update"], in: plan)
            #expect(late.status == 0, "\(late)")
            #expect(!run(["lint"], in: plan).stdout.contains("[update-after-revision]"))
            Self.expectCleanAndCanonical(plan)
        }
    }

    @Test("owner list counts open and overdue actions; --similar pairs the two spellings; owner rename makes them one, register included")
    func owners() throws {
        try Self.withRepository { repo, plan in
            try Data("owners:\n  - \(Self.short)\n  - Deputy Director, Public Protection Group\n".utf8).write(to: plan.appendingPathComponent(".plantool.yaml"))
            let list = run(["owner", "list", "--similar", "--as-of", "2022-12-07"], in: plan)
            #expect(list.status == 0, "\(list)")
            #expect(list.stdoutLines.first == "open  overdue  owner")
            #expect(list.stdout.contains("  \(Self.short)\n  \(Self.long)\n") || list.stdout.contains("  \(Self.long)\n  \(Self.short)\n"), "\(list)")
            let rename = run(["owner", "rename", Self.short, Self.long, "-m", "One name for the SRO"], in: plan)
            #expect(rename.status == 0, "\(rename)")
            // Linted with the register as renamed: no owner-known warning for the new name.
            #expect(!rename.stdout.contains("owner-known"), "\(rename)")
            #expect(try gitOK(["log", "-1", "--format=%s"], in: repo) == "One name for the SRO")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "")
            let files = try gitOK(["show", "--name-only", "--format=", "HEAD"], in: repo).split(separator: "\n").map(String.init)
            #expect(files == ["plan/.plantool.yaml", "plan/recommendations/08.yaml"], "\(files)")
            #expect(GitFixture.text(of: plan.appendingPathComponent(".plantool.yaml")) == "owners:\n  - \(Self.long)\n  - Deputy Director, Public Protection Group\n")
            #expect(!(GitFixture.text(of: plan.appendingPathComponent("recommendations/08.yaml")) ?? Self.short).contains(Self.short))
            Self.expectCleanAndCanonical(plan)
            let again = run(["owner", "list", "--similar", "--as-of", "2022-12-07"], in: plan)
            #expect(!again.stdout.contains(Self.short), "\(again)")
        }
    }

    @Test("recommendation set (alias rec) changes the response; -m commits it at once")
    func recommendationSet() throws {
        try Self.withRepository { repo, plan in
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)
            let result = run(["rec", "set", "2", "--response", "HMPPS agrees.", "-m", "Response to recommendation 2"], in: plan)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("[main "), "\(result)")
            #expect(try gitOK(["rev-parse", "HEAD~1"], in: repo) == head)
            #expect(try gitOK(["show", "--name-only", "--format=%s", "HEAD"], in: repo) == "Response to recommendation 2\n\nplan/recommendations/02.yaml")
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "")
            Self.expectCleanAndCanonical(plan)
        }
    }

    @Test("--dry-run shows the change as diff does and leaves the repository as it was")
    func dryRun() throws {
        try Self.withRepository { repo, plan in
            let before = try RepositoryState.of(repo)
            for args in [["action", "update", "5.1", "--text", "Done.", "--date", "2022-12", "--state", "completed", "--dry-run"],
                         ["action", "add", "8", "--text", "Train every region.", "--dry-run"],
                         ["revision", "start", "2022-12-07", "--dry-run"],
                         ["owner", "rename", Self.short, Self.long, "--dry-run"],
                         ["rec", "set", "2", "--response", "Agreed.", "--dry-run"]] {
                let result = run(args, in: plan)
                #expect(result.status == 0, "\(args): \(result)")
                #expect(result.stdout.contains("(recommendations/") || result.stdout.contains("(plan.yaml)"), "\(args): \(result)")
                #expect(result.stderr.contains("dry run: nothing was written"), "\(args): \(result)")
            }
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("bad inputs and edits that would not lint are refused with the reason, and nothing is written")
    func refusals() throws {
        try Self.withRepository { repo, plan in
            let before = try RepositoryState.of(repo)
            let cases: [([String], Int32, String)] = [
                (["action", "update", "5.9", "--text", "x"], 2, "no action 5.9 in the plan"),
                (["action", "add", "42", "--text", "x"], 2, "no recommendation 42"),
                (["action", "update", "5.1", "--text", "x", "--date", "sometime"], 2, "is not a date"),
                (["action", "update", "5.1", "--text", "x", "--date", "Q4 2022"], 2, "is a quarter"),
                (["action", "update", "5.1", "--text", "x", "--state", "finished"], 2, "is not a state"),
                (["rec", "set", "2", "--status", "maybe"], 2, "is not a status"),
                (["revision", "start", "2019-01-01"], 2, "must come after"),
                (["owner", "rename", "Nobody", "Somebody"], 2, "no owner is named"),
                // update-in-future: dated after the as-of day, an error the hook would refuse.
                (["action", "update", "5.1", "--text", "x", "--date", "2023-06", "--as-of", "2022-12-07"], 1, "05.yaml:"),
            ]
            for (args, status, words) in cases {
                let result = run(args, in: plan)
                #expect(result.status == status, "\(args): \(result)")
                #expect((result.stdout + result.stderr).contains(words), "\(args): \(result)")
            }
            // -m without a git identity: refused before the edit is written, not left uncommitted.
            let anonymous = ["GIT_AUTHOR_NAME": "", "GIT_AUTHOR_EMAIL": "", "GIT_COMMITTER_NAME": "", "GIT_COMMITTER_EMAIL": "", "EMAIL": ""]
            let unnamed = run(["action", "update", "5.1", "--text", "x", "-m", "Update"], in: plan, env: anonymous)
            #expect(unnamed.status != 0 && unnamed.stderr.contains("nothing was written"), "\(unnamed)")
            let outside = run(["action", "update", "5.1", "--text", "x"], in: repo)
            #expect(outside.status == 2 && outside.stderr.contains("no plan here"), "\(outside)")
            #expect(try RepositoryState.of(repo) == before)

            // A plan with errors already is refused too.
            let file = plan.appendingPathComponent("recommendations/03.yaml")
            try GitFixture.breakStatus(of: file)
            let broken = try RepositoryState.of(repo)
            let refused = run(["action", "update", "5.1", "--text", "x"], in: plan)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stdout.contains("recommendations/03.yaml:"), "\(refused)")
            #expect(try RepositoryState.of(repo) == broken)
        }
    }
}
