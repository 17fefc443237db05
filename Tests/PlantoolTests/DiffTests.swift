import Foundation
import PlanKit
import Testing

/// End-to-end tests of `plantool diff` in repositories built with the git CLI: which two versions
/// each revision syntax compares, exit statuses, --stat, --plan, an unborn HEAD and files that do
/// not parse.
@Suite("plantool diff: revisions, options and sides")
struct DiffTests {
    static let rec5 = "plan/recommendations/05.yaml"
    static let rec6 = "plan/recommendations/06.yaml"
    static let rec7 = "plan/recommendations/07.yaml"

    // Three independent edits of the recall-culture plan and what diff says about each.
    /// 5.1's current target (its December 2021 update's) moved from 2022-03 to 2022-06.
    static let slip51 = "action 5.1: update 2021-12 target slipped 3 months (2022-03 → 2022-06)"
    /// 7.1's current target moved from 2022-03 to 2022-04.
    static let slip71 = "action 7.1: update 2021-12 target slipped 1 month (2022-03 → 2022-04)"
    /// 6.1's update now says ongoing instead of completed.
    static let state61 = "action 6.1: update 2021-12 state completed → ongoing"

    static func editA(_ repo: URL) throws {
        try GitFixture.replace("target: 2022-03", with: "target: 2022-06", in: repo.appendingPathComponent(rec5))
    }

    static func editB(_ repo: URL) throws {
        try GitFixture.replace("target: 2022-03", with: "target: 2022-04", in: repo.appendingPathComponent(rec7))
    }

    static func editC(_ repo: URL) throws {
        try GitFixture.replace("        state: completed", with: "        state: ongoing", in: repo.appendingPathComponent(rec6))
    }

    /// A repository whose history is c1 (the example plan), c2 (edit A), c3 (edit B), tagged v1
    /// and v3, with edit C in the working tree only.
    static func history(in dir: URL) throws -> (repo: URL, c1: String, c2: String, c3: String) {
        let repo = try GitFixture.repository(in: dir)
        let c1 = try gitOK(["rev-parse", "HEAD"], in: repo)
        try editA(repo)
        try gitOK(["commit", "-q", "-am", "5.1 slips"], in: repo)
        let c2 = try gitOK(["rev-parse", "HEAD"], in: repo)
        try editB(repo)
        try gitOK(["commit", "-q", "-am", "7.1 slips"], in: repo)
        let c3 = try gitOK(["rev-parse", "HEAD"], in: repo)
        try gitOK(["tag", "v1", c1], in: repo)
        try gitOK(["tag", "-a", "v3", "-m", "annotated", c3], in: repo)
        try editC(repo)
        return (repo, c1, c2, c3)
    }

    // MARK: revision syntaxes

