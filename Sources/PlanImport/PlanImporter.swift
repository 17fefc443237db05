import PlanKit

/// Turns a document (paragraphs and tables, as `WordTextReader` or a DOCX reader gives them) into a
/// plan, with a remark for every guess it made.
///
/// Two kinds of document are read:
/// - **plantool's own layout** (`OfficialDocument`), recognised by its title line "A Response to
///   the INSPECTORATE report: TITLE". It is read by the layout's conventions alone, so an export
///   reads back to the plan it was made from.
/// - **real plans** in the inspectorate's template, read by general rules: rows continued over
///   page breaks are joined, cells holding several paragraphs side by side become several actions,
///   owner cells naming several post-holders are split, target cells become a target, a state
///   and a note, "Update <date>" rows become updates of the actions above them. No word is dropped:
///   what has no field of its own goes into `note` (an action's) or `response` (a recommendation's).
public enum PlanImporter {
    public static func interpret(_ document: TableDocument) throws(ImportError) -> ImportResult {
        var log = RemarkLog()
        let layout = try DocumentLayout(document)
        let front = TitleBlock.read(layout.front, official: layout.official, log: &log)
        var recommendations: [Recommendation]
        var vocabulary = HeaderRow.vocabulary(header: layout.header, statusCells: layout.planRows.compactMap {
            $0.cells.count > 2 ? $0.cells[2].paragraphs.first : nil
        }, sections: layout.planRows.compactMap { row in
            row.cells.filter { !$0.isEmpty && !$0.continuesAbove }.count == 1 ? row.cells.first { !$0.isEmpty }?.text : nil
        })
        if NumberCell.numbersAreReferences(layout.planRows.compactMap { $0.cells.first.map(\.text) }) {
            vocabulary = (vocabulary ?? PlanWords()).numberedByReferences()
        }
        if layout.official {
            var reader = OfficialTableReader(words: vocabulary ?? .standard)
            recommendations = reader.read(layout.planRows, log: &log)
        } else {
            var reader = SourceTableReader(rows: layout.planRows)
            recommendations = reader.read(log: &log)
        }
        var info = front.planInfo(log: &log, firstPlace: layout.firstPlace)
        info.summary = SummaryReader.read(layout.summaryRows, caption: layout.summaryCaption, log: &log)
        if let vocabulary { info.vocabulary = vocabulary }
        if !layout.unplacedAfter.isEmpty, !recommendations.isEmpty {
            let last = recommendations.count - 1
            let words = layout.unplacedAfter.map(\.text).joined(separator: "\n\n")
            recommendations[last].response = [recommendations[last].response, words].compactMap { $0 }.joined(separator: "\n\n")
            log.kept(layout.unplacedAfter[0].place, String(recommendations[last].number),
                     "text after the plan table kept in the response of the last recommendation")
        }
        let plan = PlanCompletion.complete(Plan(info: info, recommendations: recommendations),
                                           place: layout.headerPlace, log: &log)
        return ImportResult(plan: plan, remarks: log.inSourceOrder)
    }
}
