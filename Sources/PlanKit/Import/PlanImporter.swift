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
        if layout.official {
            var reader = OfficialTableReader()
            recommendations = reader.read(layout.planRows, log: &log)
        } else {
            var reader = SourceTableReader(rows: layout.planRows)
            recommendations = reader.read(log: &log)
        }
        var info = front.planInfo(log: &log, firstPlace: layout.firstPlace)
        info.summary = SummaryReader.read(layout.summaryRows, caption: layout.summaryCaption, log: &log)
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

// MARK: - Remarks

/// The remarks of one import, in the order they were made.
struct RemarkLog {
    var remarks: [ImportRemark] = []

    /// The remarks by line and column when the places are lines of a text; as made otherwise.
    var inSourceOrder: [ImportRemark] {
        guard remarks.allSatisfy({ $0.place.label == nil }) else { return remarks }
        return remarks.enumerated().sorted {
            ($0.element.place.line, $0.element.place.column, $0.offset) < ($1.element.place.line, $1.element.place.column, $1.offset)
        }.map(\.element)
    }

    mutating func guess(_ place: TableDocument.Place, _ subject: String?, _ message: String) {
        remarks.append(ImportRemark(.guess, at: place, subject: subject, message))
    }

    mutating func kept(_ place: TableDocument.Place, _ subject: String?, _ message: String) {
        remarks.append(ImportRemark(.kept, at: place, subject: subject, message))
    }

    mutating func missing(_ place: TableDocument.Place, _ subject: String?, _ message: String) {
        remarks.append(ImportRemark(.missing, at: place, subject: subject, message))
    }
}

/// Text with the place it came from.
struct Located: Hashable {
    var text: String
    var place: TableDocument.Place
}

// MARK: - The document's parts

/// Where the title block, the plan table and the summary are in a document.
struct DocumentLayout {
    /// Paragraphs and tables before the plan table.
    var front: [TableDocument.Block] = []
    /// The plan table's rows after its header, joined across page breaks.
    var planRows: [TableDocument.Row] = []
    var summaryRows: [TableDocument.Row] = []
    var summaryCaption: Located?
    /// Words after the plan table that are not its summary.
    var unplacedAfter: [Located] = []
    /// The document is plantool's own layout (its title line says so).
    var official = false
    var headerPlace = TableDocument.Place(line: 1)
    var firstPlace = TableDocument.Place(line: 1)

    init(_ document: TableDocument) throws(ImportError) {
        let blocks = document.blocks
        guard let firstBlock = blocks.first else {
            throw ImportError("the document is empty: there is no plan to read", at: TableDocument.Place(line: 1))
        }
        firstPlace = Self.place(of: firstBlock)
        guard let (blockIndex, rowIndex) = try Self.findHeader(blocks) else {
            if let firstTable = blocks.first(where: { if case .table = $0 { true } else { false } }) {
                throw ImportError("no plan table found: no table has the template's header row (\"1. Rec No\", \"2. Recommendation\" ... \"6. Target Date\")",
                                  at: Self.place(of: firstTable))
            }
            throw ImportError("no plan table found: the document has no table", at: Self.place(of: blocks[blocks.count - 1]))
        }
        guard case .table(let table) = blocks[blockIndex] else { return }
        headerPlace = table.rows[rowIndex].place
        front = Array(blocks[..<blockIndex])
        if rowIndex > 0 { front.append(.table(TableDocument.Table(rows: Array(table.rows[..<rowIndex])))) }
        official = front.contains { block in
            if case .paragraph(let text, _) = block { return TitleBlock.officialResponse(text) != nil }
            return false
        }
        var rows = Array(table.rows[(rowIndex + 1)...])
        let after = Self.continuation(of: &rows, in: blocks[(blockIndex + 1)...])
        let cut = SummaryReader.tailStart(rows)
        summaryRows = Array(rows[cut...])
        planRows = Array(rows[..<cut])
        guard planRows.contains(where: { row in
            guard let first = row.cells.first, !first.continuesAbove else { return false }
            return SourceTableReader.number(first.text) != nil
        }) else {
            throw ImportError("the plan table holds no recommendation: no row has a number in its first column", at: headerPlace)
        }
        readTail(after)
    }

    /// Adds to `rows` the parts of the plan table that follow page breaks (tables after
    /// repeated headings and blank lines), and returns the blocks after the plan table.
    static func continuation(of rows: inout [TableDocument.Row], in blocks: ArraySlice<TableDocument.Block>) -> [TableDocument.Block] {
        var between: [Located] = []
        var index = blocks.startIndex
        while index < blocks.endIndex {
            let block = blocks[index]
            index += 1
            switch block {
            case .paragraph(let text, let place):
                let trimmed = text.trimmingSpaces
                if trimmed.isEmpty || TitleBlock.heading(trimmed) != nil { continue }
                between.append(Located(text: trimmed, place: place))
            case .table(let next):
                // A summary may close the last part of the plan table (Word keeps the two in one
                // table when only a blank line is between them).
                let cut = SummaryReader.tailStart(next.rows)
                if cut == 0 || TitleBlock.isTermsTable(next.rows) {
                    return between.map { .paragraph($0.text, at: $0.place) } + [block] + Array(blocks[index...])
                }
                // Words between two parts of the plan table (a page's stray line) are kept as
                // text of the row above.
                rows += between.map(textRow)
                between = []
                rows += next.rows[..<cut]
                if cut < next.rows.count {
                    return [.table(TableDocument.Table(rows: Array(next.rows[cut...])))] + Array(blocks[index...])
                }
            }
        }
        return between.map { .paragraph($0.text, at: $0.place) }
    }

    /// What follows the plan table: the summary's caption and table; anything else is kept.
    mutating func readTail(_ blocks: [TableDocument.Block]) {
        for block in blocks {
            switch block {
            case .paragraph(let text, let place):
                let trimmed = text.trimmingSpaces
                if trimmed.isEmpty { continue }
                if trimmed.lowercased().hasPrefix(OfficialDocument.summaryCaption.lowercased()) {
                    summaryCaption = Located(text: trimmed, place: place)
                } else {
                    unplacedAfter.append(Located(text: trimmed, place: place))
                }
            case .table(let next):
                if SummaryReader.looksLikeSummary(next.rows) {
                    summaryRows += next.rows
                } else {
                    unplacedAfter += TableWords.words(next.rows)
                }
            }
        }
    }

    /// A row holding a stray paragraph in the response column.
    static func textRow(_ text: Located) -> TableDocument.Row {
        var cells = Array(repeating: TableDocument.Cell(paragraphs: []), count: 6)
        cells[3] = TableDocument.Cell(paragraphs: [text.text])
        return TableDocument.Row(cells: cells, place: text.place)
    }

    static func place(of block: TableDocument.Block) -> TableDocument.Place {
        switch block {
        case .paragraph(_, let place): place
        case .table(let table): table.rows.first?.place ?? TableDocument.Place(line: 1)
        }
    }

    /// The block and row of the plan table's header. A header with other than six columns is an
    /// error: the plan cannot be read column by column.
    static func findHeader(_ blocks: [TableDocument.Block]) throws(ImportError) -> (Int, Int)? {
        for (b, block) in blocks.enumerated() {
            guard case .table(let table) = block else { continue }
            for (r, row) in table.rows.enumerated() where isHeader(row) {
                let columns = row.cells.reduce(0) { $0 + max(1, $1.span) }
                let used = row.cells.lastIndex { !$0.isEmpty }.map { i in
                    row.cells[...i].reduce(0) { $0 + max(1, $1.span) }
                } ?? 0
                if used != 6 && columns != 6 {
                    throw ImportError("the plan table has \(used) columns; the template's table has six (\(OfficialDocument.columns.joined(separator: ", ")))",
                                      at: row.place)
                }
                return (b, r)
            }
        }
        return nil
    }

    /// The template's header row: cells numbered "1. Rec No", "2. Recommendation" ...
    static func isHeader(_ row: TableDocument.Row) -> Bool {
        let texts = row.cells.map { $0.text.trimmingSpaces.lowercased() }
        if Array(texts.prefix(6)) == OfficialDocument.columns.map({ $0.lowercased() }) { return true }
        let numbered = texts.enumerated().filter { i, text in text.hasPrefix("\(i + 1).") || text.hasPrefix("\(i + 1) ") }.count
        let named = (texts.first?.contains("rec") ?? false) && texts.dropFirst().contains { $0.contains("target") || $0.contains("owner") }
        return numbered >= 3 && named
    }
}

/// The words of a table that has no place in the plan, row by row.
enum TableWords {
    static func words(_ rows: [TableDocument.Row]) -> [Located] {
        rows.compactMap { row in
            let words = row.cells.map { $0.paragraphs.map { ImportText.collapse($0) }.filter { !$0.isEmpty }.joined(separator: " ") }
                .filter { !$0.isEmpty }.joined(separator: " | ")
            return words.isEmpty ? nil : Located(text: words, place: row.place)
        }
    }
}

// MARK: - Title block

/// The paragraphs before the plan table: organisation, "Label: value" lines, the heading and the
/// introduction.
struct TitleBlock {
    var organisation: String?
    var title: String?
    var inspectorate: String?
    var reportTitle: String?
    var reportURL: String?
    var published: Day?
    var submitted: Day?
    var revisions: [Revision] = []
    var introduction: String?
    var unplaced: [Located] = []

    /// "A Response to the HM Inspectorate of Probation report: TITLE" → (inspectorate, title).
    static func officialResponse(_ text: String) -> (inspectorate: String, title: String)? {
        let prefix = OfficialDocument.respondsToPrefix
        let marker = OfficialDocument.respondsToSuffix + ": "
        guard text.hasPrefix(prefix), let range = text.range(of: marker) else { return nil }
        let inspectorate = String(text[text.index(text.startIndex, offsetBy: prefix.count)..<range.lowerBound])
        guard !inspectorate.isEmpty else { return nil }
        return (inspectorate, String(text[range.upperBound...]))
    }

    /// "ACTION PLAN: TITLE" → TITLE; `exact` for the export, whose title is written as it is.
    static func heading(_ text: String, exact: Bool = false) -> String? {
        if exact {
            return text.hasPrefix(OfficialDocument.headingPrefix) ? String(text.dropFirst(OfficialDocument.headingPrefix.count)) : nil
        }
        let prefix = OfficialDocument.headingPrefix.trimmingSpaces.lowercased()
        guard text.lowercased().hasPrefix(prefix) else { return nil }
        return String(text.dropFirst(prefix.count)).trimmingSpaces
    }

    /// The template's table of terms (Term, Definition, Additional comment).
    static func isTermsTable(_ rows: [TableDocument.Row]) -> Bool {
        guard let first = rows.first(where: { !$0.cells.allSatisfy(\.isEmpty) }) else { return false }
        let texts = first.cells.map { $0.text.trimmingSpaces.lowercased() }.filter { !$0.isEmpty }
        return texts == OfficialDocument.termColumns.map { $0.lowercased() }
    }

