import Foundation
import PlanKit
import Testing

/// `plantool export` and `plantool import` end to end: the real binary, real files, real git.
@Suite("plantool export and import")
struct ExportImportTests {
    /// The model of the plan in `folder`, as plantool reads it.
    static func model(_ folder: URL) throws -> Plan {
        let loaded = PlanLoader.load(PlanDirectory.files(of: folder, displayRoot: folder.lastPathComponent))
        return try #require(loaded.plan, "\(loaded.diagnostics.map(\.description))")
    }

    // MARK: Export

    @Test("export writes the official table as Markdown to standard output")
    func exportMarkdownToStandardOutput() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("recall-culture-2020", into: dir)
            let result = run(["export"], in: plan)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("ACTION PLAN: A Thematic Review of Probation Recall Culture and Practice"))
            #expect(result.stdout.contains("**Action Plan Update Submitted:** 7 December 2021"), "\(result.stdout.prefix(800))")
            #expect(result.stdout.contains("Update December 2021"))
            #expect(result.stdout.contains("March 2022"))
        }
    }

    @Test("the format comes from -o's extension, and the file is written whole", arguments: ["md", "html", "csv", "json", "docx"])
    func exportFormatFromExtension(ext: String) throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("ipp-recall-2023", into: dir)
            let out = dir.appendingPathComponent("out/plan.\(ext)")
            try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            let result = run(["export", "-o", out.path], in: plan)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.isEmpty)
            let data = try #require(bytes(of: out))
            switch ext {
            case "docx": #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            case "html": #expect(String(decoding: data, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
            case "json": #expect((try? JSONSerialization.jsonObject(with: Data(data))) != nil)
            case "csv": #expect(String(decoding: data, as: UTF8.self).hasPrefix("number,"))
            default: #expect(String(decoding: data, as: UTF8.self).contains("| 1. Rec No"))
            }
            // No temporary file is left beside it.
            let left = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
            #expect(left == ["plan.\(ext)"])
        }
    }

    @Test("export --rev publishes the plan as a revision holds it")
    func exportRevision() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let rec5 = repo.appendingPathComponent("plan/recommendations/05.yaml")
            try GitFixture.replace("target: 2022-03", with: "target: 2022-09", in: rec5)
            try gitOK(["commit", "-q", "-am", "Slip 5.1"], in: repo)
            let now = run(["export", "--plan", "plan", "--format", "csv"], in: repo)
            let before = run(["export", "--plan", "plan", "--format", "csv", "--rev", "HEAD~1"], in: repo)
            #expect(now.status == 0, "\(now)")
            #expect(before.status == 0, "\(before)")
            #expect(now.stdout.contains("2022-09"))
            #expect(!before.stdout.contains("2022-09"))
            #expect(before.stdout.contains("2022-03"))
        }
    }

    @Test("bad arguments and revisions exit 2 and write nothing")
    func exportBadArguments() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let badRev = run(["export", "--rev", "no-such-tag", "-o", "x.md"], in: plan)
            #expect(badRev.status == 2, "\(badRev)")
            #expect(badRev.stderr.contains("no-such-tag"), "\(badRev)")
            #expect(!exists(plan.appendingPathComponent("x.md")))

            let badFormat = run(["export", "--format", "pdf"], in: plan)
            #expect(badFormat.status == 2, "\(badFormat)")
            let badExtension = run(["export", "-o", "plan.pdf"], in: plan)
            #expect(badExtension.status == 2, "\(badExtension)")
            #expect(badExtension.stderr.contains("--format"), "\(badExtension)")
            let folder = run(["export", "-o", "recommendations"], in: plan)
            #expect(folder.status == 2, "\(folder)")
            #expect(folder.stderr.contains("is a folder"), "\(folder)")
            let both = run(["export", "--staged", "--rev", "HEAD"], in: plan)
            #expect(both.status == 2, "\(both)")
            let status = try gitOK(["status", "--porcelain"], in: repo)
            #expect(status.isEmpty, "\(status)")
        }
    }

    @Test("a plan with errors is not exported: exit 1, the errors listed, no file")
    func exportRefusesBrokenPlan() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("recall-culture-2020", into: dir)
            try GitFixture.breakStatus(of: plan.appendingPathComponent("recommendations/03.yaml"))
            let result = run(["export", "-o", "out.html"], in: plan)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout.contains("03.yaml:8:9: error:"), "\(result)")
            #expect(result.stderr.contains("nothing was written"), "\(result)")
            #expect(!exists(plan.appendingPathComponent("out.html")))
        }
    }

    // MARK: Round trips through the command line

    @Test("export --format docx, then import, gives the same plan", arguments: Fixture.examples)
    func docxRoundTrip(example: String) throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample(example, into: dir)
            let docx = dir.appendingPathComponent("plan.docx")
            let export = run(["export", "--plan", plan.path, "-o", docx.path], in: dir)
            #expect(export.status == 0, "\(export)")
            let imported = dir.appendingPathComponent("imported")
            let result = run(["import", docx.path, "--into", imported.path], in: dir)
            #expect(result.status == 0, "\(result)")
            #expect(try Self.model(imported) == Self.model(plan))
            let check = run(["check"], in: imported)
            #expect(check.status == 0, "\(check)")
            for name in ["plan.schema.json", "recommendation.schema.json"] {
                #expect(exists(imported.appendingPathComponent("schema/\(name)")))
            }
        }
    }

    @Test("a DOCX whose XML cannot be decoded is refused with the place, and libxml2 prints nothing of its own")
    func docxUndecodableXML() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("recall-culture-2020", into: dir)
            let docx = dir.appendingPathComponent("plan.docx")
            #expect(run(["export", "--plan", plan.path, "-o", docx.path], in: dir).status == 0)
            // The same package with a document part that declares EUC-JP and holds bytes that are
            // not EUC-JP: libxml2's converter fails, outside the parser.
            let bad = dir.appendingPathComponent("bad.docx")
            let rewrite = """
                import sys, zipfile
                src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
                for item in src.infolist():
                    data = src.read(item.filename)
                    if item.filename == "word/document.xml":
                        data = b'<?xml version="1.0" encoding="EUC-JP"?>\\n<w:document>\\xff\\xfe\\x80 x</w:document>'
                    dst.writestr(item, data)
                dst.close()
                """
            let python = Faults.tool("/usr/bin/env", ["python3", "-c", rewrite, docx.path, bad.path], in: dir)
            try #require(python.status == 0, "\(python)")
            let target = dir.appendingPathComponent("imported")
            let result = run(["import", bad.path, "--into", target.path], in: dir)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("word/document.xml, line 1, column"), "\(result)")
            #expect(result.stderr.contains("is not well-formed XML: bytes that are not text in the document's declared encoding"), "\(result)")
            #expect(!result.stderr.contains("I/O error") && !result.stderr.contains("encoding error"), "\(result)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
            #expect(!exists(target))
        }
    }

    @Test("a CSV edited in a spreadsheet goes back into its plan with --replace, in git")
    func csvRoundTripIntoCommittedPlan() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let original = try Self.model(plan)
            let csv = dir.appendingPathComponent("plan.csv")
            #expect(run(["export", "-o", csv.path], in: plan).status == 0)

            // Without --replace the plan is left alone.
            let refused = run(["import", csv.path, "--into", "."], in: plan)
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("--replace"), "\(refused)")

            let result = run(["import", csv.path, "--into", ".", "--replace"], in: plan)
            #expect(result.status == 0, "\(result)")
            #expect(try Self.model(plan) == original)
            // The same plan written canonically: git sees no change at all.
            let status = try gitOK(["status", "--porcelain"], in: repo)
            #expect(status.isEmpty, "\(status)")

            // An edit in the spreadsheet arrives as a change to one file.
            let text = try String(contentsOf: csv, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "2022-03", with: "2022-06").utf8).write(to: csv)
            let edited = run(["import", csv.path, "--into", ".", "--replace"], in: plan)
            #expect(edited.status == 0, "\(edited)")
            let changed = try gitOK(["status", "--porcelain"], in: repo)
            #expect(changed.contains("plan/recommendations/"), "\(changed)")
            #expect(!changed.contains("plan.yaml"), "\(changed)")
            let fsck = git(["fsck", "--no-progress"], in: repo)
            #expect(fsck.status == 0, "\(fsck)")
        }
    }

    @Test("--replace refuses a plan with uncommitted changes, and changes nothing")
    func replaceRefusesUncommittedChanges() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let docx = dir.appendingPathComponent("plan.docx")
            #expect(run(["export", "-o", docx.path], in: plan).status == 0)
            try GitFixture.replace("target: 2022-03", with: "target: 2022-04", in: plan.appendingPathComponent("recommendations/05.yaml"))
            try write("number: 99\n", to: "recommendations/99.yaml", in: plan)
            let before = GitFixture.workingTreeFiles(of: repo)
            let result = run(["import", docx.path, "--into", ".", "--replace"], in: plan)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("not committed"), "\(result)")
            #expect(result.stderr.contains("recommendations/05.yaml"), "\(result)")
            #expect(GitFixture.workingTreeFiles(of: repo) == before)
        }
    }

    @Test("--replace outside git is refused: the old plan could not be recovered")
    func replaceOutsideGit() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("cgm-crc-2019", into: dir)
            let docx = dir.appendingPathComponent("plan.docx")
            #expect(run(["export", "-o", docx.path], in: plan).status == 0)
            let result = run(["import", docx.path, "--into", plan.path, "--replace"], in: dir)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("not in a git repository"), "\(result)")
        }
    }

    // MARK: Importing the real documents

    @Test("importing Word's table text of a real plan gives a plan that checks clean, with its guesses listed",
          arguments: ["central-functions-2020", "ipp-recall-2023", "recall-culture-2020"])
    func importWordText(name: String) throws {
        try withTemporaryDirectory { dir in
            let source = PackagePaths.examples.appendingPathComponent("sources/\(name).txt")
            let target = dir.appendingPathComponent("plan")
            let remarksFile = dir.appendingPathComponent("remarks.json")
            let result = run(["import", source.path, "--into", target.path, "--remarks", remarksFile.path], in: dir)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("imported "), "\(result)")
            // The terminal has the counts by kind; the file has every remark with its line:column.
            #expect(result.stderr.contains(" guesses: "), "\(result)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: remarksFile)) as? [String: Any])
            let remarks = try #require(object["remarks"] as? [[String: Any]])
            #expect(!remarks.isEmpty && object["count"] as? Int == remarks.count)
            #expect(result.stderr.contains("\(remarks.count) remarks to check"), "\(result)")
            for remark in remarks {
                #expect(remark["line"] is Int && remark["column"] is Int && remark["decided"] is String, "\(remark)")
                #expect(["guess", "kept", "missing"].contains(remark["kind"] as? String ?? ""), "\(remark)")
            }
            let check = run(["check"], in: target)
            #expect(check.status == 0, "\(check)")
            let example = try Self.model(PackagePaths.examples.appendingPathComponent(name))
            #expect(try Self.model(target).recommendations.map(\.number) == example.recommendations.map(\.number))
        }
    }

    @Test("--remarks FILE writes JSON or YAML by its extension; any other extension is refused before anything is written")
    func remarksFile() throws {
        try withTemporaryDirectory { dir in
            let source = PackagePaths.examples.appendingPathComponent("sources/recall-culture-2020.txt")
            let yaml = run(["import", source.path, "--dry-run", "--remarks", "remarks.yaml"], in: dir)
            #expect(yaml.status == 0, "\(yaml)")
            let text = try String(contentsOf: dir.appendingPathComponent("remarks.yaml"), encoding: .utf8)
            #expect(text.hasPrefix("source: \"\(source.path)\"\ncount: "), "\(text)")
            #expect(text.contains("  - place: \"37:1\"\n    line: 37\n    column: 1\n"), "\(text)")
            #expect(text.contains("    alternative: \"one owner named as the cell is written\""), "\(text)")
            let yml = run(["import", source.path, "--dry-run", "--remarks", "remarks.yml"], in: dir)
            #expect(yml.status == 0 && (try? String(contentsOf: dir.appendingPathComponent("remarks.yml"), encoding: .utf8)) == text)

            // The README's example, word for word.
            let readme = run(["import", source.path, "--into", "recall-culture", "--remarks", "remarks.yaml"], in: dir)
            #expect(readme.stderr == """
                17 remarks to check (each written to remarks.yaml):
                  16 guesses: 5 actions divided, 4 owners, 4 plan details, 2 rows joined over page breaks, 1 table rows
                  1 missing: 1 plan details
                imported 8 recommendations, 11 actions, 11 updates into recall-culture; 17 remarks to check

                """, "\(readme)")

            let refused = run(["import", source.path, "--into", "plan", "--remarks", "remarks.txt"], in: dir)
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("--remarks remarks.txt: the extension .txt names no format; use .json, .yaml or .yml"), "\(refused)")
            #expect(!exists(dir.appendingPathComponent("remarks.txt")))
            #expect(!exists(dir.appendingPathComponent("plan")))
        }
    }

    @Test("--dry-run reads and reports but writes nothing")
    func dryRun() throws {
        try withTemporaryDirectory { dir in
            let source = PackagePaths.examples.appendingPathComponent("sources/recall-culture-2020.txt")
            let result = run(["import", source.path, "--dry-run", "--into", "plan"], in: dir)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("dry run"), "\(result)")
            #expect(!exists(dir.appendingPathComponent("plan")))
        }
    }

    // MARK: Bad input

    @Test("bad input files exit 2, say why, and leave no folder behind")
    func importBadInput() throws {
        try withTemporaryDirectory { dir in
            let target = dir.appendingPathComponent("plan")
            func refused(_ args: [String], _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
                let result = run(args, in: dir)
                #expect(result.status == 2, "\(result)", sourceLocation: sourceLocation)
                #expect(result.stderr.contains(message), "\(result)", sourceLocation: sourceLocation)
                #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
                #expect(!exists(target), sourceLocation: sourceLocation)
                let left = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
                #expect(left.allSatisfy { !$0.contains("plantool-import") }, "\(left)", sourceLocation: sourceLocation)
            }
            refused(["import", "missing.txt", "--into", "plan"], "no such file")
            refused(["import", "missing.txt"], "--into")
            _ = try write("", to: "empty.txt", in: dir)
            refused(["import", "empty.txt", "--into", "plan"], "is empty")
            _ = try writeBytes([0x41, 0x09, 0xFF, 0xFE, 0x41, 0x0A], to: "latin.txt", in: dir)
            refused(["import", "latin.txt", "--into", "plan", "--format", "text"], "latin.txt:1:3: not UTF-8")
            _ = try writeBytes([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02], to: "broken.docx", in: dir)
            refused(["import", "broken.docx", "--into", "plan"], "broken.docx")
            _ = try write("Just a letter.\nNo table here.\n", to: "letter.txt", in: dir)
            refused(["import", "letter.txt", "--into", "plan"], "letter.txt")
            _ = try write("number,status\n1,agreed\n", to: "plan.csv", in: dir)
            refused(["import", "plan.csv", "--into", "plan"], "does not exist")
            refused(["import", "letter.txt", "--into", "plan", "--format", "pdf"], "pdf")
        }
    }

    @Test("a CSV with a bad value is refused with its line and column; the plan is unchanged")
    func importBadCSV() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let csv = dir.appendingPathComponent("plan.csv")
            #expect(run(["export", "-o", csv.path], in: plan).status == 0)
            let text = try String(contentsOf: csv, encoding: .utf8)
            try Data(text.replacingOccurrences(of: ",agreed,", with: ",maybe,").utf8).write(to: csv)
            let before = GitFixture.workingTreeFiles(of: repo)
            let result = run(["import", csv.path, "--into", ".", "--replace"], in: plan)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("plan.csv:2:"), "\(result)")
            #expect(GitFixture.workingTreeFiles(of: repo) == before)
        }
    }
}
