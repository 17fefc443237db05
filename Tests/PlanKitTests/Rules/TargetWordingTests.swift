import Testing
@testable import PlanKit

@Suite struct TargetWordingTests {
    static let rule = "target-wording"

    /// One action; its `note` is on line 11, key at column 5.
    static func recommendation(note: String, target: String? = nil, state: String = "ongoing") -> String {
        """
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "1.1"
            text: Publish guidance on recall decisions
            owners:
              - Head of Operations
            state: \(state)
            note: \(note)\(target.map { "\n    target: \($0)" } ?? "")

        """
    }

    @Test func anOpenEndedNoteWithoutADateIsAWarningAtTheNote() throws {
        let found = LintFixture.lint(Self.recommendation(note: "Ongoing")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(11, 5))
        #expect(diagnostic.message.contains("action 1.1's target note \"Ongoing\" is \"ongoing\", not a date"))
    }

    @Test(arguments: [
        ("TBC", "tbc"),
        ("Dependent on provision of the framework", "dependent"),
        ("Subject to funding", "subject to"),
        ("To be confirmed", "to be confirmed"),
    ])
    func eachOpenEndedWordingIsFound(note: String, word: String) throws {
        let diagnostic = try #require(LintFixture.lint(Self.recommendation(note: note)).of(Self.rule).first)
        #expect(diagnostic.message.contains("is \"\(word)\", not a date"))
        #expect(diagnostic.location == at(11, 5))
    }

    @Test func anOpenActionWithATargetAndATBCNoteIsReported() throws {
        let found = LintFixture.lint(Self.recommendation(note: "June 2024 TBC", target: "2024-09", state: "planned")).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.location == at(11, 5))
    }

    @Test func aLongNoteIsShortenedInTheMessage() throws {
        let note = "Ongoing while the new probation service model is designed and agreed"
        let diagnostic = try #require(LintFixture.lint(Self.recommendation(note: note)).of(Self.rule).first)
        #expect(diagnostic.message.contains("\"" + String(note.prefix(50)) + "…\""))
        #expect(!diagnostic.message.contains(note))
    }

    @Test func aClosedActionWithATargetIsFine() {
        let found = LintFixture.lint(Self.recommendation(note: "Dependent on funding", target: "2024-01", state: "completed"))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func aNoteThatIsNotOpenEndedIsFine() {
        let found = LintFixture.lint(Self.recommendation(note: "Moved from June 2024", target: "2024-09", state: "planned"))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    /// "independent" contains "dependent", but says nothing about the date.
    @Test func aWordContainingAnOpenEndedWordIsNotOpenEnded() {
        let found = LintFixture.lint(Self.recommendation(note: "Timing agreed with the independent chair", target: "2024-09", state: "planned"))
        #expect(found.of(Self.rule).isEmpty, "the note names no open-ended wording; found \(found.of(Self.rule))")
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(note: "Ongoing")
        let raised = LintFixture.configuration("rules:\n  target-wording: error\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: raised).of(Self.rule).first)
        #expect(diagnostic.severity == .error)
        let off = LintFixture.configuration("rules:\n  target-wording: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
