import Testing
@testable import PlanKit

@Suite struct LintConfigurationTests {
    func parse(_ yaml: String) -> (LintConfiguration?, [Diagnostic]) {
        LintConfiguration.parse(Array(yaml.utf8), path: "plan/.plantool.yaml")
    }

    @Test func aValidFileSetsSeveritiesPhrasesAndOwners() throws {
        let (parsed, diagnostics) = parse("""
            rules:
              action-overdue: off
              owner-names-role: error
              action-specific: Warning
              plan-dates: info
              ambiguous-scalar: off
            vague-phrases: [Continue To, explore]
            owners:
              - Deputy Director, Public Protection Group
              - Head of Operations

            """)
        #expect(diagnostics.isEmpty)
        let configuration = try #require(parsed)
        #expect(configuration.severity(of: "action-overdue", default: .warning) == nil)
        #expect(configuration.severity(of: "owner-names-role", default: .warning) == .error)
        #expect(configuration.severity(of: "action-specific", default: .error) == .warning)
        #expect(configuration.severity(of: "plan-dates", default: .warning) == .info)
        #expect(configuration.severity(of: "ambiguous-scalar", default: .warning) == nil)
        #expect(configuration.severity(of: "agreed-has-actions", default: .error) == .error)
        #expect(configuration.vaguePhrases == ["continue to", "explore"])
        #expect(configuration.owners == ["Deputy Director, Public Protection Group", "Head of Operations"])
    }

    @Test func anchorsAndAliasesAreRefusedAtTheirPlace() throws {
        let (parsed, diagnostics) = parse("owners: &o\n  - Head of Operations\nvague-phrases: *o\n")
        #expect(parsed == nil)
        let first = try #require(diagnostics.first)
        #expect(first.rule == "configuration" && first.severity == .error)
        #expect(first.location == at(1, 9))
        #expect(first.message.contains("anchor '&o'"))
    }

    @Test func plansLimitsHold() throws {
        let large = [UInt8]("owners:\n".utf8) + [UInt8](repeating: UInt8(ascii: " "), count: Limits.maxFileBytes)
        #expect(parse("rules:\n  action-overdue: off\u{1B}\n").1.first?.message.contains("control character") == true)
        #expect(LintConfiguration.parse(large, path: "c").1.first?.message.contains("larger than") == true)
        #expect(parse("owners: !!seq [a]\n").1.first?.message.contains("tags") == true)
    }

    @Test func commentsAloneOrAByteOrderMarkChangeNothing() throws {
        #expect(parse("# nothing configured yet\n").0 == LintConfiguration())
        let (parsed, diagnostics) = LintConfiguration.parse([0xEF, 0xBB, 0xBF] + Array("owners: [a]\n".utf8), path: "c")
        #expect(diagnostics.isEmpty && parsed?.owners == ["a"])
    }

    @Test func commentsBesideSettingsExplainThem() throws {
        let (parsed, diagnostics) = parse("# the team's settings\nrules:\n  action-overdue: off          # off, error, warning or info\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(parsed != nil && parsed != LintConfiguration())
    }

    @Test func aRuleThatIsAlwaysReportedCannotBeTurnedOff() throws {
        for rule in ["comment", "control-character"] {
            let (parsed, diagnostics) = parse("rules:\n  \(rule): off\n")
            #expect(parsed == nil && diagnostics.map(\.message) == ["rule '\(rule)' is always reported: it cannot be turned off or changed"],
                    "\(diagnostics)")
        }
    }

    @Test func anEmptyFileChangesNothing() throws {
        let (parsed, diagnostics) = parse("")
        #expect(diagnostics.isEmpty)
        let configuration = try #require(parsed)
        #expect(configuration == LintConfiguration())
        #expect(configuration.vaguePhrases == TextHeuristics.defaultVaguePhrases)
        #expect(configuration.owners.isEmpty)
    }

