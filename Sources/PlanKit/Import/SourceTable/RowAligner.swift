/// A row of a real plan laid out on the six columns.
struct SourceRow {
    var slots: [[Located]]
    var place: TableDocument.Place

    func text(_ slot: Int) -> String { slots[slot].map(\.text).joined(separator: " ") }
    func isEmpty(_ slot: Int) -> Bool { slots[slot].isEmpty }
}

/// Places the cells of a row that has fewer than six (Word drops a row's leading empty cells
/// after a page break) on the columns they fit best: dates in the target column, a continued
/// sentence in the column whose text stops mid-sentence, owners in the owner column.
struct RowAligner {
    /// The current recommendation's text, response text and owner stop mid-sentence.
    var textUnfinished: Bool
    var responseUnfinished: Bool
    var ownerUnfinished: Bool

    func place(_ cells: [[Located]]) -> [[Located]] {
        let k = cells.count
        var best: [Int] = Array((6 - k)..<6)
        var bestScore = -Double.infinity
        for placement in Self.placements(k) {
            var score = 0.0
            for (cell, slot) in zip(cells, placement) {
                for paragraph in cell { score += fit(paragraph.text, slot) }
            }
            score += Double(placement.reduce(0, +)) * 0.01
            if score > bestScore {
                bestScore = score
                best = placement
            }
        }
        var slots = Array(repeating: [Located](), count: 6)
        for (cell, slot) in zip(cells, best) { slots[slot] = cell }
        return slots
    }

    func fit(_ text: String, _ slot: Int) -> Double {
        let isTarget = TargetCell.tokens(text) != nil
        let prose = text.split(separator: " ").count > 12
        let lower = Prose.startsLowercase(text)
        switch slot {
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
            for slot in from..<6 { extend(current + [slot], from: slot + 1) }
        }
        extend([], from: 0)
        return result
    }
}
