import Testing
@testable import PlanKit

/// The comments of a merged plan file: both sides' `# plantool:` directives, and a refusal for
/// anything that would be lost.
@Suite("PlanFileMerge: directives and comments")
struct MergeDirectivesTests {
    static let base = PlanMergeSidesTests.base

    static func text(_ r: Recommendation) -> String { CanonicalWriter.write(r) }

    static func merge(base: String?, ours: String, theirs: String) -> PlanFileMerge {
        PlanFileMerge.merge(base: base.map { Array($0.utf8) }, ours: Array(ours.utf8), theirs: Array(theirs.utf8),
                            kind: .recommendation, path: "recommendations/08.yaml")
    }

    @Test("theirs' directives are kept with ours, each once, at the field it stood at")
    func bothSidesDirectives() throws {
        var o = Self.base, t = Self.base
        o.text = "Ours."
        t.actions.append(Action(id: "8.2", text: "Theirs."))
        let ours = Self.text(o).replacingOccurrences(of: "\nnumber:", with: "\n# plantool: disable-file=reason-given\nnumber:")
        let theirs = Self.text(t)
            .replacingOccurrences(of: "\nnumber:", with: "\n# plantool: disable-file=reason-given\n# plantool: disable-file=action-owner\nnumber:")
            .replacingOccurrences(of: "  - id: \"8.2\"\n", with: "  # plantool: disable=action-measurable\n  - id: \"8.2\"\n")
        guard case .merged(let merged, let conflicts, _) = Self.merge(base: Self.text(Self.base), ours: ours, theirs: theirs) else {
            Issue.record("not merged")
            return
        }
        #expect(conflicts.isEmpty)
        let lines = merged.split(separator: "\n").map(String.init)
        #expect(Array(lines[1...2]) == ["# plantool: disable-file=reason-given", "# plantool: disable-file=action-owner"], "\(merged)")
        let at = try #require(lines.firstIndex(of: "  - id: \"8.2\""))
        #expect(lines[at - 1] == "  # plantool: disable=action-measurable", "\(merged)")
        #expect(merged.contains("text: Ours."))
        #expect(PlanFormatter.format(Array(merged.utf8), path: "08.yaml", kind: .recommendation) == .unchanged)
    }

    @Test("a directive one side deleted stays deleted; one the base did not hold is kept")
    func deletedDirective() {
        let withDirective = Self.text(Self.base).replacingOccurrences(of: "\nnumber:", with: "\n# plantool: disable-file=reason-given\nnumber:")
        var t = Self.base
        t.text = "Theirs."
        let theirs = Self.text(t).replacingOccurrences(of: "\nnumber:", with: "\n# plantool: disable-file=reason-given\nnumber:")
        var o = Self.base
        o.response = "Ours."
        guard case .merged(let merged, _, _) = Self.merge(base: withDirective, ours: Self.text(o), theirs: theirs) else {
            Issue.record("not merged")
            return
        }
        #expect(!merged.contains("disable-file=reason-given"), "\(merged)")
        #expect(merged.contains("text: Theirs.") && merged.contains("response: Ours."))
    }

    @Test("a directive on theirs' new action that took another id goes with it")
    func directiveFollowsRenumberedAction() throws {
        var o = Self.base, t = Self.base
        o.actions.append(Action(id: "8.2", text: "Ours."))
        t.actions.append(Action(id: "8.2", text: "Theirs."))
        let theirs = Self.text(t).replacingOccurrences(of: "  - id: \"8.2\"\n", with: "  - id: \"8.2\"  # plantool: disable=action-measurable\n")
        guard case .merged(let merged, _, let renumbered) = Self.merge(base: Self.text(Self.base), ours: Self.text(o), theirs: theirs) else {
            Issue.record("not merged")
            return
        }
        #expect(renumbered == [ActionRenumbering(recommendation: 8, from: "8.2", to: "8.3")])
        #expect(merged.contains("  - id: \"8.3\"  # plantool: disable=action-measurable\n    text: Theirs.\n"), "\(merged)")
        #expect(merged.contains("  - id: \"8.2\"\n    text: Ours.\n"), "\(merged)")
    }

    @Test("a side with a comment that is not a directive is refused, naming the side, the place and the comment")
    func foreignComment() {
        var t = Self.base
        t.text = "Theirs."
        let theirs = Self.text(t).replacingOccurrences(of: "\nstatus:", with: "\n# ask Ann before December\nstatus:")
        let result = Self.merge(base: Self.text(Self.base), ours: Self.text(Self.base).replacingOccurrences(of: "Run a pilot.", with: "Run two pilots."), theirs: theirs)
        guard case .refused(let reasons) = result else {
            Issue.record("not refused: \(result)")
            return
        }
        #expect(reasons.count == 1)
        #expect(reasons.first?.side == "theirs")
        #expect(reasons.first?.location?.line == theirs.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "# ask Ann before December").map { $0 + 1 })
        #expect(reasons.first?.described(naming: { $0 == "theirs" ? "the draft" : $0 }).hasPrefix("the draft, line \(reasons.first?.location?.line ?? 0): \"# ask Ann before December\" is not a '# plantool:' directive") == true, "\(reasons)")
        #expect(reasons.first?.reason.contains("\"# ask Ann before December\"") == true)
        // Said even when that side does not read as a plan file (the comment is what stands out).
        let broken = theirs.replacingOccurrences(of: "status: partly-agreed", with: "status: maybe")
        #expect(broken != theirs && PlanFormat.parseRecommendation(Array(broken.utf8), path: "08.yaml").value == nil)
        guard case .refused(let alsoBroken) = Self.merge(base: Self.text(Self.base), ours: Self.text(Self.base), theirs: broken) else {
            Issue.record("not refused")
            return
        }
        #expect(alsoBroken.map(\.side) == ["theirs"])
    }

    @Test("a directive with no field after it, or two different new modelines, are refused")
    func unplaceable() {
        let base = Self.text(Self.base)
        let dangling = base + "# plantool: disable=action-owner\n"
        guard case .refused(let reasons) = Self.merge(base: base, ours: base.replacingOccurrences(of: "Run a pilot.", with: "Run two."), theirs: dangling) else {
            Issue.record("not refused")
            return
        }
        #expect(reasons.map(\.side) == ["theirs"])
        let lines = base.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        guard case .refused(let modeline) = Self.merge(base: base, ours: "# yaml-language-server: $schema=a.json\n" + lines,
                                                       theirs: "# yaml-language-server: $schema=b.json\n" + lines) else {
            Issue.record("not refused")
            return
        }
        #expect(modeline.first?.reason.hasPrefix("both sides changed the modeline") == true, "\(modeline)")
        // One side's new modeline is taken.
        guard case .merged(let merged, _, _) = Self.merge(base: base, ours: base.replacingOccurrences(of: "Run a pilot.", with: "Run two."),
                                                          theirs: "# yaml-language-server: $schema=b.json\n" + lines) else {
            Issue.record("not merged")
            return
        }
        #expect(merged.hasPrefix("# yaml-language-server: $schema=b.json\n") && merged.contains("Run two."))
    }
}
