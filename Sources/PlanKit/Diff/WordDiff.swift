/// A word-level diff (longest common subsequence of words), as `git diff --word-diff` shows.
public enum WordDiff {
    /// Segments of unchanged, removed and added words; whitespace is normalised to one space.
    public static func diff(_ old: String, _ new: String) -> [WordSegment] {
        let a = old.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let b = new.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        // Trim the common head and tail first: most rewordings touch a few words.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let midA = Array(a[head..<(a.count - tail)]), midB = Array(b[head..<(b.count - tail)])
        var segments: [WordSegment] = []
        func push(_ kind: WordSegment.Kind, _ word: String) {
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1].text += " " + word
            } else {
                segments.append(WordSegment(kind: kind, text: word))
            }
        }
        a[..<head].forEach { push(.same, $0) }
        if midA.count * midB.count > 4_000_000 {
            // Too long to align word by word: the middle is replaced whole.
            midA.forEach { push(.removed, $0) }
            midB.forEach { push(.added, $0) }
        } else {
            let n = midA.count, m = midB.count
            var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i][j] = midA[i] == midB[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n, j < m, midA[i] == midB[j] {
                    push(.same, midA[i]); i += 1; j += 1
                } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                    // Removed words come before the words that replace them, as git shows them.
                    push(.removed, midA[i]); i += 1
                } else {
                    push(.added, midB[j]); j += 1
                }
            }
        }
        a[(a.count - tail)...].forEach { push(.same, $0) }
        return segments
    }

    /// The share of words two texts have in common (0 to 1), for recognising a renumbered recommendation.
    public static func similarity(_ old: String, _ new: String) -> Double {
        let a = Set(Words(old).tokens), b = Set(Words(new).tokens)
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    /// `[-removed-]{+added+}` inline, with unchanged words kept (long unchanged runs shortened).
    public static func inline(_ segments: [WordSegment], context: Int = 6) -> String {
        segments.enumerated().map { index, segment in
            switch segment.kind {
            case .removed: return "[-\(segment.text)-]"
            case .added: return "{+\(segment.text)+}"
            case .same:
                let words = segment.text.split(separator: " ")
                guard words.count > context * 2 else { return segment.text }
                let first = index == 0, last = index == segments.count - 1
                if first { return "… " + words.suffix(context).joined(separator: " ") }
                if last { return words.prefix(context).joined(separator: " ") + " …" }
                return words.prefix(context).joined(separator: " ") + " … " + words.suffix(context).joined(separator: " ")
            }
        }.joined(separator: " ")
    }
}