    @Test func anUnknownRuleIsAnErrorWithTheNearestID() throws {
        let (parsed, diagnostics) = parse("rules:\n  agreed-has-action: error\n")
        #expect(parsed == nil)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.rule == "configuration")
        #expect(diagnostic.path == "plan/.plantool.yaml")
        #expect(diagnostic.location == at(2, 3))
        #expect(diagnostic.message.contains("unknown rule 'agreed-has-action'"))
        #expect(diagnostic.message.contains("did you mean 'agreed-has-actions'?"))
    }

    @Test func anUnknownRuleFarFromEveryIDGetsNoSuggestion() throws {
        let (_, diagnostics) = parse("rules:\n  frobnicate: error\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.contains("unknown rule 'frobnicate'"))
        #expect(!diagnostic.message.contains("did you mean"))
        #expect(diagnostic.location == at(2, 3))
    }

    @Test func aBadSeverityIsAnErrorAtTheValue() throws {
        let (parsed, diagnostics) = parse("rules:\n  action-overdue: loud\n")
        #expect(parsed == nil)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location == at(2, 19))
        #expect(diagnostic.message.contains("rule 'action-overdue' can be off, error, warning or info"))
    }

    @Test func anUnknownKeyIsAnErrorWithTheNearestKey() throws {
        let (parsed, diagnostics) = parse("owners:\n  - Head of Operations\nrule:\n  action-overdue: off\n")
        #expect(parsed == nil)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location == at(3, 1))
        #expect(diagnostic.message.contains("unknown key 'rule'"))
        #expect(diagnostic.message.contains("did you mean 'rules'?"))
        #expect(diagnostic.message.contains("rules, vague-phrases, owners"))
    }

    @Test(arguments: ["- rules\n- owners\n", "rules\n"])
    func aFileThatIsNotAMappingIsAnError(yaml: String) throws {
        let (parsed, diagnostics) = parse(yaml)
        #expect(parsed == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.location == at(1, 1))
        #expect(diagnostic.message.contains("must be a mapping"))
    }

    @Test(arguments: [
        ("rules: [action-overdue]\n", at(1, 8), "'rules' must map rule ids"),
        ("owners: Head of Operations\n", at(1, 9), "'owners' must be a list of text"),
        ("vague-phrases:\n  - explore\n  - \"\"\n", at(2, 3), "every item of 'vague-phrases' must be non-empty text"),
    ])
    func aValueOfTheWrongShapeIsAnErrorAtTheValue(yaml: String, location: PlanKit.SourceLocation, message: String) throws {
        let (parsed, diagnostics) = parse(yaml)
        #expect(parsed == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location == location)
        #expect(diagnostic.message.contains(message))
    }

    @Test func invalidYAMLIsAnErrorWithAPlace() throws {
        let (parsed, diagnostics) = parse("rules:\n  action-overdue: [off\n")
        #expect(parsed == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.contains("not valid YAML"))
        #expect(diagnostic.location != nil)
    }

    @Test func everyProblemIsReportedEachWithLineAndColumn() {
        let (parsed, diagnostics) = parse("""
            rules:
              agreed-has-action: error
              action-overdue: loud
              plan-dates: off
            vague-phrase: [explore]
            owners: Head of Operations

            """)
        #expect(parsed == nil)
        #expect(diagnostics.map(\.location) == [at(2, 3), at(3, 19), at(5, 1), at(6, 9)])
        #expect(diagnostics.allSatisfy { $0.location != nil && $0.severity == .error && $0.rule == "configuration" })
        #expect(diagnostics.contains { $0.message.contains("did you mean 'vague-phrases'?") })
    }

    @Test func aPlansSettingsWinOverTheRepositorysKeyByKey() {
        let repository = LintFixture.configuration("rules:\n  action-overdue: off\n  plan-dates: error\nowners: [Head of Operations]\n")
        let plan = LintFixture.configuration("rules:\n  action-overdue: warning\nvague-phrases: [explore]\n")
        let merged = repository.overlaid(by: plan)
        #expect(merged.severity(of: "action-overdue", default: .info) == .warning)
        #expect(merged.severity(of: "plan-dates", default: .warning) == .error)
        #expect(merged.owners == ["Head of Operations"])
        #expect(merged.vaguePhrases == ["explore"])
    }
}
