import Foundation
import PlanKit
import Testing

/// `plantool export --format csv` then `plantool import`: text with a combining mark after a
/// comma or a quote (one Character, but still a comma or a quote to a spreadsheet) comes back
/// exactly.
@Suite("plantool CSV with combining marks")
struct CSVCombiningMarkTests {
    @Test("an action text with a,\u{301}b and \"\u{301}x survives export to CSV and import")
    func roundTrip() throws {
        try withTemporaryDirectory { dir in
            let text = "Publish a,\u{301}b then \"\u{301}x"
            let recommendation = Fixture.recommendationWithAction(1).replacingOccurrences(
                of: "text: Publish revised recall guidance for all probation regions",
                with: #"text: "Publish a,\u0301b then \"\u0301x""#)
            let repo = dir.appendingPathComponent("repo")
            let plan = try Fixture.plan(at: "plan", in: repo, recommendations: ["01.yaml": recommendation])
            try gitOK(["init", "-q", "-b", "main"], in: repo)
            try gitOK(["add", "-A"], in: repo)
            try gitOK(["commit", "-q", "-m", "Add the plan"], in: repo)
            let csv = dir.appendingPathComponent("plan.csv")
            let export = run(["export", "--plan", plan.path, "--format", "csv", "-o", csv.path], in: dir)
            #expect(export.status == 0, "\(export)")
            let written = try #require(bytes(of: csv))
            #expect(String(decoding: written, as: UTF8.self).contains("\"Publish a,\u{301}b then \"\"\u{301}x\""))

            // The plan's text changed and committed, so the text after import can only come from the CSV.
            let file = plan.appendingPathComponent("recommendations/01.yaml")
            try GitFixture.replace(#"text: "Publish a,\u0301b then \"\u0301x""#, with: "text: Something else", in: file)
            try gitOK(["commit", "-q", "-am", "Change the action"], in: repo)
            let result = run(["import", csv.path, "--into", plan.path, "--replace"], in: dir)
            #expect(result.status == 0, "\(result)")
            let loaded = PlanLoader.load(PlanDirectory.files(of: plan, displayRoot: "plan"))
            let back = try #require(loaded.plan?.recommendations.first?.actions.first?.text, "\(loaded.diagnostics)")
            // Scalars, not String ==, which would accept canonically equivalent text.
            #expect(Array(back.unicodeScalars) == Array(text.unicodeScalars))
        }
    }
}
