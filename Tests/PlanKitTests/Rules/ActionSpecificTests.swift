import Testing
@testable import PlanKit

@Suite struct ActionSpecificTests {
    static let rule = "action-specific"

    /// A recommendation with one action whose `text` is on line 7, key at column 5.
    static func recommendation(actionText: String, state: String = "planned") -> String {
        """
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "1.1"
            text: \(actionText)
            owners:
              - Head of Operations
            target: 2024-09
            state: \(state)

        """
    }

    @Test func aVagueActionIsAWarningAtItsText() throws {
        let found = LintFixture.lint(Self.recommendation(actionText: "Work with partners to improve outcomes")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(7, 5))
        #expect(diagnostic.message.contains("action 1.1 is vague (\"work with\")"))
        #expect(diagnostic.message.contains("names no deliverable"))
    }

    @Test(arguments: [
        ("Continue to improve outcomes for people on probation", "continue to"),
        ("Explore options with partners", "explore"),
        ("Consider the findings with partners", "consider"),
        ("We will explore options with partners", "explore"),
        ("Liaise with partners about outcomes", "liaise with"),
    ])
    func everyBuiltInPhraseIsFound(text: String, phrase: String) throws {
        let diagnostic = try #require(LintFixture.lint(Self.recommendation(actionText: text)).of(Self.rule).first)
        #expect(diagnostic.message.contains("(\"\(phrase)\")"))
        #expect(diagnostic.location == at(7, 5))
    }

    /// The explanation and the summary name "review" as a vague opening; an action that only
    /// reviews, naming no deliverable, should be reported.
    @Test func aBareReviewIsVague() throws {
        let found = LintFixture.lint(Self.recommendation(actionText: "Review current arrangements for recall")).of(Self.rule)
        #expect(found.count == 1, "\"Review current arrangements for recall\" opens with the vague phrase \"review\" and names no deliverable")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message.contains("(\"review\")"))
        #expect(diagnostic.location == at(7, 5))
    }

    @Test func aVaguePhraseWithADeliverableIsFine() {
        let found = LintFixture.lint(Self.recommendation(actionText: "Work with partners to publish guidance on recall"))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func aDroppedVagueActionIsNotReported() {
        let found = LintFixture.lint(Self.recommendation(actionText: "Work with partners to improve outcomes", state: "dropped"))
        #expect(found.of(Self.rule).isEmpty)
    }

    @Test func theConfiguredPhrasesReplaceTheBuiltInList() throws {
        let configuration = LintFixture.configuration("vague-phrases: [Strive to]\n")
        let custom = LintFixture.lint(Self.recommendation(actionText: "Strive to improve outcomes for people on probation"),
                                      configuration: configuration).of(Self.rule)
        let diagnostic = try #require(custom.first)
        #expect(custom.count == 1)
        #expect(diagnostic.message.contains("(\"strive to\")"))
        #expect(diagnostic.location == at(7, 5))
        // Without the configuration, "strive to" is not vague ...
        #expect(LintFixture.lint(Self.recommendation(actionText: "Strive to improve outcomes for people on probation")).of(Self.rule).isEmpty)
        // ... and with it, the built-in phrases no longer are.
        #expect(LintFixture.lint(Self.recommendation(actionText: "Work with partners to improve outcomes"),
                                 configuration: configuration).of(Self.rule).isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(actionText: "Work with partners to improve outcomes")
        let raised = LintFixture.configuration("rules:\n  action-specific: error\n")
        let diagnostic = try #require(LintFixture.lint(text, configuration: raised).of(Self.rule).first)
        #expect(diagnostic.severity == .error)
        let off = LintFixture.configuration("rules:\n  action-specific: off\n")
        #expect(LintFixture.lint(text, configuration: off).of(Self.rule).isEmpty)
    }
}
