import Foundation
import Testing

/// `plantool status` on a repository whose history is built here with pinned dates.
@Suite("plantool status")
struct StatusTests {
    /// A recommendation file with the given actions (YAML lines under `actions:`).
    static func rec(_ number: Int, _ actions: String) -> String {
        """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: \(number)
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
        \(actions)
        """
    }

    static func action(_ id: String, owner: String, target: String, state: String = "planned", updates: String = "") -> String {
        var text = """
              - id: "\(id)"
                text: Publish revised recall guidance for all probation regions
                owners:
                  - \(owner)
                target: \(target)
                state: \(state)

            """
        if !updates.isEmpty { text += "    updates:\n" + updates }
        return text
    }

    static func update(_ date: String, target: String? = nil, state: String? = nil) -> String {
        var text = "      - date: \(date)\n        text: Progress reported to the board\n"
        if let state { text += "        state: \(state)\n" }
        if let target { text += "        target: \(target)\n" }
        return text
    }

    /// Three commits:
    /// - 2021-01-10: 1.1 (PPG, 2021-03), 1.2 (PPG, 2021-06), 2.1 (EPSIG, 2021-02, completed),
    ///   2.2 (EPSIG, 2021-11), 3.1 (Courts, 2021-08);
    /// - 2021-04-15: an update moves 1.1 to 2021-09; an update completes 1.2;
    /// - 2021-10-20: a second update moves 1.1 to 2022-01; 2.2's own target is edited to 2021-12.
    static func repository(in dir: URL) throws -> URL {
        let repo = dir.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try gitOK(["init", "-q", "-b", "main"], in: repo)
        let plan = try Fixture.plan(at: "plan", in: repo)
        let ppg = "Deputy Director, Public Protection Group"
        let epsig = "Deputy Director, Effective Practice"
        let courts = "Probation Deputy Director, Courts"
        func commit(_ day: String, _ files: [Int: String]) throws {
            for (n, text) in files { _ = try write(text, to: "recommendations/0\(n).yaml", in: plan) }
            try gitOK(["add", "-A"], in: repo)
            let date = "\(day)T12:00:00+00:00"
            try gitOK(["commit", "-q", "-m", "Plan as of \(day)"], in: repo,
                      env: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
        }
        let rec2v1 = rec(2, action("2.1", owner: epsig, target: "2021-02", state: "completed") + action("2.2", owner: epsig, target: "2021-11"))
        let rec3 = rec(3, action("3.1", owner: courts, target: "2021-08"))
        try commit("2021-01-10", [
            1: rec(1, action("1.1", owner: ppg, target: "2021-03") + action("1.2", owner: ppg, target: "2021-06")),
            2: rec2v1, 3: rec3,
        ])
        try commit("2021-04-15", [
            1: rec(1, action("1.1", owner: ppg, target: "2021-03", updates: update("2021-04", target: "2021-09"))
                + action("1.2", owner: ppg, target: "2021-06", updates: update("2021-04", state: "completed"))),
        ])
        try commit("2021-10-20", [
            1: rec(1, action("1.1", owner: ppg, target: "2021-03",
                             updates: update("2021-04", target: "2021-09") + update("2021-10", target: "2022-01"))
                + action("1.2", owner: ppg, target: "2021-06", updates: update("2021-04", state: "completed"))),
            2: rec(2, action("2.1", owner: epsig, target: "2021-02", state: "completed") + action("2.2", owner: epsig, target: "2021-12")),
        ])
        return repo
    }

    static func json(_ result: RunResult) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let report = try #require(object as? [String: Any])
        let plans = try #require(report["plans"] as? [[String: Any]])
        return try #require(plans.first)
    }

    static func actions(_ list: Any?) -> [String] {
        ((list as? [[String: Any]]) ?? []).compactMap { $0["action"] as? String }
    }

    @Test("overdue, due soon, completed and a target slipped twice, as of the last update")
    func asOfLastUpdate() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            let result = run(["status", "--plan", "plan", "--as-of", "2021-12-07", "--format", "json"], in: repo)
            #expect(result.status == 0, "\(result)")
            let plan = try Self.json(result)
            let source = try #require(plan["source"] as? [String: Any])
            #expect(source["kind"] as? String == "commit")
            #expect(source["date"] as? String == "2021-10-20")

            let overdue = try #require(plan["overdue"] as? [[String: Any]])
            #expect(Self.actions(overdue) == ["3.1"])
            #expect(overdue.first?["monthsLate"] as? Int == 3)  // 31 August to 7 December
            #expect(Self.actions(plan["dueSoon"]) == ["2.2", "1.1"])

