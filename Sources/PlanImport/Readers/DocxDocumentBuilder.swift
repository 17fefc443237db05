import PlanKit

/// The document part's XML namespaces, and the builder that turns its events into blocks.
extension DocxReader {
    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  // transitional
        "http://purl.oclc.org/ooxml/wordprocessingml/main",              // strict
    ]
    static let mathNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://purl.oclc.org/ooxml/officeDocument/math",
    ]
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    /// Builds the blocks from the document's events.
    struct Builder {
        var blocks: [TableDocument.Block] = []
        /// Elements opened and not yet closed, and whether there was any.
        var openElements = 0
        var sawRoot = false

        private var inBody = false
        /// Depth inside an element whose content is ignored (0: none).
        private var skipDepth = 0
        private var tableDepth = 0
        private var runDepth = 0
        private var inText = false
        /// Open paragraphs' text (a stack, though paragraphs do not nest outside text boxes).
        private var paragraphs: [String] = []
        /// What the open paragraphs' properties say: a list item, written back "- …"; a
        /// paragraph plantool's export separated by a blank line (its style stands for it).
        private var paragraphMarks: [(item: Bool, afterBlankLine: Bool)] = []
        private var paragraphCount = 0
        private var tableCount = 0

        // The top-level table being read.
        private var rows: [TableDocument.Row] = []
        private var cells: [TableDocument.Cell] = []
        private var gridBefore = 0
        private var cell = CellState()
        /// Per nested table level (depth 2 and more): whether its current cell continues above.
        private var nestedContinues: [Bool] = []

        private struct CellState {
            var paragraphs: [String] = []
            var span = 1
            var continuesAbove = false
            var mergedLeft = false
        }

        private func isWord(_ ns: String?) -> Bool { ns.map { DocxReader.wordNamespaces.contains($0) } ?? false }

        private mutating func appendText(_ text: String) {
            guard !paragraphs.isEmpty else { return }
            paragraphs[paragraphs.count - 1] += text
        }

        /// An element starts; `attributes` by local name, whatever their prefix.
        mutating func start(_ name: String, _ ns: String?, _ attributes: [String: String]) {
            openElements += 1
            sawRoot = true
            if skipDepth > 0 {
                skipDepth += 1
                return
            }
            if ns == DocxReader.markupCompatibility, name == "Fallback" {
                skipDepth = 1
                return
            }
            if DocxReader.mathNamespaces.contains(ns ?? ""), name == "t" {
                inText = true
                return
            }
            guard isWord(ns) else { return }
            if !inBody {
                if name == "body" { inBody = true }
                return
            }
            switch name {
            case "del", "moveFrom", "txbxContent", "instrText", "delText", "delInstrText":
                skipDepth = 1
            case "p":
                paragraphs.append("")
                paragraphMarks.append((false, false))
            case "numId":
                if !paragraphMarks.isEmpty, runDepth == 0, (attributes["val"] ?? "0") != "0" { paragraphMarks[paragraphMarks.count - 1].item = true }
            case "pStyle":
                if !paragraphMarks.isEmpty, attributes["val"] == DocxWriter.afterBlankLineStyle {
                    paragraphMarks[paragraphMarks.count - 1].afterBlankLine = true
                }
            case "r":
                runDepth += 1
            case "t":
                inText = true
            case "tab", "ptab":
                if runDepth > 0 { appendText("\t") }
            case "br":
                let type = attributes["type"] ?? "textWrapping"
                if runDepth > 0, type == "textWrapping" { appendText("\n") }
            case "cr":
                if runDepth > 0 { appendText("\n") }
            case "noBreakHyphen":
                if runDepth > 0 { appendText("\u{2011}") }
            case "tbl":
                tableDepth += 1
                if tableDepth == 1 {
                    rows = []
                } else {
                    nestedContinues.append(false)
                }
            case "tr":
                if tableDepth == 1 {
                    cells = []
                    gridBefore = 0
                }
            case "gridBefore":
                if tableDepth == 1 { gridBefore = max(0, Int(attributes["val"] ?? "") ?? 0) }
            case "tc":
                if tableDepth == 1 {
                    cell = CellState()
                } else if tableDepth > 1 {
                    nestedContinues[nestedContinues.count - 1] = false
                }
            case "gridSpan":
                if tableDepth == 1 { cell.span = max(1, Int(attributes["val"] ?? "") ?? 1) }
            case "vMerge":
                let continues = (attributes["val"] ?? "continue") != "restart"
                if tableDepth == 1 {
                    cell.continuesAbove = continues
                } else if tableDepth > 1 {
                    nestedContinues[nestedContinues.count - 1] = continues
                }
            case "hMerge":
                if tableDepth == 1 { cell.mergedLeft = (attributes["val"] ?? "continue") != "restart" }
            default:
                break
            }
        }

        mutating func end(_ name: String, _ ns: String?) {
            openElements -= 1
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            if DocxReader.mathNamespaces.contains(ns ?? ""), name == "t" {
                inText = false
                return
            }
            guard isWord(ns), inBody else { return }
            switch name {
            case "body":
                inBody = false
            case "t":
                inText = false
            case "r":
                runDepth = max(0, runDepth - 1)
            case "p":
                guard let text = paragraphs.popLast() else { return }
                let marks = paragraphMarks.popLast() ?? (false, false)
                if marks.afterBlankLine, paragraphs.isEmpty { endParagraph("") }
                endParagraph(marks.item ? OfficialDocument.listItemPrefix + text : text)
            case "tc":
                if tableDepth == 1 { endCell() }
            case "tr":
                if tableDepth == 1 {
                    if gridBefore > 0 { cells.insert(TableDocument.Cell(paragraphs: [], span: gridBefore), at: 0) }
                    let index = rows.count + 1
                    rows.append(TableDocument.Row(cells: cells, place: .init(line: index, label: "table \(tableCount + 1), row \(index)")))
                    cells = []
                }
            case "tbl":
                if tableDepth == 1 {
                    tableCount += 1
                    blocks.append(.table(TableDocument.Table(rows: rows)))
                    rows = []
                } else if tableDepth > 1 {
                    nestedContinues.removeLast()
                }
                tableDepth = max(0, tableDepth - 1)
            default:
                break
            }
        }

        private mutating func endParagraph(_ text: String) {
            guard paragraphs.isEmpty else {
                // A paragraph inside another (a text box not marked as one): its text joins the outer.
                appendText(text)
                return
            }
            if tableDepth == 0 {
                paragraphCount += 1
                blocks.append(.paragraph(text, at: .init(line: paragraphCount, label: "paragraph \(paragraphCount)")))
            } else if tableDepth == 1 {
                cell.paragraphs.append(text)
            } else if !text.isEmpty, nestedContinues.last != true {
                cell.paragraphs.append(text)
            }
        }

        private mutating func endCell() {
            var paragraphs = cell.paragraphs
            if paragraphs == [""] || (cell.continuesAbove && paragraphs.allSatisfy(\.isEmpty)) {
                paragraphs = []
            }
            if cell.mergedLeft, !cells.isEmpty {
                cells[cells.count - 1].span += cell.span
                cells[cells.count - 1].paragraphs += paragraphs.filter { !$0.isEmpty }
            } else {
                cells.append(TableDocument.Cell(paragraphs: paragraphs, continuesAbove: cell.continuesAbove, span: cell.span))
            }
            cell = CellState()
        }

        /// Text, whitespace and CDATA sections alike.
        mutating func text(_ string: String) {
            if inText, skipDepth == 0 { appendText(string) }
        }
    }
}
