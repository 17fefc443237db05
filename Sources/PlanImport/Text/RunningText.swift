import PlanKit

/// What the importer needs to know about running text: where sentences end, whether a cell's
/// text stops mid-sentence, how two parts of a cell split by a page break join.
enum RunningText {
    /// The text stops mid-sentence: it does not end with . ! ? : or ; (a closing bracket or
    /// quote after them counts).
    static func isUnfinished(_ text: String) -> Bool {
        // A view, not a copy: asked of a cell's text once per row that continues it.
        let t = trimmed(text)
        guard var last = t.last else { return false }
        if ")]\"'’”".contains(last) {
            let before = t.dropLast()
            guard let previous = before.last else { return true }
            if last == ")" || last == "]" { return !".!?".contains(previous) }
            last = previous
        }
        return !".!?:;".contains(last)
    }

    /// The text's start, for a remark: at most `limit` characters, cut at a word.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit)
        return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + " …"
    }

    static func startsLowercase(_ text: String) -> Bool {
        text.trimmingSpaces.first?.isLowercase ?? false
    }

    /// Two parts of one paragraph split by a page break: "non-" and "accredited" join without a
    /// space, anything else with one.
    static func join(_ first: String, _ second: String) -> String {
        var joined = first
        join(&joined, second)
        return joined
    }

    /// `join` in place: a cell continued over many rows grows by appending, never by copying
    /// all it holds for each row (which made such a cell quadratic to read).
    static func join(_ first: inout String, _ second: String) {
        let b = trimmed(second)
        while let last = first.last, isSpace(last) { first.removeLast() }
        if let start = first.firstIndex(where: { !isSpace($0) }), start != first.startIndex {
            first.removeSubrange(first.startIndex..<start)
        }
        if first.hasSuffix("-"), first.dropLast().last?.isLetter == true, b.first?.isLowercase == true {
            first += b
        } else {
            first += " "
            first += b
        }
    }

    /// The spaces `String.trimmingSpaces` trims.
    static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{a0}" }

    /// `text.trimmingSpaces` as a view into the text.
    static func trimmed(_ text: String) -> Substring {
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return text[start...end]
    }

    /// Words of a wrapped line: "high- level" → "high-level" (a hyphen, a space, then the rest of
    /// the word); "pre- and post-transition" is left alone. Returns the words it joined.
    static func joinWrappedHyphens(_ text: String) -> (String, [String]) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var joined: [String] = []
        // Built anew rather than by removing words from the middle, which is quadratic in the
        // number of joins.
        var result: [String] = []
        result.reserveCapacity(words.count)
        var w = words.first ?? ""
        for next in words.dropFirst() {
            if w.count >= 3, w.hasSuffix("-"), w.dropLast().last?.isLetter == true, w.dropLast().first?.isLetter == true,
               let n = next.first, n.isLowercase, !["and", "or", "to", "nor"].contains(next.lowercased()) {
                w += next
                joined.append(w)
            } else {
                result.append(w)
                w = next
            }
        }
        result.append(w)
        return (result.joined(separator: " "), joined)
    }

    static let abbreviations: Set<String> = ["e.g.", "i.e.", "etc.", "mr.", "mrs.", "ms.", "dr.", "no.", "st.", "vs.", "cf."]

    /// The text's sentences, each with the words as written. A sentence ends at . ! or ? before
    /// a space (or a line break) and a capital letter, a digit or an opening bracket, except after "e.g." and the
    /// like.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            current.append(chars[i])
            // A line break (a cell's <br>) after the stop counts as the space.
            if ".!?".contains(chars[i]), i + 2 < chars.count, chars[i + 1] == " " || chars[i + 1] == "\n" {
                let next = chars[i + 2]
                let lastWord = current.split(separator: " ").last.map { $0.lowercased() } ?? ""
                if (next.isUppercase || next.isNumber || next == "(") && !abbreviations.contains(lastWord) {
                    result.append(current.trimmingSpaces)
                    current = ""
                    i += 2
                    continue
                }
            }
            i += 1
        }
        if !current.trimmingSpaces.isEmpty { result.append(current.trimmingSpaces) }
        return result
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "with", "that", "this", "will", "have", "has", "been", "are", "was", "were",
        "from", "into", "also", "which", "their", "its", "our", "all", "any", "other", "being", "such",
        "than", "then", "these", "those", "there", "where", "when", "what", "who", "would", "could",
        "should", "may", "can", "not", "but", "per", "via", "they", "them", "how", "out", "part", "made",
    ]

    /// The words that carry meaning, lowercased.
    static func contentWords(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init).filter { $0.count >= 3 && !stopWords.contains($0) })
    }

    /// Units of a cell joined into one text: paragraphs separated by a blank line, list items
    /// on their own lines after the paragraph they follow.
    static func joinParagraphs(_ paragraphs: [ResponseParagraph]) -> String {
        var text = ""
        for (i, paragraph) in paragraphs.enumerated() {
            if i > 0 { text += paragraph.isItem ? "\n" : "\n\n" }
            text += paragraph.text
        }
        return text
    }
}

/// A paragraph of a response cell; list items are written "- item".
struct ResponseParagraph: Hashable {
    var text: String
    var place: TableDocument.Place

    var isItem: Bool { text.hasPrefix("- ") }

    /// The item's words without the "- ".
    var itemText: String { isItem ? String(text.dropFirst(2)) : text }
}
