import Foundation
import Testing

/// `plantool diff A B --format html [-o FILE]` through the built binary on the recall-culture
/// demo repository (tags v1 and v2): the redline page on standard output or written to a file,
/// the flags it refuses, and a screenshot of the page in headless Chromium.
@Suite("plantool diff --format html: the redline page")
struct DiffRedlineTests {
    /// Chromium as Debian (`chromium`) or Ubuntu (`chromium-browser`) names it.
    static let chromium = ToolOnPath.find("chromium") ?? ToolOnPath.find("chromium-browser")

    @Test("v1 → v2 of the demo: one page with ins and del in the plan table, written with -o as on standard output")
    func demo() throws {
        try withTemporaryDirectory { dir in
            let (repo, _) = try Demo.build(in: dir)
            let printed = diff(["v1", "v2", "--format", "html"], in: repo)
            #expect(printed.status == 0, "\(printed)")
            let html = printed.stdout
            #expect(html.hasPrefix("<!DOCTYPE html>\n") && html.hasSuffix("</html>\n"))
            #expect(html.contains("Changes from <strong>v1</strong> to <strong>v2</strong>"))
            let table = try #require(html.range(of: "<table class=\"plan\">").map { String(html[$0.lowerBound...]) })
            #expect(table.contains("<ins>") && table.contains("<del>"))
            #expect(table.contains("<p class=\"move\">target slipped"), "the demo's v2 slips targets")
            #expect(html.contains("<h3>Slipped targets ("))
            #expect(html.contains("id=\"rec-1\"") && html.contains("href=\"#rec-"))
            // Nothing loaded, nothing run.
            for tag in html.split(separator: "<").map({ $0.prefix(while: { $0 != ">" }).lowercased() }) {
                #expect(!tag.contains("src=") && !tag.hasPrefix("script") && !tag.hasPrefix("link"), "\(tag)")
                if tag.contains("href=") { #expect(tag.contains("href=\"#"), "\(tag)") }
            }
            #expect(!html.contains("url(") && !html.contains("@import"))

            let written = diff(["v1", "v2", "--format", "html", "-o", "change.html"], in: repo)
            #expect(written.status == 0 && written.stdout.isEmpty, "\(written)")
            let changes = try diffJSON(["v1", "v2"], in: repo).changes.count
            #expect(written.stderr == "wrote the redline of \(changes) changes to change.html\n")
            #expect(try String(contentsOf: repo.appendingPathComponent("change.html"), encoding: .utf8) == html)
        }
    }

    @Test("-o without --format html, and a folder as -o, are refused; nothing is written")
    func refused() throws {
        try withTemporaryDirectory { dir in
            let (repo, _) = try Demo.build(in: dir)
            let withoutFormat = diff(["v1", "v2", "-o", "change.html"], in: repo)
            #expect(withoutFormat.status == 2 && withoutFormat.stderr.contains("-o writes the HTML or Word redline: give --format html or docx"), "\(withoutFormat)")
            let folder = repo.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let intoFolder = diff(["v1", "v2", "--format", "html", "-o", "out"], in: repo)
            #expect(intoFolder.status == 2 && intoFolder.stderr.contains("out is a folder"), "\(intoFolder)")
            #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("change.html").path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test("the demo's redline renders in headless Chromium as a non-empty PNG",
          .enabled(if: chromium != nil, "Chromium (chromium or chromium-browser) is not installed; scripts/setup installs it"))
    func screenshot() throws {
        let chromium = try #require(Self.chromium)
        try withTemporaryDirectory { dir in
            let (repo, _) = try Demo.build(in: dir)
            let page = dir.appendingPathComponent("change.html")
            let written = diff(["v1", "v2", "--format", "html", "-o", page.path], in: repo)
            try #require(written.status == 0, "\(written)")
            let png = dir.appendingPathComponent("change.png")
            let profile = dir.appendingPathComponent("chromium-profile")
            // --no-sandbox: the sandbox cannot start as root, as in a container; the page runs no script.
            let shot = runProcess(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                                             "--screenshot=\(png.path)", "--window-size=1280,2000", page.absoluteString],
                                  in: dir, environment: ProcessInfo.processInfo.environment.merging(["HOME": dir.path]) { _, new in new },
                                  timeout: 240)
            #expect(shot.status == 0, "\(shot)")
            let bytes = try Data(contentsOf: png)
            #expect(bytes.count > 10_000, "a screenshot of \(bytes.count) bytes")
            #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        }
    }
}
