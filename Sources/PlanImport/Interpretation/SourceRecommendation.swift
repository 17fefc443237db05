import PlanKit

/// One recommendation of a real plan as read, before its rows become actions.
struct SourceRecommendation {
    var number: Int
    /// The report's own reference ("S41") and the kind its section row gave.
    var reference: String? = nil
    var kind: RecommendationKind = .recommendation
    var place: TableDocument.Place
    var theme: String?
    var addressee: String?
    var text: String
    var status: [PlacedText]
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
    var paragraphs: [ResponseParagraph]
    var owners: [PlacedText]
    var targets: [PlacedText]
    var place: TableDocument.Place
}
