import Foundation
import Testing
@testable import PlanKit

/// How the reader types values and reports problems.
@Suite struct ReaderTests {
    static let header = """
        number: 3
        addressee: HM Prison and Probation Service
        text: Review the process
        status: agreed

        """

    func parse(_ text: String) -> ParsedFile<Recommendation> {
        PlanFormat.parseRecommendation(Array(text.utf8), path: "03.yaml")
    }

    func rules(_ parsed: ParsedFile<Recommendation>) -> [String] {
        parsed.diagnostics.map(\.rule)
    }

    @Test func scalarsKeepTheirSourceText() throws {
        let parsed = parse(Self.header + """
            actions:
              - id: "1.10"
                text: no
                owners: [Off, "007"]
                target: 2021-07
            """)
        let rec = try #require(parsed.value)
        #expect(rec.actions[0].id == "1.10")
        #expect(rec.actions[0].text == "no")
        #expect(rec.actions[0].owners == ["Off", "007"])
        #expect(rec.actions[0].target == .month(year: 2021, month: 7))
        // `no` and `Off` are booleans to YAML 1.1 readers: warned about, not refused.
        #expect(parsed.diagnostics.filter { $0.rule == "ambiguous-scalar" }.count == 2)
        #expect(!parsed.diagnostics.hasErrors)
    }

    /// `reason:` with `text` and no (or empty) `categories` reads; lint, not the reader, asks for
    /// the category.
    @Test func aReasonMayLackItsCategories() throws {
        let statusLine = "status: agreed\n"
        for reason in ["reason:\n  text: Not ours to fund\n", "reason:\n  categories: []\n  text: Not ours to fund\n"] {
            let parsed = parse(Self.header.replacingOccurrences(of: statusLine, with: "status: not-agreed\n") + reason)
            #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.description))")
            #expect(parsed.value?.reason == Reason(categories: [], text: "Not ours to fund"))
        }
    }

