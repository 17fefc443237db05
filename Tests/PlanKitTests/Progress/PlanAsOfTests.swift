import Testing
@testable import PlanKit

/// A plan on a past day from its own dated updates (`status --as-of` with no history to read).
@Suite struct PlanAsOfTests {
    static func plan() -> Plan {
        let action = Action(id: "1.1", text: "Run a pilot of longer Part B timescales", owners: ["Deputy Director, Public Protection Group"],
                            target: PlanDate("2021-07"), state: .planned,
                            updates: [Update(date: PlanDate("2021-12")!, text: "The pilot has been extended.", state: .inProgress, target: PlanDate("2022-03")),
                                      Update(date: PlanDate("2022-06-15")!, text: "The pilot has finished.", state: .completed)])
        let info = PlanInfo(title: "Recall", organisation: "HMPPS", inspectorate: "HM Inspectorate of Probation",
                            report: Report(title: "Recall"), submitted: Day("2020-12-07"),
                            revisions: [Revision(submitted: Day("2021-12-07")!, title: "Action Plan Update")])
        return Plan(info: info, recommendations: [Recommendation(number: 1, addressee: "HMPPS", text: "Review Part B", status: .agreed, actions: [action])])
    }

    @Test func updatesAfterTheDayAreLeftOutWithTheTargetsTheySet() {
        let june = PlanAsOf.plan(Self.plan(), on: Day("2021-06-01")!).recommendations[0].actions[0]
        #expect(june.updates.isEmpty)
        #expect(june.currentTarget == PlanDate("2021-07") && june.currentState == .planned)
    }

    @Test func anUpdateDatedByMonthCountsFromTheMonthsFirstDay() {
        #expect(PlanAsOf.plan(Self.plan(), on: Day("2021-11-30")!).recommendations[0].actions[0].updates.isEmpty)
        let december = PlanAsOf.plan(Self.plan(), on: Day("2021-12-01")!).recommendations[0].actions[0]
        #expect(december.currentTarget == PlanDate("2022-03") && december.currentState == .inProgress)
        // A day-dated update counts from its day.
        #expect(PlanAsOf.plan(Self.plan(), on: Day("2022-06-14")!).recommendations[0].actions[0].currentState == .inProgress)
        #expect(PlanAsOf.plan(Self.plan(), on: Day("2022-06-15")!).recommendations[0].actions[0].currentState == .completed)
    }

    @Test func theLastSubmissionOnOrBeforeTheDay() {
        #expect(PlanAsOf.lastSubmission(Self.plan(), on: Day("2020-12-01")!) == nil)
        #expect(PlanAsOf.lastSubmission(Self.plan(), on: Day("2021-06-01")!)?.day == Day("2020-12-07"))
        #expect(PlanAsOf.lastSubmission(Self.plan(), on: Day("2022-01-01")!)?.title == "Action Plan Update")
    }

    @Test func theHistoryHoldsOnlyTheMovesUpToTheDay() {
        #expect(PlanAsOf.history(Self.plan(), to: Day("2021-06-01")!).moves.isEmpty)
        let later = PlanAsOf.history(Self.plan(), to: Day("2022-01-01")!)
        #expect(later.moves["1/1.1"]?.map { "\($0.from) → \($0.to)" } == ["2021-07 → 2022-03"])
        #expect(later.timeline.last?.date == Day("2022-01-01"))
    }
}
