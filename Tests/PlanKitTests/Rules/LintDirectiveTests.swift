import Testing
@testable import PlanKit

/// `# plantool: disable=RULE` and `# plantool: disable-file=RULE` in plan files.
@Suite struct LintDirectiveTests {
    static let rule = "agreed-has-actions"

    static let head = """
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions

        """

    /// Without directives, the agreed recommendation with no actions is reported at its
    /// `status`, line 4.
    @Test func theFixtureIsReportedWithoutDirectives() throws {
        let found = LintFixture.lint(Self.head + "status: agreed\n")
        #expect(found.map(\.rule) == [Self.rule])
        #expect(found.first?.location == at(4, 1))
    }

    @Test func aTrailingDirectiveSilencesItsLine() {
        let found = LintFixture.lint(Self.head + "status: agreed  # plantool: disable=agreed-has-actions\n")
        #expect(found.isEmpty)
    }

    @Test func aDirectiveOnItsOwnLineSilencesTheNextLine() {
        let found = LintFixture.lint(Self.head + "# plantool: disable=agreed-has-actions\nstatus: agreed\n")
        #expect(found.isEmpty)
    }

    @Test func aDirectiveOnItsOwnLineSkipsBlankLines() {
        let found = LintFixture.lint(Self.head + "# plantool: disable=agreed-has-actions\n\nstatus: agreed\n")
        #expect(found.isEmpty)
    }

    @Test func aDirectiveOnItsOwnLineDoesNotReachPastTheNextLine() throws {
        // The directive stands before `text` (line 3); `status` is line 4.
        let found = LintFixture.lint("""
            number: 1
            addressee: HM Prison and Probation Service
            # plantool: disable=agreed-has-actions
            text: Improve the quality of recall decisions
            status: agreed

            """)
        #expect(found.map(\.rule) == [Self.rule])
        #expect(found.first?.location == at(5, 1))
    }

    @Test func aTrailingDirectiveDoesNotSilenceOtherLines() {
        let found = LintFixture.lint("""
            number: 1
            addressee: HM Prison and Probation Service  # plantool: disable=agreed-has-actions
            text: Improve the quality of recall decisions
            status: agreed

            """)
        #expect(found.map(\.rule) == [Self.rule])
    }

    @Test(arguments: [
        "# plantool: disable-file=agreed-has-actions\n" + LintDirectiveTests.head + "status: agreed\n",
        LintDirectiveTests.head + "status: agreed\n# plantool: disable-file=agreed-has-actions\n",
        LintDirectiveTests.head + "status: agreed\nactions: []  # plantool: disable-file=agreed-has-actions\n",
    ])
    func aFileDirectiveSilencesTheWholeFile(text: String) {
        #expect(LintFixture.lint(text).isEmpty)
    }

    @Test func aFileDirectiveSilencesOnlyItsOwnFile() throws {
        let silenced = "# plantool: disable-file=agreed-has-actions\n" + Self.head + "status: agreed\n"
        let other = Self.head.replacingOccurrences(of: "number: 1", with: "number: 2") + "status: agreed\n"
        let found = LintFixture.lint(silenced, other)
        #expect(found.map(\.rule) == [Self.rule])
        #expect(found.first?.path == "recommendations/02.yaml")
    }

    @Test(arguments: [
        "status: agreed  # plantool: disable=action-overdue\n",
        "# plantool: disable=agreed-has-action\nstatus: agreed\n",
        "# plantool: disable-file=reason-required\nstatus: agreed\n",
    ])
    func aDirectiveForAnotherRuleSilencesNothing(tail: String) throws {
        let found = LintFixture.lint(Self.head + tail)
        #expect(found.map(\.rule) == [Self.rule])
    }

    @Test(arguments: [
        "status: agreed  # plantool disable=agreed-has-actions\n",
        "status: agreed  # disable=agreed-has-actions\n",
    ])
    func aMalformedDirectiveIsAComment(tail: String) throws {
        // Not a directive, so a comment: an error of its own, which silences nothing.
        let found = LintFixture.lint(Self.head + tail, allowReaderErrors: true)
        #expect(found.map(\.rule) == [FormatRule.comment.id])
        #expect(found.first?.severity == .error)
    }

    @Test func aDirectiveCanNameSeveralRulesOrAll() {
        #expect(LintFixture.lint(Self.head + "status: agreed  # plantool: disable=reason-required,agreed-has-actions\n").isEmpty)
        #expect(LintFixture.lint(Self.head + "status: agreed  # plantool: disable=all\n").isEmpty)
        #expect(LintFixture.lint(Self.head + "status: agreed  # plantool: disable=agreed-has-actions because it is new\n").isEmpty)
    }

    @Test func aDirectiveSilencesAReadersWarning() {
        let text = """
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: agreed
            actions:
              - id: 1.1  # plantool: disable=ambiguous-scalar
                text: Publish guidance on recall decisions
                owners:
                  - Head of Operations
                target: 2024-09

            """
        #expect(LintFixture.lint(text).isEmpty)
        #expect(LintFixture.lint(text.replacingOccurrences(of: "  # plantool: disable=ambiguous-scalar", with: "")).map(\.rule) == ["ambiguous-scalar"])
    }

    @Test func aDirectiveInPlanYAMLSilencesAPlanRule() {
        let recommendation = Self.head + "status: agreed  # plantool: disable=agreed-has-actions\n"
        let plan = LintFixture.planYAML.replacingOccurrences(of: "submitted: \"2024-01-03\"\n", with: "")
        #expect(LintFixture.lint(recommendation, plan: plan).map(\.rule) == ["plan-dates"])
        let silenced = plan.replacingOccurrences(of: "format: 1\n", with: "format: 1  # plantool: disable=plan-dates\n")
        #expect(LintFixture.lint(recommendation, plan: silenced).isEmpty)
    }
}