    @Test func unquotedIDIsReadAsTextWithAWarning() throws {
        let parsed = parse(Self.header + "actions:\n  - id: 1.10\n    text: Do it\n")
        let rec = try #require(parsed.value)
        #expect(rec.actions[0].id == "1.10")
        let warning = try #require(parsed.diagnostics.first)
        #expect(warning.rule == "ambiguous-scalar")
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(line: 6, column: 9))
    }

    @Test func everyProblemInAFileIsReported() {
        let parsed = parse("""
            number: 0
            adressee: HMPPS
            text: ""
            status: Partly Agreed
            actions:
              - id: 1.a
                text: Something
                owner: Head of Operations
                target: June 2021
                state: done
            """)
        #expect(parsed.value == nil)
        let found = parsed.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.rule)" }
        #expect(found == [
            "1:9 invalid-number",
            "1:1 missing-key",        // addressee (misspelt below), reported at the mapping
            "2:1 unknown-key",
            "3:7 empty-value",
            "4:9 invalid-value",
            "6:9 invalid-id",
            "8:5 unknown-key",
            "9:13 invalid-date",
            "10:12 invalid-value",
        ].sorted { a, b in
            let pa = a.split(separator: " ")[0].split(separator: ":").map { Int($0)! }
            let pb = b.split(separator: " ")[0].split(separator: ":").map { Int($0)! }
            return (pa[0], pa[1], a) < (pb[0], pb[1], b)
        })
        let messages = parsed.diagnostics.map(\.message).joined(separator: "\n")
        #expect(messages.contains("did you mean 'addressee'?"))
        #expect(messages.contains("did you mean 'owners'?"))
        #expect(messages.contains("did you mean 'partly-agreed'?"))
        #expect(messages.contains("put wording that is not a date in 'note'"))
        #expect(messages.contains("planned, in-progress, completed, ongoing, dropped"))
    }

    @Test func diagnosticsPrintInTheCompilerForm() throws {
        let parsed = parse(Self.header.replacingOccurrences(of: "status: agreed", with: "status: maybe"))
        let d = try #require(parsed.diagnostics.first)
        #expect(d.description == "03.yaml:4:9: error: 'status' cannot be 'maybe'; use one of: agreed, partly-agreed, not-agreed [invalid-value]")
    }

    @Test func targetsAcceptMonthsDaysAndQuarters() throws {
        let parsed = parse(Self.header + """
            actions:
              - id: "3.1"
                text: A
                target: 2021-Q3
              - id: "3.2"
                text: B
                target: "2021-07-31"
                updates:
                  - date: 2021-12
                    text: Moved
                    target: 2022-03
                    state: in-progress
                    owners: [Director]
            """)
        let rec = try #require(parsed.value)
        #expect(rec.actions[0].target == .quarter(year: 2021, quarter: 3))
        #expect(rec.actions[1].target == .day(Day(year: 2021, month: 7, day: 31)!))
        #expect(rec.actions[1].currentTarget == .month(year: 2022, month: 3))
        #expect(rec.actions[1].currentState == .inProgress)
        #expect(rec.actions[1].currentOwners == ["Director"])
        #expect(rec.actions[0].state == .planned)
    }

    @Test func impossibleDatesAreRefused() {
        for bad in ["2021-02-30", "2021-13", "2021-Q5", "21-07", "2021-7", "July 2021", "2021-07-01T10:00"] {
            let parsed = parse(Self.header + "actions:\n  - id: \"3.1\"\n    text: A\n    target: \(bad)\n")
            #expect(parsed.diagnostics.map(\.rule) == ["invalid-date"], "\(bad)")
        }
        let update = parse(Self.header + "actions:\n  - id: \"3.1\"\n    text: A\n    updates:\n      - date: 2021-Q4\n        text: B\n")
        #expect(update.diagnostics.map(\.rule) == ["invalid-date"])
    }

    @Test func quotedNumbersAndHugeNumbersAreRefused() {
        #expect(rules(parse(Self.header.replacingOccurrences(of: "number: 3", with: "number: \"3\""))) == ["wrong-type"])
        for bad in ["1e309", "-0", "03", "99999999999999999999", "3.0", "+3"] {
            #expect(rules(parse(Self.header.replacingOccurrences(of: "number: 3", with: "number: \(bad)"))) == ["invalid-number"], "\(bad)")
        }
    }

    @Test func anchorsAliasesTagsAndFlowMappingsAreRefused() {
        #expect(rules(parse(Self.header + "theme: &t Leadership\nresponse: *t\n")).contains("anchor-alias"))
        #expect(rules(parse(Self.header + "theme: !!str Leadership\n")) == ["explicit-tag"])
        #expect(rules(parse(Self.header + "reason: {categories: [policy], text: x}\n")).contains("flow-mapping"))
        #expect(rules(parse(Self.header + "actions: [{id: \"1\", text: x}]\n")).contains("flow-mapping"))
    }

    @Test func aliasBombIsRefusedQuickly() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let parsed = parse(text)
        #expect(parsed.value == nil)
        #expect(rules(parsed).contains("anchor-alias"))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        // Brackets, braces (each found on its own: the check looks for either), and the two mixed.
        for (open, close) in [("[", "]"), ("{a: ", "}"), ("[{a: ", "}]")] {
            let deep = String(repeating: open, count: 10_000) + String(repeating: close, count: 10_000)
            let parsed = parse("text: " + deep + "\n")
            #expect(parsed.value == nil, "\(open)")
            #expect(parsed.diagnostics.map(\.rule).contains("nesting-too-deep"), "\(open): \(parsed.diagnostics)")
        }
    }

    @Test func lineEndingsAndByteOrderMark() throws {
        let crlf = Self.header.replacingOccurrences(of: "\n", with: "\r\n") + "theme: Staff\r\n"
        let parsed = parse(crlf)
        #expect(parsed.value?.theme == "Staff")
        let cr = parse(Self.header.replacingOccurrences(of: "\n", with: "\r") + "theme: x y\r")
        #expect(cr.value?.theme == "x y")

        let bom = PlanFormat.parseRecommendation([0xEF, 0xBB, 0xBF] + Array(Self.header.utf8), path: "03.yaml")
        #expect(bom.value != nil)
        #expect(bom.diagnostics.map(\.rule) == ["byte-order-mark"])
    }

    @Test func badBytesAreReportedWithTheirPlace() {
        let utf8 = PlanFormat.parseRecommendation(Array("number: 3\ntext: ab".utf8) + [0xFF] + Array("\n".utf8), path: "x.yaml")
        #expect(utf8.diagnostics.map(\.rule) == ["invalid-utf8"])
        #expect(utf8.diagnostics.first?.location == SourceLocation(line: 2, column: 9))

        let nul = PlanFormat.parseRecommendation(Array("number: 3\ntext: a\u{0}b\n".utf8), path: "x.yaml")
        #expect(nul.diagnostics.map(\.rule) == ["control-character"])
        #expect(nul.diagnostics.first?.location == SourceLocation(line: 2, column: 8))
    }

    @Test func tabIndentationIsNamed() {
        let parsed = parse("number: 3\nreason:\n\tcategories: [policy]\n")
        #expect(rules(parsed) == ["tab-indentation"])
        #expect(parsed.diagnostics.first?.location == SourceLocation(line: 3, column: 1))
    }

    @Test func duplicateKeyIsReportedAtTheSecondOccurrence() {
        let parsed = parse(Self.header + "actions:\n  - id: \"3.1\"\n    text: A\n    text: B\n")
        #expect(rules(parsed) == ["duplicate-key"])
        #expect(parsed.diagnostics.first?.location == SourceLocation(line: 8, column: 5))
        #expect(parsed.diagnostics.first?.message.contains("first at line 7") == true)
    }

    @Test func emptyFilesAndCommentOnlyFiles() {
        #expect(rules(parse("")) == ["empty-file"])
        #expect(rules(parse("\n\n  \n")) == ["empty-file"])
        #expect(rules(parse("# nothing here\n")) == ["empty-file"])
        #expect(rules(parse(Self.header + "---\n" + Self.header)) == ["multiple-documents"])
    }

    @Test func nonMappingRootIsAWrongType() {
        #expect(rules(parse("- a\n- b\n")) == ["wrong-type"])
        #expect(rules(parse("just text\n")) == ["wrong-type"])
    }

    @Test func commentsAreFoundOutsideScalarsOnly() throws {
        let parsed = parse("""
            # yaml-language-server: $schema=../schema/recommendation.schema.json
            number: 3 # trailing
            addressee: "HM # not a comment"
            text: |-
              # not a comment either
              C# and F# are languages
            # a real comment
            status: agreed
            response: 'it''s # fine'
            """)
        #expect(parsed.modeline == "# yaml-language-server: $schema=../schema/recommendation.schema.json")
        #expect(parsed.comments.map(\.location) == [SourceLocation(line: 2, column: 11), SourceLocation(line: 7, column: 1)])
        // Each is an error, quoting the words YAML drops; the quoted and block '#'s are text.
        #expect(parsed.value == nil)
        #expect(parsed.diagnostics.map { "\($0.location!) \($0.rule)" } == ["2:11 comment", "7:1 comment"])
        #expect(parsed.diagnostics.first?.message.contains("YAML reads \"# trailing\" as a comment") == true)
        #expect(parsed.diagnostics.last?.message.contains("\"# a real comment\" is a YAML comment") == true)
    }

    @Test func onlyTheModelineAndPlantoolDirectivesAreAllowedComments() throws {
        let parsed = parse("""
            # yaml-language-server: $schema=../schema/recommendation.schema.json
            # plantool: disable-file=action-specific
            number: 3  # plantool: disable=ambiguous-scalar
            addressee: HM
            text: Review the recall process #3 and the licence conditions
            # plantool: conflict status: ours "agreed", theirs "not-agreed"
            status: agreed
            """)
        #expect(parsed.diagnostics.map { "\($0.location!) \($0.rule)" } == ["5:33 comment"])
        #expect(parsed.diagnostics.first?.message.contains("\"#3 and the licence conditions\"") == true)
        #expect(parsed.value == nil)
    }

    @Test func aModelineOrDirectiveHoldingAControlCharacterIsRefused() throws {
        let parsed = parse("# yaml-language-server: $schema=x\u{202E}y\nnumber: 3 # plantool: disable=all\u{2066}\naddressee: HM\ntext: T\nstatus: agreed\n")
        #expect(parsed.diagnostics.map { "\($0.location!) \($0.rule)" } == ["1:34 control-character", "2:34 control-character"])
        #expect(parsed.diagnostics.map(\.message) == ["the modeline holds the bidirectional control U+202E; remove it",
                                                      "the directive holds the bidirectional control U+2066; remove it"])
    }

    @Test func planFileIsReadWithItsOptionalParts() throws {
        let parsed = PlanFormat.parsePlanInfo(Array("""
            format: 1
            title: T
            organisation: O
            inspectorate: I
            report:
              title: R
              published: 2020-11-10
            revisions:
              - submitted: "2021-12-07"
                title: Action Plan Update
            summary:
              agreed: 2
              partly-agreed: 1
              not-agreed: 0
            """.utf8), path: "plan.yaml")
        let info = try #require(parsed.value)
        #expect(info.report.published == Day(year: 2020, month: 11, day: 10))
        #expect(info.submitted == nil)
        #expect(info.summary?.total == 3)
        #expect(info.revisions.count == 1)

        let wrongFormat = PlanFormat.parsePlanInfo(Array("format: 2\ntitle: T\norganisation: O\ninspectorate: I\nreport:\n  title: R\n".utf8), path: "plan.yaml")
        #expect(wrongFormat.diagnostics.map(\.rule) == ["unsupported-format"])
    }

    @Test func sourceMapPointsAtKeys() throws {
        let parsed = parse(Self.header + "actions:\n  - id: \"3.1\"\n    text: A\n    target: 2021-07\n")
        #expect(parsed.sourceMap.location(of: "status") == SourceLocation(line: 4, column: 1))
        #expect(parsed.sourceMap.location(of: "actions[0].target") == SourceLocation(line: 8, column: 5))
    }
}

