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
        guard case .day(let day)? = PlanDate.read(text) else { return nil }
        self = day
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
        guard let date = Self.read(text) else { return nil }
        self = date
    }

    /// Reads the three forms byte by byte (every date of every file goes through here): ASCII
    /// digits only, exactly four for the year and two for the month and the day.
    static func read(_ text: some StringProtocol) -> PlanDate? {
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> PlanDate? {
            guard bytes.count == 7 || bytes.count == 10, bytes[4] == UInt8(ascii: "-"),
                  let year = Int.digits(bytes, 0, 4), (1...9999).contains(year) else { return nil }
            if bytes.count == 10 {
                guard bytes[7] == UInt8(ascii: "-"), let month = Int.digits(bytes, 5, 2), let day = Int.digits(bytes, 8, 2),
                      let date = Day(year: year, month: month, day: day) else { return nil }
                return .day(date)
            }
            if let month = Int.digits(bytes, 5, 2) {
                return (1...12).contains(month) ? .month(year: year, month: month) : nil
            }
            guard bytes[5] == UInt8(ascii: "Q"), let quarter = Int.digits(bytes, 6, 1), (1...4).contains(quarter) else { return nil }
            return .quarter(year: year, quarter: quarter)
        }
        if let date = text.utf8.withContiguousStorageIfAvailable(parse) { return date }
        return Array(text.utf8).withUnsafeBufferPointer(parse)
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
    /// The number `count` ASCII digits at `start` of `bytes` write, or nil when one is not a digit.
    @inline(__always)
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// An integer from ASCII digits only: no sign, no spaces, no underscores.
    public static func digitsOnly(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