    static func read(_ blocks: [TableDocument.Block], official: Bool, log: inout RemarkLog) -> TitleBlock {
        var reader = TitleBlockReader(official: official)
        for item in blocks {
            switch item {
            case .paragraph(let text, let place):
                reader.paragraph(text, at: place, log: &log)
            case .table(let table):
                // The template's table of terms is the template's, not the plan's.
                if !isTermsTable(table.rows) { reader.block.unplaced += TableWords.words(table.rows) }
                reader.inIntroduction = false
            }
        }
        return reader.finish(log: &log)
    }

    /// A source introduction: its non-empty paragraphs, separated by blank lines.
    static func paragraphs(_ lines: [String]) -> String? {
        let kept = lines.map(\.trimmingSpaces).filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: "\n\n")
    }

    /// The organisation from the lines above the labels (a logo's "HM Prison &" / "Probation
    /// Service"): joined, with "&" written "and".
    mutating func setOrganisation(_ lines: [Located], log: inout RemarkLog) {
        let joined = lines.map(\.text).joined(separator: " ")
        let words = joined.split(separator: " ").map { $0 == "&" ? "and" : String($0) }.joined(separator: " ")
        organisation = words
        if lines.count > 1 || words != joined {
            log.guess(lines[0].place, nil, "organisation \"\(words)\" read from the heading lines \(lines.map { "\"\($0.text)\"" }.joined(separator: " / "))")
        }
    }

    /// Reads one "Label: value" line; false when the line is not one.
    mutating func readLabel(_ text: String, place: TableDocument.Place, official: Bool,
                            awaitingReportTitle: inout TableDocument.Place?, log: inout RemarkLog) -> Bool {
        if let (inspectorate, title) = Self.officialResponse(text) {
            self.inspectorate = inspectorate
            reportTitle = title
            return true
        }
        func value(after label: String) -> String? {
            guard text.lowercased().hasPrefix(label.lowercased() + ":") else { return nil }
            return String(text.dropFirst(label.count + 1)).trimmingSpaces
        }
        if text.lowercased().hasPrefix("a response to"), let colon = text.firstIndex(of: ":") {
            readResponse(label: text[..<colon].trimmingSpaces, value: text[text.index(after: colon)...].trimmingSpaces,
                         place: place, awaitingReportTitle: &awaitingReportTitle, log: &log)
            return true
        }
        if let value = value(after: OfficialDocument.publishedLabel) {
            published = Self.day(value, place: place, label: OfficialDocument.publishedLabel, official: official, log: &log)
            return true
        }
        if let value = value(after: OfficialDocument.urlLabel) {
            reportURL = value
            return true
        }
        // "TITLE Submitted: DATE": the first "Action Plan Submitted" is the plan's (in the export,
        // the line before the response line); other submissions are revisions.
        guard let marker = text.range(of: " submitted:", options: [.caseInsensitive, .backwards]) else { return false }
        let title = String(text[..<marker.lowerBound]).trimmingSpaces
        let label = String(text[..<marker.upperBound].dropLast())
        let day = Self.day(String(text[marker.upperBound...]).trimmingSpaces, place: place, label: label, official: official, log: &log)
        if title.lowercased() == "action plan", submitted == nil, revisions.isEmpty, !(official && reportTitle != nil) {
            submitted = day
        } else if let day {
            revisions.append(Revision(submitted: day, title: title))
        } else {
            unplaced.append(Located(text: text, place: place))
        }
        return true
    }

    /// "A Response to: [TITLE](URL)", "A Response to: TITLE", or "A Response to the HMI
    /// Probation Inspection:" with the title in the next paragraph.
    mutating func readResponse(label: String, value: String, place: TableDocument.Place,
                               awaitingReportTitle: inout TableDocument.Place?, log: inout RemarkLog) {
        var words = String(label.dropFirst("a response to".count)).trimmingSpaces
        if words.lowercased().hasPrefix("the ") { words = String(words.dropFirst(4)) }
        for suffix in [" inspection", " report", " inspection report"] where words.lowercased().hasSuffix(suffix) {
            words = String(words.dropLast(suffix.count))
        }
        if !words.isEmpty {
            let full = Inspectorates.fullName(words)
            inspectorate = full
            if full != words { log.guess(place, nil, "inspectorate \"\(full)\" read from \"\(words)\"") }
        }
        guard !value.isEmpty else {
            awaitingReportTitle = place
            return
        }
        var title = value
        if let link = MarkdownLink.parse(value) {
            title = link.text
            if link.target.lowercased().hasPrefix("http") || link.target.lowercased().hasPrefix("www.") {
                reportURL = link.target
            } else {
                log.guess(place, nil, "the link target \"\(link.target)\" of the report's title is not an address; left out")
            }
        }
        reportTitle = title
        if inspectorate == nil, let colon = title.range(of: ":") {
            let lead = String(title[..<colon.lowerBound])
            let full = Inspectorates.fullName(lead)
            if full != lead {
                inspectorate = full
                log.guess(place, nil, "inspectorate \"\(full)\" read from the report title's \"\(lead):\"")
            }
        }
    }

    static func day(_ text: String, place: TableDocument.Place, label: String, official: Bool, log: inout RemarkLog) -> Day? {
        guard let day = DateWords.parseDay(text) else {
            log.kept(place, nil, "\"\(label): \(text)\": not a date; the line is kept in the introduction")
            return nil
        }
        if !official, DateWords.words(day) != text {
            log.guess(place, nil, "\"\(label): \(text)\": date read as \(day)")
        }
        return day
    }

    /// The plan.yaml fields, with what is missing filled in and remarked.
    func planInfo(log: inout RemarkLog, firstPlace: TableDocument.Place) -> PlanInfo {
        var organisation = self.organisation ?? ""
        if organisation.trimmingSpaces.isEmpty {
            organisation = "HM Prison and Probation Service"
            log.missing(firstPlace, nil, "the document names no organisation; \"\(organisation)\" assumed")
        }
        var inspectorate = self.inspectorate ?? ""
        if inspectorate.trimmingSpaces.isEmpty {
            inspectorate = "HM Inspectorate of Probation"
            log.missing(firstPlace, nil, "the document names no inspectorate; \"\(inspectorate)\" assumed")
        }
        var reportTitle = self.reportTitle ?? ""
        var title = self.title ?? ""
        if reportTitle.trimmingSpaces.isEmpty, !title.trimmingSpaces.isEmpty {
            reportTitle = title
            log.missing(firstPlace, nil, "the document names no report; its title taken from the heading")
        }
        if title.trimmingSpaces.isEmpty {
            title = reportTitle.trimmingSpaces.isEmpty ? "Action plan" : reportTitle
            log.missing(firstPlace, nil, "the document has no \"ACTION PLAN:\" heading; title \"\(title)\" assumed")
        }
        if reportTitle.trimmingSpaces.isEmpty { reportTitle = title }
        return PlanInfo(title: title, organisation: organisation, inspectorate: inspectorate,
                        report: Report(title: reportTitle, published: published, url: reportURL),
                        submitted: submitted, revisions: revisions, introduction: introductionWithUnplaced(log: &log))
    }

    func introductionWithUnplaced(log: inout RemarkLog) -> String? {
        guard !unplaced.isEmpty else { return introduction }
        log.kept(unplaced[0].place, nil, "words of the title block with no field of their own kept in the introduction")
        return ([introduction].compactMap { $0 } + unplaced.map(\.text)).joined(separator: "\n\n")
    }
}

/// Reads the title block paragraph by paragraph.
struct TitleBlockReader {
    let official: Bool
    var block = TitleBlock()
    /// Lines above the first label: a logo's words, the organisation.
    var organisationLines: [Located] = []
    var sawLabel = false
    var inIntroduction = false
    var introduction: [String]?
    /// "A Response to the HMI Probation Inspection:" with the title in the next paragraph.
    var awaitingReportTitle: TableDocument.Place?

    init(official: Bool) {
        self.official = official
    }

    mutating func paragraph(_ raw: String, at place: TableDocument.Place, log: inout RemarkLog) {
        if inIntroduction, official {
            // The export's introduction is every paragraph up to the table of terms, as written.
            introduction?.append(raw)
            return
        }
        let text = official ? raw : ImportText.collapse(raw)
        if let title = TitleBlock.heading(official ? raw : text, exact: official) {
            if block.title == nil { block.title = title }
            inIntroduction = false
            return
        }
        if inIntroduction {
            introduction?.append(text)
            return
        }
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return }
        if trimmed.lowercased() == OfficialDocument.introductionHeading.lowercased() {
            inIntroduction = true
            introduction = []
        } else if let pending = awaitingReportTitle {
            awaitingReportTitle = nil
            block.reportTitle = trimmed
            log.guess(pending, nil, "the report's title read from the paragraph after \"A Response to ...:\"")
        } else if official, block.organisation == nil, !sawLabel {
            block.organisation = text
        } else if block.readLabel(trimmed, place: place, official: official, awaitingReportTitle: &awaitingReportTitle, log: &log) {
            sawLabel = true
        } else if !sawLabel {
            organisationLines.append(Located(text: trimmed, place: place))
        } else {
            block.unplaced.append(Located(text: trimmed, place: place))
        }
    }

    mutating func finish(log: inout RemarkLog) -> TitleBlock {
        if !organisationLines.isEmpty { block.setOrganisation(organisationLines, log: &log) }
        if let introduction {
            block.introduction = official ? introduction.joined(separator: "\n") : TitleBlock.paragraphs(introduction)
        }
        return block
    }
}

/// The inspectorates' short names.
enum Inspectorates {
    static func fullName(_ words: String) -> String {
        let key = words.lowercased().replacingOccurrences(of: "’", with: "'")
        switch key {
        case "hmi probation", "hm inspectorate of probation", "her majesty's inspectorate of probation",
             "his majesty's inspectorate of probation", "hmiprobation":
            return "HM Inspectorate of Probation"
        case "hmi prisons", "hm inspectorate of prisons", "her majesty's inspectorate of prisons",
             "his majesty's inspectorate of prisons":
            return "HM Inspectorate of Prisons"
        default:
            return words
        }
    }
}

/// "[text](target)".
enum MarkdownLink {
    static func parse(_ text: String) -> (text: String, target: String)? {
        guard text.hasPrefix("["), text.hasSuffix(")"), let middle = text.range(of: "](", options: .backwards) else { return nil }
        let label = text[text.index(after: text.startIndex)..<middle.lowerBound]
        let target = text[middle.upperBound..<text.index(before: text.endIndex)]
        return (String(label), String(target))
    }
}

// MARK: - Summary

/// The closing table of counts: a row of labels over a row of numbers (the export), or one label
/// and number per row (real plans).
enum SummaryReader {
    enum Label { case agreed, partlyAgreed, notAgreed, total }

    static func label(_ text: String) -> Label? {
        var t = ImportText.collapse(text.lowercased().replacingOccurrences(of: "-", with: " "))
        if t.hasSuffix(":") { t.removeLast() }
        switch t {
        case "agreed": return .agreed
        case "partly agreed", "partially agreed", "part agreed": return .partlyAgreed
        case "not agreed": return .notAgreed
        case "total": return .total
        default: return nil
        }
    }

