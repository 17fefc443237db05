import PlanKit

/// Reads the plan table of a real plan row by row into recommendations as their rows give them
/// (`SourceRecommendation`), then turns each into a recommendation.
struct SourceTableReader {
    let rows: [TableDocument.Row]
    var recommendations: [SourceRecommendation] = []
    var theme: String?
    var addressee: String?
    var addressees: [String] = []
    /// The kind the last section row ("Priority concerns") set.
    var kind = RecommendationKind.recommendation
    /// Words before the first recommendation.
    var orphans: [PlacedText] = []
    /// Owners named alone in some cell, for joining an owner cut by a page break.
    let cellOwners: Set<String>

    init(rows: [TableDocument.Row]) {
        self.rows = rows
        cellOwners = OwnerSplitter.completeOwners(rows.filter { $0.cells.count >= 6 }.flatMap { $0.cells[4].paragraphs.map { ImportText.collapse($0) } })
    }

    mutating func read(log: inout RemarkLog) -> [Recommendation] {
        for row in rows { add(row, log: &log) }
        if !orphans.isEmpty, !recommendations.isEmpty {
            recommendations[0].groups.insert(RowGroup(kind: .lines, paragraphs: orphans.map { ResponseParagraph(text: $0.text, place: $0.place) },
                                             owners: [], targets: [], place: orphans[0].place), at: 0)
            log.kept(orphans[0].place, String(recommendations[0].number), "words above the first recommendation kept with it")
        }
        // Owners as the rows give them once the parts cut by page breaks are joined.
        let splitter = OwnerSplitter(known: OwnerSplitter.completeOwners(recommendations.flatMap { $0.groups.flatMap { $0.owners.map(\.text) } }))
        return recommendations.map { source in
            var builder = RecommendationBuilder(source: source, splitter: splitter)
            return builder.build(log: &log)
        }
    }

    // MARK: Rows

