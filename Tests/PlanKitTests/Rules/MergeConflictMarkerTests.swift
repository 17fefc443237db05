import Testing
@testable import PlanKit

@Suite struct MergeConflictMarkerTests {
    static let rule = "merge-conflict"

    /// A recommendation with a conflict marker on line 2 (after the modeline); action 1.2's
    /// target is on line 17, column 5; its update's text on line 20, column 9.
    static func recommendation(_ marker: String) -> String {
        """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        \(marker)
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "1.1"
            text: Publish guidance on recall decisions by September 2024
            owners:
              - Head of Operations
            target: 2024-09
          - id: "1.2"
            text: Train 40 staff in the new guidance by December 2024
            owners:
              - Head of Operations
            target: 2024-12
            updates:
              - date: 2024-03
                text: Training is booked
        """
    }

    @Test func aConflictMarkerIsAnErrorAtTheFieldItNames() throws {
        let found = LintFixture.lint(Self.recommendation(#"# plantool: conflict actions[1.2].target: ours "2024-12", theirs "2025-03""#)).of(Self.rule)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "recommendations/01.yaml")
        #expect(diagnostic.location == at(17, 5))
        #expect(diagnostic.message.contains(#"merge conflict in actions[1.2].target: ours "2024-12", theirs "2025-03""#))
        #expect(diagnostic.message.contains("delete the '# plantool: conflict' comment"))
    }

    @Test func anUpdateFieldIsFoundByItsDate() throws {
        let found = LintFixture.lint(Self.recommendation(#"# plantool: conflict actions[1.2].updates[2024-03].text: ours "Training is booked", theirs "Booked""#)).of(Self.rule)
        #expect(found.map(\.location) == [at(20, 9)])
    }

    @Test func aFieldThatIsGoneIsReportedAtTheMarker() throws {
        let found = LintFixture.lint(Self.recommendation(#"# plantool: conflict actions[1.7]: ours (none), theirs "changed: action 1.7: Do it""#)).of(Self.rule)
        #expect(found.map(\.location) == [at(2, 1)])
    }

    @Test func plainCommentsAndDisableDirectivesAreNoConflicts() {
        #expect(LintFixture.lint(Self.recommendation("# plantool: disable=action-specific")).of(Self.rule).isEmpty)
        // A marker naming nothing is no directive: the reader refuses it as a comment, and it is
        // no conflict.
        let bare = LintFixture.lint(Self.recommendation("# plantool: conflict"), allowReaderErrors: true)
        #expect(bare.of(Self.rule).isEmpty)
        #expect(bare.map(\.rule) == ["comment"])
        #expect(bare.first?.message.contains("is not a directive plantool knows") == true, "\(bare)")
    }

    @Test func aMarkerInPlanYAMLIsReportedToo() throws {
        // At the end of the file; reported at the field it names, `title` on line 2.
        let plan = LintFixture.planYAML + "# plantool: conflict title: ours \"A test plan\", theirs \"Another\"\n"
        let found = LintFixture.lint(Self.recommendation(""), plan: plan).of(Self.rule)
        #expect(found.count == 1)
        #expect(found.first?.path == "plan.yaml")
        #expect(found.first?.location == at(2, 1))
    }

    @Test func aMarkerSilencesNothingAndSurvivesFmt() throws {
        let text = Self.recommendation(#"# plantool: conflict status: ours "agreed", theirs "not-agreed""#)
        let parsed = PlanFormat.parseRecommendation(Array(text.utf8), path: "01.yaml")
        let directive = try #require(parsed.directives.first)
        #expect(directive.rules.isEmpty && directive.wholeFile)
        #expect(directive.conflict == #"status: ours "agreed", theirs "not-agreed""#)
        guard case .changed(let formatted) = PlanFormatter.format(Array(text.utf8), path: "01.yaml", kind: .recommendation) else {
            Issue.record("fmt did not reformat the file (it lacks the final line break)")
            return
        }
        #expect(formatted.contains("\n# plantool: conflict status: ours \"agreed\", theirs \"not-agreed\"\n"))
    }

    @Test func severityCanBeConfigured() throws {
        let text = Self.recommendation(#"# plantool: conflict status: ours "agreed", theirs "not-agreed""#)
        let lowered = LintFixture.configuration("rules:\n  merge-conflict: warning\n")
        #expect(try #require(LintFixture.lint(text, configuration: lowered).of(Self.rule).first).severity == .warning)
    }
}