    static func texts(_ row: TableDocument.Row) -> [String] {
        row.cells.map { ImportText.collapse($0.text) }.filter { !$0.isEmpty }
    }

    static func counts(_ rows: [TableDocument.Row]) -> [Label: (Int, TableDocument.Place)] {
        var found: [Label: (Int, TableDocument.Place)] = [:]
        for (i, row) in rows.enumerated() {
            let t = texts(row)
            if t.count == 2, let l = label(t[0]), let n = Int.digitsOnly(t[1]) { found[l] = (n, row.place) }
            let labels = t.map(label)
            if t.count >= 3, labels.allSatisfy({ $0 != nil }), i + 1 < rows.count {
                let numbers = texts(rows[i + 1]).map { Int.digitsOnly($0) }
                for (l, n) in zip(labels, numbers) {
                    if let l, let n { found[l] = (n, rows[i + 1].place) }
                }
            }
        }
        return found
    }

    static func looksLikeSummary(_ rows: [TableDocument.Row]) -> Bool {
        let found = counts(rows)
        return found[.agreed] != nil && found[.partlyAgreed] != nil && found[.notAgreed] != nil
    }

    /// Where a summary written into the plan table's last rows begins (the rows' count when
    /// there is none): rows of at most two cells, a label and a number, and a heading above them.
    static func tailStart(_ rows: [TableDocument.Row]) -> Int {
        var start = rows.count
        while start > 0 {
            let t = texts(rows[start - 1])
            let isCount = t.count == 2 && label(t[0]) != nil && Int.digitsOnly(t[1]) != nil
            let isLabels = t.count >= 3 && t.allSatisfy { label($0) != nil }
            let isNumbers = t.count >= 3 && t.allSatisfy { Int.digitsOnly($0) != nil }
            if t.isEmpty || isCount || isLabels || isNumbers { start -= 1 } else { break }
        }
        guard start < rows.count, looksLikeSummary(Array(rows[start...])) else { return rows.count }
        // A one-cell heading over the counts ("Recommendations").
        if start > 0 {
            let t = texts(rows[start - 1])
            if t.count == 1, Int.digitsOnly(t[0]) == nil, t[0].split(separator: " ").count <= 3 { start -= 1 }
        }
        return start
    }

    static func read(_ rows: [TableDocument.Row], caption: Located?, log: inout RemarkLog) -> Summary? {
        let found = counts(rows)
        guard let agreed = found[.agreed], let partly = found[.partlyAgreed], let not = found[.notAgreed] else {
            if let first = rows.first { log.kept(first.place, nil, "a table after the plan that is not a summary of counts; left out") }
            return nil
        }
        let summary = Summary(agreed: agreed.0, partlyAgreed: partly.0, notAgreed: not.0)
        if let total = found[.total], total.0 != summary.total {
            log.guess(total.1, nil, "the summary's total \(total.0) is not the sum of its counts (\(summary.total)); the counts are kept")
        }
        if let caption, caption.text.lowercased().contains(OfficialDocument.countedSuffix.lowercased()) {
            return nil
        }
        return summary
    }
}

// MARK: - The export's table

/// Reads the plan table of plantool's own layout by its conventions (see `OfficialDocument`).
struct OfficialTableReader {
    var recommendations: [Recommendation] = []
    var theme: String?
    var addressee: String?

    mutating func read(_ rows: [TableDocument.Row], log: inout RemarkLog) -> [Recommendation] {
        for row in rows {
            let cells = Self.columns(row, log: &log)
            let filled = cells.enumerated().filter { !$0.element.isEmpty }
            if filled.isEmpty { continue }
            if row.cells.count == 1 || (filled.count == 1 && filled[0].offset == 0 && Int.digitsOnly(cells[0].text.trimmingSpaces) == nil) {
                heading(cells[0].text, place: row.place)
                continue
            }
            if !cells[0].continuesAbove, let number = SourceTableReader.number(cells[0].text) {
                startRecommendation(number, cells, place: row.place, log: &log)
            }
            guard !recommendations.isEmpty else {
                log.kept(row.place, nil, "a row before the first recommendation; left out")
                continue
            }
            line(cells, place: row.place, log: &log)
        }
        return recommendations
    }

    /// The row's six cells, spans expanded and continued cells kept as marked.
    static func columns(_ row: TableDocument.Row, log: inout RemarkLog) -> [TableDocument.Cell] {
        var cells: [TableDocument.Cell] = []
        for cell in row.cells {
            cells.append(cell)
            if cell.span > 1 { cells += Array(repeating: TableDocument.Cell(paragraphs: []), count: cell.span - 1) }
        }
        while cells.count < 6 { cells.append(TableDocument.Cell(paragraphs: [])) }
        if cells.count > 6 {
            let extra = cells[6...].flatMap(\.paragraphs).filter { !$0.trimmingSpaces.isEmpty }
            if !extra.isEmpty {
                log.kept(row.place, nil, "the row has more cells than the table's six columns; the words of the extra cells are kept in the target column")
                cells[5].paragraphs += extra
            }
            cells = Array(cells.prefix(6))
        }
        return cells
    }

    /// Heading rows wait for the next recommendation: a theme row is always followed by an
    /// addressee row ("... should:"), so the last heading is the addressee and one before it the
    /// theme.
    mutating func heading(_ text: String, place: TableDocument.Place) {
        pendingHeadings.append(Located(text: text, place: place))
    }

    var pendingHeadings: [Located] = []

    mutating func startRecommendation(_ number: Int, _ cells: [TableDocument.Cell], place: TableDocument.Place,
                                      log: inout RemarkLog) {
        flushHeadings(log: &log)
        let status = Self.statusCell(cells[2].paragraphs, place: place, subject: String(number), log: &log)
        recommendations.append(Recommendation(number: number, addressee: addressee ?? "", theme: theme,
                                              text: cells[1].paragraphs.joined(separator: "\n"), status: status.status,
                                              implementedPart: status.part, reason: status.reason))
    }

    /// "Agreed" / "Partly Agreed" / "Not Agreed", then "Reason (CATEGORIES): TEXT" and "Part
    /// agreed: TEXT", each running on over the paragraphs below it.
    static func statusCell(_ paragraphs: [String], place: TableDocument.Place, subject: String,
                           log: inout RemarkLog) -> (status: Status, reason: Reason?, part: String?) {
        var status = Status.agreed
        if let first = paragraphs.first, let s = Status.allCases.first(where: { $0.title == first }) {
            status = s
        } else {
            log.missing(place, subject, "no status in the template's words; Agreed assumed, the cell's words kept as the reason")
        }
        enum Field { case reason, part }
        var field: Field?
        var categories: [ReasonCategory] = []
        var reasonLines: [String] = []
        var partLines: [String] = []
        for p in paragraphs.dropFirst(status.title == paragraphs.first ? 1 : 0) {
            if p.hasPrefix(OfficialDocument.partAgreedLabel) {
                field = .part
                partLines.append(String(p.dropFirst(OfficialDocument.partAgreedLabel.count)))
            } else if field == nil, p.hasPrefix(OfficialDocument.reasonLabel + " ("), let close = p.range(of: "): ") {
                field = .reason
                let names = p[p.index(p.startIndex, offsetBy: OfficialDocument.reasonLabel.count + 2)..<close.lowerBound]
                categories = names.split(separator: ",").compactMap { ReasonCategory(rawValue: $0.trimmingSpaces) }
                reasonLines.append(String(p[close.upperBound...]))
            } else if field == .part {
                partLines.append(p)
            } else {
                field = .reason
                reasonLines.append(p)
            }
        }
        let reason = reasonLines.isEmpty ? nil : Reason(categories: categories, text: reasonLines.joined(separator: "\n"))
        return (status, reason, partLines.isEmpty ? nil : partLines.joined(separator: "\n"))
    }

    mutating func flushHeadings(log: inout RemarkLog) {
        guard !pendingHeadings.isEmpty else { return }
        var headings = pendingHeadings
        pendingHeadings = []
        let last = headings.removeLast()
        var text = last.text
        if text.hasSuffix(" should:") {
            text = String(text.dropLast(" should:".count))
        } else {
            log.guess(last.place, nil, "the heading row \"\(text)\" does not end with \"should:\"; read as the addressee")
        }
        addressee = text
        if let themeRow = headings.last { theme = themeRow.text }
        for extra in headings.dropLast() {
            log.kept(extra.place, nil, "a heading row \"\(extra.text)\" followed by another heading; left out")
        }
    }

    /// One row of columns 4 to 6: the response, an action or an update.
    mutating func line(_ cells: [TableDocument.Cell], place: TableDocument.Place, log: inout RemarkLog) {
        let r = recommendations.count - 1
        let subject = String(recommendations[r].number)
        let response = cells[3].paragraphs
        guard let first = response.first else {
            if !cells[4].isEmpty || !cells[5].isEmpty {
                log.kept(place, subject, "owners or a target with no action; kept in the response")
                append(response: (cells[4].paragraphs + cells[5].paragraphs).joined(separator: "\n"), to: r)
            }
            return
        }
        if let date = UpdateLabel.official(first), !recommendations[r].actions.isEmpty {
            var update = Update(date: date, text: response.dropFirst().joined(separator: "\n"))
            for p in cells[5].paragraphs {
                if let d = DateWords.parse(p), DateWords.words(d) == p, update.target == nil {
                    update.target = d
                } else if let s = ActionState.allCases.first(where: { $0.words == p }) {
                    update.state = s
                } else {
                    log.kept(place, subject, "\"\(p)\" in an update's target cell is not a date or a state; kept in the update's text")
                    update.text += "\n" + p
                }
            }
            if !cells[4].paragraphs.isEmpty { update.owners = cells[4].paragraphs }
            let a = recommendations[r].actions.count - 1
            recommendations[r].actions[a].updates.append(update)
            return
        }
        if let (id, rest) = ActionID.official(first) {
            let text = ([rest] + response.dropFirst()).joined(separator: "\n")
            var action = Action(id: id, text: text, owners: cells[4].paragraphs)
            TargetCell.official(cells[5].paragraphs, into: &action)
            recommendations[r].actions.append(action)
            return
        }
        if recommendations[r].actions.isEmpty, recommendations[r].response == nil, cells[4].isEmpty, cells[5].isEmpty {
            recommendations[r].response = response.joined(separator: "\n")
            return
        }
        log.kept(place, subject, "a row that is not an action or an update; its words kept in the response")
        append(response: (response + cells[4].paragraphs + cells[5].paragraphs).joined(separator: "\n"), to: r)
    }

    mutating func append(response text: String, to r: Int) {
        recommendations[r].response = [recommendations[r].response, text].compactMap { $0 }.joined(separator: "\n")
    }
}

// MARK: - Labels in cells

