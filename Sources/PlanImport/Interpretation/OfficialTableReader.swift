import PlanKit

/// Reads the plan table of plantool's own layout by its conventions (see `OfficialDocument`).
struct OfficialTableReader {
    var recommendations: [Recommendation] = []
    var theme: String?
    var addressee: String?
    /// The plan's words for its statuses (its header's), and the kind the last section row set.
    var words = PlanWords.standard
    var kind = RecommendationKind.recommendation

    mutating func read(_ rows: [TableDocument.Row], log: inout RemarkLog) -> [Recommendation] {
        for row in rows {
            let cells = Self.columns(row, log: &log)
            let filled = cells.enumerated().filter { !$0.element.isEmpty }
            if filled.isEmpty { continue }
            if row.cells.count == 1 || (filled.count == 1 && filled[0].offset == 0 && Int.digitsOnly(cells[0].text.trimmingSpaces) == nil) {
                heading(cells[0].text, place: row.place)
                continue
            }
            if !cells[0].continuesAbove, let cell = NumberCell.parse(cells[0].text),
               let number = cell.number ?? (cell.reference != nil ? (recommendations.last?.number ?? 0) + 1 : nil) {
                startRecommendation(number, cells, place: row.place, log: &log)
                recommendations[recommendations.count - 1].reference = cell.reference
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
        pendingHeadings.append(PlacedText(text: text, place: place))
    }

    var pendingHeadings: [PlacedText] = []

    mutating func startRecommendation(_ number: Int, _ cells: [TableDocument.Cell], place: TableDocument.Place,
                                      log: inout RemarkLog) {
        flushHeadings(log: &log)
        let status = Self.statusCell(cells[2].paragraphs, place: place, subject: String(number), words: words, log: &log)
        recommendations.append(Recommendation(number: number, addressee: addressee ?? "", theme: theme,
                                              text: cells[1].paragraphs.joined(separator: "\n"), status: status.status,
                                              implementedPart: status.part, reason: status.reason, kind: kind))
    }

    /// "Agreed" / "Partly Agreed" / "Not Agreed", then "Reason (CATEGORIES): TEXT" and "Part
    /// agreed: TEXT", each running on over the paragraphs below it.
    static func statusCell(_ paragraphs: [String], place: TableDocument.Place, subject: String, words: PlanWords = .standard,
                           log: inout RemarkLog) -> (status: Status, reason: Reason?, part: String?) {
        var status = Status.agreed
        if let first = paragraphs.first, let s = Status.allCases.first(where: { $0.title == first || words.word(for: $0) == first }) {
            status = s
        } else {
            log.missing(place, subject, "no status in the template's words; Agreed assumed, the cell's words kept as the reason")
        }
        enum Field { case reason, part }
        var field: Field?
        var categories: [ReasonCategory] = []
        var reasonLines: [String] = []
        var partLines: [String] = []
        let named = status.title == paragraphs.first || words.word(for: status) == paragraphs.first
        for p in paragraphs.dropFirst(named ? 1 : 0) {
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
        // Section rows ("Priority concerns") set the kind and are not the theme or the addressee.
        var headings: [PlacedText] = []
        for heading in pendingHeadings {
            if let section = SectionWords.section(heading.text) {
                kind = section.kind
                theme = section.theme
            } else {
                headings.append(heading)
            }
        }
        pendingHeadings = []
        guard !headings.isEmpty else { return }
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
            let a = recommendations[r].actions.count - 1
            // The export fills the cell with the owners in charge; only others are a change.
            if !cells[4].paragraphs.isEmpty, cells[4].paragraphs != recommendations[r].actions[a].currentOwners {
                update.owners = cells[4].paragraphs
            }
            recommendations[r].actions[a].updates.append(update)
            return
        }
        // The id alone above a text that opens with a list item, else "5.1 The text".
        var opening: (id: String, lines: [String])?
        if ActionID.isValid(first), response.count > 1, OfficialDocument.listItem(response[1]) != nil {
            opening = (first, Array(response.dropFirst()))
        } else if let (id, rest) = ActionID.official(first) {
            opening = (id, [rest] + response.dropFirst())
        }
        if let (id, lines) = opening {
            let text = lines.joined(separator: "\n")
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
