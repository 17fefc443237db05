import Foundation
import Testing

/// `plantool form export` and `form import` through the built binary, on a copy of the recall
/// plan in a real git repository, with the form filled by python-docx as Word fills it.
@Suite("form export and import")
struct FormRoundTripTests {
    static let owner = "Deputy Director, Public Protection Group"

    /// Fills a form: argv[1] the form, argv[2] the filled copy, argv[3] JSON {row id: {column: text}};
    /// a text is written as several runs, "\n\n" starts a new paragraph, and "~" is a
    /// non-breaking space. argv[4], when given, is the day Word saved it (core modified date).
    static let filler = """
        import datetime, docx, json, sys
        document = docx.Document(sys.argv[1])
        fills = json.loads(sys.argv[3])
        for table in document.tables:
            header = [cell.text for cell in table.rows[0].cells]
            for row in table.rows[1:]:
                cells = row.cells
                for column, text in fills.get(cells[0].text, {}).items():
                    cell = cells[header.index(column)]
                    for paragraph in list(cell.paragraphs):
                        for run in list(paragraph.runs): run._r.getparent().remove(run._r)
                    for number, part in enumerate(text.replace('~', '\\u00a0').split('\\n\\n')):
                        paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                        middle = len(part) // 2
                        paragraph.add_run(part[:middle])
                        paragraph.add_run(part[middle:]).bold = True
        if len(sys.argv) > 4:
            document.core_properties.modified = datetime.datetime.fromisoformat(sys.argv[4])
        document.save(sys.argv[2])
        """