    mutating func add(_ row: TableDocument.Row, log: inout RemarkLog) {
        var cells: [[PlacedText]] = []
        for cell in row.cells {
            let paragraphs = cell.continuesAbove ? [] : cell.paragraphs.map { ImportText.collapse($0) }.filter { !$0.isEmpty }
            cells.append(paragraphs.map { PlacedText(text: $0, place: row.place) })
            if cell.span > 1 { cells += Array(repeating: [], count: cell.span - 1) }
        }
        let words = cells.flatMap { $0.map(\.text) }
        if words.isEmpty { return }
        if words.allSatisfy({ $0.allSatisfy { "-–—_=|: ".contains($0) } }) {
            log.guess(row.place, nil, "a row of dashes (a rule of the table in the text) left out",
                      alternative: "the dashes kept as the row's words")
            return
        }
        if DocumentLayout.isHeader(row) { return }
        if words.allSatisfy({ !$0.contains(where: \.isLetter) }), cells.first?.isEmpty ?? true {
            log.guess(row.place, nil, "a row holding only \(words.map { "\"\($0)\"" }.joined(separator: ", ")) (no words, no number in the first column) read as a page-break artefact and left out",
                      alternative: "the row's words kept where its cells stand")
            return
        }
        let source = SourceRow(columns: normalise(cells, place: row.place, log: &log), place: row.place)
        if isHeading(source) {
            heading(source, log: &log)
            return
        }
        if let cell = NumberCell.parse(source.text(0)) {
            start(cell.number ?? (recommendations.last?.number ?? 0) + 1, source, reference: cell.reference, log: &log)
        } else if !recommendations.isEmpty {
            continueRecommendation(source, log: &log)
        } else {
            orphans += source.columns.flatMap { $0 }
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
    func normalise(_ cells: [[PlacedText]], place: TableDocument.Place, log: inout RemarkLog) -> [[PlacedText]] {
        var cells = cells
        while cells.count > 6, cells.last?.isEmpty ?? false { cells.removeLast() }
        if cells.count > 6 {
            log.kept(place, recommendations.last.map { String($0.number) }, "the row has \(cells.count) cells, more than the table's six columns; the words of the extra cells are kept in the target column")
            cells[5] += cells[6...].flatMap { $0 }
            return Array(cells.prefix(6))
        }
        if cells.count == 6 { return cells }
        let group = recommendations.last?.groups.last
        let aligner = RowAligner(textUnfinished: recommendations.last.map { RunningText.isUnfinished($0.text) } ?? false,
                                 responseUnfinished: group?.paragraphs.last.map { RunningText.isUnfinished($0.text) } ?? false,
                                 ownerUnfinished: group?.owners.last.map { OwnerSplitter.endsUnfinished($0.text) } ?? false)
        let columns = aligner.place(cells)
        let used = columns.indices.filter { !columns[$0].isEmpty }.map { String($0 + 1) }
        log.guess(place, recommendations.last.map { String($0.number) },
                  "the row has \(cells.count) of the six cells; its words read as columns \(used.joined(separator: ", "))",
                  alternative: "the cells read as the first columns, in order")
        return columns
    }

    /// A heading row: one cell of words in the first three columns and nothing else.
    func isHeading(_ row: SourceRow) -> Bool {
        let filled = (0..<6).filter { !row.isEmpty($0) }
        guard filled.count == 1, let column = filled.first, column < 3 else { return false }
        let text = row.text(column)
        if column == 0, NumberCell.parse(text) != nil { return false }
        // Words in the status column alone continue the status cell above (its reason).
        if column == 2, StatusWords.parse(text) != nil || !recommendations.isEmpty { return false }
        if !recommendations.isEmpty, RunningText.startsLowercase(text) { return false }
        return true
    }

    mutating func heading(_ row: SourceRow, log: inout RemarkLog) {
        guard let column = (0..<3).first(where: { !row.isEmpty($0) }) else { return }
        let text = row.text(column)
        if let section = SectionWords.section(text) {
            kind = section.kind
            theme = section.theme
            return
        }
        guard let words = HeadingWords.addressee(text) else {
            theme = text
            return
        }
        let split = HeadingWords.split(words, theme: theme, seen: addressees)
        if let newTheme = split.theme {
            theme = newTheme
            if let how = split.how {
                log.guess(row.place, nil, "\"\(text)\" read as the theme \"\(newTheme)\" and the addressee \"\(split.addressee)\" (\(how))",
                          alternative: "the whole line as the addressee, with no theme")
            }
        }
        addressee = split.addressee
        if !addressees.contains(split.addressee) { addressees.append(split.addressee) }
    }

    mutating func start(_ printed: Int, _ row: SourceRow, reference: String? = nil, log: inout RemarkLog) {
        var number = printed
        if let last = recommendations.last?.number, number <= last {
            let expected = last + 1
            if String(expected).hasSuffix(String(printed)) {
                log.guess(row.place, String(expected), "the row is numbered \(printed) after recommendation \(last); read as \(expected)",
                          alternative: "the number as printed")
                number = expected
            } else if recommendations.contains(where: { $0.number == number }) {
                log.guess(row.place, String(expected), "recommendation \(printed) appears twice; the second read as \(expected)")
                number = expected
            }
        }
        recommendations.append(SourceRecommendation(number: number, reference: reference, kind: kind, place: row.place, theme: theme,
                                                    addressee: addressee, text: row.text(1), status: row.columns[2]))
    }

    /// A row without a number: the recommendation's text or status continued after a page break.
    mutating func continueRecommendation(_ row: SourceRow, log: inout RemarkLog) {
        let d = recommendations.count - 1
        if !row.isEmpty(1) {
            let more = row.text(1)
            if recommendations[d].text.isEmpty {
                recommendations[d].text = more
            } else if RunningText.isUnfinished(recommendations[d].text) || RunningText.startsLowercase(more) {
                RunningText.join(&recommendations[d].text, more)
                log.guess(row.place, String(recommendations[d].number), "the recommendation's text continues the row above (split by a page break): joined to it",
                          alternative: "the text as a row of its own")
            } else {
                recommendations[d].text += "\n\n" + more
                log.guess(row.place, String(recommendations[d].number), "more text of the recommendation in a row without a number: added as a paragraph")
            }
        }
        recommendations[d].status += row.columns[2]
    }

    // MARK: Response, owner and target columns

    /// The response, owner and target cells of a row: a new row of the recommendation (an action
    /// row, an update row) or the rest of the row above after a page break.
    mutating func lines(_ row: SourceRow, log: inout RemarkLog) {
        let texts = row.columns[3].map { ResponseParagraph(text: $0.text, place: $0.place) }
        let owners = row.columns[4]
        let targets = row.columns[5]
        // No copy of the groups is held past this point: it would share the last cell's text,
        // and appending to a shared text copies all of it (quadratic over many rows).
        let lastGroup = recommendations[recommendations.count - 1].groups.last
        let hasGroups = lastGroup != nil
        let lastHasText = lastGroup.map { !$0.paragraphs.isEmpty } ?? false
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
            let paragraphs = (label.rest.isEmpty ? [] : [ResponseParagraph(text: label.rest, place: first.place)]) + texts.dropFirst()
            newGroup(.update(label.date, words: label.words), paragraphs, owners, targets, place: row.place)
        } else if let numbered = ActionID.source(first.text) {
            newGroup(.numbered(numbered.id), [ResponseParagraph(text: numbered.rest, place: first.place)] + texts.dropFirst(), owners, targets, place: row.place)
        } else if continuesAbove {
            appendText(texts, continuing: true)
            log.guess(row.place, String(recommendations[recommendations.count - 1].number), "the response text continues the row above (split by a page break): joined to it",
                      alternative: "the text as a paragraph of its own in the response")
            append(owners: owners, targets: targets, log: &log)
        } else if owners.isEmpty, targets.isEmpty, lastHasText {
            appendText(texts, continuing: false)
            log.guess(row.place, String(recommendations[recommendations.count - 1].number), "a row with text but no owner or target read as the rest of the row above",
                      alternative: "the text as a paragraph of its own in the response")
        } else {
            newGroup(.lines, texts, spanningOwners(owners, log: &log), targets, place: row.place)
        }
    }

    mutating func newGroup(_ kind: RowGroup.Kind, _ paragraphs: [ResponseParagraph], _ owners: [PlacedText], _ targets: [PlacedText], place: TableDocument.Place) {
        recommendations[recommendations.count - 1].groups.append(RowGroup(kind: kind, paragraphs: paragraphs, owners: owners, targets: targets, place: place))
    }

    /// Paragraphs added to the last group: the first joined to the paragraph above it (as the
    /// same sentence when it was cut mid-sentence, else as the next paragraph of the same cell).
    mutating func appendText(_ texts: [ResponseParagraph], continuing: Bool) {
        let d = recommendations.count - 1
        let g = recommendations[d].groups.count - 1
        var last = recommendations[d].groups[g].paragraphs.removeLast()
        guard continuing else {
            last.text += "\n\n" + texts.map(\.text).joined(separator: "\n\n")
            recommendations[d].groups[g].paragraphs.append(last)
            return
        }
        if RunningText.isUnfinished(last.text) && !last.isItem {
            RunningText.join(&last.text, texts[0].text)
        } else {
            last.text += "\n\n" + texts[0].text
        }
        recommendations[d].groups[g].paragraphs.append(last)
        recommendations[d].groups[g].paragraphs += texts.dropFirst()
    }

    /// A new row's owners; when the row above's owner stops short ("Competition Leads (...),")
    /// and this row's first owner completes it, the owner cell spans both rows: both get the
    /// whole owner.
    mutating func spanningOwners(_ owners: [PlacedText], log: inout RemarkLog) -> [PlacedText] {
        let d = recommendations.count - 1
        guard let g = recommendations[d].groups.indices.last, let previous = recommendations[d].groups[g].owners.last, let next = owners.first,
              OwnerSplitter.endsUnfinished(previous.text) || RunningText.startsLowercase(next.text) else { return owners }
        let joined = previous.text + " " + next.text
        recommendations[d].groups[g].owners[recommendations[d].groups[g].owners.count - 1].text = joined
        log.guess(next.place, String(recommendations[d].number), "the owner \"\(previous.text)\" of the row above runs on into this row (\"\(next.text)\"); \"\(joined)\" read as the owner of both rows",
                  alternative: "each row's owner read as written")
        var result = owners
        result[0].text = joined
        return result
    }

    /// The row's first paragraph continues the last paragraph above, cut by a page break: it opens
    /// in lower case, or the paragraph above stops mid-sentence and the row has one paragraph
    /// more than owners or targets (or none of them).
    func continues(_ first: String, _ group: RowGroup, texts: Int, owners: Int, targets: Int) -> Bool {
        guard let last = group.paragraphs.last else { return false }
        if RunningText.startsLowercase(first) { return true }
        if last.isItem || !RunningText.isUnfinished(last.text) { return false }
        return (owners == 0 && targets == 0) || texts == max(owners, targets) + 1
    }

    /// Owners and targets of a row continuing the group above.
    mutating func append(owners: [PlacedText], targets: [PlacedText], log: inout RemarkLog) {
        let d = recommendations.count - 1
        let g = recommendations[d].groups.count - 1
        let subject = String(recommendations[d].number)
        var owners = owners
        if let previous = recommendations[d].groups[g].owners.last, let next = owners.first, ownerContinues(previous.text, next.text) {
            recommendations[d].groups[g].owners[recommendations[d].groups[g].owners.count - 1].text = previous.text + " " + next.text
            owners.removeFirst()
            log.guess(next.place, subject, "the owner \"\(previous.text)\" continues in this row (\"\(next.text)\"): read as one owner",
                      alternative: "two owners, one per row")
        }
        recommendations[d].groups[g].owners += owners
        var targets = targets
        if let previous = recommendations[d].groups[g].targets.last, let next = targets.first,
           TargetCell.tokens(previous.text) == nil, TargetCell.tokens(next.text) == nil,
           next.text.hasPrefix("(") || RunningText.startsLowercase(next.text) {
            recommendations[d].groups[g].targets[recommendations[d].groups[g].targets.count - 1].text = previous.text + " " + next.text
            targets.removeFirst()
            log.guess(next.place, subject, "the target wording \"\(previous.text)\" continues in this row (\"\(next.text)\"): joined",
                      alternative: "the two rows' words read apart")
        }
        recommendations[d].groups[g].targets += targets
    }

    /// An owner cut by a page break: the part above stops at a comma or a joining word, the part
    /// below opens in lower case, or together they begin an owner the plan names elsewhere.
    func ownerContinues(_ previous: String, _ next: String) -> Bool {
        if OwnerSplitter.endsUnfinished(previous) || RunningText.startsLowercase(next) { return true }
        guard let word = next.split(separator: " ").first else { return false }
        let start = previous + " " + word
        return cellOwners.contains { $0 != previous && $0.hasPrefix(start) }
    }
}
