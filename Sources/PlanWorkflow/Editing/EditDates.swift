import PlanKit

/// Dates as an edit is given them: `2024-03`, `2024-03-31`, `2024-Q1`, or in words as the
/// official table writes them ("March 2024", "Q3 2024", "7 December 2021").
public enum EditDates {
    /// A target: a day, a month or a quarter.
    public static func target(_ text: String) throws -> PlanDate {
        guard let date = DateWords.parse(text.trimmingSpaces) else {
            throw WorkflowError(message: "'\(text)' is not a date; write YYYY-MM, YYYY-MM-DD, YYYY-Qn or words such as \"March 2024\" or \"Q3 2024\"")
        }
        return date
    }

    /// An update's date: a day or a month.
    public static func update(_ text: String) throws -> PlanDate {
        let date = try target(text)
        if case .quarter = date {
            throw WorkflowError(message: "'\(text)' is a quarter; an update is dated by day or month (YYYY-MM or YYYY-MM-DD)")
        }
        return date
    }

    /// A day, for a revision.
    public static func day(_ text: String) throws -> Day {
        guard case .day(let day) = try target(text) else {
            throw WorkflowError(message: "'\(text)' is not a day; a revision is submitted on a day (YYYY-MM-DD or \"7 December 2022\")")
        }
        return day
    }
}
