/// The action plan as the inspectorate's template lays it out: a title block, the introduction,
/// the table of terms, the six-column table and the summary of counts. Markdown, HTML and DOCX
/// are renderings of this one layout, and the importer reads the same conventions back:
///
/// - **Title block**: the organisation, then "Label: value" lines: `Action Plan Submitted: 7
///   December 2020`, `A Response to the HM Inspectorate of Probation report: TITLE`, `Report
///   Published: 10 November 2020`, `Report available at: URL`, and one `TITLE Submitted: DATE` per
///   revision (`Action Plan Update Submitted: 7 December 2021`).
/// - **Table**: a theme row when the theme changes, an addressee row ("… should:") when the
///   addressee or the theme changes, then per recommendation one row per line below, the number,
///   recommendation and status cells spanning them:
///   - the response row (the recommendation's `response`, no owner, no target), when there is one;
///   - per action, its row: the response cell opens with the action id ("5.1 The PPG …"; the id
///     alone as the first paragraph when the text opens with a list item, "- …"), the
///     owner cell has one paragraph per owner, the target cell has the target in words, then the
///     `note` (target wording that is not a date), then the state in words unless it is what the
///     cell already says (planned with no note, or the state the note's words imply); it is
///     always written when the note's last line is itself a state word ("Ongoing"), which would
///     otherwise read back as the state;
///   - per update, a row below its action: "Update December 2021" as the first paragraph, then the
///     text; the owner cell holds the owners in charge at that update (its own new owners, else
///     the action's as they stood), as the published plans fill it; the target cell the new
///     target and the new state, each only when the update sets it.
///   A recommendation with nothing to show still has one, empty, row.
/// - **Status cell**: "Agreed" / "Partly Agreed" / "Not Agreed", then `Reason (CATEGORIES): TEXT`
///   and `Part agreed: TEXT` paragraphs when the recommendation has them.
/// - Text with line breaks becomes one paragraph per line (empty lines kept), so it reads back
///   exactly; a line "- …" is a list item.
/// - **Summary**: the published vertical table, "Recommendations" over one row per count
///   ("Agreed | 11", "Partly Agreed | 2", "Not Agreed | 0", "Total | 13").
public struct OfficialDocument: Hashable, Sendable {
    public var organisation: String
    public var titleLines: [TitleLine]
    public var introduction: [String]
    public var heading: String
    public var rows: [Row]
    public var summary: SummaryTable
    /// The words the plan speaks (`vocabulary`): the status cells, the headers, the terms.
    public var words: PlanWords
    /// The plan raises concerns: its table is headed "Concern No", "Concern".
    public var hasConcerns: Bool

    public struct TitleLine: Hashable, Sendable {
        public var label: String
        public var value: String
        public var text: String { "\(label): \(value)" }
    }

    /// A row of the main table.
    public enum Row: Hashable, Sendable {
        /// A theme heading ("Leadership"), spanning the table.
        case theme(String)
        /// The addressee line ("HM Prison and Probation Service should:"), spanning the table.
        case addressee(String)
        case recommendation(RecommendationRows)
    }

    /// One recommendation: its first three cells span its lines.
    public struct RecommendationRows: Hashable, Sendable {
        public var number: Int
        /// The number as shown: "1 (S41)" with the report's reference.
        public var label: String
        public var text: [String]
        public var status: [String]
        public var lines: [Line]
    }

