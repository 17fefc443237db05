import Foundation
import PlanKit
import Testing

/// Nothing hidden from a reviewer: `plantool diff` on real repositories shows an update edited in
/// place as such (its place, old and new values, the words), and its pull-request comment
/// (`--format markdown`) carries the words reviewers need, in the plan's own vocabulary, inert
/// on GitHub, within GitHub's comment limit.
@Suite("plantool diff: every change shown, with its words")
struct DiffCompletenessTests {
    static let rec5 = "plan/recommendations/05.yaml"
    static let rec6 = "plan/recommendations/06.yaml"

    /// The recall-culture plan committed, then `edit` committed on top; returns the repository.
    static func edited(in dir: URL, _ edit: (URL) throws -> Void) throws -> URL {
        let repo = try GitFixture.repository(in: dir)
        try edit(repo)
        try gitOK(["commit", "-q", "-am", "Edit"], in: repo)
        return repo
    }

    // MARK: item 3: edits inside an update

    @Test("an update's target edited in place: named as the update's target, and still a slip (red marker, --stat, months)")
    func updateTargetEdited() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.edited(in: dir) {
                try GitFixture.replace("        target: 2022-03", with: "        target: 2022-09", in: $0.appendingPathComponent(Self.rec5))
            }
            let text = diff(["HEAD~1", "HEAD"], in: repo)
            #expect(text.status == 0, "\(text)")
            #expect(text.stdout.contains("  ! action 5.1: update 2021-12 target slipped 6 months (2022-03 → 2022-09)\n"),
                    "\(text.stdout)")
            let json = try diffJSON(["HEAD~1", "HEAD"], in: repo)
            #expect(json.changes.count == 1)
            let change = try #require(json.changes.first)
            #expect(change.kind == .targetChanged)
            #expect(change.field == "actions[5.1].updates[2021-12].target")
            #expect(change.update == "2021-12" && change.action == "5.1" && change.recommendation == 5)
            #expect(change.old == "2022-03" && change.new == "2022-09" && change.months == 6)
            #expect(change.currentTarget == Move(old: "2022-03", new: "2022-09"))
            let stat = diff(["HEAD~1", "HEAD", "--stat"], in: repo)
            #expect(stat.stdout == "target-changed  1\n1 target slipped, 1 target change\n", "\(stat.stdout)")
            let markdown = diff(["HEAD~1", "HEAD", "--format", "markdown"], in: repo).stdout
            #expect(markdown.contains("- ⚠️ **action 5.1: update December 2021 target slipped 6 months (March 2022 → September 2022)**\n"),
                    "\(markdown)")
        }
    }

    @Test("an update's state edited in place: named as the update's state, with what it does to the action")
    func updateStateEdited() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.edited(in: dir) {
                try GitFixture.replace("        state: completed", with: "        state: ongoing", in: $0.appendingPathComponent(Self.rec6))
            }
            let text = diff(["HEAD~1", "HEAD"], in: repo)
            #expect(text.stdout.contains("  ~ action 6.1: update 2021-12 state completed → ongoing\n"), "\(text.stdout)")
            let json = try diffJSON(["HEAD~1", "HEAD"], in: repo)
            #expect(json.changes.map(\.field) == ["actions[6.1].updates[2021-12].state"])
            #expect(json.changes.first?.kind == .stateChanged)
            #expect(json.changes.first?.old == "completed" && json.changes.first?.new == "ongoing")
        }
    }

    @Test("an update reworded: one change with a word diff, not an update added and one removed")
    func updateReworded() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.edited(in: dir) {
                try GitFixture.replace("been extended into 2022 due to encouraging initial results",
                                       with: "been extended into 2023 due to encouraging initial results", in: $0.appendingPathComponent(Self.rec5))
            }
            let json = try diffJSON(["HEAD~1", "HEAD"], in: repo)
            #expect(json.kinds == [.updateChanged], "\(json.summaries)")
            let change = try #require(json.changes.first)
            #expect(change.field == "actions[5.1].updates[2021-12].text")
            #expect(change.summary == "action 5.1: update 2021-12 text reworded")
            #expect(change.words?.contains(WordSegment(kind: .removed, text: "2022")) == true)
            #expect(change.words?.contains(WordSegment(kind: .added, text: "2023")) == true)
            let text = diff(["HEAD~1", "HEAD"], in: repo).stdout
            #expect(text.contains("  ~ action 5.1: update 2021-12 text reworded\n"), "\(text)")
            #expect(text.contains("extended into [-2022-] {+2023+} due to"), "\(text)")
            let markdown = diff(["HEAD~1", "HEAD", "--format", "markdown"], in: repo).stdout
            #expect(markdown.contains("- action 5.1: update December 2021 text reworded\n"), "\(markdown)")
            #expect(markdown.contains("extended into ~~2022~~ **2023** due to"), "\(markdown)")
            // log shows it the same way.
            let log = run(["log", "5.1"], in: repo.appendingPathComponent("plan"))
            #expect(log.stdout.contains("    ~ action 5.1: update 2021-12 text reworded\n"), "\(log)")
            #expect(log.stdout.contains("extended into [-2022-] {+2023+} due to"), "\(log)")
        }
    }

    // MARK: item 4: the pull-request comment carries the words

    static let plan = """
        format: 1
        title: Synthetic plan
        organisation: HM Prison and Probation Service
        inspectorate: HM Inspectorate of Probation
        report:
          title: Synthetic report

        """

    static let rec1Before = """
        number: 1
        addressee: HM Prison and Probation Service
        text: Introduce a revised process for issuing licence warnings
        status: agreed
        actions:
          - id: "1.1"
            text: Publish the revised licence warning process
            owners:
              - Deputy Director, Public Protection Group
            target: 2022-03
            state: planned
          - id: "1.2"
            text: Train every probation team in the revised process by the end of the year
            target: 2022-06
            state: planned

        """

    static let rec1After = """
        number: 1
        addressee: HM Prison and Probation Service
        text: Introduce a revised process for issuing licence warnings
        status: partly-agreed
        reason:
          categories: [affordability]
          text: Resourcing need and affordability will need to be balanced
        actions:
          - id: "1.1"
            text: Publish the revised licence warning process
            owners:
              - Deputy Director, Public Protection Group
            target: 2022-03
            state: planned
            updates:
              - date: 2022-12
                text: "The process is published; cc @probation-team about #12, costs $5 and $6 &lt;b&gt;"
                state: in-progress
                target: 2023-03
                owners:
                  - Senior Responsible Officer

        """

    static let rec9 = """
        number: 9
        addressee: Ministry of Justice
        text: Review the funding of approved premises
        status: not-agreed
        reason:
          categories: [policy]
          text: The funding model is set by the spending review
        actions:
          - id: "9.1"
            text: Explain the funding model to regional directors
            target: 2023-06

        """

    static func prRepo(in dir: URL) throws -> URL {
        let repo = try DiffRepo.empty(in: dir)
        try DiffRepo.commit(["plan.yaml": plan, "recommendations/01.yaml": rec1Before], in: repo, message: "Before")
        try DiffRepo.commit(["recommendations/01.yaml": rec1After, "recommendations/09.yaml": rec9], in: repo, message: "After")
        return repo
    }

    @Test("the PR comment quotes added updates (with state, target, owners), reasons, new recommendations whole and removed actions")
    func commentCarriesTheWords() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.prRepo(in: dir)
            let result = diff(["HEAD~1", "HEAD", "--format", "markdown"], in: repo)
            #expect(result.status == 0, "\(result)")
            let md = result.stdout
            // Headings: number and the start of the text.
            #expect(md.contains("\n### Recommendation 1: Introduce a revised process for issuing licence warnings\n"), "\(md)")
            #expect(md.contains("\n### Recommendation 9: Review the funding of approved premises\n"), "\(md)")
            // The plan's own words for statuses and dates.
            #expect(md.contains("- Recommendation 1: status Agreed → Partly Agreed\n"), "\(md)")
            #expect(!md.contains("partly-agreed") && !md.contains("not-agreed"), "\(md)")
            #expect(!md.contains("2022-12") && !md.contains("2023-03"), "\(md)")
            // The reason's text.
            #expect(md.contains("- Recommendation 1: reason given (affordability)\n  > Resourcing need and affordability will need to be balanced\n"), "\(md)")
            // The added update: its text, and the state, target and owners it sets.
            #expect(md.contains("- ⚠️ **action 1.1: update December 2022 added: target slipped 12 months (March 2022 → March 2023), state Planned → In progress, owners \"Deputy Director, Public Protection Group\" → \"Senior Responsible Officer\"**\n"), "\(md)")
            #expect(md.contains("  > *State: In progress · Target: March 2023 · Owners: Senior Responsible Officer*\n"), "\(md)")
            // The removed action, quoted as it was.
            #expect(md.contains("- action 1.2 removed (it was Planned, due June 2022)\n  > Train every probation team in the revised process by the end of the year\n"), "\(md)")
            // The new recommendation whole: text, status, reason, actions.
            #expect(md.contains("- Recommendation 9 added (Not Agreed, 1 action)\n  > Review the funding of approved premises\n"), "\(md)")
            #expect(md.contains("  *Status: Not Agreed · Addressee: Ministry of Justice*\n"), "\(md)")
            #expect(md.contains("  Reason (policy):\n\n  > The funding model is set by the spending review\n"), "\(md)")
            #expect(md.contains("  Action 9.1:\n\n  > Explain the funding model to regional directors\n\n  *State: Planned · Target: June 2023*\n"), "\(md)")
        }
    }

    @Test("the PR comment is inert on GitHub: no live mention or reference, no math, entities stay text")
    func commentIsInert() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.prRepo(in: dir)
            let md = diff(["HEAD~1", "HEAD", "--format", "markdown"], in: repo).stdout
            #expect(md.contains("cc @\u{2060}probation-team about #\u{2060}12, costs \\$5 and \\$6 \\&lt;b\\&gt;"), "\(md)")
            #expect(!md.contains("@probation-team") && !md.contains("#12"), "\(md)")
        }
    }

    @Test("a CR inside a value does not start a new Markdown line (nor a new line of text output): it is refused, named")
    func carriageReturn() throws {
        try withTemporaryDirectory { dir in
            let repo = try DiffRepo.empty(in: dir)
            try DiffRepo.commit(["plan.yaml": Self.plan, "recommendations/01.yaml": Self.rec1Before], in: repo, message: "Before")
            // A YAML escape puts a CR in an owner's name (owners are not shortened in sentences).
            let hostile = Self.rec1Before.replacingOccurrences(of: "      - Deputy Director, Public Protection Group",
                                                               with: "      - \"Director\\r# Injected heading\"")
            #expect(hostile != Self.rec1Before)
            try DiffRepo.commit(["recommendations/01.yaml": hostile], in: repo, message: "CR")
            let md = diff(["HEAD~1", "HEAD", "--format", "markdown"], in: repo).stdout
            let text = diff(["HEAD~1", "HEAD"], in: repo).stdout
            for output in [md, text] {
                #expect(!output.contains("\r"), "\(output)")
                let lines = output.split(separator: "\n")
                #expect(!lines.contains { $0.hasPrefix("# Injected") }, "\(output)")
                // The reader refuses the CR itself, naming it; the escaper's own handling of CR is
                // covered by MarkdownTextTests.
                #expect(output.contains("U+000D"), "\(output)")
            }
        }
    }

    @Test("a change too large for one GitHub comment: within 65,536 characters, slips and status changes kept, as many updates as fit, the rest counted")
    func commentBudget() throws {
        try withTemporaryDirectory { dir in
            let repo = try DiffRepo.empty(in: dir)
            let long = (1...120).map { "word\($0)" }.joined(separator: " ")
            func rec(_ n: Int, updated: Bool) -> String {
                var text = """
                    number: \(n)
                    addressee: HM Prison and Probation Service
                    text: Recommendation number \(n) about subject \(n * 7919)
                    status: \(updated && n % 10 == 0 ? "partly-agreed" : "agreed")
                    actions:
                      - id: "\(n).1"
                        text: Action of recommendation \(n)
                        target: 2022-03

                    """
                if updated {
                    text += """
                            updates:
                              - date: 2022-12
                                text: Update \(n) \(long)
                                target: \(n % 3 == 0 ? "2023-03" : "2022-03")

                        """
                }
                return text
            }
            var before: [String: String?] = ["plan.yaml": Self.plan]
            var after: [String: String?] = [:]
            for n in 1...150 {
                before["recommendations/\(Recommendation.fileName(for: n))"] = rec(n, updated: false)
                after["recommendations/\(Recommendation.fileName(for: n))"] = rec(n, updated: true)
            }
            try DiffRepo.commit(before, in: repo, message: "Before")
            try DiffRepo.commit(after, in: repo, message: "After")
            let md = diff(["HEAD~1", "HEAD", "--format", "markdown"], in: repo).stdout
            #expect(md.utf16.count <= DiffRenderer.commentLimit, "\(md.utf16.count) UTF-16 code units")
            #expect(md.contains("**Shortened** to fit 65536 characters"), "\(md.prefix(2000))")
            // Every slip (50) and every status change (15) is still there; updates as many as fit.
            let slips = md.components(separatedBy: "- ⚠️ **action ").count - 1
            #expect(slips == 50, "\(slips) slips shown")
            let statuses = md.components(separatedBy: ": status Agreed → Partly Agreed").count - 1
            #expect(statuses == 15)
            // The updates without a slip (100) are shown while there is room, the rest counted.
            let others = try #require(md.components(separatedBy: "\n**Other changes**\n").last)
            let shown = others.split(separator: "\n").filter { $0.hasPrefix("- action ") }.count
            #expect(shown > 0 && shown < 100 && md.contains("> Update 1 word1"), "\(shown) updates shown")
            #expect(md.contains("\n**Left out for want of room:** \(100 - shown) updates added. "), "\(md.suffix(500))")
            #expect(md.hasPrefix("**Plan changes** HEAD\\~1 → HEAD: 50 targets slipped, 15 statuses changed, 150 updates added\n"), "\(md.prefix(300))")
            // Unshortened it would have been far longer.
            let text = diff(["HEAD~1", "HEAD"], in: repo).stdout
            #expect(text.contains("Update 150 word1 word2"))
        }
    }
}
