import Foundation
import Testing

@Suite("plantool fmt")
struct FmtTests {
    // MARK: 8. Rewriting a non-canonical file

    /// Valid, but keys out of order, indented by four, an unquoted id 1.10 and a long one-line text.
    static let untidy = """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        status: agreed
        text: Review the responsibilities and the actions of the Part B risk assessment process, including the 10-day timescale, and make sure that every region follows the same guidance
        number: 1
        addressee:    HM Prison and Probation Service
        actions:
            -   text: Publish the revised guidance
                id: 1.10
                owners:
                    - Deputy Director, Public Protection Group
                target: 2021-07

        """

    static let tidy = """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: 1
        addressee: HM Prison and Probation Service
        text: >-
          Review the responsibilities and the actions of the Part B risk assessment
          process, including the 10-day timescale, and make sure that every region
          follows the same guidance
        status: agreed
        actions:
          - id: "1.10"
            text: Publish the revised guidance
            owners:
              - Deputy Director, Public Protection Group
            target: 2021-07
            state: planned

        """

    @Test("fmt rewrites a non-canonical file; fmt --check lists it and changes nothing")
    func fmtRewritesNonCanonicalFile() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: ".", in: dir, recommendations: ["01.yaml": Self.untidy])
            let file = plan.appendingPathComponent("recommendations/01.yaml")
            let original = try #require(bytes(of: file))

            let valid = run(["check"], in: plan)
            #expect(valid.status == 0, "\(valid)")
            #expect(valid.diagnostics.map(\.rule) == ["ambiguous-scalar"], "\(valid)")

            let dryRun = run(["fmt", "--check"], in: plan)
            #expect(dryRun.status == 1, "\(dryRun)")
            #expect(dryRun.stdoutLines == ["would reformat recommendations/01.yaml"], "\(dryRun)")
            #expect(bytes(of: file) == original, "fmt --check changed the file")

            let fmt = run(["fmt"], in: plan)
            #expect(fmt.status == 0, "\(fmt)")
            #expect(fmt.stdoutLines == ["formatted recommendations/01.yaml"], "\(fmt)")
            let once = try #require(bytes(of: file))
            let text = String(decoding: once, as: UTF8.self)
            #expect(text.contains("\n  - id: \"1.10\"\n"), "\(text)")
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(text)")
            #expect(text == Self.tidy)

            let recheck = run(["fmt", "--check"], in: plan)
            #expect(recheck.status == 0, "\(recheck)")
            #expect(recheck.stdout.isEmpty, "\(recheck)")

            let twice = run(["fmt"], in: plan)
            #expect(twice.status == 0, "\(twice)")
            #expect(bytes(of: file) == once, "a second fmt changed the file")

            let check = run(["check"], in: plan)
            #expect(check.status == 0, "\(check)")
            #expect(check.diagnostics.isEmpty, "\(check)")
        }
    }

    // MARK: 9. Comments

    @Test("fmt refuses files with comments, on their own line or after a value, with check's errors")
    func fmtRefusesComments() throws {
        try withTemporaryDirectory { dir in
            let ownLine = """
                number: 1
                addressee: HM Prison and Probation Service
                # a comment
                text: Improve the quality of recall decisions
                status: agreed

                """
            let afterValue = """
                # yaml-language-server: $schema=../schema/recommendation.schema.json
                number: 2
                addressee: HM Prison and Probation Service
                text: Improve the quality of recall decisions
                status: agreed # a comment
                actions: []

                """
            let plan = try Fixture.plan(at: ".", in: dir, recommendations: ["01.yaml": ownLine, "02.yaml": afterValue])
            let files = ["01.yaml", "02.yaml"].map { plan.appendingPathComponent("recommendations/\($0)") }
            let before = files.map(bytes(of:))

            // A comment is an error for check too, and fmt refuses with the same errors: nothing
            // a person typed is dropped.
            let check = run(["check"], in: plan)
            #expect(check.status == 1, "\(check)")
            #expect(check.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" }
                    == ["recommendations/01.yaml:3:1 comment", "recommendations/02.yaml:5:16 comment"], "\(check)")

            for args in [["fmt"], ["fmt", "--check"]] {
                let result = run(args, in: plan)
                #expect(result.status == 1, "\(args): \(result)")
                #expect(files.map(bytes(of:)) == before, "\(args) changed a file")
                let places = result.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" }
                #expect(places == ["recommendations/01.yaml:3:1 comment",
                                   "recommendations/02.yaml:5:16 comment"], "\(args): \(result)")
                #expect(result.errors.map(\.message) == check.errors.map(\.message), "\(args): \(result)")
                #expect(!result.stdout.contains("formatted"), "\(result)")
            }
        }
    }

    @Test("a first-line modeline is not a comment fmt refuses, and fmt keeps it")
    func fmtKeepsModeline() throws {
        try withTemporaryDirectory { dir in
            let modeline = "# yaml-language-server: $schema=../schema/recommendation.schema.json"
            let otherModeline = "# yaml-language-server: $schema=../../../schema/recommendation.schema.json"
            let body = """
                number:   %d
                addressee:  HM Prison and Probation Service
                text: Improve the quality of recall decisions
                status: agreed
                actions:   []

                """
            let plan = try Fixture.plan(at: ".", in: dir, recommendations: [
                "01.yaml": modeline + "\n" + body.replacingOccurrences(of: "%d", with: "1"),
                "02.yaml": otherModeline + "\n" + body.replacingOccurrences(of: "%d", with: "2"),
            ])
            let result = run(["fmt"], in: plan)
            #expect(result.status == 0, "\(result)")
            #expect(!result.stdout.contains("comment-not-kept"), "\(result)")
            #expect(result.stdoutLines == ["formatted recommendations/01.yaml", "formatted recommendations/02.yaml"],
                    "\(result)")
            for (number, line) in [(1, modeline), (2, otherModeline)] {
                let text = String(decoding: bytes(of: plan.appendingPathComponent("recommendations/0\(number).yaml")) ?? [],
                                  as: UTF8.self)
                // The author's modeline stays first, word for word; the rest is rewritten.
                let expected = Fixture.recommendation(number)
                    .replacingOccurrences(of: "# yaml-language-server: $schema=../schema/recommendation.schema.json", with: line)
                #expect(text == expected, "0\(number).yaml")
                #expect(text.hasPrefix(line + "\nnumber: \(number)\naddressee: HM Prison"), "0\(number).yaml: \(text)")
            }
            let recheck = run(["fmt", "--check"], in: plan)
            #expect(recheck.status == 0, "\(recheck)")
        }
    }

    // MARK: 10. Errors, byte-order marks, CRLF

    @Test("fmt refuses a file with errors and leaves it alone")
    func fmtRefusesFileWithErrors() throws {
        try withTemporaryDirectory { dir in
            let broken = """
                number: 1
                addressee:   HM Prison and Probation Service
                text: Improve the quality of recall decisions
                status: maybe

                """
            let plan = try Fixture.plan(at: ".", in: dir, recommendations: ["01.yaml": broken])
            let file = plan.appendingPathComponent("recommendations/01.yaml")
            for args in [["fmt"], ["fmt", "--check"]] {
                let result = run(args, in: plan)
                #expect(result.status == 1, "\(args): \(result)")
                #expect(bytes(of: file) == Array(broken.utf8), "\(args) changed the file")
                let places = result.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" }
                #expect(places == ["recommendations/01.yaml:4:9 invalid-value"], "\(args): \(result)")
            }
        }
    }

    @Test("fmt removes a byte-order mark and turns CRLF line ends into LF")
    func fmtRemovesBOMAndCRLF() throws {
        try withTemporaryDirectory { dir in
            let canonical = FmtTests.tidy
            let crlf = canonical.replacingOccurrences(of: "\n", with: "\r\n")
            let plan = try Fixture.plan(at: ".", in: dir)
            let file = try writeBytes([0xEF, 0xBB, 0xBF] + Array(crlf.utf8), to: "recommendations/01.yaml", in: plan)

            let before = run(["check"], in: plan)
            #expect(before.status == 0, "\(before)")
            #expect(before.diagnostics.map(\.rule) == ["byte-order-mark"], "\(before)")

            let dryRun = run(["fmt", "--check"], in: plan)
            #expect(dryRun.status == 1, "\(dryRun)")
            #expect(dryRun.stdoutLines == ["would reformat recommendations/01.yaml"], "\(dryRun)")

            let fmt = run(["fmt"], in: plan)
            #expect(fmt.status == 0, "\(fmt)")
            let after = try #require(bytes(of: file))
            #expect(!after.contains(0x0D), "a carriage return is left")
            #expect(!after.starts(with: [0xEF, 0xBB, 0xBF]), "the byte-order mark is left")
            #expect(after == Array(canonical.utf8))

            let check = run(["check"], in: plan)
            #expect(check.status == 0, "\(check)")
            #expect(check.diagnostics.isEmpty, "\(check)")
        }
    }
}
