import Foundation
import Testing

/// `plantool diff A B --format docx -o FILE` through the built binary on the recall-culture demo
/// repository, with a third version v3 by another author (a text edit, a slipped target, a new
/// owner, an update removed, an action added, a recommendation removed). Rejecting every change
/// gives A back as long as no row was added above a recommendation's first row (the cells that
/// span its rows live in that row), as here. Python reads the
/// documents as Word would with "Accept all" and "Reject all" (w:del and w:delText dropped,
/// w:ins unwrapped, rows and paragraph marks resolved, comments dropped), and compares their
/// text with `plantool export --format docx` of each side.
@Suite("plantool diff --format docx: the Word redline")
struct DiffDocxRedlineTests {
    static let python = ToolOnPath.find("python3")
    static let soffice = ToolOnPath.find("soffice")
    static let policyLead = ["GIT_AUTHOR_NAME": "Policy Lead", "GIT_AUTHOR_EMAIL": "policy.lead@example.org",
                             "GIT_AUTHOR_DATE": "2022-03-01T10:00:00Z", "GIT_COMMITTER_DATE": "2022-03-01T10:00:00Z"]

    /// The demo with v3 tagged on top of v2.
    static func repository(in dir: URL) throws -> URL {
        let (repo, _) = try Demo.build(in: dir)
        func edit(_ file: String, _ replacements: [(String, String)]) throws {
            let url = repo.appendingPathComponent("recommendations/\(file)")
            var text = try String(contentsOf: url, encoding: .utf8)
            for (old, new) in replacements {
                try #require(text.contains(old), "\(file) lacks \(old)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try edit("02.yaml", [
            ("Review the use, accessibility and effectiveness", "Review the use and effectiveness"),
            ("      - Deputy Director, Effective Practice and Service Improvement Group\n    target: 2021-04",
             "      - Head of Recall Policy\n    target: 2021-09"),
            ([
                "    state: completed", "    updates:", "      - date: 2021-12", "        text: >-",
                "          A review of the Approved Premises (AP) priority referral allocations",
                "          process was completed which ensures that risk escalation licence cases",
                "          are included in Priority One giving them the highest priority when",
                "          allocating a bed space.", "        state: completed", "",
            ].joined(separator: "\n"), "    state: completed\n"),
        ])
        let one = repo.appendingPathComponent("recommendations/01.yaml")
        try (String(contentsOf: one, encoding: .utf8) + "  - id: \"1.2\"\n    text: Brief every region on the new guidance.\n"
            + "    owners:\n      - Head of Recall Policy\n    target: 2022-06\n    state: planned\n").write(to: one, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: repo.appendingPathComponent("recommendations/08.yaml"))
        try gitOK(["add", "-A"], in: repo)
        try gitOK(["commit", "-q", "-m", "Review by the policy lead"], in: repo, env: policyLead)
        try gitOK(["tag", "v3"], in: repo)
        return repo
    }

    /// The document's blocks as Python reads them after `mode` (accept, reject or plain).
    static func blocks(_ mode: String, _ file: URL, in dir: URL) throws -> String {
        let python = try #require(Self.python)
        let result = runProcess(python, ["-c", DocxRevisionsScript.source, mode, file.path], in: dir,
                                environment: ProcessInfo.processInfo.environment, timeout: 120)
        try #require(result.status == 0, "python: \(result)")
        return result.stdout
    }

