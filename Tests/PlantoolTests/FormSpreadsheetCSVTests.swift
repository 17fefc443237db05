import Foundation
import Testing

/// CSV forms as spreadsheets save them on an owner's desk: Excel's "CSV (Comma delimited)" on a
/// Western Windows writes Windows-1252, not UTF-8, and a `sep=;` line naming the separator.
@Suite("form import: a CSV form as a spreadsheet saves it")
struct FormSpreadsheetCSVTests {
    /// Fills row 5.1 of the exported form (argv[1]) and saves it (argv[2]) in Windows-1252 with
    /// semicolons and Excel's `sep=;` line.
    static let resave = """
        import csv, sys
        rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
        rows[1][4:7] = ['Pilot evaluated – the café report is published', 'in progress', '31/03/2099']
        with open(sys.argv[2], 'w', encoding='cp1252', newline='') as out:
            out.write('sep=;\\r\\n')
            csv.writer(out, delimiter=';', lineterminator='\\r\\n').writerows(rows)
        """

    @Test("a Windows-1252 CSV with a sep=; line and a day written 31/03/2099 is recorded with its words intact")
    func windowsSpreadsheet() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let csv = dir.appendingPathComponent("ppg.csv")
            let filled = dir.appendingPathComponent("filled.csv")
            #expect(run(["form", "export", "--owner", "public protection", "-o", csv.path], in: plan).status == 0)
            let python = Faults.tool("/usr/bin/env", ["python3", "-c", Self.resave, csv.path, filled.path], in: dir)
            try #require(python.status == 0, "\(python)")
            let result = run(["form", "import", filled.path, "--draft", "december-round"], in: plan)
            #expect(result.status == 0, "\(result)")
            let rec5 = try gitOK(["show", "draft/december-round:plan/recommendations/05.yaml"], in: repo)
            #expect(rec5.contains("text: Pilot evaluated – the café report is published\n"), "\(rec5)")
            #expect(rec5.contains("state: in-progress\n") && rec5.contains("2099-03-31"), "\(rec5)")
        }
    }

    @Test("--format csv with -o naming a .docx file (or the other way) is refused, and no file is written")
    func formatAndExtensionDisagree() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            for (format, name) in [("csv", "ppg.docx"), ("docx", "ppg.csv")] {
                let file = dir.appendingPathComponent(name)
                let result = run(["form", "export", "--owner", "public protection", "--format", format, "-o", file.path], in: plan)
                #expect(result.status == 2 && result.stderr.contains("--format \(format) writes a .\(format) file"), "\(result)")
                #expect(!FileManager.default.fileExists(atPath: file.path))
            }
        }
    }
}
