import PlanKit

/// Turns one recommendation of a real plan, as its rows were read, into a recommendation: the
/// status cell, the response, the actions (one per row, or one per paragraph when a row's cells
/// hold paragraphs side by side) and the updates (given to the actions above them).
struct RecommendationBuilder {
    let source: SourceRecommendation
    let splitter: OwnerSplitter
    var status = Status.agreed
    var reason: Reason?
    var implementedPart: String?
    var response: [String] = []
    var actions: [Action] = []
    /// Actions made since the last update row, and the actions the last update row covered.
    var pending: [Int] = []
    var lastUpdated: [Int] = []

    init(source: SourceRecommendation, splitter: OwnerSplitter) {
        self.source = source
        self.splitter = splitter
    }

    var subject: String { String(source.number) }

    mutating func build(log: inout RemarkLog) -> Recommendation {
        let statusReason = readStatus(log: &log)
        var groups = source.groups
        if status != .agreed { readReason(&groups, statusReason: statusReason, log: &log) }
        for (index, group) in groups.enumerated() {
            switch group.kind {
            case .update(let date, let words):
                update(group, date: date, words: words, log: &log)
            case .numbered(let id):
                actions.append(action(id: id, text: RunningText.joinParagraphs(group.paragraphs), owners: group.owners,
                                      targets: group.targets, place: group.place, log: &log))
                pending.append(actions.count - 1)
            case .lines:
                if group.owners.isEmpty, group.targets.isEmpty {
                    response.append(fixHyphens(RunningText.joinParagraphs(group.paragraphs), place: group.place, log: &log))
                    if index > 0 { log.kept(group.place, subject, "text with no owner or target kept in the response") }
                } else {
                    lines(group, log: &log)
                }
            }
        }
        let text = fixHyphens(source.text, place: source.place, log: &log)
        return Recommendation(number: source.number, addressee: source.addressee ?? "", theme: source.theme, text: text,
                              status: status, implementedPart: implementedPart, reason: reason,
                              response: response.isEmpty ? nil : response.joined(separator: "\n\n"), actions: actions,
                              kind: source.kind, reference: source.reference)
    }

    // MARK: Status

    /// The status, and the words after it in the status cell when they are a reason.
    mutating func readStatus(log: inout RemarkLog) -> PlacedText? {
        guard let first = source.status.first else {
            log.missing(source.place, subject, "no status (Agreed, Partly Agreed, Not Agreed); Agreed assumed")
            return nil
        }
        var extra: [PlacedText] = Array(source.status.dropFirst())
        if let (parsed, rest) = StatusWords.parse(first.text) {
            status = parsed
            if !rest.isEmpty { extra.insert(PlacedText(text: rest, place: first.place), at: 0) }
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
        return reasonWords.isEmpty ? nil : PlacedText(text: reasonWords.joined(separator: "\n\n"), place: first.place)
    }

    // MARK: Actions

    func nextID() -> String {
        var n = actions.count + 1
        while actions.contains(where: { $0.id == "\(source.number).\(n)" }) { n += 1 }
        return "\(source.number).\(n)"
    }

    func action(id: String, text: String, owners: [PlacedText], targets: [PlacedText], place: TableDocument.Place,
                log: inout RemarkLog) -> Action {
        var action = Action(id: id, text: fixHyphens(text, place: place, log: &log, subject: id))
        action.owners = split(owners, subject: id, log: &log)
        TargetCell.source(targets, into: &action, subject: id, log: &log)
        return action
    }

    /// Owner paragraphs split into owners, each split remarked.
    func split(_ owners: [PlacedText], subject: String, log: inout RemarkLog) -> [String] {
        var result: [String] = []
        for owner in owners {
            let (parts, how) = splitter.split(owner.text)
            if let how, parts.count > 1 {
                log.guess(owner.place, subject, "the owner cell \"\(owner.text)\" read as \(parts.count) owners (split \(how)): \(parts.map { "\"\($0)\"" }.joined(separator: ", "))",
                          alternative: "one owner: the cell as written")
            }
            for part in parts where !result.contains(part) { result.append(part) }
        }
        return result
    }

    func fixHyphens(_ text: String, place: TableDocument.Place, log: inout RemarkLog, subject: String? = nil) -> String {
        let (fixed, joined) = RunningText.joinWrappedHyphens(text)
        if !joined.isEmpty {
            log.guess(place, subject ?? self.subject, "words broken at a line's end joined: \(joined.map { "\"\($0)\"" }.joined(separator: ", "))",
                      alternative: "the hyphens and line breaks kept as written")
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
            let text = RunningText.joinParagraphs(group.paragraphs)
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
           let parts = TextApportioner.split(group.paragraphs, among: covered.map { actions[$0].text }) {
            log.guess(group.place, subject, "the update covers the \(k) actions above (\(covered.map { actions[$0].id }.joined(separator: ", "))); its text split among them where its words match each action's",
                      alternative: "the whole update given to the last action above")
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
        var update = Update(date: date, text: fixHyphens(RunningText.joinParagraphs(group.paragraphs), place: group.place, log: &log))
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
}
