import PlanWorkflow
import Testing

@Suite("diff's revision ranges")
struct RevisionRangeTests {
    @Test("git's range notations, an empty side standing for HEAD", arguments: [
        ("main", RevisionRange.single("main")),
        ("HEAD~2", .single("HEAD~2")),
        ("main..draft/x", .between("main", "draft/x")),
        ("..draft/x", .between("HEAD", "draft/x")),
        ("main..", .between("main", "HEAD")),
        ("..", .between("HEAD", "HEAD")),
        ("main...draft/x", .fromMergeBase("main", "draft/x")),
        ("...draft/x", .fromMergeBase("HEAD", "draft/x")),
        ("main...", .fromMergeBase("main", "HEAD")),
    ])
    func parse(spec: String, range: RevisionRange) {
        #expect(RevisionRange(spec) == range)
    }
}
