import Testing
@testable import PlanKit

@Suite struct ActionIDPrefixTests {
    static let rule = "action-id-prefix"

    /// Recommendation 5 (in 05.yaml) with one action whose `id` is on line 7, key at column 5.
    static func recommendation(id: String) -> [(path: String, text: String)] {
        [("recommendations/05.yaml", """
            number: 5
            addressee: HM Prison and Probation Service
            theme: Leadership
            text: Improve the quality of recall decisions
            status: agreed
            actions:
              - id: "\(id)"
                text: Publish guidance on recall decisions
                owners:
                  - Head of Operations
                target: 2024-09

            """)]
    }

    @Test func anIDOfAnotherRecommendationIsAnErrorAtTheID() throws {
        let found = LintFixture.lint(files: Self.recommendation(id: "4.2")).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/05.yaml")
        #expect(diagnostic.location == at(7, 5))
        #expect(diagnostic.message.contains("action id 4.2 does not start with 5."))
        #expect(diagnostic.message.contains("use 5.1, 5.2"))
    }

    @Test(arguments: ["51.1", "5", "15.5"])
    func idsThatOnlyLookLikeTheNumberAreReported(id: String) throws {
        let found = LintFixture.lint(files: Self.recommendation(id: id)).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.location == at(7, 5))
    }

    @Test(arguments: ["5.1", "5.10", "5.1.2"])
    func idsUnderTheRecommendationsNumberAreFine(id: String) {
        let found = LintFixture.lint(files: Self.recommendation(id: id)).of(Self.rule)
        #expect(found.isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let lowered = LintFixture.configuration("rules:\n  action-id-prefix: warning\n")
        let diagnostic = try #require(LintFixture.lint(files: Self.recommendation(id: "4.2"), configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  action-id-prefix: off\n")
        #expect(LintFixture.lint(files: Self.recommendation(id: "4.2"), configuration: off).of(Self.rule).isEmpty)
    }
}