/// Readers that want values only skip the source map; everything else they get is the same.
@Suite struct ValuesOnlyReadingTests {
    static var files: [URL] {
        let invalid = Paths.packageRoot.appendingPathComponent("Tests/PlanKitTests/Fixtures/invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: invalid.path)) ?? []
        return Paths.exampleFiles + names.filter { $0.hasSuffix(".yaml") }.sorted().map { invalid.appendingPathComponent($0) }
    }

    @Test func valuesAndDiagnosticsAreTheSameWithoutPlaces() throws {
        var compared = 0, invalid = 0
        for url in Self.files {
            let bytes = try Paths.bytes(url)
            if url.lastPathComponent.hasSuffix("plan.yaml") {
                let full = PlanFormat.parsePlanInfo(bytes, path: url.path)
                let lean = PlanFormat.parsePlanInfo(bytes, path: url.path, keepsPlaces: false)
                #expect(lean.value == full.value, "\(url.lastPathComponent)")
                #expect(lean.diagnostics == full.diagnostics, "\(url.lastPathComponent)")
                #expect(lean.sourceMap == SourceMap())
                #expect(full.value == nil || full.sourceMap != SourceMap())
            } else {
                let full = PlanFormat.parseRecommendation(bytes, path: url.path)
                let lean = PlanFormat.parseRecommendation(bytes, path: url.path, keepsPlaces: false)
                #expect(lean.value == full.value, "\(url.lastPathComponent)")
                #expect(lean.diagnostics == full.diagnostics, "\(url.lastPathComponent)")
                #expect(lean.sourceMap == SourceMap())
                #expect(full.value == nil || full.sourceMap.location(of: "text") != nil, "\(url.lastPathComponent)")
                if full.value == nil { invalid += 1 }
            }
            compared += 1
        }
        #expect(compared > 60 && invalid > 15, "\(compared) files, \(invalid) that do not parse")
    }
}
