import Foundation
import Testing
@testable import PlanKit

/// `diff --format markdown --max-chars N`: a comment too long for its budget.
@Suite("Markdown diff budget")
struct DiffMarkdownBudgetTests {
    static let labels = DiffRenderer.Labels(old: "origin/main", new: "HEAD")

    static func path(_ n: Int) -> String { "recommendations/\(Recommendation.fileName(for: n))" }

    /// `count` recommendations whose action text is reworded at length, then (last, so that the
    /// order of the input does not put them first) a slipped target in every tenth and a status
    /// change in every twentieth.
    static func changes(_ count: Int) -> [Change] {
        let long = (1...80).map { "word\($0)" }.joined(separator: " ")
        var changes = (1...count).map { n in
            Change(kind: .actionTextChanged, recommendation: n, action: "\(n).1", field: "actions[\(n).1].text",
                   old: "Old \(long)", new: "New \(long)",
                   words: [WordSegment(kind: .removed, text: "Old"), WordSegment(kind: .added, text: "New"), WordSegment(kind: .same, text: long)],
                   path: path(n), summary: "action \(n).1: text reworded")
        }
        for n in stride(from: 10, through: count, by: 10) {
            changes.append(Change(kind: .targetChanged, recommendation: n, action: "\(n).1", field: "actions[\(n).1].target",
                                  old: "2022-03", new: "2022-09", months: 6, path: path(n), summary: "action \(n).1: target slipped"))
        }
        for n in stride(from: 20, through: count, by: 20) {
            changes.append(Change(kind: .statusChanged, recommendation: n, field: "status", old: "agreed", new: "partly-agreed",
                                  path: path(n), summary: "status changed"))
        }
        return changes
    }

    @Test("the default budget is GitHub's comment limit, and a diff within it is not shortened")
    func defaultBudget() {
        #expect(DiffRenderer.commentLimit == 65_536)
        let small = DiffRenderer.markdown(Self.changes(10), labels: Self.labels)
        #expect(!small.contains("Shortened") && !small.contains("Left out"), "\(small)")
        #expect(small.contains("word80"))
    }

    @Test("over budget: every slip and status change first, then as many other changes as fit, then what was left out")
    func priorities() throws {
        let changes = Self.changes(200)
        let limit = 20_000
        let md = DiffRenderer.markdown(changes, labels: Self.labels, limit: limit)
        #expect(md.utf16.count <= limit, "\(md.utf16.count)")
        #expect(md.contains("> **Shortened** to fit 20000 characters"), "\(md.prefix(500))")
        // All 20 slips and 10 status changes, in the first part.
        let first = try #require(md.range(of: "**Slipped targets, status changes and files that do not parse**"))
        let other = try #require(md.range(of: "**Other changes**"))
        #expect(first.upperBound <= other.lowerBound)
        let priority = String(md[first.upperBound..<other.lowerBound])
        #expect(priority.components(separatedBy: "- ⚠️ **").count - 1 == 20, "\(priority)")
        #expect(priority.components(separatedBy: "→ Partly Agreed").count - 1 == 10, "\(priority)")
        // Some rewordings are shown with their words, and the others are counted in the closing line.
        let shown = md.components(separatedBy: "text reworded").count - 1
        #expect(shown > 0 && shown < 200, "\(shown) shown")
        let closing = try #require(md.split(separator: "\n").last.map(String.init))
        #expect(closing == "**Left out for want of room:** \(200 - shown) action texts reworded. The full report is in the CI "
            + "job's summary, or run `plantool diff` from origin/main to HEAD.", "\(closing)")
    }

    @Test("a budget too small even for the slips: the slips left out are counted as such")
    func slipsLeftOut() throws {
        let md = DiffRenderer.markdown(Self.changes(2_000), labels: Self.labels, limit: DiffRenderer.smallestLimit)
        #expect(md.utf16.count <= DiffRenderer.smallestLimit, "\(md.utf16.count)")
        let shownSlips = md.components(separatedBy: "- ⚠️ **").count - 1
        #expect(shownSlips > 0 && shownSlips < 200, "\(shownSlips)")
        let closing = try #require(md.split(separator: "\n").last.map(String.init))
        #expect(closing.hasPrefix("**Left out for want of room:** "), "\(closing)")
        #expect(closing.contains(" 2000 action texts reworded, "), "\(closing)")
        #expect(closing.contains("(\(200 - shownSlips) of them slipped targets)"), "\(closing)")
    }
}
