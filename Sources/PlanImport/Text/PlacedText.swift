import PlanKit

/// Text with the place it came from.
struct PlacedText: Hashable {
    var text: String
    var place: TableDocument.Place
}
