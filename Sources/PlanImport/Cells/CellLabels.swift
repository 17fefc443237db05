import PlanKit

/// "Update December 2021" opening an update's response cell.
enum UpdateLabel {
    /// The export's label, exactly: "Update " and a date in words (a day or a month).
    static func official(_ paragraph: String) -> PlanDate? {
        guard paragraph.hasPrefix(OfficialDocument.updatePrefix) else { return nil }
        let rest = paragraph.dropFirst(OfficialDocument.updatePrefix.count)
        guard let date = DateWords.parse(rest), DateWords.words(date) == rest, isUpdateDate(date) else { return nil }
        return date
    }

    /// A source's label, as its own paragraph or run into the text ("Update December 2021 The
    /// revised process ..."): the date and the words after it.
    static func source(_ paragraph: String) -> (date: PlanDate, words: String, rest: String)? {
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, ["update", "update:"].contains(first.lowercased()) else { return nil }
        var start = 1
        if start < words.count, ["-", "–", ":"].contains(words[start]) { start += 1 }
        for count in [3, 2] where start + count <= words.count {
            let candidate = words[start..<start + count].joined(separator: " ")
            var cleaned = candidate
            if cleaned.hasSuffix(":") || cleaned.hasSuffix(",") { cleaned.removeLast() }
            if let date = DateWords.parse(cleaned), isUpdateDate(date) {
                var rest = words[(start + count)...].joined(separator: " ")
                if rest.hasPrefix("- ") || rest.hasPrefix("– ") { rest = String(rest.dropFirst(2)) }
                return (date, cleaned, rest)
            }
        }
        return nil
    }

    /// Updates are dated by a day or a month, not a quarter.
    static func isUpdateDate(_ date: PlanDate) -> Bool {
        if case .quarter = date { return false }
        return true
    }
}

/// An action id opening a response cell ("5.1 The PPG ...").
enum ActionID {
    static func isValid(_ id: some StringProtocol) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return !id.isEmpty && parts.count <= 8 && parts.allSatisfy { Int.digitsOnly($0) != nil }
    }

    /// The export's form: the id, one space, the text's first line (possibly empty).
    static func official(_ paragraph: String) -> (id: String, rest: String)? {
        guard let space = paragraph.firstIndex(of: " ") else { return nil }
        let id = paragraph[..<space]
        guard isValid(id) else { return nil }
        return (String(id), String(paragraph[paragraph.index(after: space)...]))
    }

    /// A source's numbered action: a dotted id ("1.1", "1.1.2") before the text.
    static func source(_ paragraph: String) -> (id: String, rest: String)? {
        guard let (id, rest) = official(paragraph), id.contains("."), !rest.trimmingSpaces.isEmpty else { return nil }
        return (id, rest.trimmingSpaces)
    }
}
