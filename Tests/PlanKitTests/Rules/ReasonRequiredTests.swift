import Testing
@testable import PlanKit

@Suite struct ReasonRequiredTests {
    static let rule = "reason-required"

    // Line 4 is `status`.
    static let partlyAgreedWithoutReason = """
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions and fund a new team
        status: partly-agreed
        implemented-part: The guidance on recall decisions
        actions:
          - id: "1.1"
            text: Publish guidance on recall decisions
            owners:
              - Head of Operations
            target: 2024-09

        """

    @Test func partlyAgreedWithoutReasonIsAnErrorAtStatus() throws {
        let found = LintFixture.lint(Self.partlyAgreedWithoutReason).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(4, 1))
        #expect(diagnostic.message.contains("recommendation 1 is partly agreed but gives no reason"))
        #expect(diagnostic.message.contains("'categories'"))
        #expect(diagnostic.message.contains("commissioning, policy, operational or affordability"))
    }

    @Test func notAgreedWithoutReasonIsAnErrorAtStatus() throws {
        // Line 5 is `status`.
        let found = LintFixture.lint("""
            number: 1
            addressee: HM Prison and Probation Service
            theme: Staff
            text: Recruit more staff
            status: not-agreed

            """).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == at(5, 1))
        #expect(diagnostic.message.contains("recommendation 1 is not agreed but gives no reason"))
    }

    @Test func notAgreedWithReasonIsFine() {
        let found = LintFixture.lint("""
            number: 1
            addressee: HM Prison and Probation Service
            text: Recruit more staff
            status: not-agreed
            reason:
              categories: [affordability]
              text: There is no funding for more posts

            """)
        #expect(found.of(Self.rule).isEmpty)
        #expect(found.isEmpty)
    }

    /// A reason with its text but no category: an error at `reason`, naming the category.
    @Test func aReasonWithoutACategoryIsAnErrorAtTheReason() throws {
        for categories in ["", "  categories: []\n"] {
            // Line 5 is `reason`, line 6 `categories` when written.
            let found = LintFixture.lint("""
                number: 1
                addressee: HM Prison and Probation Service
                text: Recruit more staff
                status: not-agreed
                reason:
                \(categories)  text: The posts belong to another service

                """).of(Self.rule)
            #expect(found.count == 1)
            let diagnostic = try #require(found.first)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location == (categories.isEmpty ? at(5, 1) : at(6, 3)))
            #expect(diagnostic.message.contains("recommendation 1 is not agreed but its reason names no category"))
        }
    }

    @Test func agreedNeedsNoReason() {
        let found = LintFixture.lint("""
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

            """)
        #expect(found.of(Self.rule).isEmpty)
    }

    @Test func severityCanBeConfigured() throws {
        let lowered = LintFixture.configuration("rules:\n  reason-required: warning\n")
        let diagnostic = try #require(LintFixture.lint(Self.partlyAgreedWithoutReason, configuration: lowered).of(Self.rule).first)
        #expect(diagnostic.severity == .warning)
        let off = LintFixture.configuration("rules:\n  reason-required: off\n")
        #expect(LintFixture.lint(Self.partlyAgreedWithoutReason, configuration: off).of(Self.rule).isEmpty)
    }

    /// The rule means the same for a concern, and names it so.
    @Test func aConcernIsNamedByItsKind() throws {
        let concern = Self.partlyAgreedWithoutReason.replacingOccurrences(of: "number: 1\n", with: "number: 1\nkind: key-concern\n")
        let diagnostic = try #require(LintFixture.lint(concern).of(Self.rule).first)
        #expect(diagnostic.message.hasPrefix("key concern 1 is partly agreed but gives no reason"))
    }
}
