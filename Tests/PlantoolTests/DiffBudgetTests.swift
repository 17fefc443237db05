import Foundation
import Testing

/// `diff --format markdown` on a large change, through the built binary.
@Suite("diff: markdown budget")
struct DiffBudgetTests {
    @Test("a 2,000-recommendation plan with 1,500 changed files: a comment within 65,536 characters, slips first, a closing line")
    func largePlan() throws {
        try withTemporaryDirectory { dir in
            let plan = dir.appendingPathComponent("plan")
            let script = PackagePaths.root.appendingPathComponent("scripts/bench/generate-plan.py").path
            let generated = runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                       ["python3", script, plan.path, "--recommendations", "2000", "--history", "2",
                                        "--last-commit-changes", "1500"],
                                       in: dir, environment: ProcessInfo.processInfo.environment, timeout: 300)
            #expect(generated.status == 0, "\(generated)")
            let changed = git(["diff", "--name-only", "HEAD~1", "HEAD"], in: plan).stdout.split(separator: "\n")
            #expect(changed.count == 1_500)

            let result = diff(["HEAD~1", "HEAD", "--format", "markdown"], in: plan)
            #expect(result.status == 0, "\(result.stderr)")
            let md = result.stdout
            #expect(md.utf16.count <= 65_536, "\(md.utf16.count) UTF-16 code units")
            #expect(md.contains("> **Shortened** to fit 65536 characters"), "\(md.prefix(500))")
            // The slips come before any other change.
            let firstSlip = try #require(md.range(of: "- ⚠️ **"))
            let others = try #require(md.range(of: "**Other changes**"))
            #expect(firstSlip.lowerBound < others.lowerBound)
            let closing = try #require(md.split(separator: "\n").last.map(String.init))
            #expect(closing.hasPrefix("**Left out for want of room:** ") && closing.hasSuffix(
                "The full report is in the CI job's summary, or run `plantool diff` from HEAD\\~1 to HEAD."), "\(closing)")

            // A smaller budget is kept too, and one below the smallest is refused.
            let small = diff(["HEAD~1", "HEAD", "--format", "markdown", "--max-chars", "10000"], in: plan)
            #expect(small.status == 0 && small.stdout.utf16.count <= 10_000, "\(small.stdout.utf16.count)")
            let tooSmall = diff(["HEAD~1", "HEAD", "--format", "markdown", "--max-chars", "100"], in: plan)
            #expect(tooSmall.status == 2 && tooSmall.stderr.contains("--max-chars must be at least 2000"), "\(tooSmall)")
        }
    }
}
