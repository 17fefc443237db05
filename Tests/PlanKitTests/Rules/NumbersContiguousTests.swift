import Testing
@testable import PlanKit

@Suite struct NumbersContiguousTests {
    static let rule = "numbers-contiguous"

    /// Recommendation `number`, with the modeline on line 1 and `number` on line 2.
    static func recommendation(_ number: Int, kind: String = "recommendation") -> String {
        """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: \(number)
        kind: \(kind)
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "\(number).1"
            text: Publish guidance on recall decisions
            owners:
              - Head of Operations
            target: 2024-09

        """
    }

    static func files(_ numbers: Int...) -> [(path: String, text: String)] {
        numbers.map { ("recommendations/" + Recommendation.fileName(for: $0), recommendation($0)) }
    }

    @Test func aGapIsAnErrorAtTheNumberAfterIt() throws {
        let found = LintFixture.lint(files: Self.files(1, 3, 4)).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/03.yaml")
        #expect(diagnostic.location == at(2, 1))
        #expect(diagnostic.message.contains("recommendation 2 missing: the numbers run 1 to 4"))
        #expect(diagnostic.message.contains("add its file (02.yaml)"))
    }

    @Test func severalMissingNumbersAreListedTogether() throws {
        let found = LintFixture.lint(files: Self.files(1, 4)).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.path == "recommendations/04.yaml")
        #expect(diagnostic.location == at(2, 1))
        #expect(diagnostic.message.contains("recommendations 2, 3 missing: the numbers run 1 to 4"))
        #expect(diagnostic.message.contains("add their files (02.yaml, 03.yaml)"))
    }

    @Test func moreThanThreeMissingFilesSayTheListGoesOn() throws {
        let diagnostic = try #require(LintFixture.lint(files: Self.files(5)).of(Self.rule).first)
        #expect(diagnostic.message.contains("recommendations 1, 2, 3, 4 missing"))
        #expect(diagnostic.message.contains("add their files (01.yaml, 02.yaml, 03.yaml, …)"))
    }

    @Test func aMissingFirstRecommendationIsReported() throws {
        let diagnostic = try #require(LintFixture.lint(files: Self.files(2)).of(Self.rule).first)
        #expect(diagnostic.path == "recommendations/02.yaml")
        #expect(diagnostic.message.contains("recommendation 1 missing"))
    }

    @Test func contiguousNumbersAreFine() {
        let found = LintFixture.lint(files: Self.files(1, 2, 3))
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let lowered = LintFixture.configuration("rules:\n  numbers-contiguous: warning\n")
        let diagnostic = try #require(LintFixture.lint(files: Self.files(1, 3), configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  numbers-contiguous: off\n")
        #expect(LintFixture.lint(files: Self.files(1, 3), configuration: off).of(Self.rule).isEmpty)
    }

    static func kinds(_ kinds: [String]) -> [(path: String, text: String)] {
        kinds.enumerated().map { ("recommendations/" + Recommendation.fileName(for: $0 + 1), recommendation($0 + 1, kind: $1)) }
    }

    @Test func eachKindInOneRunIsFine() {
        let found = LintFixture.lint(files: Self.kinds(["priority-concern", "priority-concern", "key-concern", "key-concern"]))
        #expect(found.of(Self.rule).isEmpty)
    }

    @Test func aConcernOfAnotherKindInsideARunIsAnErrorAtItsKind() throws {
        let found = LintFixture.lint(files: Self.kinds(["priority-concern", "key-concern", "priority-concern", "key-concern"])).of(Self.rule)
        #expect(found.count == 2)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.path == "recommendations/02.yaml")
        #expect(diagnostic.location == at(3, 1))
        #expect(diagnostic.message == "key concern 2 stands among the priority concerns (numbered 1 to 3); number each kind in one run, or correct its kind")
        #expect(found[1].message.hasPrefix("priority concern 3 stands among the key concerns (numbered 2 to 4)"))
    }
}
