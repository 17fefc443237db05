import Testing
@testable import PlanKit

/// `plantool fmt` keeps `# plantool:` directives where they silence the same diagnostics.
@Suite struct FormatterDirectiveTests {
    static let path = "recommendations/01.yaml"

    func format(_ text: String) -> FormatOutcome {
        PlanFormatter.format(Array(text.utf8), path: Self.path, kind: .recommendation)
    }

    func formatted(_ text: String) throws -> String {
        let outcome = format(text)
        guard case .changed(let output) = outcome else {
            Issue.record("expected the file to be reformatted, got \(outcome)")
            throw FormatFailed()
        }
        return output
    }

    struct FormatFailed: Error {}

    /// Removes every `# plantool:` directive, trailing or on its own line.
    func withoutDirectives(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            guard let range = line.range(of: "# plantool:") else { return String(line) }
            let before = line[..<range.lowerBound]
            if before.allSatisfy({ $0 == " " }) { return nil }
            var kept = String(before)
            while kept.hasSuffix(" ") { kept.removeLast() }
            return kept
        }.joined(separator: "\n")
    }

    // Out of canonical order, indented by four, an unquoted id: fmt rewrites all of it.
    static let uncanonical = """
        # plantool: disable-file=action-measurable
        number: 1
        text: Improve the quality of recall decisions
        addressee: HM Prison and Probation Service
        status: agreed
        actions:
            - id: 1.1  # plantool: disable=action-has-owner
              state: planned
              # plantool: disable=action-specific
              text: Work with partners to improve outcomes
              target: 2024-09

        """

    static let canonical = """
        # plantool: disable-file=action-measurable
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "1.1"  # plantool: disable=action-has-owner
            # plantool: disable=action-specific
            text: Work with partners to improve outcomes
            target: 2024-09
            state: planned

        """

    @Test func theFixtureHasTheDiagnosticsItsDirectivesSilence() {
        let bare = LintFixture.lint(withoutDirectives(Self.uncanonical)).lintOnly
        #expect(bare.map(\.rule) == ["action-has-owner", "action-measurable", "action-specific"])
        #expect(bare.map(\.location) == [at(6, 7), at(8, 7), at(8, 7)])
        #expect(LintFixture.lint(Self.uncanonical).lintOnly.isEmpty)
    }

    @Test func directivesStayWithTheirLines() throws {
        let output = try formatted(Self.uncanonical)
        #expect(output == Self.canonical)
    }

    @Test func theFormattedFileSilencesTheSameDiagnostics() throws {
        let output = try formatted(Self.uncanonical)
        #expect(LintFixture.lint(output).isEmpty)
        // And the directives are what silences them.
        let bare = LintFixture.lint(withoutDirectives(output))
        #expect(bare.map(\.rule) == ["action-has-owner", "action-measurable", "action-specific"])
        #expect(bare.map(\.location) == [at(6, 5), at(7, 5), at(7, 5)])
    }

    @Test func formattingIsIdempotentWithDirectives() {
        #expect(format(Self.canonical) == .unchanged)
    }

    @Test func aFileDirectiveGoesAfterTheModeline() throws {
        let output = try formatted("""
            # yaml-language-server: $schema=../schema/recommendation.schema.json
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status:    agreed
            # plantool: disable-file=agreed-has-actions

            """)
        #expect(output == """
            # yaml-language-server: $schema=../schema/recommendation.schema.json
            # plantool: disable-file=agreed-has-actions
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: agreed
            actions: []

            """)
        #expect(LintFixture.lint(output).isEmpty)
    }

    @Test func aDirectiveOnItsOwnLineMovesWithItsKey() throws {
        let output = try formatted("""
            number: 1
            # plantool: disable=agreed-has-actions
            status: agreed
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions

            """)
        #expect(output == """
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            # plantool: disable=agreed-has-actions
            status: agreed
            actions: []

            """)
        #expect(LintFixture.lint(output).isEmpty)
    }

    @Test func aTrailingDirectiveMovesWithItsKey() throws {
        let output = try formatted("""
            status: agreed  # plantool: disable=agreed-has-actions
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions

            """)
        #expect(output.contains("\nstatus: agreed  # plantool: disable=agreed-has-actions\n"))
        #expect(LintFixture.lint(output).isEmpty)
    }

    /// A flow list becomes a block list: the owner moves to a line of its own, and the directive
    /// that silenced the owner on its line must go with it.
    @Test func aDirectiveOnAFlowListStillSilencesTheItemItStoodBy() throws {
        let text = """
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: agreed
            actions:
              - id: "1.1"
                text: Publish guidance on recall decisions
                owners: [Jane Smith]  # plantool: disable=owner-names-role
                target: 2024-09

            """
        #expect(LintFixture.lint(text).isEmpty)
        #expect(LintFixture.lint(withoutDirectives(text)).map(\.location) == [at(8, 14)])
        let output = try formatted(text)
        #expect(LintFixture.lint(output).isEmpty, "formatted:\n\(output)")
    }

    @Test func aTrailingDirectiveOnLongTextStaysOnTheFoldedBlocksHeader() throws {
        let long = "Work with partners and providers across every probation region to improve outcomes for people on licence"
        let text = """
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: agreed
            actions:
              - id: "1.1"
                text: \(long)  # plantool: disable=action-specific
                owners:
                  - Head of Operations
                target: 2024-09

            """
        #expect(LintFixture.lint(withoutDirectives(text)).map(\.rule) == ["action-specific"])
        #expect(LintFixture.lint(text).isEmpty)
        let output = try formatted(text)
        #expect(output.contains("\n    text: >-  # plantool: disable=action-specific\n      Work with partners"))
        #expect(LintFixture.lint(output).isEmpty, "formatted:\n\(output)")
        #expect(format(output) == .unchanged)
    }

    @Test func aDirectiveBeforeAnOwnerStaysBeforeIt() throws {
        let text = """
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: agreed
            actions:
            - id: "1.1"
              target: 2024-09
              text: Publish guidance on recall decisions
              owners:
              - Head of Operations
              # plantool: disable=owner-names-role
              - Jane Smith

            """
        #expect(LintFixture.lint(text).isEmpty)
        let output = try formatted(text)
        #expect(output.contains("""
                owners:
                  - Head of Operations
                  # plantool: disable=owner-names-role
                  - Jane Smith

            """))
        #expect(LintFixture.lint(output).isEmpty, "formatted:\n\(output)")
    }

    @Test func aDirectiveInPlanYAMLIsKept() throws {
        let plan = """
            title: A test plan
            format: 1  # plantool: disable=plan-dates
            organisation: HM Prison and Probation Service
            inspectorate: HM Inspectorate of Probation
            report:
              title: A test report
              published: "2023-12-14"

            """
        let outcome = PlanFormatter.format(Array(plan.utf8), path: "plan.yaml", kind: .plan)
        guard case .changed(let output) = outcome else {
            Issue.record("expected the file to be reformatted, got \(outcome)")
            return
        }
        #expect(output.hasPrefix("format: 1  # plantool: disable=plan-dates\ntitle: A test plan\n"))
        let recommendation = """
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
        #expect(LintFixture.lint(recommendation, plan: plan).isEmpty)
        #expect(LintFixture.lint(recommendation, plan: output).isEmpty)
        #expect(LintFixture.lint(recommendation, plan: withoutDirectives(output)).map(\.rule) == ["plan-dates"])
    }

    @Test func otherCommentsAreStillRefused() {
        let outcome = format("""
            number: 1
            addressee: HM Prison and Probation Service
            text: Improve the quality of recall decisions
            status: agreed  # plantool: disable=agreed-has-actions
            # reviewed by the board
            actions: []

            """)
        guard case .refused(let diagnostics) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(diagnostics.map(\.rule) == [FormatRule.comment.id])
        #expect(diagnostics.first?.location == SourceLocation(line: 5, column: 1))
        #expect(diagnostics.map(\.location) == [at(5, 1)])
    }
}
