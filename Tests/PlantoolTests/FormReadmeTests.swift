import Foundation
import Testing

/// The README's `form export|import` example, run on the recall plan in a fresh repository with
/// the form filled by python-docx as its comment line says: every output shown is the real output.
@Suite("README: form export and import")
struct FormReadmeTests {
    @Test("every command of the example prints what the README shows, and the draft holds the update shown")
    func example() throws {
        let section = try EditReadmeTests.section(from: "### `plantool form export|import`", to: "### `plantool textconv FILE`")
        let steps = EditReadmeTests.commands(in: section)
        #expect(steps.count == 5)
        try withTemporaryDirectory { dir in
            let plan = dir.appendingPathComponent("recall")
            try GitFixture.copyPlan(to: plan)
            try gitOK(["init", "-q", "-b", "main"], in: plan)
            try gitOK(["add", "-A"], in: plan)
            try gitOK(["commit", "-q", "-m", "Action plan update December 2021"], in: plan, env: EditReadmeTests.identity)
            for step in steps {
                if step.command.hasPrefix("# the owner fills in row 5.1") {
                    let form = dir.appendingPathComponent("ppg.docx")
                    try FormRoundTripTests.fill(form, to: form, ["5.1": [
                        "Progress update": "The pilot ended in March 2022; the 15-day timescale for Part B reports is now national policy, and the evaluation is published.",
                        "New state": "in progress", "New target date": "March 2023",
                    ]], saved: "2022-12-05T16:20:00", in: dir)
                    continue
                }
                let words = EditReadmeTests.words(step.command)
                try #require(words.first == "plantool", "\(step.command)")
                let result = run(Array(words.dropFirst()), in: plan, env: EditReadmeTests.identity)
                let printed = (result.stdout + result.stderr).split(separator: "\n").map(String.init)
                #expect(printed.sorted() == step.output.filter { !$0.isEmpty }.sorted(), "\(step.command)\n\(result)")
            }
            let yaml = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
            let rec5 = try gitOK(["show", "draft/forms-2022-12:recommendations/05.yaml"], in: plan)
            #expect(rec5.hasSuffix(yaml.trimmingCharacters(in: .newlines)), "\(rec5)")
        }
    }
}
