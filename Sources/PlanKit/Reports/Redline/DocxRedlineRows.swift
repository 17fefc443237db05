/// A recommendation's rows in the Word redline: the rows the export writes for B
/// (`DocxWriter.Body.recommendationRows`), with A's differences as revisions. A row added or
/// removed is a row inserted or deleted (`w:trPr/w:ins`, `w:trPr/w:del`) whose every run is too;
/// a moved target carries a comment with its slip in months.
extension DocxRedline {
    typealias Body = DocxWriter.Body

    static func rows(_ rec: RedlineRecommendation, stamp: RevisionStamp, revisions: DocxRevisions) -> [String] {
        let text = DocxRedlineText(revisions: revisions, stamp: stamp)
        let status = DocxRedlineText(revisions: revisions, stamp: stamp, bold: Body.statusBold)
        let number = rec.rows.label
        let numberText = DocxRedlineText(revisions: revisions, stamp: stamp, list: false, bold: { $1.count })
        var spanned: [[DocxWriter.Line]]
        switch rec.mark {
        case .added, .removed:
            let inserted = rec.mark == .added
            spanned = [numberText.whole([number], inserted: inserted), text.whole(rec.rows.text, inserted: inserted),
                       status.whole(rec.rows.status, inserted: inserted)]
        case .kept:
            let old = rec.old ?? rec.rows
            spanned = [numberCell(old: old.label, new: number, numberText), text.lines(old: old.text, new: rec.rows.text),
                       status.lines(old: old.status, new: rec.rows.status)]
        }
        spanned = spanned.map(cellEnd)
        let rows = ordered(rec).map { line in
            (cells: cells(line, stamp: stamp, revisions: revisions), revision: rowRevision(line.mark, stamp, revisions))
        }
        return Body.recommendationRows(Body.RecommendationLines(spanned: spanned, rows: rows))
    }

    /// B's lines first where A's removed ones came first: the cells that span the rows are in
    /// the first row, which must stay when every change is accepted. A recommendation whose
    /// lines were all removed gets B's empty row, as the export has it.
    static func ordered(_ rec: RedlineRecommendation) -> [RedlineRecommendation.Line] {
        var lines = rec.lines
        if rec.mark != .removed, let first = lines.firstIndex(where: { $0.mark != .removed }), first > 0 {
            lines.insert(lines.remove(at: first), at: 0)
        } else if rec.mark != .removed, !lines.contains(where: { $0.mark != .removed }), let empty = rec.rows.lines.first {
            lines.insert(RedlineRecommendation.Line(line: empty, mark: .added), at: 0)
        }
        return lines
    }

    /// A renumbered recommendation: A's number deleted, B's inserted, in one paragraph.
    static func numberCell(old: String, new: String, _ text: DocxRedlineText) -> [DocxWriter.Line] {
        guard old != new else { return [text.plain(new, index: 0)] }
        let runs = text.revisions.deleted(DocxWriter.run(old, bold: true, deleted: true), text.stamp)
            + text.revisions.inserted(DocxWriter.run(new, bold: true), text.stamp)
        return [DocxWriter.Line(text: new, runs: runs)]
    }

    static func rowRevision(_ mark: RedlineRecommendation.Mark, _ stamp: RevisionStamp, _ revisions: DocxRevisions) -> String {
        switch mark {
        case .added: revisions.insertedMark(stamp)
        case .removed: revisions.deletedMark(stamp)
        case .kept: ""
        }
    }

    /// Columns 4 to 6 of a line.
    static func cells(_ line: RedlineRecommendation.Line, stamp: RevisionStamp, revisions: DocxRevisions) -> [[DocxWriter.Line]] {
        let kind = line.line.kind
        let response = DocxRedlineText(revisions: revisions, stamp: stamp, bold: { Body.responseBold(kind, at: $0, $1) })
        let plain = DocxRedlineText(revisions: revisions, stamp: stamp)
        let columns: [(KeyPath<OfficialDocument.Line, [String]>, DocxRedlineText, Bool)] = [
            (\.response, response, true), (\.owners, plain, true), (\.target, plain, false),
        ]
        var cells = columns.map { path, text, words -> [DocxWriter.Line] in
            switch line.mark {
            case .added: text.whole(line.line[keyPath: path], inserted: true)
            case .removed: text.whole(line.line[keyPath: path], inserted: false)
            case .kept(let old): text.lines(old: old[keyPath: path], new: line.line[keyPath: path], words: words)
            }
        }.map(cellEnd)
        for move in line.targetMoves { comment(ChangeWording.targetMove(move, .words), on: &cells[2], stamp: stamp, revisions: revisions) }
        return cells
    }

    /// A cell ends with a paragraph mark that stays: where every paragraph of a cell is deleted,
    /// the last one's words are, its mark is not.
    static func cellEnd(_ lines: [DocxWriter.Line]) -> [DocxWriter.Line] {
        guard let last = lines.indices.last, lines.allSatisfy({ $0.markRevision.hasPrefix("<w:del") }) else { return lines }
        var kept = lines
        kept[last].markRevision = ""
        return kept
    }

    /// A comment on a cell's lines: from the start of the first to the end of the last that
    /// stays when the changes are accepted.
    static func comment(_ text: String, on lines: inout [DocxWriter.Line], stamp: RevisionStamp, revisions: DocxRevisions) {
        guard !lines.isEmpty else { return }
        let markers = revisions.comment(text, stamp)
        let last = lines.lastIndex { !$0.markRevision.hasPrefix("<w:del") } ?? lines.count - 1
        lines[0].runs = markers.start + lines[0].runs
        lines[last].runs += markers.end
    }
}
