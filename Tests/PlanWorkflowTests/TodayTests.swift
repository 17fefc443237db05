import Foundation
import PlanKit
import PlanWorkflow
import Testing

@Suite struct TodayTests {
    @Test func todayIsTheLocalDate() {
        let now = Date()
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: now)
        #expect(Day.today() == Day(year: parts.year!, month: parts.month!, day: parts.day!))
    }
}
