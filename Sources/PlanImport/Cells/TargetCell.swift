import PlanKit

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
    static func source(_ cell: [PlacedText], into action: inout Action, subject: String, log: inout RemarkLog) {
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
                    if dates.count > 1 { log.guess(place, subject, "the target cell names \(date) \(dates.count) times; read as one target",
                                                   alternative: "one action for each time the date is named") }
                }
                action.state = states.first ?? .planned
                if states.count > 1 { log.guess(place, subject, "the target cell says \"\(action.state.words)\" \(states.count) times; read as one state") }
                return
            }
            action.note = text
            action.state = ActionState.impliedBy(note: text) ?? .planned
            log.kept(place, subject, "the target cell \"\(text)\" names \(distinctDates.count) dates for one action; kept as the note, with no target",
                     alternative: "one action for each date, the text divided by a person")
            return
        }
        action.note = text
        action.state = ActionState.impliedBy(note: text) ?? .planned
        log.kept(place, subject, "the target cell \"\(text)\" is not a date; kept as the note (state \(action.state.rawValue))",
                 alternative: "the words read as a target or state by a person")
        if let (deadline, words) = deadline(in: text) {
            action.target = deadline
            log.guess(place, subject, "target \(deadline) read from \"by \(words)\" in the note",
                      alternative: "no target: the words in the note alone")
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
