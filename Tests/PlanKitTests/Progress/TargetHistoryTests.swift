import Foundation
import Testing
@testable import PlanKit

/// The timeline `status` charts: points in date order whatever order the commits' dates came in,
/// carried to the as-of day.
@Suite("TargetHistory timeline")
struct TargetHistoryTests {
    static func rec(_ number: Int, _ states: [ActionState]) -> Recommendation {
        Recommendation(number: number, addressee: "HMPPS", text: "Improve recall decisions", status: .agreed,
                       actions: states.enumerated().map { i, state in
                           Action(id: "\(number).\(i + 1)", text: "Publish guidance", owners: ["Deputy Director"],
                                  target: PlanDate("2021-06"), state: state)
                       })
    }

    static func day(_ text: String) -> Day { Day(text)! }

    static func completed(_ point: PlanProgress.TimelinePoint) -> Int {
        point.counts.first { $0.state == .completed }?.count ?? -1
    }

    @Test("a commit dated before earlier points hides them, as --as-of would read those days")
    func outOfOrderCommits() {
        var history = TargetHistory()
        history.record(day: Self.day("2021-01-10"), changed: [1: Self.rec(1, [.planned, .planned])])
        history.record(day: Self.day("2021-06-01"), changed: [1: Self.rec(1, [.completed, .planned])])
        // Committed after the June commit, dated March: from March on, the plan is this one.
        history.record(day: Self.day("2021-03-01"), changed: [1: Self.rec(1, [.completed, .completed])])
        history.record(day: Self.day("2021-09-01"), changed: [2: Self.rec(2, [.planned])])
        #expect(history.timeline.map(\.date.description) == ["2021-01-10", "2021-03-01", "2021-09-01"])
        #expect(history.timeline.map(Self.completed) == [0, 2, 2])
    }

    @Test("close(on:) carries the last point to the as-of day, and never goes back")
    func closeOnAsOfDay() {
        var history = TargetHistory()
        history.close(on: Self.day("2021-12-07"))
        #expect(history.timeline.isEmpty)
        history.record(day: Self.day("2021-01-10"), changed: [1: Self.rec(1, [.completed])])
        history.close(on: Self.day("2021-12-07"))
        #expect(history.timeline.map(\.date.description) == ["2021-01-10", "2021-12-07"])
        #expect(history.timeline.map(Self.completed) == [1, 1])
        history.close(on: Self.day("2021-12-07"))
        history.close(on: Self.day("2021-11-01"))
        #expect(history.timeline.count == 2)
    }

    @Test("daysSince1970 is the inverse of Day.of(seconds:)")
    func daysSince1970() {
        for text in ["1970-01-01", "1969-12-31", "2000-02-29", "2021-03-01", "2021-12-31", "2024-02-29", "2100-03-01"] {
            let day = Self.day(text)
            #expect(Day.of(seconds: Int64(day.daysSince1970) * 86_400, offsetMinutes: 0) == day, "\(text)")
        }
        #expect(Self.day("1970-01-02").daysSince1970 == 1)
        #expect(Self.day("2021-03-01").daysSince1970 - Self.day("2021-02-28").daysSince1970 == 1)
    }
}
