/// Small pieces of English that every message and report writes the same way.
public enum Wording {
    /// The noun for a count: `plural(1, "month")` is "month", `plural(3, "month")` is "months";
    /// an irregular plural is given: `plural(2, "status", "statuses")`.
    public static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        count == 1 ? singular : (plural ?? singular + "s")
    }

    /// The count and its noun: "1 month", "3 months".
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(Self.plural(count, singular, plural))"
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, no-break spaces and line breaks.
    public var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{a0}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