/// "Update December 2021" opening an update's response cell.
enum UpdateLabel {
    /// The export's label, exactly: "Update " and a date in words (a day or a month).
    static func official(_ paragraph: String) -> PlanDate? {
        guard paragraph.hasPrefix(OfficialDocument.updatePrefix) else { return nil }
        let rest = paragraph.dropFirst(OfficialDocument.updatePrefix.count)
        guard let date = DateWords.parse(rest), DateWords.words(date) == rest, isUpdateDate(date) else { return nil }
        return date
    }

    /// A source's label, as its own paragraph or run into the text ("Update December 2021 The
    /// revised process ..."): the date and the words after it.
    static func source(_ paragraph: String) -> (date: PlanDate, words: String, rest: String)? {
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, ["update", "update:"].contains(first.lowercased()) else { return nil }
        var start = 1
        if start < words.count, ["-", "–", ":"].contains(words[start]) { start += 1 }
        for count in [3, 2] where start + count <= words.count {
            let candidate = words[start..<start + count].joined(separator: " ")
            var cleaned = candidate
            if cleaned.hasSuffix(":") || cleaned.hasSuffix(",") { cleaned.removeLast() }
            if let date = DateWords.parse(cleaned), isUpdateDate(date) {
                var rest = words[(start + count)...].joined(separator: " ")
                if rest.hasPrefix("- ") || rest.hasPrefix("– ") { rest = String(rest.dropFirst(2)) }
                return (date, cleaned, rest)
            }
        }
        return nil
    }

    /// Updates are dated by a day or a month, not a quarter.
    static func isUpdateDate(_ date: PlanDate) -> Bool {
        if case .quarter = date { return false }
        return true
    }
}

/// An action id opening a response cell ("5.1 The PPG ...").
enum ActionID {
    static func isValid(_ id: some StringProtocol) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return !id.isEmpty && parts.count <= 8 && parts.allSatisfy { Int.digitsOnly($0) != nil }
    }

    /// The export's form: the id, one space, the text's first line (possibly empty).
    static func official(_ paragraph: String) -> (id: String, rest: String)? {
        guard let space = paragraph.firstIndex(of: " ") else { return nil }
        let id = paragraph[..<space]
        guard isValid(id) else { return nil }
        return (String(id), String(paragraph[paragraph.index(after: space)...]))
    }

    /// A source's numbered action: a dotted id ("1.1", "1.1.2") before the text.
    static func source(_ paragraph: String) -> (id: String, rest: String)? {
        guard let (id, rest) = official(paragraph), id.contains("."), !rest.trimmingSpaces.isEmpty else { return nil }
        return (id, rest.trimmingSpaces)
    }
}

// MARK: - Target cells

/// The words a target cell holds: dates and states, or wording that is neither.
enum TargetCell {
    /// The export's cell: the target in words first, the state in words last, the note between.
    static func official(_ paragraphs: [String], into action: inout Action) {
        var rest = paragraphs[...]
        if let first = rest.first, let date = DateWords.parse(first), DateWords.words(date) == first {
            action.target = date
            rest = rest.dropFirst()
        }
        var state: ActionState?
        if let last = rest.last, let s = ActionState.allCases.first(where: { $0.words == last }) {
            state = s
            rest = rest.dropLast()
        }
        action.note = rest.isEmpty ? nil : rest.joined(separator: "\n")
        action.state = state ?? OfficialDocument.stateImplied(note: action.note)
    }

    enum Token: Hashable {
        case date(PlanDate, words: String)
        case state(ActionState, words: String)

        var date: PlanDate? { if case .date(let d, _) = self { d } else { nil } }
        var state: ActionState? { if case .state(let s, _) = self { s } else { nil } }
    }

    /// The cell's words as dates and states, when they are nothing else ("March 2021 November
    /// 2021", "Completed Completed", "Completed January 2022"); nil when other words remain.
    static func tokens(_ text: String) -> [Token]? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        var tokens: [Token] = []
        var i = 0
        next: while i < words.count {
            if i + 1 < words.count, let s = ActionState(words: words[i] + " " + words[i + 1]) {
                tokens.append(.state(s, words: words[i] + " " + words[i + 1]))
                i += 2
                continue
            }
            if let s = ActionState(words: words[i]) {
                tokens.append(.state(s, words: words[i]))
                i += 1
                continue
            }
            for count in stride(from: min(5, words.count - i), through: 1, by: -1) {
                let candidate = words[i..<i + count].joined(separator: " ")
                if let date = DateWords.parse(candidate) {
                    tokens.append(.date(date, words: candidate))
                    i += count
                    continue next
                }
            }
            return nil
        }
        return tokens
    }

    /// A source's target cell for one action: a single date is the target, a single state word
    /// the state; anything else (two dates, "Completed and ongoing", "TBC") is kept as the note,
    /// and the state is what its words imply.
    static func source(_ cell: [Located], into action: inout Action, subject: String, log: inout RemarkLog) {
        let parts = cell.map(\.text).filter { !$0.isEmpty }
        guard let place = cell.first?.place, !parts.isEmpty else { return }
        let text = parts.joined(separator: " ")
        if let tokens = tokens(text) {
            let dates = tokens.filter { $0.date != nil }
            let states = tokens.compactMap(\.state)
            let distinctDates = Set(dates.compactMap(\.date))
            if distinctDates.count <= 1, Set(states).count <= 1 {
                if case .date(let date, let words)? = dates.first {
                    action.target = date
                    if DateWords.words(date) != words { log.guess(place, subject, "target \"\(words)\" read as \(date)") }
                    if dates.count > 1 { log.guess(place, subject, "the target cell names \(date) \(dates.count) times; read as one target") }
                }
                action.state = states.first ?? .planned
                if states.count > 1 { log.guess(place, subject, "the target cell says \"\(action.state.words)\" \(states.count) times; read as one state") }
                return
            }
            action.note = text
            action.state = ActionState.impliedBy(note: text) ?? .planned
            log.kept(place, subject, "the target cell \"\(text)\" names \(distinctDates.count) dates for one action; kept as the note, with no target")
            return
        }
        action.note = text
        action.state = ActionState.impliedBy(note: text) ?? .planned
        log.kept(place, subject, "the target cell \"\(text)\" is not a date; kept as the note (state \(action.state.rawValue))")
        if let (deadline, words) = deadline(in: text) {
            action.target = deadline
            log.guess(place, subject, "target \(deadline) read from \"by \(words)\" in the note")
        }
    }

    /// The one date the wording gives as a deadline: "... to be completed by December 2021".
    static func deadline(in text: String) -> (PlanDate, String)? {
        let words = text.split(separator: " ").map(String.init)
        var found: [(PlanDate, String)] = []
        for (i, word) in words.enumerated() where word.lowercased() == "by" {
            for count in [5, 4, 3, 2] where i + count < words.count {
                var candidate = words[(i + 1)...(i + count)].joined(separator: " ")
                while let last = candidate.last, ".,;:)".contains(last) { candidate.removeLast() }
                if let date = DateWords.parse(candidate) {
                    found.append((date, candidate))
                    break
                }
            }
        }
        guard let first = found.first, found.allSatisfy({ $0.0 == first.0 }) else { return nil }
        return first
    }
}

// MARK: - Completing the plan

/// What the plan format requires and a document may lack: numbers unique, texts not empty, action
/// ids unique. Each fix is remarked.
enum PlanCompletion {
    static let noText = "(no text in the source)"

    static func complete(_ plan: Plan, place: TableDocument.Place, log: inout RemarkLog) -> Plan {
        var plan = ImportedTextSafety.apply(plan, place: place, log: &log)
        var seen = Set<Int>()
        for i in plan.recommendations.indices {
            var rec = plan.recommendations[i]
            let subject = String(rec.number)
            if seen.contains(rec.number) {
                let free = (seen.max() ?? 0) + 1
                log.guess(place, subject, "recommendation \(rec.number) appears twice; the second is numbered \(free)")
                rec.number = free
            }
            seen.insert(rec.number)
            if rec.addressee.trimmingSpaces.isEmpty {
                rec.addressee = plan.info.organisation
                log.missing(place, subject, "no \"... should:\" row above the recommendation; addressed to \"\(rec.addressee)\"")
            }
            if rec.text.trimmingSpaces.isEmpty {
                rec.text = noText
                log.missing(place, subject, "the recommendation has no text")
            }
            if let reason = rec.reason, reason.text.trimmingSpaces.isEmpty || reason.categories.isEmpty {
                rec.reason = nil
                if !reason.text.trimmingSpaces.isEmpty {
                    rec.response = [reason.text, rec.response].compactMap { $0 }.joined(separator: "\n")
                    log.kept(place, subject, "a reason with no category; kept in the response")
                }
            }
            var ids = Set<String>()
            for a in rec.actions.indices {
                var action = rec.actions[a]
                if ids.contains(action.id) || !ActionID.isValid(action.id) {
                    var n = rec.actions.count
                    while ids.contains("\(rec.number).\(n)") { n += 1 }
                    log.guess(place, "\(rec.number)", "action id \(action.id) is used twice; renumbered \(rec.number).\(n)")
                    action.id = "\(rec.number).\(n)"
                }
                ids.insert(action.id)
                if action.text.trimmingSpaces.isEmpty {
                    action.text = noText
                    log.missing(place, action.id, "the action has no text")
                }
                action.owners = action.owners.filter { !$0.trimmingSpaces.isEmpty }
                if let note = action.note, note.trimmingSpaces.isEmpty { action.note = nil }
                for u in action.updates.indices where action.updates[u].text.trimmingSpaces.isEmpty {
                    action.updates[u].text = noText
                    log.missing(place, action.id, "the update has no text")
                }
                rec.actions[a] = action
            }
            if let response = rec.response, response.trimmingSpaces.isEmpty { rec.response = nil }
            plan.recommendations[i] = rec
        }
        plan.recommendations.sort { $0.number < $1.number }
        return plan
    }
}

// MARK: - Prose

/// What the importer needs to know about running text: where sentences end, whether a cell's
/// text stops mid-sentence, how two parts of a cell split by a page break join.
enum Prose {
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
    /// a space and a capital letter, a digit or an opening bracket, except after "e.g." and the
    /// like.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            current.append(chars[i])
            if ".!?".contains(chars[i]), i + 2 < chars.count, chars[i + 1] == " " {
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
    static func joinUnits(_ units: [Unit]) -> String {
        var text = ""
        for (i, unit) in units.enumerated() {
            if i > 0 { text += unit.isItem ? "\n" : "\n\n" }
            text += unit.text
        }
        return text
    }
}

/// A paragraph of a response cell; list items are written "- item".
struct Unit: Hashable {
    var text: String
    var place: TableDocument.Place

    var isItem: Bool { text.hasPrefix("- ") }

    /// The item's words without the "- ".
    var itemText: String { isItem ? String(text.dropFirst(2)) : text }
}

// MARK: - Owners

/// Splits an owner cell that names several post-holders: at " / " and ";", at "/" and ". "
/// between two posts, where it runs two owners named alone elsewhere in the plan together,
/// before a post that follows a complete one ("... MoJ People Group Director of Estates (MoJ)"),
/// and at " and " between two complete posts. " and " or "&" inside one post ("Deputy Director
/// and Head of Strategy, Probation Workforce Programme") is not split.
struct OwnerSplitter {
    /// Owners the plan names on their own.
    var known: Set<String>

