import PlanKit

/// The remarks of one import, in the order they were made.
struct RemarkLog {
    var remarks: [ImportRemark] = []

    /// The remarks by line and column when the places are lines of a text; as made otherwise.
    var inSourceOrder: [ImportRemark] {
        guard remarks.allSatisfy({ $0.place.label == nil }) else { return remarks }
        return remarks.enumerated().sorted {
            ($0.element.place.line, $0.element.place.column, $0.offset) < ($1.element.place.line, $1.element.place.column, $1.offset)
        }.map(\.element)
    }

    mutating func guess(_ place: TableDocument.Place, _ subject: String?, _ message: String, alternative: String? = nil) {
        remarks.append(ImportRemark(.guess, at: place, subject: subject, message, alternative: alternative))
    }

    mutating func kept(_ place: TableDocument.Place, _ subject: String?, _ message: String, alternative: String? = nil) {
        remarks.append(ImportRemark(.kept, at: place, subject: subject, message, alternative: alternative))
    }

    mutating func missing(_ place: TableDocument.Place, _ subject: String?, _ message: String, alternative: String? = nil) {
        remarks.append(ImportRemark(.missing, at: place, subject: subject, message, alternative: alternative))
    }
}