    /// One row of columns 4 to 6.
    public struct Line: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            case response
            case action(id: String)
            case update(actionID: String, date: PlanDate)
            case empty
        }
        public var kind: Kind
        /// Column 4, one string per paragraph.
        public var response: [String]
        /// Column 5, one owner per paragraph.
        public var owners: [String]
        /// Column 6, one string per paragraph.
        public var target: [String]
    }

    /// The closing table of counts.
    public struct SummaryTable: Hashable, Sendable {
        public var agreed: Int
        public var partlyAgreed: Int
        public var notAgreed: Int
        /// True when the counts are the plan's own `summary`, false when counted from the plan.
        public var declared: Bool
        /// The labels in the plan's words: "Accepted", "Partly Accepted", "Rejected", "Total".
        public var columns = OfficialDocument.summaryColumns(.standard)
        /// The heading over the counts: "Recommendations", or "Concerns" for a plan of concerns.
        public var heading = OfficialDocument.summaryHeading
        public var total: Int { agreed + partlyAgreed + notAgreed }
        public var caption: String {
            declared ? OfficialDocument.summaryCaption : OfficialDocument.summaryCaption + " " + OfficialDocument.countedSuffix
        }
        /// The table's rows below its heading: each label with its count, the total last.
        public var counts: [(label: String, count: Int)] {
            Array(zip(columns, [agreed, partlyAgreed, notAgreed, total])).map { (label: $0.0, count: $0.1) }
        }
    }

    // MARK: The template's fixed words

    public static let columns = columns(.standard, concerns: false)

    /// The header row in the plan's words: "3. Accepted/ Partly Accepted/ Rejected", and
    /// "1. Concern No", "2. Concern" for a plan of concerns.
    public static func columns(_ words: PlanWords, concerns: Bool) -> [String] {
        [concerns ? "1. Concern No" : "1. Rec No", concerns ? "2. Concern" : "2. Recommendation", "3. " + words.statusColumn,
         "4. Response Action Taken/Planned",
         "5. Responsible Owner (including named individuals and their functional role or department)",
         "6. Target Date"]
    }

    /// This plan's header row, terms and summary header, in its words.
    public var columns: [String] { Self.columns(words, concerns: hasConcerns) }
    public var terms: [(term: String, definition: String, comment: String)] {
        zip(Status.allCases, Self.terms).map { (words.word(for: $0), $1.definition, $1.comment) }
    }
    public static func summaryColumns(_ words: PlanWords) -> [String] { Status.allCases.map(words.word(for:)) + ["Total"] }
    public static let introductionHeading = "INTRODUCTION"
    public static let headingPrefix = "ACTION PLAN: "
    public static let summaryCaption = "Summary of responses"
    public static let countedSuffix = "(counted from the recommendations)"
    public static let updatePrefix = "Update "
    public static let reasonLabel = "Reason"
    public static let partAgreedLabel = "Part agreed: "
    public static let submittedLabel = "Action Plan Submitted"
    public static let respondsToPrefix = "A Response to the "
    public static let respondsToSuffix = " report"
    public static let publishedLabel = "Report Published"
    public static let urlLabel = "Report available at"

    /// The template's table of terms: term, definition, what the response must contain.
    public static let terms: [(term: String, definition: String, comment: String)] = [
        ("Agreed",
         "All of the recommendation is agreed with, can be achieved and is affordable.",
         "The response should clearly explain how the recommendation will be achieved along with timescales. Actions should be as SMART (Specific, Measurable, Achievable, Realistic and Time-bound) as possible. Actions should be specific enough to be tracked for progress."),
        ("Partly Agreed",
         "Only part of the recommendation is agreed with, is achievable, affordable and will be implemented. This might be because we cannot implement the whole recommendation because of commissioning, policy, operational or affordability reasons.",
         "The response must state clearly which part of the recommendation will be implemented along with SMART actions and tracked for progress. There must be an explanation of why we cannot fully agree the recommendation - this must state clearly whether this is due to commissioning, policy, operational or affordability reasons."),
        ("Not Agreed",
         "The recommendation is not agreed and will not be implemented. This might be because of commissioning, policy, operational or affordability reasons.",
         "The response must clearly state the reasons why we have chosen this option. There must be an explanation of why we cannot agree the recommendation - this must state clearly whether this is due to commissioning, policy, operational or affordability reasons."),
    ]
    public static let termColumns = ["Term", "Definition", "Additional comment"]
    /// The summary table's heading, over its labels and counts.
    public static let summaryHeading = "Recommendations"
    public static let listItemPrefix = "- "

    // MARK: Building

    public init(_ plan: Plan) {
        let info = plan.info
        organisation = info.organisation
        var lines: [TitleLine] = []
        if let submitted = info.submitted {
            lines.append(TitleLine(label: Self.submittedLabel, value: DateWords.words(submitted)))
        }
        lines.append(TitleLine(label: Self.respondsToPrefix + info.inspectorate + Self.respondsToSuffix,
                               value: info.report.title))
        if let published = info.report.published {
            lines.append(TitleLine(label: Self.publishedLabel, value: DateWords.words(published)))
        }
        if let url = info.report.url { lines.append(TitleLine(label: Self.urlLabel, value: url)) }
        for revision in info.revisions {
            lines.append(TitleLine(label: revision.title + " Submitted", value: DateWords.words(revision.submitted)))
        }
        titleLines = lines
        introduction = info.introduction.map(Self.paragraphs) ?? []
        heading = Self.headingPrefix + info.title
        words = info.vocabulary
        hasConcerns = plan.hasConcerns

        var rows: [Row] = []
        var theme: String?
        var addressee: String?
        // Kinds are grouped under their published headings ("Priority concerns"), and a plan
        // whose themes stop ("Main recommendations", then the rest) heads the rest by its kind.
        let grouped = plan.kinds.count > 1 || plan.hasConcerns
        var kind: RecommendationKind?
        for rec in plan.recommendations {
            var themeChanged = false
            if (grouped && rec.kind != kind) || (rec.theme == nil && theme != nil) {
                rows.append(.theme(words.heading(for: rec.kind)))
                kind = rec.kind
                theme = nil
                themeChanged = true
            }
            if let t = rec.theme, t != theme {
                rows.append(.theme(t))
                themeChanged = true
            }
            theme = rec.theme
            if themeChanged || rec.addressee != addressee {
                rows.append(.addressee(Self.addresseeLine(rec.addressee)))
            }
            addressee = rec.addressee
            rows.append(.recommendation(Self.rows(for: rec, words: words)))
        }
        self.rows = rows

        if let declared = info.summary {
            summary = SummaryTable(agreed: declared.agreed, partlyAgreed: declared.partlyAgreed,
                                   notAgreed: declared.notAgreed, declared: true)
        } else {
            let statuses = plan.recommendations.map(\.status)
            summary = SummaryTable(agreed: statuses.filter { $0 == .agreed }.count,
                                   partlyAgreed: statuses.filter { $0 == .partlyAgreed }.count,
                                   notAgreed: statuses.filter { $0 == .notAgreed }.count, declared: false)
        }
        summary.columns = Self.summaryColumns(words)
        summary.heading = words.countHeading(hasConcerns: hasConcerns)
    }

    /// "HM Prison and Probation Service should:".
    public static func addresseeLine(_ addressee: String) -> String {
        addressee + " should:"
    }

    /// Text as paragraphs: one per line, empty lines kept, so joining them with line breaks gives
    /// the text back.
    public static func paragraphs(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// "Reason (affordability, policy): TEXT" as its first paragraph's opening.
    public static func reasonOpening(_ reason: Reason) -> String {
        reasonLabel + " (" + reason.categories.map(\.rawValue).joined(separator: ", ") + "): "
    }

    static func rows(for rec: Recommendation, words: PlanWords = .standard) -> RecommendationRows {
        var status = [words.word(for: rec.status)]
        if let reason = rec.reason {
            var p = paragraphs(reason.text)
            p[0] = reasonOpening(reason) + p[0]
            status += p
        }
        if let part = rec.implementedPart {
            var p = paragraphs(part)
            p[0] = partAgreedLabel + p[0]
            status += p
        }
        var lines: [Line] = []
        if let response = rec.response {
            lines.append(Line(kind: .response, response: paragraphs(response), owners: [], target: []))
        }
        for action in rec.actions {
            lines.append(Line(kind: .action(id: action.id), response: actionParagraphs(action), owners: action.owners,
                              target: targetCell(action)))
            var owners = action.owners
            for update in action.updates {
                var target: [String] = []
                if let t = update.target { target.append(DateWords.words(t)) }
                if let s = update.state { target.append(s.words) }
                owners = update.owners ?? owners
                lines.append(Line(kind: .update(actionID: action.id, date: update.date),
                                  response: [updateLabel(update.date)] + paragraphs(update.text),
                                  owners: owners, target: target))
            }
        }
        if lines.isEmpty { lines.append(Line(kind: .empty, response: [], owners: [], target: [])) }
        return RecommendationRows(number: rec.number, label: rec.label(words), text: paragraphs(rec.text), status: status, lines: lines)
    }

    /// An action's text opened by its id: "5.1 The PPG …", or the id as a paragraph of its own
    /// when the text opens with a list item, so the first item stays in the list.
    public static func actionParagraphs(_ action: Action) -> [String] {
        var text = paragraphs(action.text)
        if listItem(text[0]) != nil { return [action.id] + text }
        text[0] = action.id + " " + text[0]
        return text
    }

    /// A list item's text ("- Review the policy" → "Review the policy"); nil for a paragraph
    /// that is not an item.
    public static func listItem(_ paragraph: String) -> String? {
        paragraph.hasPrefix(listItemPrefix) ? String(paragraph.dropFirst(listItemPrefix.count)) : nil
    }

    /// "Update December 2021".
    public static func updateLabel(_ date: PlanDate) -> String {
        updatePrefix + DateWords.words(date)
    }

    /// Column 6 of an action's row: target in words, the note, and the state where the rest does
    /// not already say it.
    public static func targetCell(_ action: Action) -> [String] {
        var cell: [String] = []
        if let t = action.target { cell.append(DateWords.words(t)) }
        if let note = action.note { cell += paragraphs(note) }
        if action.state != stateImplied(note: action.note) || noteEndsWithStateWord(action.note) {
            cell.append(action.state.words)
        }
        return cell
    }

    /// The note's last line is a state in words ("Ongoing"): the cell's last line is read as the
    /// state, so the state must follow it.
    public static func noteEndsWithStateWord(_ note: String?) -> Bool {
        guard let last = note.flatMap({ paragraphs($0).last }) else { return false }
        return ActionState.allCases.contains { $0.words == last }
    }

    /// The state a target cell with this note and no state word stands for.
    public static func stateImplied(note: String?) -> ActionState {
        note.flatMap { ActionState.impliedBy(note: $0) } ?? .planned
    }
}