    static let roleNouns: Set<String> = [
        "director", "directors", "head", "heads", "officer", "officers", "manager", "managers", "lead",
        "leads", "leader", "leaders", "chief", "coordinator", "coordinators", "co-ordinator", "commissioner",
        "secretary", "minister", "governor", "governors", "inspector", "adviser", "advisor", "specialist",
        "chair", "superintendent", "administrator", "controller", "registrar", "owner",
    ]
    /// Words a post's name starts with.
    static let roleStarters: Set<String> = ["director", "directors", "deputy", "head", "chief", "senior", "executive", "assistant"]
    /// Words that may stand before a role starter inside one post ("Probation Deputy Director").
    static let roleModifiers: Set<String> = [
        "deputy", "senior", "chief", "executive", "assistant", "acting", "interim", "regional", "divisional",
        "probation", "prison", "prisons", "national", "area", "joint", "associate",
    ]
    static let connectors: Set<String> = ["and", "of", "for", "the", "in", "to", "with", "by", "&", "/", "-", "–", "at", "on"]

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
    }

    static func hasRole(_ text: some StringProtocol) -> Bool {
        words(String(text)).contains { roleNouns.contains($0) }
    }

    /// A post named with its unit: "Director of Estates (MoJ)", "Deputy Director, Courts".
    static func isQualified(_ text: some StringProtocol) -> Bool {
        let t = String(text)
        return t.contains(",") || t.contains(" of ") || t.contains(" for ") || t.contains("(") || t.contains(" - ") || t.contains(" – ")
    }

    /// The text looks like a whole owner, not the start or end of one cut by a page break.
    static func looksComplete(_ text: String) -> Bool {
        let t = text.trimmingSpaces
        guard let first = t.first, first.isUppercase, hasRole(t) else { return false }
        return !endsUnfinished(t)
    }

    /// The owner text stops before its end ("Deputy Director,", "Residential and").
    static func endsUnfinished(_ text: String) -> Bool {
        let t = text.trimmingSpaces
        guard let last = t.last else { return false }
        if ",&/-–(".contains(last) { return true }
        let lastWord = t.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return connectors.contains(lastWord)
    }

    /// The owners named alone in these owner paragraphs (after the separators that always
    /// separate owners): those that look like a whole post, not part of one.
    static func completeOwners(_ paragraphs: [String]) -> Set<String> {
        var hows: [String] = []
        let parts = paragraphs.flatMap { OwnerSplitter(known: []).explicitParts($0, hows: &hows) }
        return Set(parts.filter(looksComplete))
    }

    /// The parts of one owner paragraph and how it was split (nil when it was not).
    func split(_ text: String) -> (owners: [String], how: String?) {
        var hows: [String] = []
        var result: [String] = []
        for part in explicitParts(text, hows: &hows) {
            // Owner cells are short; a long one is prose, not a list of posts run together.
            result += part.count <= 300 ? splitRunTogether(part, hows: &hows) : [part]
        }
        return (result, hows.isEmpty ? nil : hows.joined(separator: "; "))
    }

    /// Separators that always or plainly separate owners.
    func explicitParts(_ text: String, hows: inout [String]) -> [String] {
        var parts = [text.trimmingSpaces]
        func splitAll(_ separator: String, _ name: String, when allowed: (String, String) -> Bool) {
            var out: [String] = []
            for part in parts {
                var pieces = part.components(separatedBy: separator)
                var merged: [String] = [pieces.removeFirst()]
                for piece in pieces {
                    let before = merged[merged.count - 1].trimmingSpaces
                    let after = piece.trimmingSpaces
                    if !before.isEmpty, !after.isEmpty, allowed(before, after) {
                        merged.append(piece)
                        if !hows.contains(name) { hows.append(name) }
                    } else {
                        merged[merged.count - 1] += separator + piece
                    }
                }
                out += merged
            }
            parts = out
        }
        splitAll("\n", "at line breaks") { _, _ in true }
        splitAll(" / ", "at \" / \"") { _, _ in true }
        splitAll("; ", "at \";\"") { _, _ in true }
        splitAll("/", "at \"/\" between two posts") { a, b in Self.hasRole(a) && Self.hasRole(b) }
        splitAll(". ", "at \". \" between two posts") { a, b in
            let lastWord = (a.split(separator: " ").last.map { $0.lowercased() } ?? "") + "."
            return Self.hasRole(a) && Self.hasRole(b) && (b.first?.isUppercase ?? false) && !Prose.abbreviations.contains(lastWord)
        }
        return parts.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// Owners written one after another with nothing between them.
    func splitRunTogether(_ text: String, hows: inout [String]) -> [String] {
        if let (left, right) = knownConcatenation(text) {
            hows.append("as two owners named elsewhere in the plan")
            return splitRunTogether(left, hows: &hows) + splitRunTogether(right, hows: &hows)
        }
        if let (left, right) = roleStart(text) {
            hows.append("before the post \"\(right.split(separator: " ").prefix(2).joined(separator: " "))\"")
            return [left] + splitRunTogether(right, hows: &hows)
        }
        if let (left, right) = andSplit(text) {
            hows.append("at \" and \" between two posts")
            return splitRunTogether(left, hows: &hows) + splitRunTogether(right, hows: &hows)
        }
        return [text]
    }

    /// "A B" where A and B are owners named on their own elsewhere ("and" between them allowed).
    func knownConcatenation(_ text: String) -> (String, String)? {
        var index = text.startIndex
        while let space = text[index...].firstIndex(of: " ") {
            let left = String(text[..<space])
            var right = String(text[text.index(after: space)...])
            for connector in ["and ", "& "] where right.hasPrefix(connector) { right = String(right.dropFirst(connector.count)) }
            let leftKnown = known.contains(left)
            let rightKnown = known.contains(right)
            if (right.first?.isUppercase ?? false), leftKnown || rightKnown,
               (leftKnown || (Self.hasRole(left) && Self.isQualified(left))),
               (rightKnown || Self.hasRole(right)) {
                return (left, right)
            }
            index = text.index(after: space)
        }
        return nil
    }

    /// Before a post's first word that follows a complete post: "... MoJ People Group Director
    /// of Estates", "... Public Protection Group Senior Responsible Officer ...".
    func roleStart(_ text: String) -> (String, String)? {
        let tokens = text.split(separator: " ").map(String.init)
        guard tokens.count >= 4 else { return nil }
        for i in 1..<tokens.count where Self.roleStarters.contains(tokens[i].lowercased()) {
            // The post may open with modifiers: "Probation Deputy Director".
            var start = i
            while start > 0, Self.roleModifiers.contains(tokens[start - 1].lowercased()) { start -= 1 }
            guard start > 0 else { continue }
            let previous = tokens[start - 1]
            guard let initial = previous.first, initial.isUppercase || initial == "(",
                  let final = previous.last, !",:&-–/".contains(final) else { continue }
            let left = tokens[..<start].joined(separator: " ")
            let right = tokens[start...].joined(separator: " ")
            if Self.hasRole(left), Self.isQualified(left), Self.hasRole(right) { return (left, right) }
        }
        return nil
    }

    /// Whether the text opens with a post's first word ("Deputy Director", "Probation Deputy
    /// Director", "Head of ...").
    static func opensWithPost(_ text: String) -> Bool {
        let tokens = text.split(separator: " ").map { $0.lowercased() }
        var i = 0
        while i < tokens.count, roleModifiers.contains(tokens[i]), !roleStarters.contains(tokens[i]) { i += 1 }
        return i < tokens.count && roleStarters.contains(tokens[i])
    }

    /// "POST, UNIT and POST": both sides complete posts, the left one qualified by its unit.
    func andSplit(_ text: String) -> (String, String)? {
        var index = text.startIndex
        while let range = text.range(of: " and ", range: index..<text.endIndex) {
            let left = String(text[..<range.lowerBound])
            let right = String(text[range.upperBound...])
            if let first = right.first, first.isUppercase, Self.hasRole(left), Self.isQualified(left),
               Self.opensWithPost(right), Self.hasRole(right) {
                return (left, right)
            }
            index = range.upperBound
        }
        return nil
    }
}

// MARK: - Status

/// The status cell of a real plan: "Agreed", "Partly agreed", "Partially Agreed", "Not agreed",
/// with words after it ("Partly agreed (resourcing need and affordability will need to be
/// balanced)") read as the reason.
enum StatusWords {
    static let forms: [(String, Status)] = [
        ("partly agreed", .partlyAgreed), ("partially agreed", .partlyAgreed), ("part agreed", .partlyAgreed),
        ("agreed in part", .partlyAgreed), ("not agreed", .notAgreed), ("disagreed", .notAgreed), ("agreed", .agreed),
    ]

    static func parse(_ text: String) -> (status: Status, rest: String)? {
        let t = text.trimmingSpaces
        let key = t.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "/", with: " ")
        for (words, status) in forms where key.hasPrefix(words) {
            let after = key.dropFirst(words.count)
            guard after.isEmpty || !(after.first?.isLetter ?? false) else { continue }
            var rest = String(t.dropFirst(words.count)).trimmingSpaces
            while let first = rest.first, "-–:,.".contains(first) { rest = String(rest.dropFirst()).trimmingSpaces }
            if rest.hasPrefix("("), rest.hasSuffix(")") { rest = String(rest.dropFirst().dropLast()).trimmingSpaces }
            return (status, rest)
        }
        return nil
    }

    /// The template's categories named in a reason's words; none when it names none.
    static func categories(_ text: String) -> [ReasonCategory] {
        let t = text.lowercased()
        var found: [ReasonCategory] = []
        if t.contains("commission") { found.append(.commissioning) }
        if t.contains("policy") || t.contains("legislat") { found.append(.policy) }
        if t.contains("operational") { found.append(.operational) }
        if ["afford", "funding", "fund ", "cost", "budget", "resourc", "financ"].contains(where: t.contains) {
            found.append(.affordability)
        }
        return found
    }
}

/// "This recommendation is partly agreed as ..." opening a response: the reason.
enum ReasonSentence {
    static func isReason(_ sentence: String) -> Bool {
        let t = sentence.lowercased()
        return ["partly agreed", "partially agreed", "not agreed"].contains(where: t.contains)
            && (t.hasPrefix("this recommendation") || t.hasPrefix("the recommendation") || t.hasPrefix("we have"))
    }

    /// The reason and the words left for the action. When the sentence is all the cell says and
    /// reads "... as whilst REASON, ACTION", it is split at that comma.
    static func split(_ text: String) -> (reason: String, rest: String)? {
        let sentences = Prose.sentences(text)
        guard let first = sentences.first, isReason(first) else { return nil }
        let rest = sentences.dropFirst().joined(separator: " ")
        if !rest.isEmpty {
            // The rest as written, from the text after the first sentence.
            let remainder = text.trimmingSpaces.dropFirst(first.count).trimmingSpaces
            return (first, remainder)
        }
        for word in [" whilst ", " while ", " although ", " though "] {
            guard let clause = first.range(of: word, options: .caseInsensitive) else { continue }
            var search = clause.upperBound
            while let comma = first.range(of: ", ", range: search..<first.endIndex) {
                let after = first[comma.upperBound...]
                if after.first?.isUppercase ?? false {
                    return (String(first[..<comma.lowerBound]), String(after))
                }
                search = comma.upperBound
            }
        }
        return nil
    }
}

