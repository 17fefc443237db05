/// The paragraphs of one cell or text in a Word redline: A's against B's, aligned as the HTML
/// redline aligns them (`RedlineCells.paragraphs`), each written as a Word revision. Accepting
/// every revision leaves exactly B's paragraphs; rejecting every one, A's.
struct DocxRedlineText {
    typealias Line = DocxWriter.Line

    let revisions: DocxRevisions
    let stamp: RevisionStamp
    /// Lines "- …" are list items (a text or a cell), not so in the title block.
    var list = true
    /// How many characters open a paragraph in bold, from its index in its version and its text.
    var bold: (Int, String) -> Int = { _, _ in 0 }

    /// A's paragraphs against B's. `words` false replaces a changed paragraph whole (a date).
    func lines(old: [String], new: [String], words: Bool = true, blankLines: Bool = true) -> [Line] {
        if old == new { return new.enumerated().map { plain($1, index: $0) } }
        var lines: [Line] = [], oldIndex = 0, newIndex = 0
        for paragraph in RedlineCells.paragraphs(old: old, new: new, words: words, blankLines: blankLines) {
            switch paragraph {
            case .same(let text):
                lines.append(plain(text, index: newIndex))
            case .removed(let text):
                lines.append(removed(text, index: oldIndex))
            case .added(let text):
                lines.append(added(text, index: newIndex))
            case .reworded(let a, let b, _):
                lines += reworded(a, b, oldIndex: oldIndex, newIndex: newIndex)
            }
            if case .added = paragraph {} else { oldIndex += 1 }
            if case .removed = paragraph {} else { newIndex += 1 }
        }
        return lines
    }

    /// Every paragraph inserted (`inserted`) or deleted.
    func whole(_ paragraphs: [String], inserted: Bool) -> [Line] {
        paragraphs.enumerated().map { inserted ? added($1, index: $0) : removed($1, index: $0) }
    }

    func shown(_ text: String) -> String { list ? OfficialDocument.listItem(text) ?? text : text }

    func plain(_ text: String, index: Int) -> Line {
        Line(text: text, runs: DocxWriter.runs(shown(text), boldPrefix: bold(index, text)))
    }

    func added(_ text: String, index: Int) -> Line {
        Line(text: text, runs: revisions.inserted(DocxWriter.runs(shown(text), boldPrefix: bold(index, text)), stamp),
             markRevision: revisions.insertedMark(stamp))
    }

    func removed(_ text: String, index: Int) -> Line {
        Line(text: text, runs: revisions.deleted(DocxWriter.runs(shown(text), boldPrefix: bold(index, text), deleted: true), stamp),
             markRevision: revisions.deletedMark(stamp))
    }

    /// A paragraph reworded, word by word where both versions stay the same kind of paragraph
    /// and the words give each text back exactly; else A's deleted and B's inserted whole.
    func reworded(_ old: String, _ new: String, oldIndex: Int, newIndex: Int) -> [Line] {
        let a = shown(old), b = shown(new)
        let sameKind = (a == old) == (b == new) && !old.isEmpty && !new.isEmpty
        let segments = WordDiff.diff(a, b)
        func text(without kind: WordSegment.Kind) -> String {
            segments.filter { $0.kind != kind }.map(\.text).joined(separator: " ")
        }
        guard sameKind, text(without: .removed) == b, text(without: .added) == a else {
            return [removed(old, index: oldIndex), added(new, index: newIndex)]
        }
        return [Line(text: new, runs: runs(segments, boldPrefix: bold(newIndex, new)))]
    }

    /// Word segments as runs: unchanged words plain, removed ones deleted, added ones inserted,
    /// the space between two words going with the change that needs it, so that either version
    /// reads with single spaces. The first `boldPrefix` characters of B's text are bold.
    func runs(_ segments: [WordSegment], boldPrefix: Int) -> String {
        var out = ""
        var accepted = 0, rejectedHasText = false
        func piece(_ text: String, deleted: Bool = false) -> String {
            let start = accepted
            if !deleted { accepted += text.count }
            guard !deleted, start < boldPrefix, boldPrefix < start + text.count else {
                return DocxWriter.run(text, bold: start < boldPrefix, deleted: deleted)
            }
            let cut = text.index(text.startIndex, offsetBy: boldPrefix - start)
            return DocxWriter.run(String(text[..<cut]), bold: true) + DocxWriter.run(String(text[cut...]))
        }
        for segment in segments {
            let acceptedHasText = accepted > 0
            switch segment.kind {
            case .same:
                switch (acceptedHasText, rejectedHasText) {
                case (true, true): out += piece(" ")
                case (true, false): out += revisions.inserted(piece(" "), stamp)
                case (false, true): out += revisions.deleted(piece(" ", deleted: true), stamp)
                case (false, false): break
                }
                out += piece(segment.text)
                rejectedHasText = true
            case .removed:
                out += revisions.deleted(piece((rejectedHasText ? " " : "") + segment.text, deleted: true), stamp)
                rejectedHasText = true
            case .added:
                out += revisions.inserted(piece((acceptedHasText ? " " : "") + segment.text), stamp)
            }
        }
        return out
    }
}
