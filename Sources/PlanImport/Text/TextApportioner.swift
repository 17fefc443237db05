import PlanKit

/// Divides an update's text among the actions it covers.
enum TextApportioner {
    /// The paragraphs (or, when there are fewer paragraphs than actions, the sentences) divided
    /// into one part per action, in order, so that each part shares the most words with its action.
    static func split(_ paragraphs: [ResponseParagraph], among texts: [String]) -> [String]? {
        let k = texts.count
        var segments: [String]
        var joiner: ([String]) -> String
        if paragraphs.count >= k {
            segments = paragraphs.map(\.text)
            joiner = { parts in RunningText.joinParagraphs(parts.map { ResponseParagraph(text: $0, place: TableDocument.Place(line: 0)) }) }
        } else {
            segments = RunningText.sentences(RunningText.joinParagraphs(paragraphs))
            joiner = { $0.joined(separator: " ") }
        }
        let m = segments.count
        guard m >= k, k >= 1, m <= 200 else { return nil }
        let words = segments.map(RunningText.contentWords)
        let targets = texts.map(RunningText.contentWords)
        func score(_ from: Int, _ to: Int, _ action: Int) -> Int {
            var union = Set<String>()
            for i in from..<to { union.formUnion(words[i]) }
            return union.intersection(targets[action]).count
        }
        // best[a][j]: the best score of the first j segments divided among the first a actions.
        var best = Array(repeating: Array(repeating: Int.min, count: m + 1), count: k + 1)
        var cut = Array(repeating: Array(repeating: 0, count: m + 1), count: k + 1)
        best[0][0] = 0
        for a in 1...k {
            for j in a...m {
                for i in (a - 1)..<j where best[a - 1][i] != Int.min {
                    let value = best[a - 1][i] + score(i, j, a - 1)
                    if value > best[a][j] {
                        best[a][j] = value
                        cut[a][j] = i
                    }
                }
            }
        }
        var parts: [String] = []
        var end = m
        for a in stride(from: k, through: 1, by: -1) {
            let start = cut[a][end]
            parts.insert(joiner(Array(segments[start..<end])), at: 0)
            end = start
        }
        return parts
    }
}

extension TextApportioner {
    /// Words that open a sentence leaning on the one before it ("This will be launched …"):
    /// a text is never divided before such a sentence.
    static let leaningOpeners: Set<String> = ["this", "these", "it", "its", "they", "their", "that", "those", "such", "he", "she"]

    /// One paragraph divided at sentences into one part per label (an owner), in order: each
    /// part shares the most words with its label; among equal divisions, the most even in
    /// length. Nil when there are fewer sentences than labels, or the only cuts fall before
    /// sentences that lean on the one before.
    static func divide(_ text: String, into labels: [String]) -> [String]? {
        let sentences = RunningText.sentences(text)
        let k = labels.count, m = sentences.count
        guard k >= 2, m >= k, m <= 200 else { return nil }
        let words = sentences.map(RunningText.contentWords)
        let lengths = sentences.map { $0.split(separator: " ").count }
        let wanted = labels.map(RunningText.contentWords)
        let canCut = sentences.map { sentence in
            !leaningOpeners.contains(sentence.split(separator: " ").first.map { $0.lowercased() } ?? "")
        }
        func value(_ from: Int, _ to: Int, _ label: Int) -> (Int, Int) {
            var union = Set<String>()
            for i in from..<to { union.formUnion(words[i]) }
            let length = lengths[from..<to].reduce(0, +)
            return (union.intersection(wanted[label]).count, -length * length)
        }
        // best[a][j]: the best (matching words, minus the sum of squared lengths) of the first
        // j sentences divided among the first a labels.
        var best = Array(repeating: Array(repeating: (Int, Int)?.none, count: m + 1), count: k + 1)
        var cut = Array(repeating: Array(repeating: 0, count: m + 1), count: k + 1)
        best[0][0] = (0, 0)
        for a in 1...k {
            for j in a...m where j == m || canCut[j] {
                for i in (a - 1)..<j {
                    guard let before = best[a - 1][i] else { continue }
                    let part = value(i, j, a - 1)
                    let total = (before.0 + part.0, before.1 + part.1)
                    if best[a][j].map({ total > $0 }) ?? true {
                        best[a][j] = total
                        cut[a][j] = i
                    }
                }
            }
        }
        guard best[k][m] != nil else { return nil }
        var parts: [String] = []
        var end = m
        for a in stride(from: k, through: 1, by: -1) {
            let start = cut[a][end]
            parts.insert(sentences[start..<end].joined(separator: " "), at: 0)
            end = start
        }
        return parts
    }
}
