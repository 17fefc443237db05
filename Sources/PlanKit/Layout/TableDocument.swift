/// A document as the importer reads it: paragraphs and tables in their order, whatever the file
/// was (Word's tab-separated text, a DOCX). Readers build it; `PlanImporter` interprets it.
public struct TableDocument: Hashable, Sendable {
    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    public enum Block: Hashable, Sendable {
        case paragraph(String, at: Place)
        case table(Table)
    }

    public struct Table: Hashable, Sendable {
        public var rows: [Row]
        public init(rows: [Row]) { self.rows = rows }
    }

    public struct Row: Hashable, Sendable {
        public var cells: [Cell]
        public var place: Place
        public init(cells: [Cell], place: Place) {
            self.cells = cells
            self.place = place
        }
    }

    public struct Cell: Hashable, Sendable {
        /// One string per paragraph of the cell, as written (HTML fragments already turned into
        /// paragraphs by the reader).
        public var paragraphs: [String]
        /// The cell is the lower part of a cell merged down from the row above (DOCX
        /// `w:vMerge` continue): it carries no text of its own.
        public var continuesAbove: Bool
        /// The cell spans this many columns (DOCX `w:gridSpan`).
        public var span: Int

        public init(paragraphs: [String], continuesAbove: Bool = false, span: Int = 1) {
            self.paragraphs = paragraphs
            self.continuesAbove = continuesAbove
            self.span = span
        }

        /// The paragraphs joined by line breaks.
        public var text: String { paragraphs.joined(separator: "\n") }
        public var isEmpty: Bool { paragraphs.allSatisfy { $0.trimmingSpaces.isEmpty } }
    }

    /// Where something is in the source: a line and column for text files, a table row or a
    /// paragraph number for documents.
    public struct Place: Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        /// For documents without lines: "table 2, row 14".
        public var label: String?

        public init(line: Int, column: Int = 1, label: String? = nil) {
            self.line = line
            self.column = column
            self.label = label
        }

        /// "12:1" for a text file, "table 2, row 14" for a document.
        public var description: String { label ?? "\(line):\(column)" }
    }
}