            let states = try #require(plan["actionsByState"] as? [[String: Any]])
            let count = Dictionary(uniqueKeysWithValues: states.map { ($0["state"] as? String ?? "", $0["count"] as? Int ?? -1) })
            #expect(count["completed"] == 2)
            #expect(count["planned"] == 3)

            let slips = try #require(plan["slippage"] as? [[String: Any]])
            #expect(Self.actions(slips) == ["1.1", "2.2"])
            #expect(slips[0]["times"] as? Int == 2)
            #expect(slips[0]["monthsSlipped"] as? Int == 10)  // 2021-03 → 2021-09 → 2022-01
            #expect(slips[0]["firstTarget"] as? String == "2021-03")
            #expect(slips[0]["currentTarget"] as? String == "2022-01")
            let moves = try #require(slips[1]["moves"] as? [[String: Any]])
            #expect(moves.first?["how"] as? String == "commit")  // 2.2's own target edited, no update
            #expect(moves.first?["when"] as? String == "2021-10-20")

            let owners = try #require(plan["owners"] as? [[String: Any]])
            let ppg = try #require(owners.first { $0["owner"] as? String == "Deputy Director, Public Protection Group" })
            #expect(ppg["open"] as? Int == 1)
            #expect(ppg["completed"] as? Int == 1)
            let courts = try #require(owners.first { $0["owner"] as? String == "Probation Deputy Director, Courts" })
            #expect(courts["overdue"] as? Int == 1)
        }
    }

    @Test("--as-of before the latest commit reads the plan as it was then")
    func asOfEarlier() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            let result = run(["status", "--plan", "plan", "--as-of", "2021-05-01", "--format", "json"], in: repo)
            #expect(result.status == 0, "\(result)")
            let plan = try Self.json(result)
            #expect((plan["source"] as? [String: Any])?["date"] as? String == "2021-04-15")
            // 1.1 had slipped once then; 2.2 had not moved; 3.1 (August) was due within 3 months.
            let slips = try #require(plan["slippage"] as? [[String: Any]])
            #expect(Self.actions(slips) == ["1.1"])
            #expect(slips.first?["times"] as? Int == 1)
            #expect(slips.first?["monthsSlipped"] as? Int == 6)
            #expect(Self.actions(plan["dueSoon"]) == ["3.1"])
            #expect(Self.actions(plan["overdue"]).isEmpty)

            // Before the history starts: from the plan's own dated updates.
            let before = run(["status", "--plan", "plan", "--as-of", "2020-12-31"], in: repo)
            #expect(before.status == 0, "\(before)")
            #expect(before.stdout.contains("As of 31 December 2020, from the plan's own dated updates, not git history"), "\(before)")
        }
    }

    @Test("--owner narrows the report; text, markdown and html say the same")
    func ownerAndFormats() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            let json = run(["status", "--plan", "plan", "--as-of", "2021-12-07", "--owner", "courts", "--format", "json"], in: repo)
            let plan = try Self.json(json)
            #expect(Self.actions(plan["overdue"]) == ["3.1"])
            #expect(Self.actions(plan["dueSoon"]).isEmpty)
            #expect(((plan["owners"] as? [[String: Any]]) ?? []).count == 1)

            let text = run(["status", "--plan", "plan", "--as-of", "2021-12-07"], in: repo)
            #expect(text.status == 0, "\(text)")
            #expect(text.stdout.contains("3.1  target August 2021, 3 months late"), "\(text.stdout)")
            #expect(text.stdout.contains("1.1  slipped twice, 10 months in all: March 2021 → January 2022"), "\(text.stdout)")

            let markdown = run(["status", "--plan", "plan", "--as-of", "2021-12-07", "--format", "markdown"], in: repo)
            #expect(markdown.stdout.contains("| 1.1 | 2 | 10 | March 2021 | January 2022 |"), "\(markdown.stdout)")

            let page = dir.appendingPathComponent("status.html")
            let html = run(["status", "--plan", "plan", "--as-of", "2021-12-07", "--format", "html", "-o", page.path], in: repo)
            #expect(html.status == 0, "\(html)")
            let content = try String(contentsOf: page, encoding: .utf8)
            #expect(content.hasPrefix("<!DOCTYPE html>"))
            #expect(content.contains("<svg"))
            #expect(content.contains("<polyline"))
            // Self-contained: no external reference.
            #expect(!content.contains("src="))
            #expect(!content.contains("href="))
            #expect(!content.contains("<script"))
            // The chart's figures: three days of history.
            #expect(content.contains("<th scope=\"row\">2021-01-10</th>"))
            #expect(content.contains("<th scope=\"row\">2021-10-20</th>"))
        }
    }

    @Test("--all reports every plan and their owners together")
    func allPlans() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            let second = try Fixture.plan(at: "second", in: repo, recommendations: ["01.yaml": Fixture.recommendationWithAction(1)])
            _ = second
            try gitOK(["add", "-A"], in: repo)
            try gitOK(["commit", "-q", "-m", "Second plan"], in: repo)
            let result = run(["status", "--all", "--format", "json"], in: repo)
            #expect(result.status == 0, "\(result)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(((object["plans"] as? [[String: Any]]) ?? []).count == 2)
            let owners = try #require(object["owners"] as? [[String: Any]])
            let ppg = try #require(owners.first { $0["owner"] as? String == "Deputy Director, Public Protection Group" })
            #expect(ppg["open"] as? Int == 2)  // 1.1 of the first plan, 1.1 of the second
        }
    }

    @Test("bad arguments exit 2")
    func badArguments() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            for args in [["status", "--as-of", "2021-13-01"], ["status", "--due-within", "-1"], ["status", "--format", "pdf"],
                         ["status", "--all", "--plan", "plan"], ["status", "--owner", " "]] {
                let result = run(args, in: repo)
                #expect(result.status == 2, "\(args): \(result)")
            }
        }
    }
    @Test("on the recall-culture demo, as of the December 2021 update: the README shows the real output")
    func demoAsOfUpdate() throws {
        try withTemporaryDirectory { dir in
            let (repo, _) = try Demo.build(in: dir)
            let result = run(["status", "--as-of", "2021-12-07"], in: repo)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("11 actions: 4 planned, 0 in progress, 7 completed, 0 ongoing, 0 dropped"), "\(result.stdout)")
            // The Part B pilot: July 2021 → March 2022, recorded by the December 2021 update.
            #expect(result.stdout.contains("5.1  slipped once, 8 months in all: July 2021 → March 2022"), "\(result.stdout)")
            #expect(result.stdout.contains("Slipped targets: 4"), "\(result.stdout)")

            // The README's block after "$ plantool status --as-of 2021-12-07" is this output.
            let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
            let marker = "$ plantool status --as-of 2021-12-07\n"
            let start = try #require(readme.range(of: marker))
            let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
            #expect(String(readme[start.upperBound..<end.lowerBound]) == result.stdout)
        }
    }

    @Test("-o chooses the format by its extension, as export does; --format wins; an unknown extension is a usage error")
    func outputExtension() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            func status(_ extra: [String]) -> RunResult { run(["status", "--plan", "plan", "--as-of", "2021-12-07"] + extra, in: repo) }
            func standardOutput(_ format: String) -> String { status(["--format", format]).stdout }
            func written(_ name: String, _ extra: [String] = []) throws -> String {
                let file = dir.appendingPathComponent(name)
                let result = status(extra + ["-o", file.path])
                #expect(result.status == 0, "\(name): \(result)")
                return try String(contentsOf: file, encoding: .utf8)
            }
            let text = standardOutput("text"), markdown = standardOutput("markdown")
            let json = standardOutput("json"), html = standardOutput("html")
            #expect(Set([text, markdown, json, html]).count == 4)
            #expect(try written("status.txt") == text)
            #expect(try written("status") == text)
            #expect(try written("status.md") == markdown)
            #expect(try written("status.markdown") == markdown)
            #expect(try written("status.html") == html)
            #expect(try written("status.HTM") == html)
            #expect(try written("status.json") == json)
            #expect(try written("given.html", ["--format", "json"]) == json)
            #expect(try written("given.csv", ["--format", "text"]) == text)

            for name in ["status.csv", "status.pdf"] {
                let file = dir.appendingPathComponent(name)
                let result = status(["-o", file.path])
                #expect(result.status == 2, "\(result)")
                let ext = "'." + file.pathExtension + "'"
                #expect(result.stderr.contains("cannot tell the format from \(ext): give --format text, markdown, json or html"), "\(result)")
                #expect(!exists(file))
            }
        }
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("the HTML page: overdue rows marked, the chart up to the as-of day, one title and one heading")
    func htmlPage() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            let result = run(["status", "--plan", "plan", "--as-of", "2021-12-07", "--format", "html"], in: repo)
            #expect(result.status == 0, "\(result)")
            let page = result.stdout
            #expect(Self.count("<title", in: page) == 1, "\(page)")
            #expect(Self.count("<h1", in: page) == 1, "\(page)")
            // 3.1 is the one overdue action: its row carries the class and the word, not colour alone.
            #expect(page.contains("<tr class=\"overdue\"><th scope=\"row\"><span class=\"flag\">Overdue</span>3.1</th>"), "\(page)")
            #expect(Self.count("<tr class=\"overdue\">", in: page) == 1)
            // The last commit is of 20 October; the chart and its figures run to the as-of day.
            #expect(page.contains("aria-label=\"Actions by state from 10 January 2021 to 7 December 2021\""), "\(page)")
            #expect(page.contains("<th scope=\"row\">2021-12-07</th>"), "\(page)")

            // In February 2022, 1.1 and 2.2 are overdue and slipped: marked in both tables.
            let later = run(["status", "--plan", "plan", "--as-of", "2022-02-15", "--format", "html"], in: repo)
            #expect(Self.count("<tr class=\"overdue\">", in: later.stdout) == 5, "\(later.stdout)")
            #expect(Self.count("<span class=\"flag\">Overdue</span>1.1</th>", in: later.stdout) == 2, "\(later.stdout)")
        }
    }

    /// The x coordinates of the chart's first line, in the order drawn.
    static func chartXs(_ page: String) -> [Int] {
        guard let start = page.range(of: "<polyline"), let points = page.range(of: "points=\"", range: start.upperBound..<page.endIndex),
              let end = page.range(of: "\"", range: points.upperBound..<page.endIndex) else { return [] }
        return page[points.upperBound..<end.lowerBound].split(separator: " ").compactMap { Int($0.split(separator: ",")[0]) }
    }

    @Test("history points in date order when commit dates go backwards")
    func commitsOutOfOrder() throws {
        try withTemporaryDirectory { dir in
            let repo = dir.appendingPathComponent("repo")
            try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
            try gitOK(["init", "-q", "-b", "main"], in: repo)
            let plan = try Fixture.plan(at: "plan", in: repo)
            let owner = "Deputy Director, Public Protection Group"
            // Committed in this order; the third is dated before the second.
            for (day, state) in [("2021-01-10", "planned"), ("2021-06-01", "in-progress"), ("2021-03-01", "completed"), ("2021-09-01", "ongoing")] {
                _ = try write(Self.rec(1, Self.action("1.1", owner: owner, target: "2022-03", state: state)), to: "recommendations/01.yaml", in: plan)
                try gitOK(["add", "-A"], in: repo)
                let date = "\(day)T12:00:00+00:00"
                try gitOK(["commit", "-q", "-m", "State \(state)"], in: repo, env: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
            }
            let json = run(["status", "--plan", "plan", "--as-of", "2021-12-07", "--format", "json"], in: repo)
            #expect(json.status == 0, "\(json)")
            let timeline = try #require(try Self.json(json)["timeline"] as? [[String: Any]])
            // From March, --as-of reads the March commit (made after June's), so June's point is hidden.
            #expect(timeline.compactMap { $0["date"] as? String } == ["2021-01-10", "2021-03-01", "2021-09-01", "2021-12-07"])

            let html = run(["status", "--plan", "plan", "--as-of", "2021-12-07", "--format", "html"], in: repo)
            // Drawn in steps: each point after the first is reached across, then up or down.
            let xs = Self.chartXs(html.stdout)
            #expect(Set(xs).count == 4 && xs.count == 7, "\(html.stdout)")
            #expect(xs == xs.sorted(), "\(xs)")
            let rows = ["2021-01-10", "2021-03-01", "2021-09-01", "2021-12-07"].compactMap { html.stdout.range(of: "<th scope=\"row\">\($0)</th>")?.lowerBound }
            #expect(rows.count == 4 && rows == rows.sorted(), "\(html.stdout)")
        }
    }

    @Test("a file of the history whose object is missing is an error naming it, not a version skipped")
    func missingObjectInHistory() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            // 01.yaml as the second commit left it: neither in the working tree nor at HEAD.
            let id = try gitOK(["rev-parse", "HEAD~1:plan/recommendations/01.yaml"], in: repo)
            try FileManager.default.removeItem(at: repo.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))"))
            for arguments in [["status", "--plan", "plan", "--format", "json"], ["status", "--plan", "plan", "--as-of", "2021-12-07"]] {
                let result = run(arguments, in: repo)
                #expect(result.status != 0 && result.status < 128, "\(arguments): \(result)")
                #expect(result.stdout.isEmpty, "\(arguments): \(result)")
                #expect(result.stderr.contains(String(id.prefix(7))), "\(arguments): \(result)")
            }
            // A day before that commit does not need the object.
            #expect(run(["status", "--plan", "plan", "--as-of", "2021-02-01"], in: repo).status == 0)
        }
    }
}
