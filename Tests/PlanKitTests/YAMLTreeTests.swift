import Testing
@testable import PlanKit

/// plantool's own YAML tree, built from libyaml's events: the tree, the places, and the subset
/// checks made on the way.
@Suite struct YAMLTreeTests {
    static func tree(_ text: String) throws -> YAMLTree {
        try YAMLTree(utf8: Array(text.utf8))
    }

    static func failure(_ text: String) -> YAMLTree.Failure? {
        do {
            _ = try YAMLTree(utf8: Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func mappingsListsAndScalarsKeepTheirOrderPlacesAndQuoting() throws {
        let tree = try Self.tree("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\ne:\n  - x\n  - y\n")
        #expect(tree.clean)
        guard case .mapping(let map) = tree.root else {
            Issue.record("not a mapping: \(String(describing: tree.root))")
            return
        }
        #expect(map.map { $0.key.scalar?.string } == ["a", "b", "c", "d", "e"])
        #expect(map.location == SourceLocation(line: 1, column: 1))
        #expect(map[1].value.scalar?.style == .singleQuoted)
        #expect(map[2].value.scalar?.style == .doubleQuoted)
        #expect(map[3].value.scalar?.style == .literal)
        #expect(map[3].value.scalar?.string == "literal\n")
        guard case .sequence(let list) = map[4].value else {
            Issue.record("not a list")
            return
        }
        #expect(list.map { $0.scalar?.string } == ["x", "y"])
        #expect(list.location == SourceLocation(line: 7, column: 3))
        // Every scalar is recorded with its place and quoting, keys included.
        #expect(tree.scalars.count == 11)
        #expect(tree.scalars.first.map { "\($0.0.line):\($0.0.column)" } == "1:1")
    }

    @Test func anEmptyStreamHasNoRoot() throws {
        #expect(try Self.tree("").root == nil)
        #expect(try Self.tree("# only a comment\n").root == nil)
    }

    @Test func anAnchorIsReportedOnceWhereItIsAndEachAliasPointsThere() throws {
        let tree = try Self.tree("a: &x\n  b: !!str c\nd: *x\ne: *x\n")
        #expect(!tree.clean)
        // The anchored node (which starts at its anchor) is refused as a whole: the tag inside it
        // is not reported; each alias is reported at the anchor.
        #expect(tree.issues.map(\.rule) == [.anchorAlias, .anchorAlias, .anchorAlias])
        #expect(tree.issues.allSatisfy { $0.location == SourceLocation(line: 1, column: 4) }, "\(tree.issues.map(\.location))")
        #expect(tree.issues.first?.message.contains("'&x'") == true)
    }

    @Test func anAliasToNoAnchorIsASyntaxError() {
        guard case .syntax(let problem, let location, _) = Self.failure("a: *nowhere\n") else {
            Issue.record("not a syntax error")
            return
        }
        #expect(problem == "found undefined alias")
        #expect(location == SourceLocation(line: 1, column: 4))
        // Not even from inside its own anchor: an anchor is defined once its node is complete.
        #expect(Self.failure("a: &x [*x]\n") != nil)
    }

    @Test func tagsFlowMappingsAndFlowListsOfCollectionsAreReportedWhereTheyStart() throws {
        let tree = try Self.tree("a: !custom b\nc: {d: e}\nf: [[g], h]\ni: [j, k]\n")
        #expect(tree.issues.map(\.rule) == [.explicitTag, .flowMapping, .flowMapping])
        #expect(tree.issues.map(\.location) == [SourceLocation(line: 1, column: 4), SourceLocation(line: 2, column: 4),
                                                SourceLocation(line: 3, column: 4)])
        // A flow list is reported before what is found inside it, as a walk from the top would.
        let nested = try Self.tree("a: [{b: c}]\n")
        #expect(nested.issues.map(\.location) == [SourceLocation(line: 1, column: 4), SourceLocation(line: 1, column: 5)])
        #expect(nested.issues.first?.message.contains("flow list") == true)
    }

    @Test func aMergeKeyIsReportedAndWhatFollowsItIsNotLookedAt() throws {
        let tree = try Self.tree("a: &x\n  b: c\nd:\n  <<: *x\n  e: f\n")
        #expect(tree.issues.map(\.rule) == [.anchorAlias, .mergeKey])
        #expect(tree.issues.last?.location == SourceLocation(line: 4, column: 3))
        // A quoted "<<" is an ordinary key.
        #expect(try Self.tree("'<<': a\n").clean)
    }

    @Test func aKeyWrittenTwiceStopsTheReadingAtItsFirstPlace() {
        guard case .duplicateKey(let key, let first) = Self.failure("z: 1\nb: 2\nz: 3\nb: 4\n") else {
            Issue.record("not a duplicate key")
            return
        }
        #expect(key == "b", "the first in sort order, as Yams reports it")
        #expect(first == SourceLocation(line: 2, column: 1))
    }

    /// Small mappings are checked key against key, large ones through a table: both give the
    /// least key written twice, at its first place.
    @Test func aKeyWrittenTwiceIsFoundInSmallAndLargeMappings() {
        for filler in [0, 5, 12, 13, 30] {
            let others = (0..<filler).map { "k\($0): \($0)\n" }.joined()
            let text = "z: 1\nb: 2\n" + others + "z: 3\nb: 4\nb: 5\n"
            guard case .duplicateKey(let key, let first) = Self.failure(text) else {
                Issue.record("not a duplicate key with \(filler) other keys")
                continue
            }
            #expect(key == "b", "\(filler) other keys")
            #expect(first == SourceLocation(line: 2, column: 1), "\(filler) other keys")
        }
        // The same text twice is the same key, however it is quoted.
        guard case .duplicateKey(let key, let first) = Self.failure("a: 1\n'c': 2\n\"c\": 3\n") else {
            Issue.record("a quoted key written twice is not found")
            return
        }
        #expect(key == "c")
        #expect(first == SourceLocation(line: 2, column: 1))
        #expect(throws: Never.self) { try Self.tree((0..<40).map { "k\($0): 1\n" }.joined()) }
    }

    @Test func aSecondDocumentIsRefusedWhereItStarts() {
        guard case .syntax(let problem, let location, let context) = Self.failure("a: 1\n---\nb: 2\n") else {
            Issue.record("not a syntax error")
            return
        }
        #expect(problem == "but found another document")
        #expect(location == SourceLocation(line: 2, column: 1))
        #expect(context?.text == "expected a single document in the stream")
    }

    @Test func libyamlsOwnErrorsCarryItsProblemPlaceAndContext() {
        guard case .syntax(let problem, let location, let context) = Self.failure("a: [b\n") else {
            Issue.record("not a syntax error")
            return
        }
        #expect(problem == "did not find expected ',' or ']'", "\(problem)")
        #expect(location == SourceLocation(line: 2, column: 1), "\(location)")
        #expect(context?.text == "while parsing a flow sequence", "\(String(describing: context))")
        #expect(context?.location == SourceLocation(line: 1, column: 4))
    }
}
