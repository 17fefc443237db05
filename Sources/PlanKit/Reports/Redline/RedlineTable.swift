/// The rows of a redline's table in order, for every redline format: version B's theme and
/// addressee rows and recommendations, each paired with what it was in A, and A's removed
/// recommendations where their number stood, under A's theme and addressee rows (removed too)
/// where those differ from the rows they come under in B.
enum RedlineTable {
    enum Item {
        /// A theme row; `removedWith` the number of the removed recommendation it stood above,
        /// for a row only A has.
        case theme(String, removedWith: Int? = nil)
        case addressee(String, removedWith: Int? = nil)
        /// A recommendation and the anchor of its first row ("rec-5", or "removed-rec-3").
        case recommendation(RedlineRecommendation, anchor: String)
    }

    static func items(old: Plan?, new: Plan, changes: [Change]) -> [Item] {
        let doc = OfficialDocument(new)
        let paired = RedlinePairing.recommendations(old: old, new: new, changes: changes)
        var gone = RedlinePairing.removed(old: old, new: new, changes: changes).sorted { $0.number < $1.number }[...]
        var items: [Item] = []
        var theme: String?, addressee: String?
        func removedUpTo(_ number: Int) {
            while let next = gone.first, next.number <= number {
                let themeChanged = next.theme != nil && next.theme != theme
                if themeChanged, let t = next.theme { items.append(.theme(t, removedWith: next.number)) }
                let line = OfficialDocument.addresseeLine(next.addressee)
                if themeChanged || line != addressee { items.append(.addressee(line, removedWith: next.number)) }
                items.append(.recommendation(RedlineRecommendation(whole: next, mark: .removed), anchor: "removed-rec-\(next.number)"))
                gone = gone.dropFirst()
            }
        }
        for row in doc.rows {
            switch row {
            case .theme(let text):
                items.append(.theme(text))
                theme = text
            case .addressee(let text):
                items.append(.addressee(text))
                addressee = text
            case .recommendation(let rec):
                removedUpTo(rec.number)
                if let redline = paired[rec.number] { items.append(.recommendation(redline, anchor: "rec-\(rec.number)")) }
            }
        }
        removedUpTo(Int.max)
        return items
    }
}
