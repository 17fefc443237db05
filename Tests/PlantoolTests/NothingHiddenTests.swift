import Foundation
import Testing

/// Nothing hidden from a reviewer, nothing lost from the plan's meaning: words after ` #` that
/// YAML would drop as a comment, and control characters that would rewrite a reviewer's
/// terminal, are refused where the plan is read, and never reach an output raw.
@Suite("nothing hidden: comments and control characters")
struct NothingHiddenTests {
    static let cutText = "text: Review the recall process #3 and the licence conditions"

    /// A plan in `dir/repo/plan`, committed, whose recommendation 1 is `recommendation`.
    static func repository(in dir: URL, recommendation: String = Fixture.recommendationWithAction(1)) throws -> (repo: URL, plan: URL) {
        let repo = dir.appendingPathComponent("repo")
        let plan = try Fixture.plan(at: "plan", in: repo, recommendations: ["01.yaml": recommendation])
        try gitOK(["init", "-q", "-b", "main"], in: repo)
        try gitOK(["add", "-A"], in: repo)
        try gitOK(["commit", "-q", "-m", "Add the action plan"], in: repo)
        return (repo, plan)
    }

    static func hasUnsafeScalar(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    // MARK: 1. ` #` in plain text

    @Test("' #' in plain text is an error of check, lint, commit and the hook, quoting the words YAML would drop; export publishes nothing")
    func hashInPlainTextIsRefused() throws {
        try withTemporaryDirectory { dir in
            let (repo, plan) = try Self.repository(in: dir)
            let file = plan.appendingPathComponent("recommendations/01.yaml")
            try GitFixture.replace("text: Improve the quality of recall decisions", with: Self.cutText, in: file)
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)

            for command in [["check"], ["lint"]] {
                let result = run(command, in: plan)
                #expect(result.status == 1, "\(command): \(result)")
                let error = try #require(result.errors.first { $0.rule == "comment" }, "\(command): \(result)")
                #expect("\(error.path):\(error.line ?? 0):\(error.column ?? 0)" == "recommendations/01.yaml:4:33", "\(result)")
                #expect(error.message.contains("\"#3 and the licence conditions\""), "\(result)")
                #expect(error.message.contains("quotes") && error.message.contains("'note'"), "\(result)")
            }

            // The fix the message gives (quote the whole text) reads the whole text.
            let export = run(["export", "--format", "markdown"], in: plan)
            #expect(export.status == 1, "\(export)")
            #expect(!export.stdout.contains("Review the recall process"), "export published the cut text: \(export)")

            let commit = run(["commit", "-m", "Cut text"], in: plan)
            #expect(commit.status != 0, "\(commit)")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)

            #expect(run(["hook", "install"], in: repo).status == 0)
            try gitOK(["add", "-A"], in: repo)
            let hooked = gitNeutral(["commit", "-q", "-m", "Cut text"], in: repo)
            #expect(hooked.status != 0, "\(hooked)")
            #expect(hooked.stdout.contains("#3 and the licence conditions") || hooked.stderr.contains("#3 and the licence conditions"), "\(hooked)")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)

            // Quoted, the words are the plan's, and everything passes.
            try GitFixture.replace(Self.cutText, with: "text: \"Review the recall process #3 and the licence conditions\"", in: file)
            #expect(run(["check"], in: plan).status == 0)
            let published = run(["export", "--format", "markdown"], in: plan)
            #expect(published.status == 0, "\(published)")
            // The Markdown escaper keeps "#3" from linking issue 3 with an invisible word joiner after '#'.
            #expect(published.stdout.contains("Review the recall process #\u{2060}3 and the licence conditions"), "\(published)")
        }
    }

    @Test("a comment on a line of its own is an error too; the modeline and '# plantool:' directives are not")
    func wholeLineComments() throws {
        try withTemporaryDirectory { dir in
            let text = Fixture.recommendationWithAction(1)
                .replacingOccurrences(of: "status: agreed\n", with: "status: agreed  # plantool: disable=agreed-has-actions\n# checked by the board\n")
            let (_, plan) = try Self.repository(in: dir, recommendation: text)
            let result = run(["check"], in: plan)
            #expect(result.status == 1, "\(result)")
            #expect(result.errors.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" } == ["6:1 comment"], "\(result)")
            #expect(result.errors.first?.message.contains("\"# checked by the board\"") == true, "\(result)")
        }
    }

    @Test("words hidden after the modeline's schema, or after a directive's rules, are comments too")
    func wordsHiddenInModelineOrDirective() throws {
        try withTemporaryDirectory { dir in
            let text = Fixture.recommendationWithAction(1)
                .replacingOccurrences(of: "recommendation.schema.json\n", with: "recommendation.schema.json and we will never do this\n")
                .replacingOccurrences(of: "status: agreed\n", with: "status: agreed\n# plantool: disable=action-overdue # and hidden words\n")
            #expect(text.contains("never do this") && text.contains("hidden words"))
            let (_, plan) = try Self.repository(in: dir, recommendation: text)
            let result = run(["check"], in: plan)
            #expect(result.status == 1, "\(result)")
            #expect(result.errors.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" } == ["1:70 comment", "6:1 comment"], "\(result)")
            #expect(result.errors.first?.message.contains("\"and we will never do this\"") == true, "\(result)")
            #expect(result.errors.last?.message.contains("# and hidden words") == true, "\(result)")
        }
    }

