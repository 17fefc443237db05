import PlanKit

/// Where the title block, the plan table and the summary are in a document.
struct DocumentLayout {
    /// Paragraphs and tables before the plan table.
    var front: [TableDocument.Block] = []
    /// The plan table's rows after its header, joined across page breaks.
    var planRows: [TableDocument.Row] = []
    var summaryRows: [TableDocument.Row] = []
    var summaryCaption: PlacedText?
    /// Words after the plan table that are not its summary.
    var unplacedAfter: [PlacedText] = []
    /// The document is plantool's own layout (its title line says so).
    var official = false
    var headerPlace = TableDocument.Place(line: 1)
    /// The plan table's header row: its status column names the plan's words.
    var header: TableDocument.Row?
    var firstPlace = TableDocument.Place(line: 1)

    init(_ document: TableDocument) throws(ImportError) {
        let blocks = document.blocks
        guard let firstBlock = blocks.first else {
            throw ImportError("the document is empty: there is no plan to read", at: TableDocument.Place(line: 1))
        }
        firstPlace = Self.place(of: firstBlock)
        guard let (blockIndex, rowIndex) = try Self.findHeader(blocks) else {
            if let firstTable = blocks.first(where: { if case .table = $0 { true } else { false } }) {
                throw ImportError("no plan table found: no table has the template's header row (\"1. Rec No\", \"2. Recommendation\" ... \"6. Target Date\")",
                                  at: Self.place(of: firstTable))
            }
            throw ImportError("no plan table found: the document has no table", at: Self.place(of: blocks[blocks.count - 1]))
        }
        guard case .table(let table) = blocks[blockIndex] else { return }
        headerPlace = table.rows[rowIndex].place
        header = table.rows[rowIndex]
        front = Array(blocks[..<blockIndex])
        if rowIndex > 0 { front.append(.table(TableDocument.Table(rows: Array(table.rows[..<rowIndex])))) }
        official = front.contains { block in
            if case .paragraph(let text, _) = block { return TitleBlock.officialResponse(text) != nil }
            return false
        }
        var rows = Array(table.rows[(rowIndex + 1)...])
        let after = Self.continuation(of: &rows, in: blocks[(blockIndex + 1)...])
        let cut = SummaryReader.tailStart(rows)
        summaryRows = Array(rows[cut...])
        planRows = Array(rows[..<cut])
        guard planRows.contains(where: { row in
            guard let first = row.cells.first, !first.continuesAbove else { return false }
            return NumberCell.parse(first.text) != nil
        }) else {
            throw ImportError("the plan table holds no recommendation: no row has a number in its first column", at: headerPlace)
        }
        readTail(after)
    }

    /// Adds to `rows` the parts of the plan table that follow page breaks (tables after
    /// repeated headings and blank lines), and returns the blocks after the plan table.
    static func continuation(of rows: inout [TableDocument.Row], in blocks: ArraySlice<TableDocument.Block>) -> [TableDocument.Block] {
        var between: [PlacedText] = []
        var index = blocks.startIndex
        while index < blocks.endIndex {
            let block = blocks[index]
            index += 1
            switch block {
            case .paragraph(let text, let place):
                let trimmed = text.trimmingSpaces
                if trimmed.isEmpty || TitleBlock.heading(trimmed) != nil { continue }
                between.append(PlacedText(text: trimmed, place: place))
            case .table(let next):
                // A summary may close the last part of the plan table (Word keeps the two in one
                // table when only a blank line is between them).
                let cut = SummaryReader.tailStart(next.rows)
                if cut == 0 || TitleBlock.isTermsTable(next.rows) {
                    return between.map { .paragraph($0.text, at: $0.place) } + [block] + Array(blocks[index...])
                }
                // Words between two parts of the plan table (a page's stray line) are kept as
                // text of the row above.
                rows += between.map(textRow)
                between = []
                rows += next.rows[..<cut]
                if cut < next.rows.count {
                    return [.table(TableDocument.Table(rows: Array(next.rows[cut...])))] + Array(blocks[index...])
                }
            }
        }
        return between.map { .paragraph($0.text, at: $0.place) }
    }

    /// What follows the plan table: the summary's caption and table; anything else is kept.
    mutating func readTail(_ blocks: [TableDocument.Block]) {
        for block in blocks {
            switch block {
            case .paragraph(let text, let place):
                let trimmed = text.trimmingSpaces
                if trimmed.isEmpty { continue }
                if trimmed.lowercased().hasPrefix(OfficialDocument.summaryCaption.lowercased()) {
                    summaryCaption = PlacedText(text: trimmed, place: place)
                } else {
                    unplacedAfter.append(PlacedText(text: trimmed, place: place))
                }
            case .table(let next):
                if SummaryReader.looksLikeSummary(next.rows) {
                    summaryRows += next.rows
                } else {
                    unplacedAfter += TableWords.words(next.rows)
                }
            }
        }
    }

    /// A row holding a stray paragraph in the response column.
    static func textRow(_ text: PlacedText) -> TableDocument.Row {
        var cells = Array(repeating: TableDocument.Cell(paragraphs: []), count: 6)
        cells[3] = TableDocument.Cell(paragraphs: [text.text])
        return TableDocument.Row(cells: cells, place: text.place)
    }

    static func place(of block: TableDocument.Block) -> TableDocument.Place {
        switch block {
        case .paragraph(_, let place): place
        case .table(let table): table.rows.first?.place ?? TableDocument.Place(line: 1)
        }
    }

    /// The block and row of the plan table's header. A header with other than six columns is an
    /// error: the plan cannot be read column by column.
    static func findHeader(_ blocks: [TableDocument.Block]) throws(ImportError) -> (Int, Int)? {
        for (b, block) in blocks.enumerated() {
            guard case .table(let table) = block else { continue }
            for (r, row) in table.rows.enumerated() where isHeader(row) {
                let columns = row.cells.reduce(0) { $0 + max(1, $1.span) }
                let used = row.cells.lastIndex { !$0.isEmpty }.map { i in
                    row.cells[...i].reduce(0) { $0 + max(1, $1.span) }
                } ?? 0
                if used != 6 && columns != 6 {
                    throw ImportError("the plan table has \(used) columns; the template's table has six (\(OfficialDocument.columns.joined(separator: ", ")))",
                                      at: row.place)
                }
                return (b, r)
            }
        }
        return nil
    }

    /// The template's header row: cells numbered "1. Rec No", "2. Recommendation" ...
    static func isHeader(_ row: TableDocument.Row) -> Bool {
        let texts = row.cells.map { $0.text.trimmingSpaces.lowercased() }
        if Array(texts.prefix(6)) == OfficialDocument.columns.map({ $0.lowercased() }) { return true }
        let numbered = texts.enumerated().filter { i, text in text.hasPrefix("\(i + 1).") || text.hasPrefix("\(i + 1) ") }.count
        let named = (texts.first?.contains("rec") ?? false) && texts.dropFirst().contains { $0.contains("target") || $0.contains("owner") }
        return (numbered >= 3 && named) || HeaderRow.isHeader(row)
    }
}

/// The words of a table that has no place in the plan, row by row.
enum TableWords {
    static func words(_ rows: [TableDocument.Row]) -> [PlacedText] {
        rows.compactMap { row in
            let words = row.cells.map { $0.paragraphs.map { ImportText.collapse($0) }.filter { !$0.isEmpty }.joined(separator: " ") }
                .filter { !$0.isEmpty }.joined(separator: " | ")
            return words.isEmpty ? nil : PlacedText(text: words, place: row.place)
        }
    }
}
