import PlanKit

/// Steps numbered inside one paragraph: "1. Review the guidance. 2. Train the staff." or
/// "1) … 2) …", or bulleted in it as plain text ("• Review the guidance • Train the staff").
enum NumberedSteps {
    /// The steps, without their numbers, when the paragraph opens with step 1 (or holds it after
    /// a lead-in ending in ":", given apart) and numbers them 1, 2, 3 … in order; nil otherwise.
    static func split(_ text: String) -> (leadIn: String?, steps: [String])? {
        let chars = Array(text)
        var starts: [(number: Int, marker: Range<Int>)] = []
        var i = 0
        while i < chars.count {
            let expected = starts.count + 1
            let digits = String(expected)
            let atBoundary = i == 0 || chars[i - 1] == " " || chars[i - 1] == "\n"
            if atBoundary, i + digits.count + 1 < chars.count, String(chars[i..<i + digits.count]) == digits,
               ".)".contains(chars[i + digits.count]), chars[i + digits.count + 1] == " " {
                if expected == 1, i > 0, !String(chars[0..<i]).trimmingSpaces.hasSuffix(":") {
                    i += 1
                    continue
                }
                starts.append((expected, i..<(i + digits.count + 2)))
                i += digits.count + 2
                continue
            }
            i += 1
        }
        guard starts.count >= 2 else { return nil }
        var steps: [String] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].marker.lowerBound : chars.count
            steps.append(String(chars[start.marker.upperBound..<end]).trimmingSpaces)
        }
        let leadIn = String(chars[0..<starts[0].marker.lowerBound]).trimmingSpaces
        return steps.contains(where: \.isEmpty) ? nil : (leadIn.isEmpty ? nil : leadIn, steps)
    }

    /// A step's text without its number: "2. Train the staff." → "Train the staff."
    static func strip(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isNumber }), first != text.startIndex,
              ".)".contains(text[first]) else { return text }
        let after = text.index(after: first)
        guard after < text.endIndex, text[after] == " " else { return text }
        return String(text[text.index(after: after)...])
    }

    /// Items bulleted with "•" inside one paragraph, when it opens with a bullet or holds the
    /// first after a lead-in ending in ":"; nil when there are fewer than two.
    static func bullets(_ text: String) -> (leadIn: String?, steps: [String])? {
        let pieces = text.split(separator: "•", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard pieces.count >= 3 else { return nil }
        let leadIn = pieces[0]
        guard leadIn.isEmpty || leadIn.hasSuffix(":") else { return nil }
        let steps = Array(pieces.dropFirst())
        return steps.contains(where: \.isEmpty) ? nil : (leadIn.isEmpty ? nil : leadIn, steps)
    }
}