// MARK: - Heading rows of real plans

/// "Leadership", "HM Prison and Probation Service should:", and both in one cell ("Staff HM
/// Prison and Probation Service should:", "Information and facilities The Ministry of Justice
/// should:").
enum HeadingWords {
    /// The addressee of a "... should:" heading, without "should:" and a trailing comma.
    static func addressee(_ text: String) -> String? {
        let t = text.trimmingSpaces
        let lower = t.lowercased()
        for suffix in ["should:", "should"] where lower.hasSuffix(suffix) {
            var words = String(t.dropLast(suffix.count)).trimmingSpaces
            if words.hasSuffix(",") { words.removeLast() }
            return words.trimmingSpaces
        }
        return nil
    }

    /// Words addressees open with, for a theme run into its addressee.
    static let openings = ["HM ", "HMPPS", "Her Majesty", "His Majesty", "The ", "Ministry of", "MoJ", "National Probation",
                           "NPS", "Probation Service", "Community Rehabilitation", "Youth Justice"]

    /// Splits "THEME ADDRESSEE" when the addressee is one seen before, the theme is the current
    /// one, or the addressee opens as addressees do.
    static func split(_ words: String, theme: String?, seen: [String]) -> (theme: String?, addressee: String, how: String?) {
        for known in seen.sorted(by: { $0.count > $1.count }) where words != known && words.hasSuffix(" " + known) {
            let prefix = String(words.dropLast(known.count + 1)).trimmingSpaces
            if !prefix.isEmpty { return (prefix, known, "the addressee \"\(known)\" named above") }
        }
        if let theme, words.hasPrefix(theme + " ") {
            let rest = String(words.dropFirst(theme.count + 1))
            if rest.first?.isUppercase ?? false { return (theme, rest, "the theme \"\(theme)\" repeated") }
        }
        // A heading that itself opens as addressees do is all addressee ("HM Prison and Probation
        // Service"); otherwise the theme ends where the addressee's words begin.
        guard !openings.contains(where: { words.hasPrefix($0) }) else { return (nil, words, nil) }
        for opening in openings {
            guard let range = words.range(of: " " + opening), range.lowerBound > words.startIndex else { continue }
            let prefix = String(words[..<range.lowerBound])
            let rest = String(words[words.index(after: range.lowerBound)...])
            let lastWord = prefix.split(separator: " ").last.map { $0.lowercased() } ?? ""
            if prefix.split(separator: " ").count <= 4, prefix.first?.isUppercase ?? false,
               !OwnerSplitter.connectors.contains(lastWord), !prefix.hasSuffix(",") {
                return (prefix, rest, "where the addressee's words begin")
            }
        }
        return (nil, words, nil)
    }
}

// MARK: - Rows of real plans

/// A row of a real plan laid out on the six columns.
struct SourceRow {
    var slots: [[Located]]
    var place: TableDocument.Place

    func text(_ slot: Int) -> String { slots[slot].map(\.text).joined(separator: " ") }
    func isEmpty(_ slot: Int) -> Bool { slots[slot].isEmpty }
}

/// Places the cells of a row that has fewer than six (Word drops a row's leading empty cells
/// after a page break) on the columns they fit best: dates in the target column, a continued
/// sentence in the column whose text stops mid-sentence, owners in the owner column.
struct RowAligner {
    /// The current recommendation's text, response text and owner stop mid-sentence.
    var textUnfinished: Bool
    var responseUnfinished: Bool
    var ownerUnfinished: Bool

    func place(_ cells: [[Located]]) -> [[Located]] {
        let k = cells.count
        var best: [Int] = Array((6 - k)..<6)
        var bestScore = -Double.infinity
        for placement in Self.placements(k) {
            var score = 0.0
            for (cell, slot) in zip(cells, placement) {
                for paragraph in cell { score += fit(paragraph.text, slot) }
            }
            score += Double(placement.reduce(0, +)) * 0.01
            if score > bestScore {
                bestScore = score
                best = placement
            }
        }
        var slots = Array(repeating: [Located](), count: 6)
        for (cell, slot) in zip(cells, best) { slots[slot] = cell }
        return slots
    }

    func fit(_ text: String, _ slot: Int) -> Double {
        let isTarget = TargetCell.tokens(text) != nil
        let prose = text.split(separator: " ").count > 12
        let lower = Prose.startsLowercase(text)
        switch slot {
        case 0: return Int.digitsOnly(text.trimmingSpaces) != nil ? 2 : -100
        case 1: return lower && textUnfinished ? 2 : -2
        case 2: return StatusWords.parse(text) != nil ? 2 : -2
        case 3:
            if isTarget { return -3 }
            if lower { return responseUnfinished ? 2 : -1 }
            return prose ? 1 : 0
        case 4:
            if isTarget || prose { return -3 }
            if lower && !ownerUnfinished { return -2 }
            return OwnerSplitter.hasRole(text) ? 1 : 0
        default:
            if isTarget { return 3 }
            return prose ? -3 : -1
        }
    }

    /// Every increasing choice of `k` of the six columns.
    static func placements(_ k: Int) -> [[Int]] {
        var result: [[Int]] = []
        func extend(_ current: [Int], from: Int) {
            if current.count == k {
                result.append(current)
                return
            }
            guard from < 6 else { return }
            for slot in from..<6 { extend(current + [slot], from: slot + 1) }
        }
        extend([], from: 0)
        return result
    }
}

/// One recommendation of a real plan as read, before its rows become actions.
struct RecommendationDraft {
    var number: Int
    var place: TableDocument.Place
    var theme: String?
    var addressee: String?
    var text: String
    var status: [Located]
    var groups: [RowGroup] = []
}

/// The rows of one table row of the source: a row and the rows that continue it after page
/// breaks, or an update row.
struct RowGroup {
    enum Kind: Hashable {
        case lines
        case numbered(String)
        case update(PlanDate, words: String)
    }
    var kind: Kind
    var units: [Unit]
    var owners: [Located]
    var targets: [Located]
    var place: TableDocument.Place
}

/// Reads the plan table of a real plan row by row into recommendation drafts, then turns each
/// draft into a recommendation.
struct SourceTableReader {
    let rows: [TableDocument.Row]
    var drafts: [RecommendationDraft] = []
    var theme: String?
    var addressee: String?
    var addressees: [String] = []
    /// Words before the first recommendation.
    var orphans: [Located] = []
    /// Owners named alone in some cell, for joining an owner cut by a page break.
    let cellOwners: Set<String>

    init(rows: [TableDocument.Row]) {
        self.rows = rows
        cellOwners = OwnerSplitter.completeOwners(rows.filter { $0.cells.count >= 6 }.flatMap { $0.cells[4].paragraphs.map { ImportText.collapse($0) } })
    }

    mutating func read(log: inout RemarkLog) -> [Recommendation] {
        for row in rows { add(row, log: &log) }
        if !orphans.isEmpty, !drafts.isEmpty {
            drafts[0].groups.insert(RowGroup(kind: .lines, units: orphans.map { Unit(text: $0.text, place: $0.place) },
                                             owners: [], targets: [], place: orphans[0].place), at: 0)
            log.kept(orphans[0].place, String(drafts[0].number), "words above the first recommendation kept with it")
        }
        // Owners as the rows give them once the parts cut by page breaks are joined.
        let splitter = OwnerSplitter(known: OwnerSplitter.completeOwners(drafts.flatMap { $0.groups.flatMap { $0.owners.map(\.text) } }))
        return drafts.map { draft in
            var builder = RecommendationBuilder(draft: draft, splitter: splitter)
            return builder.build(log: &log)
        }
    }

    // MARK: Rows