extension OfficialDocument {
    /// The layout as the paragraphs and tables a document holds, in order: what a DOCX export
    /// contains and what reading it back gives. Spanning cells are marked as a DOCX marks them:
    /// the number, recommendation and status cells continue down a recommendation's lines, and
    /// theme and addressee rows are one cell spanning the six columns. Places are
    /// "table T, row R" and "paragraph P" (counted from 1).
    public var tableDocument: TableDocument {
        var blocks: [TableDocument.Block] = []
        var paragraphCount = 0
        func paragraph(_ text: String) {
            paragraphCount += 1
            blocks.append(.paragraph(text, at: .init(line: paragraphCount, label: "paragraph \(paragraphCount)")))
        }
        paragraph(organisation)
        for line in titleLines { paragraph(line.text) }
        if !introduction.isEmpty {
            paragraph(Self.introductionHeading)
            for p in introduction { paragraph(p) }
        }
        typealias Cell = TableDocument.Cell
        func row(_ cells: [Cell], table: Int, index: Int) -> TableDocument.Row {
            .init(cells: cells, place: .init(line: index, label: "table \(table), row \(index)"))
        }
        // The terms.
        var terms = [row(Self.termColumns.map { Cell(paragraphs: [$0]) }, table: 1, index: 1)]
        for (i, t) in self.terms.enumerated() {
            terms.append(row([Cell(paragraphs: [t.term]), Cell(paragraphs: [t.definition]), Cell(paragraphs: [t.comment])],
                             table: 1, index: i + 2))
        }
        blocks.append(.table(.init(rows: terms)))
        paragraph(heading)
        // The plan.
        var rows = [row(columns.map { Cell(paragraphs: [$0]) }, table: 2, index: 1)]
        for r in self.rows {
            switch r {
            case .theme(let text), .addressee(let text):
                rows.append(row([Cell(paragraphs: [text], span: 6)], table: 2, index: rows.count + 1))
            case .recommendation(let rec):
                for (i, line) in rec.lines.enumerated() {
                    let first = i == 0
                    let spanned: [Cell] = first
                        ? [Cell(paragraphs: [rec.label]), Cell(paragraphs: rec.text), Cell(paragraphs: rec.status)]
                        : Array(repeating: Cell(paragraphs: [], continuesAbove: true), count: 3)
                    rows.append(row(spanned + [Cell(paragraphs: line.response), Cell(paragraphs: line.owners),
                                               Cell(paragraphs: line.target)],
                                    table: 2, index: rows.count + 1))
                }
            }
        }
        blocks.append(.table(.init(rows: rows)))
        paragraph(summary.caption)
        var summaryRows = [row([Cell(paragraphs: [summary.heading], span: 2)], table: 3, index: 1)]
        for (label, count) in summary.counts {
            summaryRows.append(row([Cell(paragraphs: [label]), Cell(paragraphs: [String(count)])], table: 3, index: summaryRows.count + 1))
        }
        blocks.append(.table(.init(rows: summaryRows)))
        return TableDocument(blocks: blocks)
    }
}
