import Foundation
import PlanKit

extension Day {
    /// Today in the local time zone: the day overdue actions and slips are judged on when no
    /// other day is given.
    public static func today() -> Day {
        let now = Date()
        let seconds = Int64(now.timeIntervalSince1970)
        let offset = Int32(TimeZone.current.secondsFromGMT(for: now) / 60)
        return Day.of(seconds: seconds, offsetMinutes: offset)
    }
}
