import PlanKit

/// "Leadership", "HM Prison and Probation Service should:", and both in one cell ("Staff HM
/// Prison and Probation Service should:", "Information and facilities The Ministry of Justice
/// should:").
enum HeadingWords {
    /// The addressee of a "... should:" heading, without "should:" and a trailing comma.
    static func addressee(_ text: String) -> String? {
        let t = text.trimmingSpaces
        let lower = t.lowercased()
        for suffix in ["should:", "should"] where lower.hasSuffix(suffix) {
            var words = String(t.dropLast(suffix.count)).trimmingSpaces
            if words.hasSuffix(",") { words.removeLast() }
            return words.trimmingSpaces
        }
        return nil
    }

    /// Words addressees open with, for a theme run into its addressee.
    static let openings = ["HM ", "HMPPS", "Her Majesty", "His Majesty", "The ", "Ministry of", "MoJ", "National Probation",
                           "NPS", "Probation Service", "Community Rehabilitation", "Youth Justice"]

    /// Splits "THEME ADDRESSEE" when the addressee is one seen before, the theme is the current
    /// one, or the addressee opens as addressees do.
    static func split(_ words: String, theme: String?, seen: [String]) -> (theme: String?, addressee: String, how: String?) {
        for known in seen.sorted(by: { $0.count > $1.count }) where words != known && words.hasSuffix(" " + known) {
            let prefix = String(words.dropLast(known.count + 1)).trimmingSpaces
            if !prefix.isEmpty { return (prefix, known, "the addressee \"\(known)\" named above") }
        }
        if let theme, words.hasPrefix(theme + " ") {
            let rest = String(words.dropFirst(theme.count + 1))
            if rest.first?.isUppercase ?? false { return (theme, rest, "the theme \"\(theme)\" repeated") }
        }
        // A heading that itself opens as addressees do is all addressee ("HM Prison and Probation
        // Service"); otherwise the theme ends where the addressee's words begin.
        guard !openings.contains(where: { words.hasPrefix($0) }) else { return (nil, words, nil) }
        for opening in openings {
            guard let range = words.range(of: " " + opening), range.lowerBound > words.startIndex else { continue }
            let prefix = String(words[..<range.lowerBound])
            let rest = String(words[words.index(after: range.lowerBound)...])
            let lastWord = prefix.split(separator: " ").last.map { $0.lowercased() } ?? ""
            if prefix.split(separator: " ").count <= 4, prefix.first?.isUppercase ?? false,
               !OwnerSplitter.connectors.contains(lastWord), !prefix.hasSuffix(",") {
                return (prefix, rest, "where the addressee's words begin")
            }
        }
        return (nil, words, nil)
    }
}