    // MARK: 2. Control characters

    @Test("control characters and bidi controls written as YAML escapes are refused by check, naming the character and the field",
          arguments: [(#"\e[1A\e[2K"#, "U+001B"), (#"\0"#, "U+0000"), (#"\x07"#, "U+0007"), (#"\r"#, "U+000D"),
                      (#"\u202E"#, "U+202E"), (#"\x7F"#, "U+007F"), (#"\x9B"#, "U+009B"), (#"\u2066"#, "U+2066")])
    func escapedControlCharactersAreRefused(escape: String, name: String) throws {
        try withTemporaryDirectory { dir in
            let text = Fixture.recommendationWithAction(1)
                .replacingOccurrences(of: "    state: planned\n", with: "    state: planned\n    note: \"June 19 \(escape) TBC\"\n")
            let (_, plan) = try Self.repository(in: dir, recommendation: text)
            let result = run(["check"], in: plan)
            #expect(result.status == 1, "\(result)")
            #expect(result.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" }
                    == ["recommendations/01.yaml:13:11 control-character"], "\(result)")
            #expect(result.errors.first?.message.contains(name) == true, "\(result)")
            #expect(result.errors.first?.message.contains("'note'") == true, "\(result)")
            #expect(!Self.hasUnsafeScalar(result.stdout + result.stderr), "\(result)")
            let export = run(["export", "--format", "html"], in: plan)
            #expect(export.status == 1 && !Self.hasUnsafeScalar(export.stdout), "\(export)")
        }
    }

    @Test("a raw bidi control, and a line break in a one-line field, are refused where they stand")
    func rawBidiAndLineBreaksInOneLineFields() throws {
        try withTemporaryDirectory { dir in
            let text = Fixture.recommendationWithAction(1)
                .replacingOccurrences(of: "addressee: HM Prison and Probation Service", with: "addressee: \"HM Prison\\nand Probation Service\"")
                .replacingOccurrences(of: "      - Deputy Director, Public Protection Group", with: "      - Deputy Director\u{202E}puorG")
            let (_, plan) = try Self.repository(in: dir, recommendation: text)
            let result = run(["check"], in: plan)
            #expect(result.status == 1, "\(result)")
            #expect(result.errors.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" } == ["3:12 control-character", "10:9 control-character"],
                    "\(result)")
            #expect(result.errors.first?.message.contains("'addressee' holds a line break (U+000A)") == true, "\(result)")
            #expect(result.errors.last?.message.contains("'owners' holds the bidirectional control U+202E") == true, "\(result)")
            #expect(!Self.hasUnsafeScalar(result.stdout), "\(result)")
        }
    }

    @Test("a tab or a line separator in a one-line field is refused; in a text over several lines it is kept, and shown as a space on one line")
    func tabsAndSeparatorsInOneLineFields() throws {
        try withTemporaryDirectory { dir in
            let text = Fixture.recommendationWithAction(1)
                .replacingOccurrences(of: "addressee: HM Prison and Probation Service", with: "addressee: \"HMPPS\\tand MoJ\"")
                .replacingOccurrences(of: "      - Deputy Director, Public Protection Group", with: "      - \"Deputy Director\\L MoJ\"")
            let (_, plan) = try Self.repository(in: dir, recommendation: text)
            let result = run(["check"], in: plan)
            #expect(result.status == 1, "\(result)")
            #expect(result.errors.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" } == ["3:12 control-character", "10:9 control-character"],
                    "\(result)")
            #expect(result.errors.first?.message.contains("'addressee' holds a tab (U+0009), but it is one line") == true, "\(result)")
            #expect(result.errors.last?.message.contains("'owners' holds a line break (U+2028), but it is one line") == true, "\(result)")
        }
        try withTemporaryDirectory { dir in
            let (repo, plan) = try Self.repository(in: dir)
            let file = plan.appendingPathComponent("recommendations/01.yaml")
            try GitFixture.replace("text: Improve the quality of recall decisions", with: "text: \"Improve\\tthe quality\\Lof recall decisions\"", in: file)
            #expect(run(["check"], in: plan).status == 0)
            try gitOK(["commit", "-q", "-a", "-m", "Tab\tin the subject"], in: repo)
            for output in [run(["diff", "HEAD~1", "HEAD"], in: plan).stdout, run(["diff", "HEAD~1", "HEAD", "--format", "markdown"], in: plan).stdout,
                           run(["log"], in: plan).stdout] {
                #expect(!output.contains("\t") && !output.contains("\u{2028}"), "\(output)")
            }
            #expect(run(["log"], in: plan).stdout.contains("Tab␉in the subject"))
        }
    }

    @Test("a directive does not silence a comment or a control character, and no configuration turns them off")
    func cannotBeSilenced() throws {
        try withTemporaryDirectory { dir in
            let text = "# plantool: disable-file=comment,control-character,all\n" + Fixture.recommendationWithAction(1)
                .replacingOccurrences(of: "    state: planned\n", with: "    state: planned\n    note: \"\\e[2K\"  # why\n")
            let (repo, plan) = try Self.repository(in: dir, recommendation: text)
            for command in [["check"], ["lint"]] {
                let result = run(command, in: plan)
                #expect(result.status == 1, "\(command): \(result)")
                #expect(Set(result.errors.map(\.rule)) == ["comment", "control-character"], "\(command): \(result)")
            }
            // A configuration that tries is itself an error, naming the rule.
            try write("rules:\n  comment: off\n  control-character: off\n", to: ".plantool.yaml", in: repo)
            let lint = run(["lint"], in: plan)
            #expect(lint.status == 1, "\(lint)")
            #expect(lint.errors.map(\.message) == ["rule 'comment' is always reported: it cannot be turned off or changed",
                                                  "rule 'control-character' is always reported: it cannot be turned off or changed"], "\(lint)")
        }
    }

    // MARK: Outputs

    @Test("what a message quotes reaches no output raw: human, JSON (escaped), GitHub and SARIF")
    func lintOutputsNeutralise() throws {
        try withTemporaryDirectory { dir in
            let text = Fixture.recommendationWithAction(1) + "\"\\e[2K\\e[1A\\u202Eevil\\x9B\\x7F\": x\n"
            let (_, plan) = try Self.repository(in: dir, recommendation: text)
            let human = run(["lint"], in: plan)
            #expect(human.status == 1, "\(human)")
            #expect(!Self.hasUnsafeScalar(human.stdout), "\(human)")
            #expect(human.stdout.contains("unknown key '␛[2K␛[1A<U+202E>evil<U+009B>␡'"), "\(human)")
            for format in ["json", "github", "sarif"] {
                let result = run(["lint", "--format", format], in: plan)
                #expect(result.status == 1, "\(format): \(result)")
                #expect(!Self.hasUnsafeScalar(result.stdout), "\(format): \(result)")
            }
            // JSON keeps the value exact, as escapes.
            let json = run(["lint", "--format", "json"], in: plan)
            let object = try #require(LintJSON.object(json.stdout))
            let messages = (object["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            #expect(messages.contains { $0.contains("'\u{1B}[2K\u{1B}[1A\u{202E}evil\u{9B}\u{7F}'") }, "\(messages)")
        }
    }

    @Test("textconv (so git diff) shows a file it cannot read as it is, but with control characters as stand-ins")
    func textconvOfAnUnreadableFile() throws {
        try withTemporaryDirectory { dir in
            let text = Fixture.recommendationWithAction(1)
                .replacingOccurrences(of: "    state: planned\n", with: "    state: planned\n    note: June\u{1B}[1A\u{1B}[2K \u{202E}TBC\r\n")
            let file = try write(text, to: "01.yaml", in: dir)
            let result = run(["textconv", file.path], in: dir)
            #expect(result.status == 0, "\(result)")
            #expect(!Self.hasUnsafeScalar(result.stdout), "\(result)")
            #expect(result.stdout.contains("    note: June␛[1A␛[2K <U+202E>TBC\n"), "\(result)")
            #expect(result.stdout.contains("number: 1\naddressee: HM Prison and Probation Service\n"), "\(result)")
        }
    }

    @Test("a commit subject holding ESC shows neutralised in plantool log and draft list")
    func commitSubjectsAreNeutralised() throws {
        try withTemporaryDirectory { dir in
            let (repo, plan) = try Self.repository(in: dir)
            let file = plan.appendingPathComponent("recommendations/01.yaml")
            let subject = "Move the target\u{1B}[1A\u{1B}[2K\u{202E}"
            #expect(run(["draft", "start", "esc"], in: repo).status == 0)
            try GitFixture.replace("target: 2099-12", with: "target: 2100-06", in: file)
            try gitOK(["commit", "-q", "-a", "-m", subject], in: repo)

            let log = run(["log"], in: plan)
            #expect(log.status == 0, "\(log)")
            #expect(!Self.hasUnsafeScalar(log.stdout), "\(log)")
            #expect(log.stdout.contains("Move the target␛[1A␛[2K<U+202E>"), "\(log)")
            #expect(log.stdout.contains("target slipped") || log.stdout.contains("slipped"), "\(log)")

            let json = run(["log", "--format", "json"], in: plan)
            #expect(json.status == 0 && !Self.hasUnsafeScalar(json.stdout), "\(json)")
            #expect(json.stdout.contains("\\u001b[1A") || json.stdout.contains("\\u001B[1A"), "\(json)")

            let drafts = run(["draft", "list"], in: repo)
            #expect(drafts.status == 0, "\(drafts)")
            #expect(!Self.hasUnsafeScalar(drafts.stdout), "\(drafts)")
            #expect(drafts.stdout.contains("Move the target␛[1A␛[2K<U+202E>"), "\(drafts)")
        }
    }
}
