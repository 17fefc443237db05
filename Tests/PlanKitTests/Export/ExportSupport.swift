import Foundation
import PlanKit
import Testing

/// The example plans, golden files and helper runs shared by the export tests.
enum ExportSupport {
    static let golden = Paths.packageRoot.appendingPathComponent("Tests/PlanKitTests/Export/Golden")

    static let exampleNames = ["central-functions-2020", "cgm-crc-2019", "ipp-recall-2023", "recall-culture-2020"]

    /// An example plan, read as plantool reads it.
    static func example(_ name: String) throws -> Plan {
        let url = Paths.examples.appendingPathComponent(name)
        let loaded = PlanLoader.load(PlanDirectory.files(of: url, displayRoot: name))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
        return try #require(loaded.plan, "examples/\(name) does not load")
    }

    /// A small plan whose every text is hostile to Markdown, HTML and spreadsheets.
    static func hostile() throws -> Plan {
        func day(_ y: Int, _ m: Int, _ d: Int) throws -> Day { try #require(Day(year: y, month: m, day: d)) }
        let info = PlanInfo(
            title: "Pipes | <b>bold</b> & `code` *stars* #",
            organisation: "HM Prison & Probation Service <script>alert(\"o\")</script>",
            inspectorate: "HM Inspectorate of \"Probation\"",
            report: Report(title: "# Not a heading | really", published: try day(2021, 1, 15),
                           url: "https://example.invalid/report?a=1&b=2"),
            submitted: try day(2021, 2, 1),
            revisions: [Revision(submitted: try day(2022, 2, 1),
                                 title: "Update | <i>two</i>")],
            introduction: "# Heading?\n\n- a list?\n1. ordered?\n    indented code?\n> quote?\n---\nA & B &amp; C $5m and $6m")
        let rec1 = Recommendation(
            number: 1, addressee: "HMPPS | MoJ <em>", theme: "# Theme * with _marks_",
            text: "Ensure a | b, \"quoted\", `tick`, <script>alert('x')</script>\n\n- item | one\n* star\n#hash",
            status: .partlyAgreed, implementedPart: "=the part | <b>",
            reason: Reason(categories: [.affordability, .policy], text: "+cost, \"money\" & <time>"),
            response: "@response | narrative\nsecond line",
            actions: [
                Action(id: "1.1", text: "=HYPERLINK(\"http://evil.invalid\",\"click\") | <img src=x onerror=alert(1)>",
                       owners: ["-Owner, with comma", "@Team \"Q\"", "'quoted owner"],
                       target: .month(year: 2021, month: 7), state: .inProgress, note: "-TBC | \"dependent\"",
                       updates: [
                           Update(date: .month(year: 2021, month: 12), text: "+Update | one\n\nwith <p> and &", state: .completed,
                                  target: .quarter(year: 2022, quarter: 1), owners: ["=Owner()"]),
                           Update(date: .day(try day(2022, 3, 4)),
                                  text: "\tTab first, then 'quote'"),
                       ]),
                Action(id: "1.2", text: "'leading apostrophe, and a trailing one'", target: nil, state: .ongoing),
            ])
        let rec2 = Recommendation(number: 2, addressee: "HMPPS | MoJ <em>", theme: "# Theme * with _marks_",
                                  text: "No actions | here", status: .notAgreed,
                                  reason: Reason(categories: [.operational], text: "-not possible"))
        let rec3 = Recommendation(number: 3, addressee: "The Ministry of Justice", text: "[link](http://x.invalid) ~~strike~~ \\ back",
                                  status: .agreed,
                                  actions: [Action(id: "3.1", text: "Do it", owners: ["Head of Operations"], target: .day(try day(2021, 7, 31)))])
        return Plan(info: info, recommendations: [rec1, rec2, rec3])
    }

    // MARK: Golden files

    static var recording: Bool { ProcessInfo.processInfo.environment["PLANTOOL_RECORD_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name`, or records it when PLANTOOL_RECORD_GOLDEN=1
    /// (the recording run fails, saying so, so that a recording is never taken for a pass).
    static func checkGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = golden.appendingPathComponent(name)
        if recording {
            do {
                try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("recorded the golden file Golden/\(name) (PLANTOOL_RECORD_GOLDEN=1); read it critically, then run the tests again without PLANTOOL_RECORD_GOLDEN",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record the golden file Golden/\(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("the golden file Golden/\(name) is missing; record it with PLANTOOL_RECORD_GOLDEN=1, then read it critically",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        Issue.record("the output differs from the golden file Golden/\(name): \(firstDifference(expected, actual))",
                     sourceLocation: sourceLocation)
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? String(a[index]) : "(end of file)"
            let y = index < b.count ? String(b[index]) : "(end of output)"
            if x != y { return "line \(index + 1):\n  expected: \(x)\n  actual:   \(y)" }
        }
        return "(no line differs)"
    }

    // MARK: python3

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs python3 (through /usr/bin/env) from the package root, its output in temporary files.
    static func python(_ arguments: [String]) throws -> Run {
        try withScratch { scratch in
            let outURL = scratch.appendingPathComponent("stdout")
            let errURL = scratch.appendingPathComponent("stderr")
            try Data().write(to: outURL)
            try Data().write(to: errURL)
            let out = try FileHandle(forWritingTo: outURL)
            let err = try FileHandle(forWritingTo: errURL)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
            process.currentDirectoryURL = Paths.packageRoot
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = out
            process.standardError = err
            try process.run()
            process.waitUntilExit()
            try out.close()
            try err.close()
            return Run(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
        }
    }

    /// A fresh temporary folder, removed afterwards.
    static func withScratch<T>(_ body: (URL) throws -> T) throws -> T {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("export-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        return try body(scratch)
    }
}
