/// The rows of a redline's table in order, for every redline format: version B's theme and
/// addressee rows and recommendations, each paired with what it was in A, and A's removed
/// recommendations where their number stood. A theme or addressee row only B has is added;
/// one only A has is removed, where it stood above a recommendation (its file holds it).
enum RedlineTable {
    /// A theme row ("Leadership") or an addressee row ("… should:").
    struct Heading {
        enum Kind { case theme, addressee }
        enum Mark { case kept, added, removed }
        var kind: Kind
        var text: String
        var mark: Mark
        /// The recommendation below the row, whose file names the theme and the addressee.
        var recommendation: Int
    }

    enum Item {
        case heading(Heading)
        /// A recommendation and the anchor of its first row ("rec-5", or "removed-rec-3").
        case recommendation(RedlineRecommendation, anchor: String)
    }

    static func items(old: Plan?, new: Plan, changes: [Change]) -> [Item] {
        let doc = OfficialDocument(new), before = old.map(OfficialDocument.init)
        let paired = RedlinePairing.recommendations(old: old, new: new, changes: changes)
        var gone = RedlinePairing.removed(old: old, new: new, changes: changes).sorted { $0.number < $1.number }[...]
        let oldHeadings = before.map(headings) ?? [:], newHeadings = headings(doc)
        let oldTexts = Set(oldHeadings.values.flatMap { $0.map(\.text) }), newTexts = Set(newHeadings.values.flatMap { $0.map(\.text) })
        var items: [Item] = []
        /// A's rows above its recommendation `number` that B has nowhere, removed.
        func removedHeadings(above number: Int) {
            for heading in oldHeadings[number] ?? [] where !newTexts.contains(heading.text) {
                items.append(.heading(Heading(kind: heading.kind, text: heading.text, mark: .removed, recommendation: number)))
            }
        }
        func removedUpTo(_ number: Int) {
            while let next = gone.first, next.number <= number {
                removedHeadings(above: next.number)
                items.append(.recommendation(RedlineRecommendation(whole: next, mark: .removed, words: new.info.vocabulary), anchor: "removed-rec-\(next.number)"))
                gone = gone.dropFirst()
            }
        }
        for number in numbers(doc) {
            removedUpTo(number)
            let oldNumber = paired[number]?.old?.number ?? number
            if paired[number]?.old != nil { removedHeadings(above: oldNumber) }
            for heading in newHeadings[number] ?? [] {
                items.append(.heading(Heading(kind: heading.kind, text: heading.text,
                                              mark: oldTexts.contains(heading.text) ? .kept : .added, recommendation: number)))
            }
            if let redline = paired[number] { items.append(.recommendation(redline, anchor: "rec-\(number)")) }
        }
        removedUpTo(Int.max)
        return items
    }

    /// The theme and addressee rows above each recommendation of a layout, by its number.
    static func headings(_ doc: OfficialDocument) -> [Int: [(kind: Heading.Kind, text: String)]] {
        var result: [Int: [(kind: Heading.Kind, text: String)]] = [:]
        var pending: [(kind: Heading.Kind, text: String)] = []
        for row in doc.rows {
            switch row {
            case .theme(let text): pending.append((.theme, text))
            case .addressee(let text): pending.append((.addressee, text))
            case .recommendation(let rec):
                result[rec.number] = pending
                pending = []
            }
        }
        return result
    }

    static func numbers(_ doc: OfficialDocument) -> [Int] {
        doc.rows.compactMap { if case .recommendation(let rec) = $0 { rec.number } else { nil } }
    }
}
