import PlanKit

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
    var unplaced: [PlacedText] = []

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
    mutating func setOrganisation(_ lines: [PlacedText], log: inout RemarkLog) {
        let joined = lines.map(\.text).joined(separator: " ")
        let words = joined.split(separator: " ").map { $0 == "&" ? "and" : String($0) }.joined(separator: " ")
        organisation = words
        if lines.count > 1 || words != joined {
            log.guess(lines[0].place, nil, "organisation \"\(words)\" read from the heading lines \(lines.map { "\"\($0.text)\"" }.joined(separator: " / "))",
                      alternative: "the heading lines kept in the introduction")
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
            unplaced.append(PlacedText(text: text, place: place))
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
            if full != words { log.guess(place, nil, "inspectorate \"\(full)\" read from \"\(words)\"",
                                         alternative: "the inspectorate named as written") }
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
                log.guess(place, nil, "the link target \"\(link.target)\" of the report's title is not an address; left out",
                          alternative: "the link target kept as the report's address")
            }
        }
        reportTitle = title
        // "A Response to: HM Inspectorate of Prisons: Report on …": the inspectorate leads the
        // title, in short or in full.
        if inspectorate == nil, let colon = title.range(of: ":"), let full = Inspectorates.known(String(title[..<colon.lowerBound])) {
            inspectorate = full
            log.guess(place, nil, "inspectorate \"\(full)\" read from the report title's \"\(title[..<colon.lowerBound]):\"",
                      alternative: "HM Inspectorate of Probation assumed, as when no inspectorate is named")
        }
    }

    static func day(_ text: String, place: TableDocument.Place, label: String, official: Bool, log: inout RemarkLog) -> Day? {
        guard let day = DateWords.parseDay(text) else {
            log.kept(place, nil, "\"\(label): \(text)\": not a date; the line is kept in the introduction")
            return nil
        }
        if !official, DateWords.words(day) != text {
            log.guess(place, nil, "\"\(label): \(text)\": date read as \(day)",
                      alternative: "the line kept in the introduction")
        }
        return day
    }

    /// The plan.yaml fields, with what is missing filled in and remarked.
    func planInfo(log: inout RemarkLog, firstPlace: TableDocument.Place) -> PlanInfo {
        var organisation = self.organisation ?? ""
        if organisation.trimmingSpaces.isEmpty {
            organisation = "HM Prison and Probation Service"
            log.missing(firstPlace, nil, "the document names no organisation; \"\(organisation)\" assumed",
                        alternative: "another organisation, named in plan.yaml by a person")
        }
        var inspectorate = self.inspectorate ?? ""
        if inspectorate.trimmingSpaces.isEmpty {
            inspectorate = "HM Inspectorate of Probation"
            log.missing(firstPlace, nil, "the document names no inspectorate; \"\(inspectorate)\" assumed",
                        alternative: "another inspectorate (HM Inspectorate of Prisons), named in plan.yaml by a person")
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
    var organisationLines: [PlacedText] = []
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
            log.guess(pending, nil, "the report's title read from the paragraph after \"A Response to ...:\"",
                      alternative: "the paragraph kept in the introduction")
        } else if official, block.organisation == nil, !sawLabel {
            block.organisation = text
        } else if block.readLabel(trimmed, place: place, official: official, awaitingReportTitle: &awaitingReportTitle, log: &log) {
            sawLabel = true
        } else if !sawLabel {
            organisationLines.append(PlacedText(text: trimmed, place: place))
        } else {
            block.unplaced.append(PlacedText(text: trimmed, place: place))
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
    static func fullName(_ words: String) -> String { known(words) ?? words }

    /// The full name of an inspectorate these words name, whether short or already full; nil
    /// when they name none.
    static func known(_ words: String) -> String? {
        let key = words.trimmingSpaces.lowercased().replacingOccurrences(of: "’", with: "'")
        switch key {
        case "hmi probation", "hm inspectorate of probation", "her majesty's inspectorate of probation",
             "his majesty's inspectorate of probation", "hmiprobation":
            return "HM Inspectorate of Probation"
        case "hmi prisons", "hm inspectorate of prisons", "her majesty's inspectorate of prisons",
             "his majesty's inspectorate of prisons":
            return "HM Inspectorate of Prisons"
        default:
            return nil
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
