import Foundation
import Testing

/// What plantool must never do with what a plan file says: let it become markup in a published
/// document, read through a link out of the repository, write outside the place it was asked to
/// write, or run a program.
@Suite("security: escaping, links, where plantool writes, no shell")
struct SecurityTests {
    /// A string that would be live HTML or Markdown if any template let it through. ZQX marks
    /// the lines that carry it.
    static let payload = "ZQX <script>alert(1)</script> a | b `code` ``x`` [x](javascript:alert(1)) <img src=x onerror=alert(1)> ZQX"

    /// A recommendation carrying the payload in every text field: text, addressee, theme,
    /// response, an action's text, owners and note, and an update's text and owners.
    static func hostileRecommendation(_ number: Int) -> String {
        """
        number: \(number)
        addressee: '\(payload)'
        theme: '\(payload)'
        text: '\(payload)'
        status: agreed
        response: '\(payload)'
        actions:
          - id: "\(number).1"
            text: '\(payload)'
            owners:
              - '\(payload)'
            target: 2021-07
            state: in-progress
            note: '\(payload)'
            updates:
              - date: 2021-12
                text: '\(payload)'
                owners:
                  - '\(payload)'

        """
    }

    // MARK: Escaping

    /// Occurrences of `character` in `line` not escaped by a backslash.
    static func unescaped(_ character: Character, in line: Substring) -> Int {
        var count = 0
        var escaped = false
        for c in line {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == character { count += 1 }
        }
        return count
    }

