import Testing
@testable import PlanKit

@Suite struct CrossReferenceTests {
    static let rule = "cross-reference"

    static let first = """
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "1.1"
            text: Publish guidance on recall decisions
            owners:
              - Head of Operations
            target: 2024-09

        """

    /// Recommendation 2 with `response` on line 5 and its action's `text` on line 8 and its
    /// update's `text` on line 14 (key at column 9).
    static func second(response: String, actionText: String, updateText: String = "Drafting has started") -> String {
        """
        number: 2
        addressee: HM Prison and Probation Service
        text: Improve the training of staff
        status: agreed
        response: \(response)
        actions:
          - id: "2.1"
            text: \(actionText)
            owners:
              - Head of Operations
            target: 2024-09
            updates:
              - date: 2024-03
                text: \(updateText)

        """
    }

    @Test func aReferenceToAMissingRecommendationIsAnErrorAtItsField() throws {
        let found = LintFixture.lint(Self.first, Self.second(response: "This builds on the work (see Recommendation 7).",
                                                             actionText: "Deliver training on recall decisions")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/02.yaml")
        #expect(diagnostic.location == at(5, 1))
        #expect(diagnostic.message.contains("the text refers to recommendation 7, which the plan does not have"))
    }

    @Test func aReferenceToAMissingActionIsAnErrorAtItsField() throws {
        let found = LintFixture.lint(Self.first, Self.second(response: "Training follows the guidance.",
                                                             actionText: "Deliver training on the guidance (see 3.1 above)")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == at(8, 5))
        #expect(diagnostic.message.contains("the text refers to 3.1, which is not an action of the plan"))
    }

    @Test func referencesInUpdatesAreChecked() throws {
        let found = LintFixture.lint(Self.first, Self.second(response: "Training follows the guidance.",
                                                             actionText: "Deliver training on recall decisions",
                                                             updateText: "Waiting for the guidance, see action 1.2")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == at(14, 9))
        #expect(diagnostic.message.contains("refers to 1.2"))
    }

    @Test func onlyTheMissingNumberOfAListIsReported() throws {
        let found = LintFixture.lint(Self.first, Self.second(response: "As for recommendations 1 and 4.",
                                                             actionText: "Deliver training on recall decisions")).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("recommendation 4,") == true)
        #expect(found.first?.location == at(5, 1))
    }

    @Test func referencesToThingsThatExistAreFine() {
        let found = LintFixture.lint(Self.first, Self.second(response: "This builds on Recommendation 1.",
                                                             actionText: "Deliver training on the guidance (See 1.1 above)",
                                                             updateText: "On track, see 2.1 above"))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let second = Self.second(response: "See Recommendation 7.", actionText: "Deliver training on recall decisions")
        let lowered = LintFixture.configuration("rules:\n  cross-reference: warning\n")
        let diagnostic = try #require(LintFixture.lint(Self.first, second, configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  cross-reference: off\n")
        #expect(LintFixture.lint(Self.first, second, configuration: off).of(Self.rule).isEmpty)
    }
}
