import Testing
@testable import PlanKit

/// `status --format json` is written directly (`ProgressJSON`); it must be the text the
/// generic encoder (`JSONOutput`) gives for the same report.
@Suite("ProgressJSON")
struct ProgressJSONTests {
    /// Every C0 control, quotes, backslashes, slashes, DEL, C1 and bidirectional controls, and
    /// text beyond ASCII.
    static let awkward = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        + "\"q\" \\b\\ a/b \u{7F} \u{85} \u{202E}x\u{2066} café 漢字 🙂"

    static func plan(_ index: Int, text: String, empty: Bool) -> PlanProgress {
        let date = PlanDate("2021-0\(index % 9 + 1)")!
        let line = PlanProgress.ActionLine(recommendation: index, action: "\(index).1", text: text, owners: ["A/B", text],
                                           state: .planned, target: date, monthsLate: index % 2 == 0 ? 3 : nil)
        let move = TargetMove(from: date, to: PlanDate("2022-01")!, when: index % 2 == 0 ? "2021-10-20" : nil, how: "commit")
        let counts = ActionState.allCases.enumerated().map { PlanProgress.StateCount(state: $1, count: $0 * index) }
        return PlanProgress(
            plan: "plans/\(text)", title: text, asOf: Day("2021-12-07")!,
            source: index % 2 == 0 ? .commit("0123abcd", date: Day("2021-10-20")!, summary: text) : .workingTree,
            owner: index % 3 == 0 ? nil : text, dueWithinMonths: index,
            recommendations: PlanProgress.StatusCounts(agreed: index, partlyAgreed: 1, notAgreed: 2),
            actionsByState: counts, overdue: empty ? [] : [line, line], dueSoon: empty ? [] : [line],
            owners: empty ? [] : [PlanProgress.OwnerLine(owner: text, open: 1, overdue: 2, completed: 3)],
            slippage: empty ? [] : [PlanProgress.Slippage(recommendation: index, action: "\(index).2", owners: [], firstTarget: date,
                                                          currentTarget: PlanDate("2022-01")!, times: 1, monthsSlipped: 4, moves: [move, move])],
            timeline: empty ? [] : [PlanProgress.TimelinePoint(date: Day("2021-01-10")!, counts: counts)])
    }

    @Test("the same text as JSONOutput: one plan, several, empty lists, absent and present optionals, awkward strings")
    func sameAsEncoder() {
        for text in ["Plain", "", Self.awkward] {
            for plans in [[Self.plan(1, text: text, empty: false)], [Self.plan(2, text: text, empty: true)],
                          (0..<4).map { Self.plan($0, text: text, empty: $0 == 1) }] {
                let report = ProgressRenderer.Report(asOf: Day("2021-12-07")!, plans: plans)
                #expect(ProgressJSON.encode(asOf: report.asOf, plans: report.plans, owners: report.owners) == JSONOutput.encode(report))
            }
        }
    }
}
