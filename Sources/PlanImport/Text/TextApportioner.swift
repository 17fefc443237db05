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
