import Testing
@testable import PlanKit

/// The canonical layout, and that it always reads back as what was written.
@Suite struct WriterTests {
    func roundTrip(_ rec: Recommendation) throws -> String {
        let text = CanonicalWriter.write(rec)
        let parsed = PlanFormat.parseRecommendation(Array(text.utf8), path: "x.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.description))\n\(text)")
        #expect(parsed.value == rec, "\(text)")
        return text
    }

    /// A reason nobody has given a category yet is written with its text alone, and reads back.
    @Test func aReasonWithoutCategoriesIsWrittenWithItsTextAlone() throws {
        let rec = Recommendation(number: 2, addressee: "HMPPS", text: "Do A", status: .notAgreed,
                                 reason: Reason(categories: [], text: "The records belong to another service"))
        let text = try roundTrip(rec)
        #expect(text.contains("reason:\n  text: The records belong to another service\n"))
        #expect(!text.contains("categories"))
    }

    @Test func writesTheCanonicalLayout() throws {
        let rec = Recommendation(
            number: 5, addressee: "HM Prison and Probation Service", theme: "Staff",
            text: "Review the responsibilities and the actions of the Part B risk assessment process, including the 10-day timescale",
            status: .partlyAgreed, implementedPart: "The review",
            reason: Reason(categories: [.policy, .affordability], text: "Funding is not available"),
            actions: [Action(id: "5.10", text: "Run a pilot", owners: ["Deputy Director, Public Protection Group"],
                             target: .month(year: 2021, month: 7), state: .inProgress,
                             updates: [Update(date: .month(year: 2021, month: 12), text: "Extended", target: .month(year: 2022, month: 3))])])
        let text = try roundTrip(rec)
        #expect(text == """
            # yaml-language-server: $schema=../schema/recommendation.schema.json
            number: 5
            addressee: HM Prison and Probation Service
            theme: Staff
            text: >-
              Review the responsibilities and the actions of the Part B risk assessment
              process, including the 10-day timescale
            status: partly-agreed
            implemented-part: The review
            reason:
              categories: [policy, affordability]
              text: Funding is not available
            actions:
              - id: "5.10"
                text: Run a pilot
                owners:
                  - Deputy Director, Public Protection Group
                target: 2021-07
                state: in-progress
                updates:
                  - date: 2021-12
                    text: Extended
                    target: 2022-03

            """)
    }

    @Test func quotesWhatOtherReadersWouldMisread() throws {
        for value in ["no", "Yes", "ON", "null", "~", "007", "1.10", "1e3", "0x1F", ".inf", "2021-12-07", "12:30",
                      "- item", "key: value", "a #b", "#hash", "'quoted'", "\"dq\"", "[x]", "{y}", "*ref", "&anchor",
                      "!tag", "|", ">", "%", "@", "`", "trailing:", " lead", "trail ", "<<", "="] {
            let rec = Recommendation(number: 1, addressee: value, text: "t", status: .agreed)
            let text = try roundTrip(rec)
            #expect(text.contains("addressee: \""), "\(value) was not quoted:\n\(text)")
        }
        for value in ["Agreed", "2021-07", "HM Prison & Probation Service", "C# and F#", "see 3.1 above", "Q&E"] {
            let text = try roundTrip(Recommendation(number: 1, addressee: value, text: "t", status: .agreed))
            #expect(text.contains("addressee: \(value)\n"), "\(value) was quoted needlessly")
        }
    }

    @Test func multiParagraphTextIsALiteralBlock() throws {
        let rec = Recommendation(number: 1, addressee: "A", text: "First paragraph.\n\nSecond:\n- one\n- two", status: .agreed)
        let text = try roundTrip(rec)
        #expect(text.contains("text: |-\n  First paragraph.\n\n  Second:\n  - one\n  - two\n"))
    }

    @Test func textNoBlockCanHoldIsDoubleQuotedExactly() throws {
        let awkward = ["tab\there", "trailing space \nline", " leading\nspace", "ends with newline\n",
                       "ls\u{2028}ps\u{2029}", "bom\u{FEFF}", "back\\slash \"quote\"",
                       "emoji 👍 é", "two  spaces  kept", "nbsp\u{A0}and zero\u{200B}width"]
        for value in awkward {
            _ = try roundTrip(Recommendation(number: 1, addressee: "A", text: value, status: .agreed))
            _ = try roundTrip(Recommendation(number: 1, addressee: "A", text: String(repeating: value + " word ", count: 12), status: .agreed))
        }
    }

    @Test func textNoPlanMayHoldIsWrittenAsAnEscapeTheReaderRefuses() throws {
        // Should a model ever hold one (a bug, an old import), the writer still loses nothing:
        // it writes the character as a YAML escape, which the reader refuses, naming it.
        for (value, name) in [("nul\u{0}byte", "U+0000"), ("bell\u{7}", "U+0007"), ("nel\u{85}line", "U+0085"),
                              ("carriage\rreturn", "U+000D"), ("esc\u{1B}[2K", "U+001B"), ("rlo\u{202E}x", "U+202E")] {
            let text = CanonicalWriter.write(Recommendation(number: 1, addressee: "A", text: value, status: .agreed))
            #expect(!text.unicodeScalars.contains { !UnsafeCharacters.isAllowed($0) }, "\(text)")
            let parsed = PlanFormat.parseRecommendation(Array(text.utf8), path: "x.yaml")
            #expect(parsed.value == nil)
            #expect(parsed.diagnostics.map(\.rule) == ["control-character"], "\(parsed.diagnostics)")
            #expect(parsed.diagnostics.first?.message.contains(name) == true, "\(parsed.diagnostics)")
        }
    }

    @Test func foldingNeverBreaksAtDoubleSpaces() throws {
        let value = (0..<40).map { $0 % 3 == 0 ? "word  gap" : "word" }.joined(separator: " ")
        let text = try roundTrip(Recommendation(number: 1, addressee: "A", text: value, status: .agreed))
        #expect(text.contains("text: >-"))
        for line in text.split(separator: "\n") { #expect(!line.hasSuffix(" ")) }
    }

    @Test func planFileLayout() throws {
        let info = PlanInfo(title: "T", organisation: "O", inspectorate: "I",
                            report: Report(title: "R", published: Day(year: 2020, month: 11, day: 10), url: "https://example.org/r"),
                            submitted: Day(year: 2020, month: 12, day: 7),
                            revisions: [Revision(submitted: Day(year: 2021, month: 12, day: 7)!, title: "Action Plan Update")],
                            summary: Summary(agreed: 1, partlyAgreed: 0, notAgreed: 0), introduction: "Intro.\n\nMore.")
        let text = CanonicalWriter.write(info)
        #expect(text == """
            # yaml-language-server: $schema=schema/plan.schema.json
            format: 1
            title: T
            organisation: O
            inspectorate: I
            report:
              title: R
              published: "2020-11-10"
              url: https://example.org/r
            submitted: "2020-12-07"
            revisions:
              - submitted: "2021-12-07"
                title: Action Plan Update
            summary:
              agreed: 1
              partly-agreed: 0
              not-agreed: 0
            introduction: |-
              Intro.

              More.

            """)
        #expect(PlanFormat.parsePlanInfo(Array(text.utf8), path: "plan.yaml").value == info)
    }

    @Test func formatterRefusesCommentsAndKeepsTheModeline() {
        let withComment = "number: 1\naddressee: A # who\ntext: t\nstatus: agreed\n"
        guard case .refused(let diagnostics) = PlanFormatter.format(Array(withComment.utf8), path: "01.yaml", kind: .recommendation) else {
            Issue.record("a file with a comment was not refused")
            return
        }
        #expect(diagnostics.map(\.rule) == ["comment"])
        #expect(diagnostics.first?.location == SourceLocation(line: 2, column: 14))
        #expect(diagnostics.first?.message.contains("\"# who\"") == true)

        let modeline = "# yaml-language-server: $schema=../../../schema/recommendation.schema.json\nnumber: 1\naddressee: A\ntext: t\nstatus: agreed\nactions: []\n"
        #expect(PlanFormatter.format(Array(modeline.utf8), path: "01.yaml", kind: .recommendation) == .unchanged)

        let noModeline = "number: 1\naddressee: A\ntext: t\nstatus: agreed\n"
        #expect(PlanFormatter.format(Array(noModeline.utf8), path: "01.yaml", kind: .recommendation) == .changed(noModeline + "actions: []\n"))
    }

    @Test func formatterRemovesBOMAndCRLF() {
        let text = "number: 1\r\naddressee: A\r\ntext: t\r\nstatus: agreed\r\nactions: []\r\n"
        let outcome = PlanFormatter.format([0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "01.yaml", kind: .recommendation)
        #expect(outcome == .changed(text.replacingOccurrences(of: "\r\n", with: "\n")))
    }
}
