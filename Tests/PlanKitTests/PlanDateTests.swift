import Testing
@testable import PlanKit

@Suite struct PlanDateTests {
    @Test func parsesTheThreeForms() {
        #expect(PlanDate("2021-07") == .month(year: 2021, month: 7))
        #expect(PlanDate("2021-07-31") == .day(Day(year: 2021, month: 7, day: 31)!))
        #expect(PlanDate("2021-Q3") == .quarter(year: 2021, quarter: 3))
        for bad in ["2021-7", "2021-00", "2021-13", "2021-Q0", "2021-Q5", "2021-q3", "202-07", "2021-07-32", "2021-02-29",
                    "2021--7", "+021-07", "2021-07-1", "", "2021", "2021-07-31-01", "２０２１-07"] {
            #expect(PlanDate(bad) == nil, "\(bad)")
        }
        #expect(Day("2024-02-29") != nil)
        #expect(Day("1900-02-29") == nil)
        #expect(Day("2000-02-29") != nil)
    }

    @Test func writesWhatItReads() {
        for text in ["2021-07", "2021-07-31", "2021-Q3", "0999-01"] {
            #expect(PlanDate(text)?.description == text)
        }
    }

    @Test func monthsBetweenTargets() {
        let from = PlanDate("2021-07")!, to = PlanDate("2022-03")!
        #expect(to.monthIndex - from.monthIndex == 8)
        #expect(PlanDate("2021-Q1")!.lastDay == Day(year: 2021, month: 3, day: 31))
        #expect(PlanDate("2024-02")!.lastDay == Day(year: 2024, month: 2, day: 29))
        #expect(PlanDate("2021-Q2")!.firstDay == Day(year: 2021, month: 4, day: 1))
    }
}
