import Foundation
import Testing
@testable import PlanKit

/// The rule catalogue: ids, texts, and one test file per rule.
@Suite struct RuleRegistryTests {
    static let ids = RuleRegistry.all.map(\.id)

    @Test func thereAreRules() {
        #expect(!RuleRegistry.all.isEmpty)
    }

    @Test(arguments: RuleRegistry.all.map(\.id))
    func everyIDIsKebabCase(id: String) {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        #expect(words.count >= 2, "\(id) is one word")
        #expect(words.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } },
                "\(id) is not kebab-case")
        #expect(words.first?.first.map { ("a"..."z").contains($0) } == true)
    }

    @Test func idsAreUnique() {
        #expect(Set(Self.ids).count == Self.ids.count)
        #expect(Set(RuleRegistry.allIDs).count == RuleRegistry.allIDs.count)
    }

    @Test func noIDClashesWithAFormatRule() {
        let formatIDs = Set(FormatRule.allCases.map(\.id))
        #expect(formatIDs.isDisjoint(with: Self.ids))
        #expect(!Self.ids.contains(PlanFormatter.commentRule))
        #expect(!Self.ids.contains("configuration"))
    }

    @Test(arguments: RuleRegistry.all.map(\.id))
    func everyRuleExplainsItself(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id))
        #expect(rule.id == id)
        #expect(!rule.summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(!rule.explanation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(rule.summary.hasSuffix("."))
        #expect(!rule.summary.contains("\n"))
    }

    @Test func unknownIDsFindNoRule() {
        #expect(RuleRegistry.rule("no-such-rule") == nil)
        #expect(RuleRegistry.rule("invalid-date") == nil)
    }

    /// Every rule but the few that are always reported (refused in a configuration, see
    /// LintConfigurationTests) can be given a severity.
    @Test func everyRuleIDIsConfigurable() {
        let configurable = RuleRegistry.allIDs.filter { FormatRule(rawValue: $0)?.isAlwaysReported != true }
        #expect(configurable.count == RuleRegistry.allIDs.count - 3)
        let yaml = "rules:\n" + configurable.map { "  \($0): info\n" }.joined()
        let configuration = LintFixture.configuration(yaml)
        #expect(configurable.allSatisfy { configuration.severity(of: $0, default: .error) == .info })
    }

    /// Each rule has its own test file here, named after the rule's type.
    @Test(arguments: RuleRegistry.all.map { String(describing: type(of: $0)) })
    func everyRuleHasATestFile(typeName: String) {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let file = folder.appendingPathComponent(typeName + "Tests.swift")
        #expect(FileManager.default.fileExists(atPath: file.path), "no \(file.lastPathComponent)")
    }
}
