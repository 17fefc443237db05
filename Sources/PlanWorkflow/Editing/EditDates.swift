import PlanKit

/// Dates as an edit is given them: `2024-03`, `2024-03-31`, `2024-Q1`, or in words as the
/// official table writes them ("March 2024", "Q3 2024", "7 December 2021").
public enum EditDates {
    /// A target: a day, a month or a quarter.
    public static func target(_ text: String) throws -> PlanDate {
        guard let date = read(text) else {
            throw WorkflowError(message: "'\(text)' is not a date; write YYYY-MM, YYYY-MM-DD, YYYY-Qn, DD/MM/YYYY or words such as \"March 2024\" or \"Q3 2024\"")
        }
        return date
    }

    /// A date in any form `target` takes, or nil. Besides ISO and words, a day written
    /// DD/MM/YYYY, as a spreadsheet in a UK locale saves it ("31/03/2024"): the plans are
    /// British, so the day comes first.
    public static func read(_ text: String) -> PlanDate? {
        let trimmed = text.trimmingSpaces
        if let date = DateWords.parse(trimmed) { return date }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let day = Int.digitsOnly(parts[0]), let month = Int.digitsOnly(parts[1]), let year = Int.digitsOnly(parts[2]),
              let date = Day(year: year, month: month, day: day) else { return nil }
        return .day(date)
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