    mutating func add(_ row: TableDocument.Row, log: inout RemarkLog) {
        var cells: [[Located]] = []
        for cell in row.cells {
            let paragraphs = cell.continuesAbove ? [] : cell.paragraphs.map { ImportText.collapse($0) }.filter { !$0.isEmpty }
            cells.append(paragraphs.map { Located(text: $0, place: row.place) })
            if cell.span > 1 { cells += Array(repeating: [], count: cell.span - 1) }
        }
        let words = cells.flatMap { $0.map(\.text) }
        if words.isEmpty { return }
        if words.allSatisfy({ $0.allSatisfy { "-–—_=|: ".contains($0) } }) {
            log.guess(row.place, nil, "a row of dashes (a rule of the table in the text) left out")
            return
        }
        if DocumentLayout.isHeader(row) { return }
        if words.allSatisfy({ !$0.contains(where: \.isLetter) }), cells.first?.isEmpty ?? true {
            log.guess(row.place, nil, "a row holding only \(words.map { "\"\($0)\"" }.joined(separator: ", ")) (no words, no number in the first column) read as a page-break artefact and left out")
            return
        }
        let source = SourceRow(slots: normalise(cells, place: row.place, log: &log), place: row.place)
        if isHeading(source) {
            heading(source, log: &log)
            return
        }
        if let number = Self.number(source.text(0)) {
            start(number, source, log: &log)
        } else if !drafts.isEmpty {
            continueRecommendation(source, log: &log)
        } else {
            orphans += source.slots.flatMap { $0 }
            return
        }
        lines(source, log: &log)
    }

    static func number(_ text: String) -> Int? {
        var t = text.trimmingSpaces
        if t.hasSuffix(".") { t.removeLast() }
        guard let n = Int.digitsOnly(t), n >= 1, n <= Limits.maxNumber else { return nil }
        return n
    }

    /// The row on six columns: spans expanded, a short row aligned, extra cells' words kept in
    /// the last column.
    func normalise(_ cells: [[Located]], place: TableDocument.Place, log: inout RemarkLog) -> [[Located]] {
        var cells = cells
        while cells.count > 6, cells.last?.isEmpty ?? false { cells.removeLast() }
        if cells.count > 6 {
            log.kept(place, drafts.last.map { String($0.number) }, "the row has \(cells.count) cells, more than the table's six columns; the words of the extra cells are kept in the target column")
            cells[5] += cells[6...].flatMap { $0 }
            return Array(cells.prefix(6))
        }
        if cells.count == 6 { return cells }
        let group = drafts.last?.groups.last
        let aligner = RowAligner(textUnfinished: drafts.last.map { Prose.isUnfinished($0.text) } ?? false,
                                 responseUnfinished: group?.units.last.map { Prose.isUnfinished($0.text) } ?? false,
                                 ownerUnfinished: group?.owners.last.map { OwnerSplitter.endsUnfinished($0.text) } ?? false)
        let slots = aligner.place(cells)
        let used = slots.indices.filter { !slots[$0].isEmpty }.map { String($0 + 1) }
        log.guess(place, drafts.last.map { String($0.number) },
                  "the row has \(cells.count) of the six cells; its words read as columns \(used.joined(separator: ", "))")
        return slots
    }

    /// A heading row: one cell of words in the first three columns and nothing else.
    func isHeading(_ row: SourceRow) -> Bool {
        let filled = (0..<6).filter { !row.isEmpty($0) }
        guard filled.count == 1, let slot = filled.first, slot < 3 else { return false }
        let text = row.text(slot)
        if slot == 0, Self.number(text) != nil { return false }
        if slot == 2, StatusWords.parse(text) != nil { return false }
        if !drafts.isEmpty, Prose.startsLowercase(text) { return false }
        return true
    }

    mutating func heading(_ row: SourceRow, log: inout RemarkLog) {
        guard let slot = (0..<3).first(where: { !row.isEmpty($0) }) else { return }
        let text = row.text(slot)
        guard let words = HeadingWords.addressee(text) else {
            theme = text
            return
        }
        let split = HeadingWords.split(words, theme: theme, seen: addressees)
        if let newTheme = split.theme {
            theme = newTheme
            if let how = split.how {
                log.guess(row.place, nil, "\"\(text)\" read as the theme \"\(newTheme)\" and the addressee \"\(split.addressee)\" (\(how))")
            }
        }
        addressee = split.addressee
        if !addressees.contains(split.addressee) { addressees.append(split.addressee) }
    }

    mutating func start(_ printed: Int, _ row: SourceRow, log: inout RemarkLog) {
        var number = printed
        if let last = drafts.last?.number, number <= last {
            let expected = last + 1
            if String(expected).hasSuffix(String(printed)) {
                log.guess(row.place, String(expected), "the row is numbered \(printed) after recommendation \(last); read as \(expected)")
                number = expected
            } else if drafts.contains(where: { $0.number == number }) {
                log.guess(row.place, String(expected), "recommendation \(printed) appears twice; the second read as \(expected)")
                number = expected
            }
        }
        drafts.append(RecommendationDraft(number: number, place: row.place, theme: theme, addressee: addressee,
                                          text: row.text(1), status: row.slots[2]))
    }

    /// A row without a number: the recommendation's text or status continued after a page break.
    mutating func continueRecommendation(_ row: SourceRow, log: inout RemarkLog) {
        let d = drafts.count - 1
        if !row.isEmpty(1) {
            let more = row.text(1)
            if drafts[d].text.isEmpty {
                drafts[d].text = more
            } else if Prose.isUnfinished(drafts[d].text) || Prose.startsLowercase(more) {
                Prose.join(&drafts[d].text, more)
                log.guess(row.place, String(drafts[d].number), "the recommendation's text continues the row above (split by a page break): joined to it")
            } else {
                drafts[d].text += "\n\n" + more
                log.guess(row.place, String(drafts[d].number), "more text of the recommendation in a row without a number: added as a paragraph")
            }
        }
        drafts[d].status += row.slots[2]
    }

    // MARK: Response, owner and target columns

    /// The response, owner and target cells of a row: a new row of the recommendation (an action
    /// row, an update row) or the rest of the row above after a page break.
    mutating func lines(_ row: SourceRow, log: inout RemarkLog) {
        let texts = row.slots[3].map { Unit(text: $0.text, place: $0.place) }
        let owners = row.slots[4]
        let targets = row.slots[5]
        // No copy of the groups is held past this point: it would share the last cell's text,
        // and appending to a shared text copies all of it (quadratic over many rows).
        let lastGroup = drafts[drafts.count - 1].groups.last
        let hasGroups = lastGroup != nil
        let lastHasText = lastGroup.map { !$0.units.isEmpty } ?? false
        let continuesAbove = texts.first.flatMap { first in
            lastGroup.map { continues(first.text, $0, texts: texts.count, owners: owners.count, targets: targets.count) }
        } ?? false
        _ = consume lastGroup
        guard let first = texts.first else {
            if !hasGroups {
                newGroup(.lines, texts, owners, targets, place: row.place)
            } else {
                append(owners: owners, targets: targets, log: &log)
            }
            return
        }
        if let label = UpdateLabel.source(first.text) {
            let units = (label.rest.isEmpty ? [] : [Unit(text: label.rest, place: first.place)]) + texts.dropFirst()
            newGroup(.update(label.date, words: label.words), units, owners, targets, place: row.place)
        } else if let numbered = ActionID.source(first.text) {
            newGroup(.numbered(numbered.id), [Unit(text: numbered.rest, place: first.place)] + texts.dropFirst(), owners, targets, place: row.place)
        } else if continuesAbove {
            appendText(texts, continuing: true)
            log.guess(row.place, String(drafts[drafts.count - 1].number), "the response text continues the row above (split by a page break): joined to it")
            append(owners: owners, targets: targets, log: &log)
        } else if owners.isEmpty, targets.isEmpty, lastHasText {
            appendText(texts, continuing: false)
            log.guess(row.place, String(drafts[drafts.count - 1].number), "a row with text but no owner or target read as the rest of the row above")
        } else {
            newGroup(.lines, texts, spanningOwners(owners, log: &log), targets, place: row.place)
        }
    }

    mutating func newGroup(_ kind: RowGroup.Kind, _ units: [Unit], _ owners: [Located], _ targets: [Located], place: TableDocument.Place) {
        drafts[drafts.count - 1].groups.append(RowGroup(kind: kind, units: units, owners: owners, targets: targets, place: place))
    }

    /// Paragraphs added to the last group: the first joined to the paragraph above it (as the
    /// same sentence when it was cut mid-sentence, else as the next paragraph of the same cell).
    mutating func appendText(_ texts: [Unit], continuing: Bool) {
        let d = drafts.count - 1
        let g = drafts[d].groups.count - 1
        var last = drafts[d].groups[g].units.removeLast()
        guard continuing else {
            last.text += "\n\n" + texts.map(\.text).joined(separator: "\n\n")
            drafts[d].groups[g].units.append(last)
            return
        }
        if Prose.isUnfinished(last.text) && !last.isItem {
            Prose.join(&last.text, texts[0].text)
        } else {
            last.text += "\n\n" + texts[0].text
        }
        drafts[d].groups[g].units.append(last)
        drafts[d].groups[g].units += texts.dropFirst()
    }

    /// A new row's owners; when the row above's owner stops short ("Competition Leads (...),")
    /// and this row's first owner completes it, the owner cell spans both rows: both get the
    /// whole owner.
    mutating func spanningOwners(_ owners: [Located], log: inout RemarkLog) -> [Located] {
        let d = drafts.count - 1
        guard let g = drafts[d].groups.indices.last, let previous = drafts[d].groups[g].owners.last, let next = owners.first,
              OwnerSplitter.endsUnfinished(previous.text) || Prose.startsLowercase(next.text) else { return owners }
        let joined = previous.text + " " + next.text
        drafts[d].groups[g].owners[drafts[d].groups[g].owners.count - 1].text = joined
        log.guess(next.place, String(drafts[d].number), "the owner \"\(previous.text)\" of the row above runs on into this row (\"\(next.text)\"); \"\(joined)\" read as the owner of both rows")
        var result = owners
        result[0].text = joined
        return result
    }

    /// The row's first paragraph continues the last paragraph above, cut by a page break: it opens
    /// in lower case, or the paragraph above stops mid-sentence and the row has one paragraph
    /// more than owners or targets (or none of them).
    func continues(_ first: String, _ group: RowGroup, texts: Int, owners: Int, targets: Int) -> Bool {
        guard let last = group.units.last else { return false }
        if Prose.startsLowercase(first) { return true }
        if last.isItem || !Prose.isUnfinished(last.text) { return false }
        return (owners == 0 && targets == 0) || texts == max(owners, targets) + 1
    }

    /// Owners and targets of a row continuing the group above.
    mutating func append(owners: [Located], targets: [Located], log: inout RemarkLog) {
        let d = drafts.count - 1
        let g = drafts[d].groups.count - 1
        let subject = String(drafts[d].number)
        var owners = owners
        if let previous = drafts[d].groups[g].owners.last, let next = owners.first, ownerContinues(previous.text, next.text) {
            drafts[d].groups[g].owners[drafts[d].groups[g].owners.count - 1].text = previous.text + " " + next.text
            owners.removeFirst()
            log.guess(next.place, subject, "the owner \"\(previous.text)\" continues in this row (\"\(next.text)\"): read as one owner")
        }
        drafts[d].groups[g].owners += owners
        var targets = targets
        if let previous = drafts[d].groups[g].targets.last, let next = targets.first,
           TargetCell.tokens(previous.text) == nil, TargetCell.tokens(next.text) == nil,
           next.text.hasPrefix("(") || Prose.startsLowercase(next.text) {
            drafts[d].groups[g].targets[drafts[d].groups[g].targets.count - 1].text = previous.text + " " + next.text
            targets.removeFirst()
            log.guess(next.place, subject, "the target wording \"\(previous.text)\" continues in this row (\"\(next.text)\"): joined")
        }
        drafts[d].groups[g].targets += targets
    }

    /// An owner cut by a page break: the part above stops at a comma or a joining word, the part
    /// below opens in lower case, or together they begin an owner the plan names elsewhere.
    func ownerContinues(_ previous: String, _ next: String) -> Bool {
        if OwnerSplitter.endsUnfinished(previous) || Prose.startsLowercase(next) { return true }
        guard let word = next.split(separator: " ").first else { return false }
        let start = previous + " " + word
        return cellOwners.contains { $0 != previous && $0.hasPrefix(start) }
    }
}

/// Turns one recommendation draft of a real plan into a recommendation: the status cell, the
/// response, the actions (one per row, or one per paragraph when a row's cells hold paragraphs
/// side by side) and the updates (given to the actions above them).
struct RecommendationBuilder {
    let draft: RecommendationDraft
    let splitter: OwnerSplitter
    var status = Status.agreed
    var reason: Reason?
    var implementedPart: String?
    var response: [String] = []
    var actions: [Action] = []
    /// Actions made since the last update row, and the actions the last update row covered.
    var pending: [Int] = []
    var lastUpdated: [Int] = []

    init(draft: RecommendationDraft, splitter: OwnerSplitter) {
        self.draft = draft
        self.splitter = splitter
    }

    var subject: String { String(draft.number) }

    mutating func build(log: inout RemarkLog) -> Recommendation {
        readStatus(log: &log)
        for (index, group) in draft.groups.enumerated() {
            switch group.kind {
            case .update(let date, let words):
                update(group, date: date, words: words, log: &log)
            case .numbered(let id):
                actions.append(action(id: id, text: Prose.joinUnits(group.units), owners: group.owners,
                                      targets: group.targets, place: group.place, log: &log))
                pending.append(actions.count - 1)
            case .lines:
                if group.owners.isEmpty, group.targets.isEmpty {
                    response.append(fixHyphens(Prose.joinUnits(group.units), place: group.place, log: &log))
                    if index > 0 { log.kept(group.place, subject, "text with no owner or target kept in the response") }
                } else {
                    lines(group, log: &log)
                }
            }
        }
        let text = fixHyphens(draft.text, place: draft.place, log: &log)
        return Recommendation(number: draft.number, addressee: draft.addressee ?? "", theme: draft.theme, text: text,
                              status: status, implementedPart: implementedPart, reason: reason,
                              response: response.isEmpty ? nil : response.joined(separator: "\n\n"), actions: actions)
    }

