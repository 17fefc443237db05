import Testing
@testable import PlanKit

/// At most `Limits.maxFindingsPerFile` findings per file, then one counting the rest.
@Suite struct FindingCapTests {
    static func finding(_ path: String, line: Int, _ severity: Severity = .error, rule: String = "unknown-key") -> Diagnostic {
        Diagnostic(path: path, location: SourceLocation(line: line, column: 1), severity: severity, rule: rule, message: "finding \(line)")
    }

    @Test func aFileWithinTheCapIsUnchanged() {
        let findings = (1...3).map { Self.finding("a.yaml", line: $0) }
        #expect(FindingCap.apply(findings, limit: 3) == findings)
    }

    @Test func theFirstByPlaceAreListedThenOneCountsTheRestWithTheWorstSeverity() {
        let findings = [Self.finding("a.yaml", line: 9, .error), Self.finding("a.yaml", line: 1, .warning),
                        Self.finding("a.yaml", line: 5, .warning), Self.finding("a.yaml", line: 7, .info),
                        Self.finding("b.yaml", line: 1)]
        let capped = FindingCap.apply(findings, limit: 2)
        #expect(capped.map(\.place) == ["a.yaml:1:1", "a.yaml:5:1", "a.yaml:7:1", "b.yaml:1:1"])
        let marker = capped[2]
        #expect(marker.rule == "too-many-findings")
        #expect(marker.severity == .error, "the hidden error at line 9 still fails the run")
        #expect(marker.message.hasPrefix("2 more findings in this file not shown"))
    }

    @Test func cappingAgainCarriesTheCountOfFindingsAlreadyHidden() {
        let read = FindingCap.apply((1...10).map { Self.finding("a.yaml", line: $0, .warning) }, limit: 4)
        #expect(read.count == 5)
        // The linter adds two findings and caps again: 12 in all, 4 listed, 8 counted.
        let linted = FindingCap.apply(read + [Self.finding("a.yaml", line: 2, .error, rule: "x"), Self.finding("a.yaml", line: 20, .warning, rule: "y")], limit: 4)
        #expect(linted.count == 5)
        let marker = linted.first { $0.rule == "too-many-findings" }
        #expect(marker?.message.hasPrefix("8 more findings") == true, "\(linted)")
        #expect(marker?.severity == .warning)
        #expect(linted.filter { $0.rule != "too-many-findings" }.map(\.location?.line) == [1, 2, 2, 3])
    }

    @Test func anUnknownKeyPastTheCapIsCountedWithoutASuggestion() {
        var text = "number: 1\naddressee: HM Prison and Probation Service\ntext: Improve\nstatus: agreed\n"
        for n in 0..<(Limits.maxFindingsPerFile + 50) { text += "statu\(n): v\n" }
        let parsed = PlanFormat.parseRecommendation(Array(text.utf8), path: "01.yaml")
        #expect(parsed.diagnostics.count == Limits.maxFindingsPerFile + 1)
        // When a file is read, the rule's own finding counts the rest (so that turning the rule
        // off removes the count too).
        #expect(parsed.diagnostics.last?.rule == "unknown-key")
        #expect(parsed.diagnostics.last?.message.hasPrefix("50 more unknown-key findings in this file not shown") == true)
        #expect(parsed.diagnostics.last?.location == SourceLocation(line: 5 + Limits.maxFindingsPerFile, column: 1))
        #expect(parsed.diagnostics.dropLast().allSatisfy { $0.message.contains("did you mean") || $0.message.contains("known keys") })
        // The final cap carries that count into its own.
        let capped = FindingCap.apply(parsed.diagnostics + [Self.finding("01.yaml", line: 1, rule: "x")])
        #expect(capped.last?.rule == "too-many-findings")
        #expect(capped.last?.message.hasPrefix("51 more findings") == true, "\(capped.last?.message ?? "")")
    }

    @Test func eachRuleIsCappedOnItsOwnWhenAFileIsRead() {
        let findings = (1...5).map { Self.finding("a.yaml", line: $0) } + (6...7).map { Self.finding("a.yaml", line: $0, .warning, rule: "y") }
        let capped = FindingCap.perRule(findings, limit: 3)
        #expect(capped.map(\.rule) == ["unknown-key", "unknown-key", "unknown-key", "unknown-key", "y", "y"])
        #expect(capped[3].message.hasPrefix("2 more unknown-key findings"))
        #expect(capped[3].location?.line == 4)
        #expect(capped[3].counted == 2 && FindingCap.weight(capped[3]) == 2)
        #expect(capped[4].counted == 0 && FindingCap.weight(capped[4]) == 1)
    }
}