    /// Markdown in which the payload is inert: on its lines, no `<` but `<br>`'s, no backtick,
    /// no `[`, `]` or `|` outside the table's own pipes; and every table keeps one pipe count per row.
    static func expectInertMarkdown(_ markdown: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.contains("ZQX") }, "\(what): the payload is missing\n\(markdown)", sourceLocation: sourceLocation)
        for line in lines where line.contains("ZQX") {
            // A list item's "- " and a quote's "> " (diff's word changes) are the renderer's own.
            var text = Substring(line.replacingOccurrences(of: "<br>", with: " "))
            text = text.drop(while: { $0 == " " })
            if text.hasPrefix("> ") { text = text.dropFirst(2) }
            for c: Character in ["<", ">", "`", "[", "]"] {
                #expect(unescaped(c, in: text) == 0, "\(what): unescaped \(c) in: \(line)", sourceLocation: sourceLocation)
            }
        }
        // Each table (a run of lines starting with "|") keeps the same number of cell pipes on every row.
        var table: [Substring] = []
        func finish() {
            if let first = table.first {
                let expected = unescaped("|", in: first)
                for row in table {
                    #expect(unescaped("|", in: row) == expected, "\(what): a row with another pipe count:\n\(row)\nheader:\n\(first)",
                            sourceLocation: sourceLocation)
                }
            }
            table = []
        }
        for line in lines {
            if line.hasPrefix("|") { table.append(line) } else { finish() }
        }
        finish()
    }

    /// HTML in which the payload is text: no element or attribute of its own.
    static func expectInertHTML(_ html: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(html.contains("ZQX"), "\(what): the payload is missing", sourceLocation: sourceLocation)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(what)", sourceLocation: sourceLocation)
        for live in ["<script", "<img", "href=\"javascript", "href='javascript"] {
            #expect(!html.contains(live), "\(what): \(live) is live\n\(html)", sourceLocation: sourceLocation)
        }
    }

    @Test("export --format markdown and html: the payload in every field is inert and the tables stay intact")
    func exportEscapesEveryField() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: [
                "01.yaml": Self.hostileRecommendation(1), "02.yaml": Fixture.recommendationWithAction(2),
            ])
            let check = run(["check"], in: plan)
            #expect(check.status == 0, "\(check)")

            let markdown = run(["export", "--format", "markdown"], in: plan)
            #expect(markdown.status == 0, "\(markdown)")
            Self.expectInertMarkdown(markdown.stdout, "export markdown")

            let html = run(["export", "--format", "html"], in: plan)
            #expect(html.status == 0, "\(html)")
            Self.expectInertHTML(html.stdout, "export html")
        }
    }

    @Test("status --format html and markdown: owners and titles carrying the payload are inert")
    func statusEscapes() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: [
                "01.yaml": Self.hostileRecommendation(1), "02.yaml": Fixture.recommendationWithAction(2),
            ])
            try GitFixture.replace("title: Test plan", with: "title: '\(Self.payload)'", in: plan.appendingPathComponent("plan.yaml"))
            // (Today: a day in the past would need the plan's git history.)
            let html = run(["status", "--format", "html"], in: plan)
            #expect(html.status == 0, "\(html)")
            Self.expectInertHTML(html.stdout, "status html")
            let markdown = run(["status", "--format", "markdown"], in: plan)
            #expect(markdown.status == 0, "\(markdown)")
            Self.expectInertMarkdown(markdown.stdout, "status markdown")
        }
    }

    @Test("diff --format markdown: a change to the payload is inert")
    func diffEscapes() throws {
        try withTemporaryDirectory { dir in
            let repo = dir.appendingPathComponent("repo")
            try Fixture.plan(at: ".", in: repo, recommendations: ["01.yaml": Fixture.recommendationWithAction(1)])
            try gitOK(["init", "-q", "-b", "main"], in: repo)
            try gitOK(["add", "-A"], in: repo)
            try gitOK(["commit", "-q", "-m", "Plan"], in: repo)
            try write(Self.hostileRecommendation(1), to: "recommendations/01.yaml", in: repo)
            try gitOK(["commit", "-q", "-a", "-m", "Hostile"], in: repo)
            let diff = run(["diff", "HEAD~1", "HEAD", "--format", "markdown"], in: repo)
            #expect(diff.status == 0, "\(diff)")
            Self.expectInertMarkdown(diff.stdout, "diff markdown")
        }
    }

    // MARK: Links out of the repository

    @Test("a recommendations folder or plan.yaml that is a link out of the repository is reported and never read")
    func linksOutOfThePlanAreNotFollowed() throws {
        try withTemporaryDirectory { dir in
            let secret = "SECRET-OUTSIDE-THE-REPOSITORY"
            let outside = dir.appendingPathComponent("outside")
            try write(Fixture.recommendation(1).replacingOccurrences(of: "Improve the quality", with: secret), to: "recs/01.yaml", in: outside)
            try write(Fixture.planYAML.replacingOccurrences(of: "Test plan", with: secret), to: "plan.yaml", in: outside)
            let repo = dir.appendingPathComponent("repo")
            let plan = try Fixture.plan(at: "plan", in: repo)
            try gitOK(["init", "-q", "-b", "main"], in: repo)
            let recommendations = plan.appendingPathComponent("recommendations")
            try FileManager.default.removeItem(at: recommendations)
            try FileManager.default.createSymbolicLink(atPath: recommendations.path, withDestinationPath: "../../outside/recs")

            for command in [["check"], ["lint", "--as-of", "2024-06-01"], ["fmt"], ["export", "--format", "markdown"],
                            ["status"]] {
                let result = run(command, in: plan)
                HostileInputTests.expectNoCrash(result)
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(command[0]) read through the link: \(result)")
                #expect(result.status == 1, "\(command[0]): \(result)")
                if command[0] != "status" {
                    #expect(result.errors.contains { $0.path == "recommendations" && $0.rule == "unreadable-file" && $0.message.contains("symbolic link") },
                            "\(command[0]): \(result)")
                }
            }
            #expect(bytes(of: outside.appendingPathComponent("recs/01.yaml")).map { String(decoding: $0, as: UTF8.self) }?.contains(secret) == true)

            // plan.yaml itself a link out: reported, not read.
            try FileManager.default.removeItem(at: recommendations)
            try FileManager.default.createDirectory(at: recommendations, withIntermediateDirectories: false)
            try FileManager.default.removeItem(at: plan.appendingPathComponent("plan.yaml"))
            try FileManager.default.createSymbolicLink(atPath: plan.appendingPathComponent("plan.yaml").path,
                                                       withDestinationPath: "../../outside/plan.yaml")
            let check = run(["check", "--plan", plan.path], in: repo)
            HostileInputTests.expectNoCrash(check)
            #expect(check.status == 1, "\(check)")
            #expect(!check.stdout.contains(secret) && !check.stderr.contains(secret), "\(check)")
            #expect(check.errors.contains { $0.path.hasSuffix("plan.yaml") && $0.rule == "unreadable-file" }, "\(check)")
        }
    }

    // MARK: Where plantool writes

    /// Every path under `folder` (links not followed), relative to it, without .git.
    static func tree(_ folder: URL) -> Set<String> {
        var paths = Set<String>()
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return paths }
        while let path = enumerator.nextObject() as? String {
            if path == ".git" || path.hasPrefix(".git/") { continue }
            paths.insert(path)
        }
        return paths
    }

    @Test("import of a CSV whose number would make a path (../, -1, 1e3, /etc) is refused; a good one writes only in DIR")
    func importWritesOnlyInTheTarget() throws {
        try withTemporaryDirectory { dir in
            let repo = dir.appendingPathComponent("repo")
            let plan = try Fixture.plan(at: "plan", in: repo, recommendations: ["01.yaml": Fixture.recommendationWithAction(1)])
            try gitOK(["init", "-q", "-b", "main"], in: repo)
            try gitOK(["add", "-A"], in: repo)
            try gitOK(["commit", "-q", "-m", "Plan"], in: repo)
            let export = run(["export", "--format", "csv", "-o", dir.appendingPathComponent("plan.csv").path], in: plan)
            #expect(export.status == 0, "\(export)")
            let csv = try String(contentsOf: dir.appendingPathComponent("plan.csv"), encoding: .utf8)
            var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.count >= 2 && lines[1].hasPrefix("1,"), "\(csv)")

            let before = Self.tree(dir)
            for number in ["../../evil", "-1", "1e3", "/etc/evil", "01/../../02", "\"../x\""] {
                lines[1] = number + lines[1].dropFirst(1)
                try write(lines.joined(separator: "\n"), to: "crafted.csv", in: dir)
                let result = run(["import", dir.appendingPathComponent("crafted.csv").path, "--into", "plan", "--replace"], in: repo)
                HostileInputTests.expectNoCrash(result)
                #expect(result.status == 2, "\(number): \(result)")
                #expect(result.stderr.contains("crafted.csv:2:"), "\(number): \(result)")
                #expect(result.stderr.contains("nothing was written"), "\(number): \(result)")
                #expect(Self.tree(dir) == before.union(["crafted.csv"]), "\(number): something was written")
            }

            // A good import replaces files in DIR and nowhere else.
            let good = run(["import", dir.appendingPathComponent("plan.csv").path, "--into", "plan", "--replace"], in: repo)
            #expect(good.status == 0, "\(good)")
            let added = Self.tree(dir).subtracting(before).subtracting(["crafted.csv"])
            #expect(added.allSatisfy { $0.hasPrefix("repo/plan/") }, "\(added)")
        }
    }

    @Test("export -o writes the named file only: through a linked folder the link is the user's own path; a link at the file itself is replaced, not written through")
    func exportOutputPath() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": Fixture.recommendationWithAction(1)])
            let elsewhere = dir.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            let victim = try write("precious\n", to: "elsewhere/victim.md", in: dir)

            // -o naming an existing link: the link is replaced by the export; its target is untouched.
            let link = plan.appendingPathComponent("out.md")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: victim.path)
            let replaced = run(["export", "-o", "out.md"], in: plan)
            #expect(replaced.status == 0, "\(replaced)")
            #expect(bytes(of: victim) == Array("precious\n".utf8), "export wrote through the link")
            let type = try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType
            #expect(type == .typeRegular)

            // -o through a linked folder the user names: written where the path leads, as any
            // program does; the folder's other files are untouched, no temporary file is left.
            let linkedFolder = plan.appendingPathComponent("published")
            try FileManager.default.createSymbolicLink(atPath: linkedFolder.path, withDestinationPath: elsewhere.path)
            let through = run(["export", "-o", "published/plan.html"], in: plan)
            #expect(through.status == 0, "\(through)")
            #expect(Self.tree(elsewhere) == ["victim.md", "plan.html"])
            #expect(bytes(of: victim) == Array("precious\n".utf8))

            // A plan with errors writes nothing at all.
            try write("number: 1\n", to: "recommendations/01.yaml", in: plan)
            let broken = run(["export", "-o", "broken.html"], in: plan)
            #expect(broken.status == 1, "\(broken)")
            #expect(!exists(plan.appendingPathComponent("broken.html")))
        }
    }

    // MARK: No shell

    /// The one shell script in the sources: the pre-commit hook `plantool hook install` writes
    /// (git runs it, plantool never does). It holds no plan data, only plantool's own path,
    /// single-quoted with its quotes escaped.
    static let allowed: Set<String> = ["Sources/PlanWorkflow/Hooks.swift: /bin/sh"]

    @Test("plantool's sources start no process and run no shell: no Process, system, popen, posix_spawn, exec or fork")
    func sourcesRunNoShell() throws {
        let sources = PackagePaths.root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        var scanned = 0
        var found: [String] = []
        let forbidden = ["Process(", "Process.run", "NSTask", "system(", "popen(", "posix_spawn", "execv", "execl", "fork(", "/bin/sh"]
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".swift") || path.hasSuffix(".c") || path.hasSuffix(".h") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            scanned += 1
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") || code.hasPrefix("///") { continue }
                for word in forbidden where line.contains(word) && !Self.allowed.contains("Sources/\(path): \(word)") {
                    found.append("Sources/\(path):\(number + 1): \(word)")
                }
            }
        }
        #expect(scanned > 20)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