    static func fill(_ form: URL, to filled: URL, _ fills: [String: [String: String]], saved: String? = nil, in dir: URL) throws {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: fills), as: UTF8.self)
        let python = Faults.tool("/usr/bin/env", ["python3", "-c", filler, form.path, filled.path, json] + (saved.map { [$0] } ?? []), in: dir)
        try #require(python.status == 0, "\(python)")
    }

    /// The repository with the recall plan at `plan/` and the form for the Public Protection Group's owner.
    static func setUp(_ dir: URL) throws -> (repo: URL, plan: URL, form: URL) {
        let repo = try GitFixture.repository(in: dir)
        let plan = repo.appendingPathComponent("plan")
        let form = dir.appendingPathComponent("ppg.docx")
        let export = run(["form", "export", "--owner", "public protection", "-o", form.path], in: plan)
        try #require(export.status == 0, "\(export)")
        #expect(export.stdout == "wrote \(form.path): 1 open action of \(owner)\n")
        return (repo, plan, form)
    }

    @Test("an owner's filled form becomes an update with the new target on a draft, committed in the owner's name")
    func roundTrip() throws {
        try withTemporaryDirectory { dir in
            let (repo, plan, form) = try Self.setUp(dir)
            let filled = dir.appendingPathComponent("filled.docx")
            try Self.fill(form, to: filled, ["5.1": [
                "Progress update": "The pilot ended in March~2022 and   the 15-day timescale is now national policy.\n\nThe evaluation is published.",
                "New target date": "March~2023",
            ]], saved: "2022-12-05T10:30:00", in: dir)
            let result = run(["form", "import", filled.path], in: plan)
            #expect(result.status == 0, "\(result)")
            let branches = try gitOK(["for-each-ref", "--format=%(refname:short)", "refs/heads/draft/"], in: repo)
            #expect(branches.hasPrefix("draft/forms-") && !branches.contains("\n"), "\(branches)")
            #expect(try gitOK(["symbolic-ref", "--short", "HEAD"], in: repo) == branches)
            let message = try gitOK(["log", "-1", "--format=%s", branches], in: repo)
            #expect(message == "Progress from \(Self.owner): action 5.1 (form of 5 December 2022)")
            let rec5 = try gitOK(["show", "\(branches):plan/recommendations/05.yaml"], in: repo)
            #expect(rec5.contains("date: \"2022-12-05\""), "\(rec5)")
            #expect(rec5.contains("target: 2023-03"), "\(rec5)")
            #expect(rec5.contains("The pilot ended in March 2022 and the 15-day timescale is now national policy."), "\(rec5)")
            #expect(rec5.contains("The evaluation is published."), "\(rec5)")
            #expect(try gitOK(["rev-list", "--count", "main..\(branches)"], in: repo) == "1")
            #expect(try gitOK(["diff", "--name-only", "main", branches], in: repo) == "plan/recommendations/05.yaml")
            let lint = run(["lint"], in: plan)
            #expect(lint.status == 0, "\(lint)")
            #expect(run(["fmt", "--check"], in: plan).status == 0)
            #expect(result.stdout.contains("recorded 1 update of \(Self.owner) dated 2022-12-05: 5.1"), "\(result)")

            // The same form again: its action has changed since it was made.
            let before = try RepositoryState.of(repo)
            let again = run(["form", "import", filled.path], in: plan)
            #expect(again.status != 0 && again.stderr.contains("action 5.1 changed since it was made"), "\(again)")
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("the same form as CSV, filled in a spreadsheet, is recorded the same way on the draft --draft names")
    func csvForm() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let csv = dir.appendingPathComponent("ppg.csv")
            #expect(run(["form", "export", "--owner", "public protection", "-o", csv.path], in: plan).status == 0)
            var text = try #require(GitFixture.text(of: csv))
            #expect(text.hasPrefix("\u{FEFF}Action,Action text,Current target,Current state,Progress update,New state,New target date\r\n"))
            text = text.replacingOccurrences(of: ",March 2022,Planned,,,\r\n", with: ",March 2022,Planned,\"Pilot evaluated, policy changed\",completed,\r\n")
            // Saved in the plan's folder, as an owner might: it is not committed with the updates.
            _ = try write(text, to: "filled.csv", in: plan)
            let result = run(["form", "import", "filled.csv", "--draft", "december-round"], in: plan)
            #expect(result.status == 0, "\(result)")
            let rec5 = try gitOK(["show", "draft/december-round:plan/recommendations/05.yaml"], in: repo)
            #expect(rec5.contains("Pilot evaluated, policy changed") && rec5.contains("state: completed"), "\(rec5)")
            #expect(try gitOK(["log", "-1", "--format=%s", "draft/december-round"], in: repo).contains(Self.owner))
            #expect(try gitOK(["diff", "--name-only", "main", "draft/december-round"], in: repo) == "plan/recommendations/05.yaml")
        }
    }

    @Test("a bad form is refused with the reason, non-zero, nothing committed and no branch moved",
          arguments: ["stale", "unknown id", "edited id", "not a form", "bad date", "bad state", "would not lint", "nothing filled"])
    func refused(_ kind: String) throws {
        try withTemporaryDirectory { dir in
            let (repo, plan, form) = try Self.setUp(dir)
            var fills = ["5.1": ["Progress update": "Done", "New target date": "March 2023"]]
            var file = dir.appendingPathComponent("filled.docx")
            var expected = ""
            var saved: String?
            switch kind {
            case "stale":
                try GitFixture.replace("    target: 2021-07\n", with: "    target: 2021-08\n", in: plan.appendingPathComponent("recommendations/05.yaml"))
                try gitOK(["commit", "-qam", "Move 5.1"], in: repo)
                expected = "action 5.1 changed since it was made"
            case "unknown id":
                fills = ["5.1": ["Action": "9.9", "Progress update": "Done"]]
                expected = "\"9.9\" is not an action of the plan"
            case "edited id":
                fills = ["5.1": ["Action": "3.2", "Progress update": "Done"]]
                expected = "action 3.2 was not on this form when it was made"
            case "not a form":
                file = dir.appendingPathComponent("plan.docx")
                #expect(run(["export", "-o", file.path], in: plan).status == 0)
                expected = "not an owner's form"
            case "bad date":
                fills = ["5.1": ["Progress update": "Slipped", "New target date": "Marchember 2023"]]
                expected = "New target date \"Marchember 2023\" is not a date"
            case "bad state":
                fills = ["5.1": ["Progress update": "Nearly there", "New state": "finished"]]
                expected = "New state \"finished\" is not a state"
            case "would not lint":
                saved = "2021-06-01T09:00:00"  // before the action's update of December 2021
                expected = "error: update 2021-06-01 of action 5.1 comes after the update of 2021-12"
            default:
                fills = [:]
                expected = "the form has no filled rows"
            }
            if kind != "not a form" { try Self.fill(form, to: file, fills, saved: saved, in: dir) }
            let before = try RepositoryState.of(repo)
            let result = run(["form", "import", file.path], in: plan)
            #expect(result.status != 0, "\(result)")
            #expect((result.stdout + result.stderr).contains(expected), "\(result)")
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    static let soffice = Faults.executable(["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"])

    @Test("a form saved again by LibreOffice keeps its table and custom properties and imports",
          .enabled(if: soffice != nil, "LibreOffice (soffice) is not installed; scripts/setup installs it"))
    func savedByLibreOffice() throws {
        try withTemporaryDirectory { dir in
            let (repo, plan, form) = try Self.setUp(dir)
            let filled = dir.appendingPathComponent("filled.docx")
            try Self.fill(form, to: filled, ["5.1": ["Progress update": "Evaluated", "New target date": "Q2 2023"]], saved: "2022-12-05T09:00:00", in: dir)
            let out = dir.appendingPathComponent("resaved")
            let profile = dir.appendingPathComponent("libreoffice-profile")
            let convert = runProcess(URL(fileURLWithPath: try #require(Self.soffice)),
                                     ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                                      "--outdir", out.path, filled.path], in: dir, environment: TestEnvironment.make(), timeout: 240)
            try #require(convert.status == 0, "\(convert)")
            let result = run(["form", "import", out.appendingPathComponent("filled.docx").path, "--draft", "resaved"], in: plan)
            #expect(result.status == 0, "\(result)")
            #expect(try gitOK(["show", "draft/resaved:plan/recommendations/05.yaml"], in: repo).contains("target: 2023-Q2"))
        }
    }

    @Test("--force imports a form whose actions changed since it was made")
    func forcedStaleForm() throws {
        try withTemporaryDirectory { dir in
            let (repo, plan, form) = try Self.setUp(dir)
            try GitFixture.replace("    target: 2021-07\n", with: "    target: 2021-08\n", in: plan.appendingPathComponent("recommendations/05.yaml"))
            try gitOK(["commit", "-qam", "Move 5.1"], in: repo)
            let filled = dir.appendingPathComponent("filled.docx")
            try Self.fill(form, to: filled, ["5.1": ["Progress update": "Still running", "New state": "In progress"]], saved: "2022-12-05T09:00:00", in: dir)
            let result = run(["form", "import", filled.path, "--force", "--draft", "late"], in: plan)
            #expect(result.status == 0, "\(result)")
            let rec5 = try gitOK(["show", "draft/late:plan/recommendations/05.yaml"], in: repo)
            #expect(rec5.contains("text: Still running\n        state: in-progress"), "\(rec5)")
        }
    }

    @Test("without --owner, a form per owner into a folder; --due-within keeps actions due by then")
    func formPerOwner() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let folder = dir.appendingPathComponent("forms")
            let result = run(["form", "export", "-o", folder.path], in: repo.appendingPathComponent("plan"))
            #expect(result.status == 0, "\(result)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names == ["deputy-director-prisons-director-general-prisons.docx", "deputy-director-public-protection-group.docx",
                              "senior-responsible-officer-for-the-probation-reform-programme.docx"])
            let lister = """
                import docx, sys, zipfile
                print(zipfile.ZipFile(sys.argv[1]).read('docProps/custom.xml').decode())
                document = docx.Document(sys.argv[1])
                for table in document.tables:
                    print('|'.join(cell.text for cell in table.rows[0].cells))
                    for row in table.rows[1:]: print(row.cells[0].text)
                """
            let python = Faults.tool("/usr/bin/env", ["python3", "-c", lister, folder.appendingPathComponent(names[2]).path], in: dir)
            #expect(python.status == 0, "\(python)")
            #expect(python.stdout.contains("Action|Action text|Current target|Current state|Progress update|New state|New target date\n3.2\n"), "\(python)")
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)
            #expect(python.stdout.contains("name=\"plantool.commit\"><vt:lpwstr>\(head)</vt:lpwstr>"), "\(python)")
            #expect(python.stdout.contains("name=\"plantool.owner\"><vt:lpwstr>Senior Responsible Officer for the Probation Reform Programme</vt:lpwstr>"))
            let none = run(["form", "export", "--owner", "nobody", "-o", dir.appendingPathComponent("x.docx").path], in: repo.appendingPathComponent("plan"))
            #expect(none.status == 1 && none.stderr.contains("no open actions have an owner whose name contains \"nobody\""), "\(none)")
        }
    }
}