    @Test("no revision: HEAD against the working tree (unstaged changes included)")
    func noRevision() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            try Self.editA(repo)
            let text = diff([], in: plan)
            #expect(text.status == 0, "\(text)")
            #expect(text.stdout == "Recommendation 5 (recommendations/05.yaml)\n  ! \(Self.slip51)\n", "\(text)")
            let json = try diffJSON([], in: plan)
            #expect(json.old == "HEAD" && json.new == "the working tree")
            #expect(json.summaries == [Self.slip51])
            #expect(json.parsedFiles == 2)
            let change = try #require(json.changes.first)
            #expect(change.kind == .targetChanged && change.months == 3 && change.old == "2022-03" && change.new == "2022-06")
            #expect(change.recommendation == 5 && change.action == "5.1")
            // From the top of the repository the path is shown from there.
            let fromTop = diff([], in: repo)
            #expect(fromTop.stdout == "Recommendation 5 (plan/recommendations/05.yaml)\n  ! \(Self.slip51)\n", "\(fromTop)")
        }
    }

    @Test("--staged: HEAD against the index; an unstaged change is not shown")
    func staged() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            try Self.editA(repo)
            try gitOK(["add", Self.rec5], in: repo)
            try Self.editB(repo)  // not staged
            let staged = try diffJSON(["--staged"], in: plan)
            #expect(staged.old == "HEAD" && staged.new == "the index")
            #expect(staged.summaries == [Self.slip51])
            #expect(try diffJSON([], in: plan).summaries == [Self.slip51, Self.slip71])
            // --staged REV: that revision against the index.
            let fromRevision = try diffJSON(["--staged", "HEAD"], in: plan)
            #expect(fromRevision.old == "HEAD" && fromRevision.new == "the index")
            #expect(fromRevision.summaries == [Self.slip51])

            // A partly staged file: the index's version, not the working tree's.
            try GitFixture.replace("target: 2022-06", with: "target: 2022-09", in: repo.appendingPathComponent(Self.rec5))
            #expect(try gitOK(["status", "--porcelain"], in: repo) == "MM \(Self.rec5)\n M \(Self.rec7)")
            #expect(try diffJSON(["--staged"], in: plan).summaries == [Self.slip51])
            #expect(try diffJSON([], in: plan).summaries.first == "action 5.1: update 2021-12 target slipped 6 months (2022-03 → 2022-09)")

            // Nothing staged: no changes.
            try gitOK(["reset", "-q"], in: repo)
            let nothing = diff(["--staged"], in: plan)
            #expect(nothing.status == 0)
            #expect(nothing.stdout == "no changes to the plan between HEAD and the index\n", "\(nothing)")
        }
    }

    @Test("one revision A: A against the working tree")
    func oneRevision() throws {
        try withTemporaryDirectory { dir in
            let (repo, c1, _, c3) = try Self.history(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let fromFirst = try diffJSON([c1], in: plan)
            #expect(fromFirst.old == c1 && fromFirst.new == "the working tree")
            #expect(fromFirst.summaries == [Self.slip51, Self.state61, Self.slip71])
            #expect(try diffJSON(["HEAD"], in: plan).summaries == [Self.state61])
            #expect(try diffJSON(["HEAD~1"], in: plan).summaries == [Self.state61, Self.slip71])
            #expect(try diffJSON(["HEAD~2"], in: plan).summaries == fromFirst.summaries)
            #expect(try diffJSON([c3], in: plan).summaries == [Self.state61])
        }
    }

    @Test("two revisions: A B and A..B compare A with B, whatever the working tree holds")
    func twoRevisions() throws {
        try withTemporaryDirectory { dir in
            let (repo, c1, c2, c3) = try Self.history(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let pair = try diffJSON([c1, c3], in: plan)
            #expect(pair.old == c1 && pair.new == c3)
            #expect(pair.summaries == [Self.slip51, Self.slip71])
            let dots = try diffJSON(["\(c1)..\(c3)"], in: plan)
            #expect(dots.old == c1 && dots.new == c3)
            #expect(dots.summaries == pair.summaries)
            #expect(diff([c1, c3], in: plan).stdout == diff(["\(c1)..\(c3)"], in: plan).stdout)
            #expect(try diffJSON([c2, c3], in: plan).summaries == [Self.slip71])
            #expect(try diffJSON(["\(c1)..\(c2)"], in: plan).summaries == [Self.slip51])
            // Reversed: brought forward.
            let back = try diffJSON([c3, c1], in: plan)
            #expect(back.summaries == ["action 5.1: update 2021-12 target brought forward 3 months (2022-06 → 2022-03)",
                                       "action 7.1: update 2021-12 target brought forward 1 month (2022-04 → 2022-03)"])
            #expect(back.changes.map(\.months) == [-3, -1])
            // An empty side of .. is HEAD.
            let toHead = try diffJSON(["\(c1).."], in: plan)
            #expect(toHead.old == c1 && toHead.new == "HEAD")
            #expect(toHead.summaries == pair.summaries)
            #expect(try diffJSON(["..\(c2)"], in: plan).summaries == ["action 7.1: update 2021-12 target brought forward 1 month (2022-04 → 2022-03)"])
            // Same revision twice: nothing.
            #expect(diff([c2, c2], in: plan).stdout == "no changes to the plan between \(c2) and \(c2)\n")
        }
    }

    @Test("tags (light and annotated), abbreviated ids, HEAD~N and branch names")
    func revisionNames() throws {
        try withTemporaryDirectory { dir in
            let (repo, c1, c2, c3) = try Self.history(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let expected = [Self.slip51, Self.slip71]
            #expect(try diffJSON(["v1", "v3"], in: plan).summaries == expected)
            let tags = try diffJSON(["v1..v3"], in: plan)
            #expect(tags.summaries == expected)
            #expect(tags.old == "v1" && tags.new == "v3")
            let short1 = try gitOK(["rev-parse", "--short=7", c1], in: repo)
            let short3 = try gitOK(["rev-parse", "--short=9", c3], in: repo)
            #expect(short1.count == 7 && c1.hasPrefix(short1))
            let abbreviated = try diffJSON([short1, short3], in: plan)
            #expect(abbreviated.summaries == expected)
            #expect(abbreviated.old == short1 && abbreviated.new == short3)
            #expect(try diffJSON(["HEAD~2", "HEAD"], in: plan).summaries == expected)
            #expect(try diffJSON(["HEAD~2..main"], in: plan).summaries == expected)
            #expect(try diffJSON(["HEAD~1", "HEAD"], in: plan).summaries == [Self.slip71])
            #expect(try diffJSON(["HEAD^", "v3"], in: plan).summaries == [Self.slip71])
            #expect(try diffJSON(["v1", String(c2.prefix(12))], in: plan).summaries == [Self.slip51])
        }
    }

    @Test("A...B compares B with the merge base: changes on A's branch after the fork do not appear")
    func threeDots() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let base = try gitOK(["rev-parse", "HEAD"], in: repo)
            try gitOK(["checkout", "-q", "-b", "update"], in: repo)
            try Self.editA(repo)
            try gitOK(["commit", "-q", "-am", "5.1 slips (on the branch)"], in: repo)
            try gitOK(["checkout", "-q", "main"], in: repo)
            try Self.editB(repo)
            try gitOK(["commit", "-q", "-am", "7.1 slips (on main, after the fork)"], in: repo)

            let pr = try diffJSON(["main...update"], in: plan)
            #expect(pr.summaries == [Self.slip51], "the change made on main after the fork must not appear")
            #expect(pr.old == "merge base of main and update (\(base.prefix(7)))")
            #expect(pr.new == "update")
            // Two dots: main's change appears, undone.
            #expect(try diffJSON(["main..update"], in: plan).summaries
                == [Self.slip51, "action 7.1: update 2021-12 target brought forward 1 month (2022-04 → 2022-03)"])
            // The other way round, and an empty side meaning HEAD (main).
            #expect(try diffJSON(["update...main"], in: plan).summaries == [Self.slip71])
            #expect(try diffJSON(["...update"], in: plan).summaries == [Self.slip51])
            #expect(try diffJSON(["update..."], in: plan).summaries == [Self.slip71])

            // Unrelated histories: no merge base.
            try gitOK(["checkout", "-q", "--orphan", "other"], in: repo)
            try gitOK(["commit", "-q", "-m", "unrelated"], in: repo)
            let unrelated = diff(["main...other"], in: plan)
            #expect(unrelated.status == 2, "\(unrelated)")
            #expect(unrelated.stderr.contains("no common history"), "\(unrelated)")
        }
    }

    @Test("a revision that does not exist: exit 2, naming it", arguments: [
        ["nope"], ["v1", "nope"], ["nope", "v1"], ["v1..nope"], ["nope..v1"], ["nope...v1"], ["v1...nope"], ["--staged", "nope"],
    ])
    func missingRevision(_ args: [String]) throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try gitOK(["tag", "v1"], in: repo)
            let result = diff(args, in: repo.appendingPathComponent("plan"))
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("'nope'"), "\(result)")
            #expect(result.stderr.contains("does not exist"), "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
        }
    }

    @Test("usage errors exit 2: three revisions, --staged with two, an unknown format")
    func usageErrors() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            for args in [["HEAD", "HEAD", "HEAD"], ["--staged", "HEAD", "HEAD"], ["--format", "xml"]] {
                let result = diff(args, in: repo)
                #expect(result.status == 2, "\(args): \(result)")
                #expect(result.stdout.isEmpty, "\(args): \(result)")
            }
        }
    }

    // MARK: options

    @Test("--exit-code: 1 when there are changes, 0 when there are none")
    func exitCode() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let clean = diff(["--exit-code"], in: plan)
            #expect(clean.status == 0, "\(clean)")
            #expect(clean.stdout == "no changes to the plan between HEAD and the working tree\n")
            try Self.editA(repo)
            let changed = diff(["--exit-code"], in: plan)
            #expect(changed.status == 1, "\(changed)")
            #expect(changed.stdout.contains(Self.slip51), "\(changed)")
            #expect(diff([], in: plan).status == 0)
            #expect(diff(["--exit-code", "--stat"], in: plan).status == 1)
            #expect(diff(["--exit-code", "--format", "json"], in: plan).status == 1)
            #expect(diff(["--exit-code", "--staged"], in: plan).status == 0)
            try gitOK(["add", "-A"], in: repo)
            #expect(diff(["--exit-code", "--staged"], in: plan).status == 1)
            #expect(diff(["--exit-code", "HEAD", "HEAD"], in: plan).status == 0)
        }
    }

    @Test("colour on a terminal and with FORCE_COLOR (slips in red); none when piped or with NO_COLOR")
    func colour() throws {
        try withTemporaryDirectory { dir in
            let (repo, c1, _, c3) = try Self.history(in: dir)
            let plain = diff([c1, c3], in: repo)
            #expect(plain.status == 0 && !ANSI.contains(plain.stdout), "\(plain)")
            let forced = diff([c1, c3], in: repo, env: ["FORCE_COLOR": "1"])
            #expect(forced.stdout.contains("\u{1B}[31m! " + Self.slip51), "\(forced)")
            #expect(ANSI.strip(forced.stdout) == plain.stdout, "colour adds codes and nothing else")
            let terminal = try #require(ToolOnPath.runOnTerminal(["diff", c1, c3], in: repo, env: ["TERM": "xterm-256color"]))
            #expect(terminal.status == 0, "\(terminal)")
            #expect(terminal.stdout.contains("\u{1B}[31m! " + Self.slip71), "\(terminal)")
            #expect(ANSI.strip(terminal.stdout).replacingOccurrences(of: "\r\n", with: "\n") == plain.stdout, "\(terminal)")
            let noColor = try #require(ToolOnPath.runOnTerminal(["diff", c1, c3], in: repo, env: ["TERM": "xterm-256color", "NO_COLOR": "1"]))
            #expect(noColor.status == 0 && !ANSI.contains(noColor.stdout), "\(noColor)")
        }
    }

    @Test("--stat: the count of each kind, then the summary line")
    func stat() throws {
        try withTemporaryDirectory { dir in
            let (repo, _, _, _) = try Self.history(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let result = diff(["--stat", "v1"], in: plan)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == """
                target-changed  2
                state-changed   1
                2 targets slipped, 2 target changes, 1 state change

                """, "\(result)")
            let none = diff(["--stat", "HEAD", "HEAD"], in: plan)
            #expect(none.stdout == "no changes to the plan\n", "\(none)")
        }
    }

    // MARK: which plan

    /// Two plans, a/ and b/, both changed in their recommendation 5, and b/ also in 7.
    static func twoPlans(in dir: URL) throws -> URL {
        let repo = dir.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try gitOK(["init", "-q", "-b", "main"], in: repo)
        try GitFixture.copyPlan(to: repo.appendingPathComponent("a"))
        try GitFixture.copyPlan(to: repo.appendingPathComponent("b"))
        try gitOK(["add", "-A"], in: repo)
        try gitOK(["commit", "-q", "-m", "Two plans"], in: repo)
        try GitFixture.replace("target: 2022-03", with: "target: 2022-06", in: repo.appendingPathComponent("a/recommendations/05.yaml"))
        try GitFixture.replace("target: 2022-03", with: "target: 2022-05", in: repo.appendingPathComponent("b/recommendations/05.yaml"))
        try GitFixture.replace("target: 2022-03", with: "target: 2022-04", in: repo.appendingPathComponent("b/recommendations/07.yaml"))
        return repo
    }

    static let slipB51 = "action 5.1: update 2021-12 target slipped 2 months (2022-03 → 2022-05)"

    @Test("--plan: two plans in one repository, each compared on its own")
    func planOption() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.twoPlans(in: dir)
            let a = try diffJSON(["--plan", "a"], in: repo)
            #expect(a.summaries == [Self.slip51])
            #expect(a.changes.map(\.path) == ["a/recommendations/05.yaml"])
            let b = try diffJSON(["--plan", "b"], in: repo)
            #expect(b.summaries == [Self.slipB51, Self.slip71])
            #expect(b.changes.map(\.path) == ["b/recommendations/05.yaml", "b/recommendations/07.yaml"])
            // Inside a plan: that plan only, paths from there.
            let inside = try diffJSON([], in: repo.appendingPathComponent("b"))
            #expect(inside.summaries == b.summaries)
            #expect(inside.changes.map(\.path) == ["recommendations/05.yaml", "recommendations/07.yaml"])
            #expect(try diffJSON(["--plan", "../a"], in: repo.appendingPathComponent("b")).summaries == [Self.slip51])
            // With revisions too.
            try gitOK(["commit", "-q", "-am", "Both slip"], in: repo)
            #expect(try diffJSON(["--plan", "a", "HEAD~1", "HEAD"], in: repo).summaries == [Self.slip51])
            #expect(try diffJSON(["--plan", "b", "HEAD~1..HEAD"], in: repo).summaries == [Self.slipB51, Self.slip71])
        }
    }

    @Test("no --plan at the top of a repository with two plans: both, each change under its own plan's file")
    func bothPlans() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.twoPlans(in: dir)
            let json = try diffJSON([], in: repo)
            #expect(Set(json.summaries) == Set([Self.slip51, Self.slipB51, Self.slip71]))
            let slipB = json.changes.first { $0.summary == Self.slipB51 }
            #expect(slipB?.path == "b/recommendations/05.yaml")
            // The text form must not put plan b's recommendation 5 under plan a's heading.
            let text = diff([], in: repo)
            #expect(text.status == 0)
            let lines = text.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains("Recommendation 5 (a/recommendations/05.yaml)"), "\(text)")
            #expect(lines.contains("Recommendation 5 (b/recommendations/05.yaml)"), "\(text)")
            if let b = lines.firstIndex(of: "Recommendation 5 (b/recommendations/05.yaml)") {
                #expect(lines.dropFirst(b + 1).first == "  ! \(Self.slipB51)", "\(text)")
            }
            // Nor the markdown form.
            let markdown = diff(["--format", "markdown"], in: repo).stdout
            #expect(markdown.components(separatedBy: "### ").count - 1 == 3, "one section per plan's recommendation:\n\(markdown)")
        }
    }

    // MARK: sides

    @Test("an unborn HEAD compares against nothing: every recommendation added")
    func unbornHead() throws {
        try withTemporaryDirectory { dir in
            let repo = try DiffRepo.empty(in: dir)
            try GitFixture.copyPlan(to: repo.appendingPathComponent("plan"))
            let plan = repo.appendingPathComponent("plan")
            let json = try diffJSON([], in: plan)
            #expect(json.old == "HEAD (no commits yet)" && json.new == "the working tree")
            // plan.yaml comes into being first, then every recommendation.
            #expect(json.kinds == [.planChanged] + Array(repeating: .recommendationAdded, count: 8))
            let numbers: [Int?] = [nil] + Array(1...8)
            #expect(json.changes.map(\.recommendation) == numbers)
            #expect(json.changes.first?.summary == "plan: plan.yaml added (\"A Thematic Review of Probation Recall Culture and Practice\")")
            #expect(json.changes.first?.path == "plan.yaml")
            #expect(json.changes.dropFirst().first?.summary == "Recommendation 1 added (agreed, 1 action)")
            #expect(json.changes.dropFirst().first?.path == "recommendations/01.yaml")
            #expect(diff(["--exit-code"], in: plan).status == 1)

            // The index is empty until files are staged.
            let before = diff(["--staged"], in: plan)
            #expect(before.status == 0, "\(before)")
            #expect(before.stdout == "no changes to the plan between HEAD (no commits yet) and the index\n", "\(before)")
            try gitOK(["add", "-A"], in: repo)
            let staged = try diffJSON(["--staged"], in: plan)
            #expect(staged.old == "HEAD (no commits yet)" && staged.new == "the index")
            #expect(staged.kinds == [.planChanged] + Array(repeating: .recommendationAdded, count: 8))
            let stat = diff(["--stat", "--staged"], in: plan)
            #expect(stat.stdout == "plan-changed          1\nrecommendation-added  8\n1 plan field changed, 8 recommendations added\n", "\(stat)")

            // HEAD itself named on an unborn branch: an error naming it.
            let named = diff(["HEAD"], in: plan)
            #expect(named.status == 2, "\(named)")
            #expect(named.stderr.contains("HEAD"), "\(named)")
        }
    }

    @Test("a side that does not parse is reported, and the rest of the diff is still shown")
    func unparsableSide() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let rec3 = repo.appendingPathComponent("plan/recommendations/03.yaml")
            let line = try GitFixture.line(startingWith: "status:", in: rec3)
            try GitFixture.breakStatus(of: rec3)
            try Self.editA(repo)
            try Self.editB(repo)

            // The working tree side.
            let text = diff([], in: plan)
            #expect(text.status == 0, "\(text)")
            let problem = "recommendations/03.yaml:\(line):9: 'status' cannot be 'maybe'; use one of: agreed, partly-agreed, not-agreed [invalid-value]"
            #expect(text.stdout == """
                Recommendation 3 (recommendations/03.yaml)
                  ! recommendations/03.yaml does not parse, so its changes cannot be shown (\(problem))
                Recommendation 5 (recommendations/05.yaml)
                  ! \(Self.slip51)
                Recommendation 7 (recommendations/07.yaml)
                  ! \(Self.slip71)

                """, "\(text)")
            #expect(text.stderr.contains("recommendations/03.yaml:\(line):9: error: 'status' cannot be 'maybe'"), "\(text)")
            let json = try diffJSON([], in: plan)
            #expect(json.kinds == [.unreadable, .targetChanged, .targetChanged])
            #expect(json.changes.first?.recommendation == 3)
            #expect(json.changes.first?.path == "recommendations/03.yaml")
            #expect(diff(["--exit-code"], in: plan).status == 1)

            // The same in a commit, read from git: the old side's file does not parse.
            try gitOK(["commit", "-q", "-am", "broken"], in: repo)
            try GitFixture.replace("\nstatus: maybe\n", with: "\nstatus: agreed\n", in: rec3)
            try GitFixture.replace("target: 2022-04", with: "target: 2022-05", in: repo.appendingPathComponent(Self.rec7))
            let fromCommit = try diffJSON([], in: plan)
            #expect(fromCommit.kinds == [.unreadable, .targetChanged], "\(fromCommit.summaries)")
            #expect(fromCommit.summaries.last == "action 7.1: update 2021-12 target slipped 1 month (2022-04 → 2022-05)")
            #expect(try diffJSON(["HEAD~1", "HEAD"], in: plan).kinds == [.unreadable, .targetChanged, .targetChanged])
        }
    }

    /// An action's own target is what the plan first promised; an update may supersede it. A
    /// commit that rewrites the first promise changes the plan's record, and a semantic diff that
    /// says "no changes" hides it (and --exit-code would let it through).
    @Test("rewriting an action's first target, superseded by an update, is still a change")
    func supersededTarget() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            // 5.1 was due 2021-07; its December 2021 update moved it to 2022-03.
            try GitFixture.replace("    target: 2021-07\n", with: "    target: 2022-03\n", in: repo.appendingPathComponent(Self.rec5))
            #expect(try gitOK(["status", "--porcelain"], in: repo) == " M \(Self.rec5)")
            let json = try diffJSON([], in: plan)
            let about51 = json.changes.contains { $0.action == "5.1" }
            #expect(about51, "\(json.summaries)")
            #expect(diff(["--exit-code"], in: plan).status == 1)
        }
    }
}
