import PlanKit

/// The reason of a partly or not agreed recommendation: taken out of the response rows wherever
/// it stands, so that it never becomes an action.
extension RecommendationBuilder {
    /// Reads the reason (and, when partly agreed, the part to be implemented) out of the
    /// response rows. A not agreed response is all reason: its rows make no action, and words in
    /// their owner and target cells are kept in the response. A reason whose category the words
    /// do not name is recorded without one, with a remark: no category is assumed.
    mutating func readReason(_ groups: inout [RowGroup], statusReason: PlacedText?, log: inout RemarkLog) {
        var why: [String] = statusReason.map { [$0.text] } ?? []
        var implemented: [String] = implementedPart.map { [$0] } ?? []
        var place = statusReason?.place
        var kept: [RowGroup] = []
        for group in groups {
            guard group.kind == .lines else {
                kept.append(group)
                continue
            }
            let reading = ReasonReader.read(group.paragraphs, status: status)
            if !reading.why.isEmpty, place == nil { place = group.place }
            why += reading.why
            implemented += reading.implemented
            for sentence in reading.restated {
                log.guess(group.place, subject, "\"\(sentence)\" only restates the status: left out of the reason and the actions",
                          alternative: "the sentence kept at the start of the reason")
            }
            var rest = group
            rest.paragraphs = reading.rest
            let hasCells = !group.owners.isEmpty || !group.targets.isEmpty
            if status == .partlyAgreed, rest.paragraphs.isEmpty, hasCells, !reading.implemented.isEmpty {
                rest.paragraphs = [ResponseParagraph(text: reading.implemented.joined(separator: " "), place: group.place)]
                log.guess(group.place, subject, "the part to be implemented is all the row says beside its owner and target: also read as the action",
                          alternative: "no action: the owner and target kept in the response")
            }
            if status == .notAgreed || rest.paragraphs.isEmpty {
                keepCells(of: group, log: &log)
            } else {
                kept.append(rest)
            }
        }
        groups = kept
        // A status cell that only names the category ("Partly Agreed (policy)") gives the
        // category; the response's sentences give the explanation.
        var named: [ReasonCategory] = []
        if let statusReason, ReasonReader.onlyNamesCategories(statusReason.text), why.count > 1 {
            named = ReasonReader.categories(statusReason.text)
            why.removeFirst()
            log.guess(statusReason.place, subject, "the status cell names the category (\"\(statusReason.text)\"); the response's sentences are the reason's text",
                      alternative: "the status cell's words at the start of the reason's text")
        }
        if status == .partlyAgreed, !implemented.isEmpty {
            let fromStatusCell = implementedPart == nil ? 0 : 1
            implementedPart = implemented.joined(separator: "\n\n")
            if implemented.count > fromStatusCell {
                log.guess(place ?? source.place, subject, "the part to be implemented read from the response: \"\(RunningText.excerpt(implementedPart ?? ""))\"",
                          alternative: "the sentences as part of the actions")
            }
        }
        setReason(why, named: named, place: place ?? source.place, log: &log)
    }

    mutating func setReason(_ paragraphs: [String], named: [ReasonCategory], place: TableDocument.Place, log: inout RemarkLog) {
        let statusWords = status == .partlyAgreed ? "partly agreed" : "not agreed"
        guard !paragraphs.isEmpty else {
            log.missing(place, subject, "the recommendation is \(statusWords) but no sentence of the response says why: no reason recorded")
            return
        }
        let text = paragraphs.joined(separator: "\n\n")
        let inParentheses = RunningText.sentences(text).flatMap(ReasonReader.parenthesised)
        var categories = named
        for category in inParentheses where !categories.contains(category) { categories.append(category) }
        if categories.isEmpty { categories = ReasonReader.categories(text) }
        guard !categories.isEmpty else {
            reason = Reason(categories: [], text: text)
            log.missing(place, subject, "the reason names none of the categories (commissioning, policy, operational, affordability): its words are the reason's text and no category is assumed; lint asks for one",
                        alternative: "a reason with the category a person judges from its words")
            return
        }
        let names = categories.map(\.rawValue).joined(separator: ", ")
        log.guess(place, subject, "the reason read as \(names) from \(!named.isEmpty ? "the status cell" : inParentheses.isEmpty ? "its words" : "the words in parentheses"): \"\(RunningText.excerpt(text))\"",
                  alternative: "the sentences as part of the response or the actions")
        reason = Reason(categories: categories, text: text)
    }

    /// The owner and target cells of a row that makes no action, kept in the response.
    mutating func keepCells(of group: RowGroup, log: inout RemarkLog) {
        let owners = group.owners.map(\.text).joined(separator: "; ")
        let targets = group.targets.map(\.text).joined(separator: " ")
        var words: [String] = []
        if !owners.isEmpty { words.append("Owner: \(owners)") }
        if !targets.isEmpty { words.append("Target: \(targets)") }
        guard !words.isEmpty else { return }
        response.append(words.joined(separator: "\n\n"))
        log.kept(group.place, subject, "the row is all reason, so it makes no action; its owner and target cells are kept in the response",
                 alternative: "an action with this owner and target")
    }
}
