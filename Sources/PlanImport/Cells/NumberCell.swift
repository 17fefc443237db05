import PlanKit

/// The first column of a recommendation's row: its number, and the report's own reference when
/// the plan prints one: "5", "5.", "1 (S41)", "3 (1.12)", or the reference alone ("5.01").
enum NumberCell {
    /// The printed number (nil when only a reference is printed) and the reference.
    /// The plan prints the report's references alone as its numbers ("5.01", "6.02"): every
    /// number cell is a reference with no number.
    static func numbersAreReferences(_ firstCells: [String]) -> Bool {
        let numbers = firstCells.compactMap(parse)
        return !numbers.isEmpty && numbers.allSatisfy { $0.number == nil && $0.reference != nil }
    }

    static func parse(_ text: String) -> (number: Int?, reference: String?)? {
        var t = text.trimmingSpaces.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        if let open = t.firstIndex(of: "("), t.hasSuffix(")") {
            let reference = t[t.index(after: open)..<t.index(before: t.endIndex)].trimmingSpaces
            guard let number = plain(String(t[..<open])), isReference(reference) else { return nil }
            return (number, reference)
        }
        if let number = plain(t) { return (number, nil) }
        if t.hasSuffix(".") { t.removeLast() }
        return isDotted(t) ? (nil, t) : nil
    }

    /// "5" or "5.": a whole number within the format's limits.
    static func plain(_ text: String) -> Int? {
        var t = text.trimmingSpaces
        if t.hasSuffix(".") { t.removeLast() }
        guard let n = Int.digitsOnly(t), n >= 1, n <= Limits.maxNumber else { return nil }
        return n
    }

    /// A report's reference: short, one word, with a digit ("S41", "1.12", "P3").
    static func isReference(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 12 && !text.contains(" ") && text.contains(where: \.isNumber)
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
    }

    /// A section and paragraph number printed alone: "5.01", "1.12" (two parts of digits).
    static func isDotted(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy(\.isNumber) }
    }
}

/// A section row of the plan table ("Main recommendations", "Priority concerns", "Key
/// concerns"): it sets the kind of the rows below it and is not itself a recommendation.
enum SectionWords {
    /// The kind a section row sets, and the theme it leaves ("Main recommendations" is kept as
    /// the theme of the recommendations below it; "Recommendations" leaves none).
    static func section(_ text: String) -> (kind: RecommendationKind, theme: String?)? {
        var t = text.trimmingSpaces
        if t.hasSuffix(":") { t.removeLast() }
        let key = t.lowercased()
        switch key {
        case "priority concerns", "priority concern": return (.priorityConcern, nil)
        case "key concerns", "key concern", "key concerns and recommendations": return (.keyConcern, nil)
        case "recommendations", "recommendation", "other recommendations": return (.recommendation, nil)
        case "main recommendations", "main recommendation", "key recommendations": return (.recommendation, t)
        default: return nil
        }
    }

    /// The heading a section row gives its kind, as the document writes it ("Key Concerns"); nil
    /// for a section that keeps a theme ("Main recommendations").
    static func heading(_ text: String) -> (kind: RecommendationKind, words: String)? {
        guard let section = section(text), section.theme == nil else { return nil }
        var words = text.trimmingSpaces
        if words.hasSuffix(":") { words.removeLast() }
        return (section.kind, words)
    }
}
