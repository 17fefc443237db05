import Testing
import PlanKit

/// What the merge fuzz target (`scripts/fuzz`, `FuzzMerge`) led to. Its input: ours renumbers
/// recommendation 17 to 34 (and its action 17.1 to 34.1); theirs keeps 17 and adds an action it
/// numbered 34.1 (an `action-id-prefix` error on its side). The merge compares ids under the
/// base's number, where the two differ (17.1 and 34.1), then writes the result under 34: both
/// actions come out as 34.1, and the merge says it is clean. Nothing is lost (the fuzz target's
/// check), but the clean result holds a duplicate id that `plantool lint` refuses
/// (`action-id-unique`). Left to the merge's owners; this test records it until it is fixed.
@Suite struct MergeFuzzFindingTests {
    static let base = """
        number: 17
        addressee: The CRC
        text: Do the thing.
        status: agreed
        actions:
          - id: "17.1"
            text: First action.
            owners:
              - Head of Operations
            target: 2030-01
            state: planned

        """
    static let ours = base.replacingOccurrences(of: "number: 17", with: "number: 34")
        .replacingOccurrences(of: "\"17.1\"", with: "\"34.1\"")
    static let theirs = base + """
          - id: "34.1"
            text: Second action, given the id of another number.
            owners:
              - Head of Operations
            target: 2030-02
            state: planned

        """

    @Test func cleanMergeOfARenumberingGivesUniqueActionIDs() throws {
        let path = "plan/recommendations/34.yaml"
        let outcome = PlanFileMerge.merge(base: Array(Self.base.utf8), ours: Array(Self.ours.utf8),
                                          theirs: Array(Self.theirs.utf8), kind: .recommendation, path: path)
        guard case .merged(let text, let conflicts, _) = outcome, conflicts.isEmpty else { return }
        let merged = try #require(PlanFormat.parseRecommendation(Array(text.utf8), path: path).value)
        // Both actions are kept, so the fuzz target's invariant holds.
        #expect(merged.actions.map(\.text).sorted() == ["First action.", "Second action, given the id of another number."])
        withKnownIssue("a clean merge writes both actions as 34.1") {
            #expect(Set(merged.actions.map(\.id)).count == merged.actions.count, "duplicate ids: \(merged.actions.map(\.id))")
        }
    }
}
