/// Dates and states as the official table writes them ("March 2024", "7 December 2021",
/// "Completed"), and back. Writing then reading gives the same value for every date plantool
/// can hold, so an exported plan imports to the same model.
public enum DateWords {
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]

    /// "7 December 2021", "March 2024", "Q1 2022".
    public static func words(_ date: PlanDate) -> String {
        switch date {
        case .day(let d): words(d)
        case .month(let y, let m): "\(monthNames[m - 1]) \(y)"
        case .quarter(let y, let q): "Q\(q) \(y)"
        }
    }

    /// "7 December 2021".
    public static func words(_ day: Day) -> String {
        "\(day.day) \(monthNames[day.month - 1]) \(day.year)"
    }

    /// Reads a date the way plans write one, the whole text and nothing else: "7 December 2021",
    /// "7th December 2021", "December 2021", "Dec 2021", "Sept 2021", "May 19" (a two-digit year
    /// is taken as 20YY), "Q1 2022", "2021-07", "2021-12-07", "2022-Q1", "end of March 2022",
    /// "by March 2022". Returns nil for anything else ("TBC", "Completed", two dates).
    public static func parse(_ text: some StringProtocol) -> PlanDate? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\u{a0}" || $0 == "\t" || $0 == "," })
            .map { String($0) }
        guard !words.isEmpty, words.count <= 5 else { return nil }
        if words.count == 1, let iso = PlanDate(words[0]) { return iso }
        // Leading "by", "end of", "the end of"; a trailing full stop.
        while let first = words.first?.lowercased(), ["by", "end", "of", "the", "in"].contains(first) {
            words.removeFirst()
        }
        if var last = words.last, last.hasSuffix(".") {
            last.removeLast()
            words[words.count - 1] = last
        }
        guard !words.isEmpty else { return nil }
        if words.count == 2, words[0].count == 2, words[0].uppercased().hasPrefix("Q"),
           let q = Int.digitsOnly(words[0].dropFirst()), (1...4).contains(q), let y = year(words[1]) {
            return .quarter(year: y, quarter: q)
        }
        if words.count == 2, let m = month(words[0]), let y = year(words[1]) {
            return .month(year: y, month: m)
        }
        if words.count == 3, let d = dayNumber(words[0]), let m = month(words[1]), let y = year(words[2]),
           let day = Day(year: y, month: m, day: d) {
            return .day(day)
        }
        return nil
    }

    /// A day in words or ISO form ("7th December 2020", "2020-12-07"); nil for anything else.
    public static func parseDay(_ text: some StringProtocol) -> Day? {
        if case .day(let d)? = parse(text) { return d }
        return nil
    }

    /// 1…12 from "March", "Mar", "Sept", "march".
    static func month(_ word: String) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3 else { return nil }
        if w == "sept" { return 9 }
        for (i, name) in monthNames.enumerated() {
            let n = name.lowercased()
            if w == n || (w.count == 3 && n.hasPrefix(w)) { return i + 1 }
        }
        return nil
    }

    /// A four-digit year, or a two-digit one taken as 20YY ("May 19").
    static func year(_ word: String) -> Int? {
        guard let y = Int.digitsOnly(word) else { return nil }
        if word.count == 4, (1000...9999).contains(y) { return y }
        if word.count == 2 { return 2000 + y }
        return nil
    }

    /// "7", "07", "7th", "1st", "22nd", "3rd".
    static func dayNumber(_ word: String) -> Int? {
        var w = Substring(word.lowercased())
        for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) {
            w = w.dropLast(2)
            break
        }
        guard w.count <= 2, let d = Int.digitsOnly(w), (1...31).contains(d) else { return nil }
        return d
    }
}

extension ActionState {
    /// The word the table's target column uses: "Completed", "In progress".
    public var words: String {
        switch self {
        case .planned: "Planned"
        case .inProgress: "In progress"
        case .completed: "Completed"
        case .ongoing: "Ongoing"
        case .dropped: "Dropped"
        }
    }

    /// A state written on its own in a target cell: "Completed", "complete", "In progress",
    /// "Ongoing", "Dropped", "Planned" (case and a trailing full stop ignored). Nil for anything
    /// longer: "Completed and ongoing" is a note, whose state `impliedBy(note:)` guesses.
    public init?(words text: some StringProtocol) {
        var t = text.trimmingSpaces.lowercased()
        if t.hasSuffix(".") { t.removeLast() }
        switch t {
        case "planned": self = .planned
        case "in progress", "in-progress": self = .inProgress
        case "completed", "complete": self = .completed
        case "ongoing", "on-going": self = .ongoing
        case "dropped": self = .dropped
        default: return nil
        }
    }

    /// The state that target wording which is not a date implies: "Completed and ongoing" →
    /// ongoing; "Completed – March 2020" → completed; "Ongoing" → ongoing. Nil when the words
    /// say nothing about a state ("TBC", "Quarterly").
    public static func impliedBy(note: some StringProtocol) -> ActionState? {
        let words = Set(note.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        if words.contains("ongoing") || words.contains("continuous") { return .ongoing }
        if words.contains("completed") || words.contains("complete") { return .completed }
        if words.contains("dropped") || words.contains("withdrawn") { return .dropped }
        if words.contains("progress") || words.contains("underway") { return .inProgress }
        return nil
    }
}
