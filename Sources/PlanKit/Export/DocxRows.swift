/// A recommendation's rows of the six-column table: its number, text and status merged down
/// its lines (`w:vMerge`), then columns 4 to 6 of each line. The export writes the layout's
/// lines plainly; the redline writes the same rows with its marks.
extension DocxWriter.Body {
    typealias Line = DocxWriter.Line

    /// A recommendation's cells as lines of text: the three cells that span its rows, and per
    /// row columns 4 to 6 with the row's revision (a redline's row inserted or deleted).
    struct RecommendationLines {
        var spanned: [[Line]]
        var rows: [(cells: [[Line]], revision: String)]
    }

    /// The layout's rows, plainly: the number and status word in bold, a status label
    /// ("Reason (policy):", "Part agreed:"), an action's opening id and an update's label too.
    static func lines(_ rec: OfficialDocument.RecommendationRows) -> RecommendationLines {
        let status = rec.status.enumerated().map { Line($1, boldPrefix: statusBold(at: $0, $1)) }
        return RecommendationLines(
            spanned: [[Line(rec.label, boldPrefix: rec.label.count)], rec.text.map { Line($0) }, status],
            rows: rec.lines.map { line in
                let response = line.response.enumerated().map { Line($1, boldPrefix: responseBold(line.kind, at: $0, $1)) }
                return ([response, line.owners.map { Line($0) }, line.target.map { Line($0) }], "")
            })
    }

    static func recommendationRows(_ rec: RecommendationLines) -> [String] {
        let w = DocxWriter.planColumns
        let merged = rec.rows.count > 1
        return rec.rows.enumerated().map { i, row in
            var cells: [Cell]
            if i == 0 {
                let merge: Cell.Merge = merged ? .restart : .none
                cells = zip(rec.spanned, w).map { Cell($0, width: $1, merge: merge) }
            } else {
                cells = (0..<3).map { Cell(paragraphs: [], width: w[$0], merge: .continue) }
            }
            cells += zip(row.cells, w.dropFirst(3)).map { Cell($0, width: $1) }
            return Self.row(cells, revision: row.revision)
        }
    }

    /// How much of a status paragraph is bold: the status word, or a label ("Reason (policy):",
    /// "Part agreed:").
    static func statusBold(at index: Int, _ text: String) -> Int {
        if index == 0 { return text.count }
        if text.hasPrefix(OfficialDocument.partAgreedLabel) {
            return OfficialDocument.partAgreedLabel.count - 1
        }
        if text.hasPrefix(OfficialDocument.reasonLabel + " ("), let close = text.range(of: "): ") {
            return text.distance(from: text.startIndex, to: close.lowerBound) + 2
        }
        return 0
    }

    /// How much of a column 4 paragraph is bold: the action id opening an action's text, an
    /// update's "Update …" label.
    static func responseBold(_ kind: OfficialDocument.Line.Kind, at index: Int, _ text: String) -> Int {
        guard index == 0 else { return 0 }
        switch kind {
        case .action(let id) where text.hasPrefix(id): return id.count
        case .update: return text.count
        default: return 0
        }
    }
}
