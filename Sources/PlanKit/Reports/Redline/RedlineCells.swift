/// A cell of the redline: B's paragraphs with A's differences marked, `<del>` for what A said
/// and B does not, `<ins>` for what B adds, word by word inside a reworded paragraph
/// (`WordDiff`). Every text goes through `HTMLExport.escape`.
enum RedlineCells {
    enum Paragraph: Equatable {
        case same(String)
        case removed(String)
        case added(String)
        /// A paragraph reworded: A's text, B's, and their words aligned.
        case reworded(old: String, new: String, [WordSegment])
    }

    /// The cell as HTMLExport writes it when nothing changed; else paragraph by paragraph.
    /// `words` false replaces a changed paragraph whole (a date: "July 2021" → "March 2022"
    /// reads better whole than as two words changed).
    static func cell(old: [String], new: [String], words: Bool = true, firstStrong: Bool = false, leadingID: String? = nil) -> String {
        if old == new { return HTMLExport.cellContent(new, firstStrong: firstStrong, leadingID: leadingID) }
        return paragraphs(old: old, new: new, words: words).enumerated().map { index, paragraph in
            var inner: String
            switch paragraph {
            case .same(let text): inner = leading(text, index == 0 ? leadingID : nil)
            case .removed(let text): inner = "<del>" + HTMLExport.escape(text) + "</del>"
            case .added(let text): inner = "<ins>" + HTMLExport.escape(text) + "</ins>"
            case .reworded(_, _, let segments): inner = marked(segments, leadingID: index == 0 ? leadingID : nil)
            }
            if index == 0, firstStrong { inner = "<strong>" + inner + "</strong>" }
            return "<p>" + inner + "</p>"
        }.joined()
    }

    /// A whole cell added or removed: its content inside one `<ins>` or `<del>`.
    static func whole(_ paragraphs: [String], tag: String, firstStrong: Bool = false, leadingID: String? = nil) -> String {
        let content = HTMLExport.cellContent(paragraphs, firstStrong: firstStrong, leadingID: leadingID)
        return content.isEmpty ? "" : "<\(tag)>" + content + "</\(tag)>"
    }

    /// Segments of a word diff as marked-up text.
    static func marked(_ segments: [WordSegment], leadingID: String? = nil) -> String {
        segments.enumerated().map { index, segment in
            switch segment.kind {
            case .same: leading(segment.text, index == 0 ? leadingID : nil)
            case .removed: "<del>" + HTMLExport.escape(segment.text) + "</del>"
            case .added: "<ins>" + HTMLExport.escape(segment.text) + "</ins>"
            }
        }.joined(separator: " ")
    }

    /// Text whose opening action id is in bold, as HTMLExport writes an action's first paragraph.
    static func leading(_ text: String, _ id: String?) -> String {
        guard let id, text == id || text.hasPrefix(id + " ") else { return HTMLExport.escape(text) }
        return "<strong>" + HTMLExport.escape(id) + "</strong>" + HTMLExport.escape(String(text.dropFirst(id.count)))
    }

    /// The paragraphs of both versions aligned (longest common subsequence; empty paragraphs
    /// only separate and are left out unless `blankLines`), a removed paragraph followed by an
    /// added one in the same gap taken as one paragraph reworded.
    static func paragraphs(old: [String], new: [String], words: Bool, blankLines: Bool = false) -> [Paragraph] {
        let kept = { (p: String) in blankLines || !p.trimmingSpaces.isEmpty }
        let a = old.filter(kept), b = new.filter(kept)
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Paragraph] = []
        var gone: [String] = [], came: [String] = []
        func flushGap() {
            let paired = words ? min(gone.count, came.count) : 0
            for k in 0..<paired { result.append(.reworded(old: gone[k], new: came[k], WordDiff.diff(gone[k], came[k]))) }
            result += gone.dropFirst(paired).map(Paragraph.removed)
            result += came.dropFirst(paired).map(Paragraph.added)
            gone = []
            came = []
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                flushGap()
                result.append(.same(b[j]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                gone.append(a[i])
                i += 1
            } else {
                came.append(b[j])
                j += 1
            }
        }
        flushGap()
        return result
    }
}