    @Test("accepting every change gives B's export, rejecting every one A's; the table holds w:ins and w:del by the commits' authors",
          .enabled(if: python != nil, "python3 is not installed"))
    func acceptAndReject() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            for (a, b) in [("v2", "v3"), ("v1", "v2"), ("v1", "v3")] {
                let change = dir.appendingPathComponent("\(a)-\(b).docx")
                let written = diff([a, b, "--format", "docx", "-o", change.path], in: repo)
                try #require(written.status == 0, "\(written)")
                #expect(written.stdout.isEmpty && written.stderr.hasPrefix("wrote the redline of "), "\(written)")
                for (side, mode) in [(b, "accept"), (a, "reject")] {
                    let export = dir.appendingPathComponent("\(side).docx")
                    let exported = run(["export", "--rev", side, "-o", export.path], in: repo)
                    try #require(exported.status == 0, "\(exported)")
                    let resolved = try Self.blocks(mode, change, in: dir), expected = try Self.blocks("plain", export, in: dir)
                    #expect(resolved == expected, "\(mode) all of \(a)..\(b) is not \(side)'s export")
                    #expect(resolved.count > 5_000)
                }
            }
            // v2 → v3: both kinds of revision in the table, each by v3's author on v3's date.
            let xml = try String(decoding: DocxPart.read("word/document.xml", of: dir.appendingPathComponent("v2-v3.docx")), as: UTF8.self)
            let start = try #require(xml.range(of: "ACTION PLAN: ")), end = try #require(xml.range(of: "Summary of responses"))
            let table = String(xml[start.upperBound..<end.lowerBound])
            #expect(table.contains("<w:ins w:id=") && table.contains("<w:del w:id=") && table.contains("<w:delText"))
            #expect(xml.contains("w:author=\"Policy Lead\" w:date=\"2022-03-01T10:00:00Z\""))
            #expect(!xml.contains("w:author=\"HMPPS Action Plans\""), "v3 alone made these changes")
            let comments = try String(decoding: DocxPart.read("word/comments.xml", of: dir.appendingPathComponent("v2-v3.docx")), as: UTF8.self)
            #expect(comments.contains("target slipped 5 months (April 2021 → September 2021)"))
            // v1 → v3: v2's changes are v2's author's, v3's v3's.
            let both = try String(decoding: DocxPart.read("word/document.xml", of: dir.appendingPathComponent("v1-v3.docx")), as: UTF8.self)
            #expect(both.contains("w:author=\"HMPPS Action Plans\" w:date=\"2021-12-07T12:00:00Z\"") && both.contains("w:author=\"Policy Lead\""))
        }
    }

    @Test("LibreOffice opens the redline and prints it to PDF",
          .enabled(if: soffice != nil, "LibreOffice (soffice) is not installed; scripts/setup installs it"), .timeLimit(.minutes(5)))
    func libreOffice() throws {
        let soffice = try #require(Self.soffice)
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            let change = dir.appendingPathComponent("change.docx")
            try #require(diff(["v2", "v3", "--format", "docx", "-o", change.path], in: repo).status == 0)
            let profile = dir.appendingPathComponent("lo-profile")
            let convert = runProcess(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf",
                                               "--outdir", dir.path, change.path],
                                     in: dir, environment: ProcessInfo.processInfo.environment.merging(["HOME": dir.path]) { _, new in new },
                                     timeout: 240)
            #expect(convert.status == 0, "\(convert)")
            let pdf = try Data(contentsOf: dir.appendingPathComponent("change.pdf"))
            #expect(pdf.starts(with: Array("%PDF".utf8)) && pdf.count > 10_000)
        }
    }

    @Test("without -o the document goes to standard output when it is not a terminal, and is refused on one; a folder is refused")
    func standardOutput() throws {
        try withTemporaryDirectory { dir in
            let (repo, _) = try Demo.build(in: dir)
            let piped = diff(["v1", "v2", "--format", "docx"], in: repo)
            #expect(piped.status == 0)
            #expect(piped.stdout.hasPrefix("PK"), "a ZIP package on standard output")
            try FileManager.default.createDirectory(at: repo.appendingPathComponent("out"), withIntermediateDirectories: true)
            let folder = diff(["v1", "v2", "--format", "docx", "-o", "out"], in: repo)
            #expect(folder.status == 2 && folder.stderr.contains("out is a folder"), "\(folder)")
            // On a terminal (util-linux `script` gives the command one), it is refused.
            if let script = ToolOnPath.find("script") {
                let command = "'\(PackagePaths.binary.standardizedFileURL.path)' diff v1 v2 --format docx"
                let terminal = runProcess(script, ["-q", "-e", "-c", command, "/dev/null"], in: repo,
                                          environment: TestEnvironment.make(LintEnvironment.with([:])), timeout: 120)
                #expect(terminal.status == 2, "\(terminal)")
                #expect(terminal.stdout.contains("a Word document is not for a terminal: write it with -o FILE.docx"), "\(terminal)")
                #expect(!terminal.stdout.contains("PK"))
            }
        }
    }
}

/// A part of a DOCX file.
enum DocxPart {
    static func read(_ part: String, of file: URL) throws -> Data {
        let unzip = try #require(ToolOnPath.find("unzip"), "unzip is not installed")
        let result = runProcess(unzip, ["-p", file.path, part], in: file.deletingLastPathComponent(),
                                environment: ProcessInfo.processInfo.environment, timeout: 60)
        try #require(result.status == 0, "unzip: \(result)")
        return Data(result.stdout.utf8)
    }
}
