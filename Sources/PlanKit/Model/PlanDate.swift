/// A calendar date with day precision, written `YYYY-MM-DD`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` strictly: four-digit year, two-digit month and day, a real date.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int.digitsOnly(parts[0]), let m = Int.digitsOnly(parts[1]),
              let d = Int.digitsOnly(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        "\(Int.pad(year, 4))-\(Int.pad(month, 2))-\(Int.pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A date as plans give it: a day (`2021-12-07`), a month (`2021-07`) or a quarter (`2022-Q1`).
public enum PlanDate: Hashable, Sendable, CustomStringConvertible {
    case day(Day)
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY-Qn`.
    public init?(_ text: some StringProtocol) {
        if let day = Day(text) {
            self = .day(day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int.digitsOnly(parts[0]),
              (1...9999).contains(year) else { return nil }
        let rest = parts[1]
        if rest.count == 2, let month = Int.digitsOnly(rest), (1...12).contains(month) {
            self = .month(year: year, month: month)
        } else if rest.count == 2, rest.first == "Q", let q = Int.digitsOnly(rest.dropFirst()),
                  (1...4).contains(q) {
            self = .quarter(year: year, quarter: q)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .day(let d): d.description
        case .month(let y, let m): "\(Int.pad(y, 4))-\(Int.pad(m, 2))"
        case .quarter(let y, let q): "\(Int.pad(y, 4))-Q\(q)"
        }
    }

    public var year: Int {
        switch self {
        case .day(let d): d.year
        case .month(let y, _), .quarter(let y, _): y
        }
    }

    /// The first day the date covers.
    public var firstDay: Day {
        switch self {
        case .day(let d): d
        case .month(let y, let m): Day(year: y, month: m, day: 1)!
        case .quarter(let y, let q): Day(year: y, month: q * 3 - 2, day: 1)!
        }
    }

    /// The last day the date covers: a target of `2021-07` is met by the end of July.
    public var lastDay: Day {
        switch self {
        case .day(let d): return d
        case .month(let y, let m): return Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!
        case .quarter(let y, let q):
            let m = q * 3
            return Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!
        }
    }

    /// Months since year 0 of the date's last month: differences give whole months.
    public var monthIndex: Int {
        let last = lastDay
        return last.year * 12 + last.month - 1
    }
}

extension Int {
    /// An integer from ASCII digits only: no sign, no spaces, no underscores.
    static func digitsOnly(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