    // MARK: Status

    mutating func readStatus(log: inout RemarkLog) {
        guard let first = draft.status.first else {
            log.missing(draft.place, subject, "no status (Agreed, Partly Agreed, Not Agreed); Agreed assumed")
            return
        }
        var extra: [Located] = Array(draft.status.dropFirst())
        if let (parsed, rest) = StatusWords.parse(first.text) {
            status = parsed
            if !rest.isEmpty { extra.insert(Located(text: rest, place: first.place), at: 0) }
        } else {
            log.missing(first.place, subject, "the status \"\(first.text)\" is not Agreed, Partly Agreed or Not Agreed; Agreed assumed and the words kept in the response")
            response.append(first.text)
        }
        var reasonWords: [String] = []
        for paragraph in extra {
            let text = paragraph.text
            if text.lowercased().hasPrefix(OfficialDocument.partAgreedLabel.lowercased()) {
                implementedPart = String(text.dropFirst(OfficialDocument.partAgreedLabel.count)).trimmingSpaces
            } else if status == .agreed {
                response.append(text)
                log.kept(paragraph.place, subject, "words in the status cell of an agreed recommendation kept in the response")
            } else {
                var words = text
                if text.hasPrefix(OfficialDocument.reasonLabel + " ("), let close = text.range(of: "): ") {
                    words = String(text[close.upperBound...])
                }
                reasonWords.append(words)
            }
        }
        if !reasonWords.isEmpty {
            setReason(reasonWords.joined(separator: "\n\n"), place: draft.status[0].place, from: "the status cell", log: &log)
        }
    }

    mutating func setReason(_ text: String, place: TableDocument.Place, from: String, log: inout RemarkLog) {
        var categories = StatusWords.categories(text)
        if categories.isEmpty {
            categories = [.operational]
            log.guess(place, subject, "the reason (from \(from)) names no category; operational assumed")
        } else {
            log.guess(place, subject, "the reason (from \(from)) read as \(categories.map(\.rawValue).joined(separator: ", ")) from its words")
        }
        reason = Reason(categories: categories, text: text)
    }

    // MARK: Actions

    /// A row (and its page-break continuations) that has owners or targets: one action, or one
    /// per paragraph when the paragraphs stand side by side with as many owners or targets.
    mutating func lines(_ group: RowGroup, log: inout RemarkLog) {
        var units = group.units
        if status != .agreed, reason == nil, let first = units.first, let (reasonText, rest) = ReasonSentence.split(first.text) {
            setReason(reasonText, place: first.place, from: "the response's first sentence", log: &log)
            units[0].text = rest
        }
        if units.count >= 3, !units[0].isItem, units[0].text.hasSuffix(":"), units.dropFirst().allSatisfy(\.isItem),
           group.targets.count == units.count - 1 || group.owners.count == units.count - 1 {
            response.append(units[0].text)
            log.kept(units[0].place, subject, "the words introducing a list of actions kept in the response")
            units.removeFirst()
        }
        let n = units.count
        guard n >= 2, group.targets.count == n || group.owners.count == n else {
            actions.append(action(id: nextID(), text: Prose.joinUnits(units), owners: group.owners, targets: group.targets,
                                  place: group.place, log: &log))
            pending.append(actions.count - 1)
            return
        }
        log.guess(group.place, subject, "\(n) paragraphs side by side with \(group.owners.count) owner and \(group.targets.count) target paragraphs read as \(n) actions")
        for i in 0..<n {
            let owners: [Located] = group.owners.count == n ? [group.owners[i]] : group.owners
            var targets: [Located] = []
            if group.targets.count == n {
                targets = [group.targets[i]]
            } else if group.targets.count > n {
                targets = i == n - 1 ? Array(group.targets[i...]) : [group.targets[i]]
            } else if i < group.targets.count {
                targets = [group.targets[i]]
            }
            let id = nextID()
            if group.targets.count < n, i >= group.targets.count {
                log.missing(units[i].place, id, "no target beside this paragraph")
            }
            actions.append(action(id: id, text: units[i].itemText, owners: owners, targets: targets, place: units[i].place, log: &log))
            pending.append(actions.count - 1)
        }
    }

    func nextID() -> String {
        var n = actions.count + 1
        while actions.contains(where: { $0.id == "\(draft.number).\(n)" }) { n += 1 }
        return "\(draft.number).\(n)"
    }

    func action(id: String, text: String, owners: [Located], targets: [Located], place: TableDocument.Place,
                log: inout RemarkLog) -> Action {
        var action = Action(id: id, text: fixHyphens(text, place: place, log: &log, subject: id))
        action.owners = split(owners, subject: id, log: &log)
        TargetCell.source(targets, into: &action, subject: id, log: &log)
        return action
    }

    /// Owner paragraphs split into owners, each split remarked.
    func split(_ owners: [Located], subject: String, log: inout RemarkLog) -> [String] {
        var result: [String] = []
        for owner in owners {
            let (parts, how) = splitter.split(owner.text)
            if let how, parts.count > 1 {
                log.guess(owner.place, subject, "the owner cell \"\(owner.text)\" read as \(parts.count) owners (split \(how)): \(parts.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            for part in parts where !result.contains(part) { result.append(part) }
        }
        return result
    }

    func fixHyphens(_ text: String, place: TableDocument.Place, log: inout RemarkLog, subject: String? = nil) -> String {
        let (fixed, joined) = Prose.joinWrappedHyphens(text)
        if !joined.isEmpty {
            log.guess(place, subject ?? self.subject, "words broken at a line's end joined: \(joined.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        return fixed
    }

    // MARK: Updates

    /// An "Update <date>" row: an update of each action made since the last update row (or of
    /// the actions the last one covered). When it covers several actions and names one owner or
    /// target for each, its text is split among them where the words best match each action's.
    mutating func update(_ group: RowGroup, date: PlanDate, words: String, log: inout RemarkLog) {
        var covered = pending.isEmpty ? lastUpdated : pending
        if covered.isEmpty, !actions.isEmpty { covered = [actions.count - 1] }
        guard !covered.isEmpty else {
            let text = Prose.joinUnits(group.units)
            response.append("Update " + words + (text.isEmpty ? "" : "\n\n" + text))
            log.kept(group.place, subject, "an update row with no action above it; kept in the response")
            return
        }
        pending = []
        lastUpdated = covered
        if DateWords.words(date) != words { log.guess(group.place, subject, "update date \"\(words)\" read as \(date)") }
        let cells = UpdateCells(group: group, splitter: splitter)
        let k = covered.count
        if k > 1, cells.tokens?.count == k || cells.owners.count == k,
           let parts = Self.splitText(group.units, among: covered.map { actions[$0].text }) {
            log.guess(group.place, subject, "the update covers the \(k) actions above (\(covered.map { actions[$0].id }.joined(separator: ", "))); its text split among them where its words match each action's")
            for (i, a) in covered.enumerated() {
                var update = Update(date: date, text: fixHyphens(parts[i], place: group.place, log: &log))
                if let tokens = cells.tokens, tokens.count == k {
                    apply([tokens[i]], to: &update, place: group.place, log: &log)
                } else if let tokens = cells.tokens, tokens.count == 1 {
                    apply(tokens, to: &update, place: group.place, log: &log)
                } else if i == k - 1 {
                    keep(cells.targetWords, in: &update, place: group.place, log: &log)
                }
                let owners = cells.owners.count == k ? [cells.owners[i]] : cells.owners
                if !owners.isEmpty, owners != actions[a].currentOwners { update.owners = owners }
                actions[a].updates.append(update)
            }
            return
        }
        if k > 1 {
            log.guess(group.place, subject, "the update row follows \(k) actions but cannot be divided among them; given to \(actions[covered[k - 1]].id)")
        }
        let a = covered[k - 1]
        var update = Update(date: date, text: fixHyphens(Prose.joinUnits(group.units), place: group.place, log: &log))
        if let tokens = cells.tokens, Set(tokens.compactMap(\.date)).count <= 1, Set(tokens.compactMap(\.state)).count <= 1 {
            apply(tokens, to: &update, place: group.place, log: &log)
        } else {
            keep(cells.targetWords, in: &update, place: group.place, log: &log)
        }
        if !cells.owners.isEmpty, cells.owners != actions[a].currentOwners {
            update.owners = cells.owners
            if cells.owners.count > group.owners.count {
                log.guess(group.place, actions[a].id, "the update's owner cell read as \(cells.owners.count) owners: \(cells.owners.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
        }
        actions[a].updates.append(update)
    }

    /// The owner and target cells of an update row: owners split, the target words as dates
    /// and states (nil when they are other words).
    struct UpdateCells {
        var owners: [String]
        var targetWords: String
        var tokens: [TargetCell.Token]?

        init(group: RowGroup, splitter: OwnerSplitter) {
            owners = group.owners.flatMap { splitter.split($0.text).owners }
            targetWords = group.targets.map(\.text).joined(separator: " ")
            tokens = targetWords.isEmpty ? [] : TargetCell.tokens(targetWords)
        }
    }

    func apply(_ tokens: [TargetCell.Token], to update: inout Update, place: TableDocument.Place, log: inout RemarkLog) {
        for token in tokens {
            switch token {
            case .date(let date, let words):
                update.target = date
                if DateWords.words(date) != words { log.guess(place, subject, "target \"\(words)\" read as \(date)") }
            case .state(let state, _):
                update.state = state
            }
        }
    }

    /// Target wording an update cannot hold (updates have no note) is kept in its text.
    func keep(_ words: String, in update: inout Update, place: TableDocument.Place, log: inout RemarkLog) {
        guard !words.isEmpty else { return }
        update.text += (update.text.isEmpty ? "" : "\n\n") + words
        log.kept(place, subject, "the update's target cell \"\(words)\" is not one date or state; kept in the update's text")
    }

    /// The units (or, when there are fewer units than actions, the sentences) divided into one
    /// part per action, in order, so that each part shares the most words with its action.
    static func splitText(_ units: [Unit], among texts: [String]) -> [String]? {
        let k = texts.count
        var segments: [String]
        var joiner: ([String]) -> String
        if units.count >= k {
            segments = units.map(\.text)
            joiner = { parts in Prose.joinUnits(parts.map { Unit(text: $0, place: TableDocument.Place(line: 0)) }) }
        } else {
            segments = Prose.sentences(Prose.joinUnits(units))
            joiner = { $0.joined(separator: " ") }
        }
        let m = segments.count
        guard m >= k, k >= 1, m <= 200 else { return nil }
        let words = segments.map(Prose.contentWords)
        let targets = texts.map(Prose.contentWords)
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
