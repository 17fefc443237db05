import PlanKit

/// A row of a real plan laid out on the six columns.
struct SourceRow {
    var columns: [[PlacedText]]
    var place: TableDocument.Place

    func text(_ column: Int) -> String { columns[column].map(\.text).joined(separator: " ") }
    func isEmpty(_ column: Int) -> Bool { columns[column].isEmpty }
}

/// Places the cells of a row that has fewer than six (Word drops a row's leading empty cells
/// after a page break) on the columns they fit best: dates in the target column, a continued
/// sentence in the column whose text stops mid-sentence, owners in the owner column.
struct RowAligner {
    /// The current recommendation's text, response text and owner stop mid-sentence.
    var textUnfinished: Bool
    var responseUnfinished: Bool
    var ownerUnfinished: Bool

    func place(_ cells: [[PlacedText]]) -> [[PlacedText]] {
        let k = cells.count
        var best: [Int] = Array((6 - k)..<6)
        var bestScore = -Double.infinity
        for placement in Self.placements(k) {
            var score = 0.0
            for (cell, column) in zip(cells, placement) {
                for paragraph in cell { score += fit(paragraph.text, column) }
            }
            score += Double(placement.reduce(0, +)) * 0.01
            if score > bestScore {
                bestScore = score
                best = placement
            }
        }
        var columns = Array(repeating: [PlacedText](), count: 6)
        for (cell, column) in zip(cells, best) { columns[column] = cell }
        return columns
    }

    func fit(_ text: String, _ column: Int) -> Double {
        let isTarget = TargetCell.tokens(text) != nil
        let prose = text.split(separator: " ").count > 12
        let lower = RunningText.startsLowercase(text)
        switch column {
        case 0: return Int.digitsOnly(text.trimmingSpaces) != nil ? 2 : -100
        case 1: return lower && textUnfinished ? 2 : -2
        case 2: return StatusWords.parse(text) != nil ? 2 : -2
        case 3:
            if isTarget { return -3 }
            if lower { return responseUnfinished ? 2 : -1 }
            return prose ? 1 : 0
        case 4:
            if isTarget || prose { return -3 }
            if lower && !ownerUnfinished { return -2 }
            return OwnerSplitter.hasRole(text) ? 1 : 0
        default:
            if isTarget { return 3 }
            return prose ? -3 : -1
        }
    }

    /// Every increasing choice of `k` of the six columns.
    static func placements(_ k: Int) -> [[Int]] {
        var result: [[Int]] = []
        func extend(_ current: [Int], from: Int) {
            if current.count == k {
                result.append(current)
                return
            }
            guard from < 6 else { return }
            for column in from..<6 { extend(current + [column], from: column + 1) }
        }
        extend([], from: 0)
        return result
    }
}
