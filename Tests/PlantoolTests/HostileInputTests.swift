import Foundation
import Testing

/// Hostile and odd plan files, through the real binary: each gets its diagnostic (naming the
/// file, and the line and column where there is one) and its exit status, never a crash, and
/// quickly. The reader's own handling of most of these is unit-tested in PlanKitTests
/// (ReaderTests, Fixtures/invalid); links and folders in recommendations/ in FilesTests.
@Suite("hostile and odd inputs")
struct HostileInputTests {
    /// The first four lines of a valid recommendation 1 (no modeline: line numbers start here).
    static let header = """
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed

        """

    static let recommendationPath = "recommendations/01.yaml"

    /// No sign of a crash or a trap in the output, and an exit status plantool chose.
    static func expectNoCrash(_ result: RunResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect([0, 1, 2].contains(result.status), "\(result)", sourceLocation: sourceLocation)
        for sign in ["Fatal error", "Stack dump", "stack trace", "Segmentation fault", "Illegal instruction",
                     "Current stack trace", "Backtrace"] {
            #expect(!result.stdout.contains(sign) && !result.stderr.contains(sign), "\(sign): \(result)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Runs plantool with a hang guard: a run still going after a minute is killed, and its
    /// status (128 + the signal) fails `expectNoCrash`. Speed itself is measured by the
    /// benchmarks (scripts/bench), never by a test.
    static func guarded(_ args: [String], in dir: URL) -> RunResult {
        run(args, in: dir, timeout: 60)
    }

    /// A plan whose recommendations/01.yaml holds `bytes`; returns the plan folder.
    static func plan(with bytes: [UInt8], in dir: URL) throws -> URL {
        let plan = try Fixture.plan(at: "plan", in: dir)
        try writeBytes(bytes, to: recommendationPath, in: plan)
        return plan
    }

    // MARK: Cases with one expected finding

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: @Sendable () -> [UInt8]
        var rule: String
        /// nil: the finding is about the whole file.
        var line: Int?
        var column: Int?
        var severity = "error"
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "billion laughs (anchors and aliases nine deep)", bytes: {
            var text = header + "response: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            var previous = "a"
            for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
                text += "x\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
                previous = name
            }
            return Array(text.utf8)
        }, rule: "anchor-alias", line: 5, column: 11),
        Case(name: "flow lists nested 10,000 levels deep", bytes: {
            Array((header + "theme: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n").utf8)
        }, rule: "nesting-too-deep", line: 5, column: 39),
        Case(name: "flow mappings nested 10,000 levels deep", bytes: {
            Array((header + "theme: " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "\n").utf8)
        }, rule: "nesting-too-deep", line: 5, column: 132),
        Case(name: "block lists nested 10,000 levels deep (- - - ...)", bytes: {
            Array((header + "theme:\n  " + String(repeating: "- ", count: 10_000) + "x\n").utf8)
        }, rule: "nesting-too-deep", line: 6, column: 65),
        Case(name: "block mappings nested 40 levels deep, by indentation", bytes: {
            var text = header + "theme:\n"
            for level in 1...40 { text += String(repeating: "  ", count: level) + "k:\n" }
            return Array(text.utf8)
        }, rule: "nesting-too-deep", line: 37, column: 65),
        Case(name: "invalid UTF-8", bytes: { Array((header + "theme: Staff ").utf8) + [0xC3, 0x28] + Array(" x\n".utf8) },
             rule: "invalid-utf8", line: 5, column: 14),
        Case(name: "a NUL byte", bytes: { Array((header + "theme: St").utf8) + [0] + Array("aff\n".utf8) },
             rule: "control-character", line: 5, column: 10),
        Case(name: "a tab indenting a key", bytes: { Array((header + "reason:\n\tcategories: [policy]\n").utf8) },
             rule: "tab-indentation", line: 6, column: 1),
        Case(name: "an empty file", bytes: { [] }, rule: "empty-file"),
        Case(name: "a file of blank lines and a comment", bytes: { Array("\n\n# nothing\n  \n".utf8) }, rule: "empty-file"),
        Case(name: "number: 1e309", bytes: { Array(header.replacingOccurrences(of: "number: 1", with: "number: 1e309").utf8) },
             rule: "invalid-number", line: 1, column: 9),
        Case(name: "number: -0", bytes: { Array(header.replacingOccurrences(of: "number: 1", with: "number: -0").utf8) },
             rule: "invalid-number", line: 1, column: 9),
        Case(name: "number: 99999999999999999999999 (past Int)", bytes: {
            Array(header.replacingOccurrences(of: "number: 1", with: "number: 99999999999999999999999").utf8)
        }, rule: "invalid-number", line: 1, column: 9),
        Case(name: "a 50 MB file", bytes: { Array(header.utf8) + Array(repeating: UInt8(ascii: "x"), count: 50 * 1_048_576) },
             rule: "file-too-large"),
        Case(name: "a UTF-8 byte-order mark", bytes: { [0xEF, 0xBB, 0xBF] + Array(header.utf8) },
             rule: "byte-order-mark", line: 1, column: 1, severity: "warning"),
    ]

    @Test("check and lint report a hostile file with its rule and place, exit 1, no crash, no hang", arguments: cases)
    func hostileFile(_ c: Case) throws {
        try withTemporaryDirectory { dir in
            let plan = try Self.plan(with: c.bytes(), in: dir)
            for command in [["check"], ["lint", "--as-of", "2024-06-01"]] {
                let result = Self.guarded(command, in: plan)
                Self.expectNoCrash(result)
                let expectedStatus: Int32 = c.severity == "error" ? 1 : (command[0] == "check" ? 0 : result.status)
                #expect(result.status == expectedStatus, "\(command[0]): \(result)")
                let finding = result.diagnostics.first { $0.rule == c.rule }
                #expect(finding?.path == Self.recommendationPath, "\(command[0]): \(result)")
                #expect(finding?.line == c.line && finding?.column == c.column, "\(command[0]): \(result)")
                #expect(finding?.severity == c.severity, "\(command[0]): \(result)")
                // One finding per problem, not one per level of nesting or per alias expanded.
                #expect(result.diagnostics.filter { $0.rule == c.rule }.count <= 9, "\(command[0]): \(result)")
            }
        }
    }

    @Test("the 50 MB file is refused by its size before it is read")
    func hugeFileIsRefusedBeforeReading() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir)
            // A sparse 50 MB file: reading it whole would take the time and memory this test forbids.
            let url = plan.appendingPathComponent(Self.recommendationPath)
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data(Self.header.utf8)))
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 50 * 1_048_576)
            try handle.close()
            for command in [["check"], ["lint"], ["fmt", "--check"]] {
                let result = Self.guarded(command, in: plan)
                Self.expectNoCrash(result)
                #expect(result.status == 1, "\(result)")
                let finding = result.diagnostics.first
                #expect(finding.map { "\($0.path) \($0.rule)" } == "\(Self.recommendationPath) file-too-large", "\(result)")
                #expect(finding?.message.contains("52428800 bytes") == true, "\(result)")
            }
        }
    }

    @Test("a plan of 20 files (read in parallel) with one nested 40 deep: nesting-too-deep, not a stack overflow")
    func deepNestingOnTheParallelPath() throws {
        try withTemporaryDirectory { dir in
            var recommendations: [String: String] = [:]
            for n in 1...20 { recommendations[String(format: "%02d.yaml", n)] = Fixture.recommendation(n) }
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: recommendations)
            // Just past the limit, and libyaml's own limit (1,000) too.
            for depth in [33, 999] {
                let deep = Self.header.replacingOccurrences(of: "number: 1", with: "number: 7")
                    + "theme: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
                try write(deep, to: "recommendations/07.yaml", in: plan)
                let result = Self.guarded(["check"], in: plan)
                Self.expectNoCrash(result)
                #expect(result.status == 1, "\(result)")
                #expect(result.errors.map { "\($0.path):\($0.line ?? 0) \($0.rule)" } == ["recommendations/07.yaml:5 nesting-too-deep"], "\(result)")
                #expect(result.errors.first?.message.contains("32 levels") == true, "\(result)")
            }
            // 32 levels (the file's mapping and 31 below it) is within the limit: read, and refused
            // only for what it is (not a text).
            let within = Self.header.replacingOccurrences(of: "number: 1", with: "number: 7") + "theme:\n"
                + (1..<32).map { String(repeating: "  ", count: $0) + "k:\n" }.joined()
            try write(within, to: "recommendations/07.yaml", in: plan)
            let result = run(["check"], in: plan)
            Self.expectNoCrash(result)
            #expect(result.errors.map(\.rule) == ["wrong-type"], "\(result)")
        }
    }

    // MARK: Odd but valid files

    @Test("CRLF, CR-only and BOM files are read (check exits 0) and fmt --check lists them; tabs are refused by fmt",
          arguments: ["crlf", "cr", "bom", "tab"])
    func lineEndsBOMAndTabs(_ kind: String) throws {
        try withTemporaryDirectory { dir in
            let canonical = Fixture.recommendation(1)
            let content: [UInt8]
            switch kind {
            case "crlf": content = Array(canonical.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            case "cr": content = Array(canonical.replacingOccurrences(of: "\n", with: "\r").utf8)
            case "bom": content = [0xEF, 0xBB, 0xBF] + Array(canonical.utf8)
            default: content = Array(canonical.replacingOccurrences(of: "status: agreed\n", with: "status: agreed\nreason:\n\ttext: x\n").utf8)
            }
            let plan = try Self.plan(with: content, in: dir)
            let check = run(["check"], in: plan)
            Self.expectNoCrash(check)
            let fmt = run(["fmt", "--check"], in: plan)
            Self.expectNoCrash(fmt)
            #expect(fmt.status == 1, "\(fmt)")
            #expect(bytes(of: plan.appendingPathComponent(Self.recommendationPath)) == content, "fmt --check wrote")
            if kind == "tab" {
                #expect(check.status == 1, "\(check)")
                #expect(check.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" }
                        == ["\(Self.recommendationPath):7:1 tab-indentation"], "\(check)")
                #expect(fmt.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" }
                        == ["\(Self.recommendationPath):7:1 tab-indentation"], "\(fmt)")
            } else {
                #expect(check.status == 0, "\(check)")
                #expect(check.errors.isEmpty, "\(check)")
                #expect(fmt.stdout.contains("would reformat \(Self.recommendationPath)"), "\(fmt)")
                // fmt makes it canonical: LF line ends, no BOM.
                let formatted = run(["fmt"], in: plan)
                #expect(formatted.status == 0, "\(formatted)")
                #expect(bytes(of: plan.appendingPathComponent(Self.recommendationPath)) == Array(canonical.utf8))
            }
        }
    }

    @Test("a 1 MB single line is read and formatted, no hang")
    func megabyteLine() throws {
        try withTemporaryDirectory { dir in
            let line = "response: " + String(repeating: "word#not-a-comment ", count: 55_000) + "end\n"
            #expect(line.utf8.count > 1_000_000)
            let plan = try Self.plan(with: Array((Self.header + line).utf8), in: dir)
            for command in [["check"], ["lint", "--as-of", "2024-06-01"], ["fmt", "--check"]] {
                let result = Self.guarded(command, in: plan)
                Self.expectNoCrash(result)
                // (lint: the file has no actions, which lint rightly reports.)
                #expect(result.errors.filter { $0.rule != "agreed-has-actions" }.isEmpty, "\(command[0]): \(result)")
            }
        }
    }

    @Test("10,000 actions in one recommendation (and 1,000 updates in one action) are checked and linted, no hang")
    func tenThousandActions() throws {
        try withTemporaryDirectory { dir in
            var text = Self.header + "actions:\n"
            for n in 1...10_000 {
                text += "  - id: \"1.\(n)\"\n    text: Publish revised recall guidance for region \(n)\n"
                    + "    owners:\n      - Deputy Director, Public Protection Group\n    target: 2099-12\n"
            }
            text += "  - id: \"1.10001\"\n    text: Publish the quarterly recall figures\n    target: 2099-12\n    updates:\n"
            for n in 1...1_000 { text += "      - date: 2021-12\n        text: Published issue \(n)\n" }
            let plan = try Self.plan(with: Array(text.utf8), in: dir)
            // About 1.5 s each in a debug build; work growing with the square of the actions
            // would take minutes, past the hang guard.
            let check = Self.guarded(["check"], in: plan)
            Self.expectNoCrash(check)
            #expect(check.status == 0, "\(check)")
            let lint = Self.guarded(["lint", "--as-of", "2024-06-01"], in: plan)
            Self.expectNoCrash(lint)
            #expect([0, 1].contains(lint.status), "\(lint)")
        }
    }

    @Test("5,000 unknown keys: lint lists the first 200 with their places, then one too-many-findings counting the rest, and exits 1")
    func tooManyFindings() throws {
        try withTemporaryDirectory { dir in
            var text = Self.header
            for n in 0..<5_000 { text += "k\(n): v\n" }
            let plan = try Self.plan(with: Array(text.utf8), in: dir)
            let lint = Self.guarded(["lint"], in: plan)
            Self.expectNoCrash(lint)
            #expect(lint.status == 1, "\(lint)")
            let lines = lint.stdoutLines
            #expect(lines.count == 200 + 1, "\(lines.count) lines")
            // The keys start on line 5; the first 200 are listed, each at its place.
            for (index, line) in lines.prefix(200).enumerated() {
                #expect(line.hasPrefix("recommendations/01.yaml:\(5 + index):1: error: unknown key 'k\(index)'"), "\(line)")
                #expect(line.hasSuffix("[unknown-key]"), "\(line)")
            }
            #expect(lines.last == "recommendations/01.yaml:205:1: error: 4800 more findings in this file not shown, from here on (at most 200 are listed for a file); fix the ones shown and run again [too-many-findings]",
                    "\(lines.last ?? "")")
            #expect(lint.stderr.contains("201 errors"), "\(lint)")
            // check lists the same, and JSON carries the same 201 findings.
            let check = run(["check"], in: plan)
            #expect(check.status == 1 && check.stdoutLines.count == 201, "\(check.stdoutLines.count) lines")
            let json = run(["lint", "--format", "json"], in: plan)
            let findings = (LintJSON.object(json.stdout)?["diagnostics"] as? [Any])?.count
            #expect(json.status == 1 && findings == 201, "\(findings ?? -1) findings")

            // The count belongs to its rule: turning the rule off, or silencing it in the file,
            // takes every one of its findings with it, counted ones included.
            try write("rules:\n  unknown-key: off\n", to: ".plantool.yaml", in: plan)
            let off = run(["lint"], in: plan)
            #expect(off.status == 0 && off.stdout.isEmpty, "\(off)")
            try FileManager.default.removeItem(at: plan.appendingPathComponent(".plantool.yaml"))
            try writeBytes(Array(("# plantool: disable-file=unknown-key\n" + text).utf8), to: Self.recommendationPath, in: plan)
            let silenced = run(["lint"], in: plan)
            #expect(silenced.status == 0 && silenced.stdout.isEmpty, "\(silenced)")
        }
    }

    // MARK: Names and numbers across files

    @Test("two files giving the same number: number-mismatch on the misnamed one and duplicate-number naming the other")
    func duplicateNumbersAcrossFiles() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: [
                "01.yaml": Fixture.recommendation(1), "02.yaml": Fixture.recommendation(1),
            ])
            let check = run(["check"], in: plan)
            Self.expectNoCrash(check)
            #expect(check.status == 1, "\(check)")
            let places = check.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" }
            #expect(places == ["recommendations/02.yaml:2:9 duplicate-number", "recommendations/02.yaml:2:9 number-mismatch"], "\(check)")
            #expect(check.errors.first?.message.contains("recommendations/01.yaml") == true, "\(check)")
        }
    }

    @Test("odd recommendation file names are file-name errors naming the file", arguments: [
        "..yaml", "...yaml", "-1.yaml", "1e3.yaml", "01 .yaml", "01.yaml.yaml", "0x1.yaml",
    ])
    func oddFileNames(_ name: String) throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": Fixture.recommendation(1),
                                                                               name: Fixture.recommendation(2)])
            let check = run(["check"], in: plan)
            Self.expectNoCrash(check)
            #expect(check.status == 1, "\(check)")
            #expect(check.errors.contains { $0.path == "recommendations/\(name)" && $0.rule == "file-name" }, "\(check)")
        }
    }

    // MARK: Through git: lint --staged

    @Test("lint --staged on hostile blobs: too large, invalid UTF-8, a BOM, too deep, a link; each named, no crash")
    func stagedHostileFiles() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            try writeBytes(Array(Self.header.replacingOccurrences(of: "number: 1", with: "number: 90").utf8)
                           + Array(repeating: UInt8(ascii: "x"), count: 9 * 1_048_576), to: "recommendations/90.yaml", in: plan)
            try writeBytes(Array(Self.header.replacingOccurrences(of: "number: 1", with: "number: 91").utf8) + [0xFF, 0x0A],
                           to: "recommendations/91.yaml", in: plan)
            try writeBytes([0xEF, 0xBB, 0xBF] + Array(Fixture.recommendationWithAction(92).utf8), to: "recommendations/92.yaml", in: plan)
            try write(Self.header.replacingOccurrences(of: "number: 1", with: "number: 93")
                      + "theme: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n",
                      to: "recommendations/93.yaml", in: plan)
            try write(Fixture.recommendation(94), to: "outside/94.yaml", in: dir)
            try FileManager.default.createSymbolicLink(atPath: plan.appendingPathComponent("recommendations/94.yaml").path,
                                                       withDestinationPath: "../../../outside/94.yaml")
            try gitOK(["add", "-A"], in: repo)
            let lint = Self.guarded(["lint", "--staged", "--as-of", "2024-06-01"], in: plan)
            Self.expectNoCrash(lint)
            #expect(lint.status == 1, "\(lint)")
            func finding(_ file: String) -> String? {
                lint.diagnostics.first { $0.path == "recommendations/\(file)" && $0.rule != "numbers-contiguous" }
                    .map { "\($0.line ?? 0):\($0.column ?? 0) \($0.severity) \($0.rule)" }
            }
            #expect(finding("90.yaml") == "0:0 error file-too-large", "\(lint)")
            #expect(finding("91.yaml") == "5:1 error invalid-utf8", "\(lint)")
            #expect(finding("92.yaml") == "1:1 warning byte-order-mark", "\(lint)")
            #expect(finding("93.yaml") == "5:39 error nesting-too-deep", "\(lint)")
            #expect(finding("94.yaml") == "0:0 error unreadable-file", "\(lint)")
            #expect(lint.diagnostics.first { $0.path == "recommendations/94.yaml" }?.message.contains("symbolic link") == true)
        }
    }
}
