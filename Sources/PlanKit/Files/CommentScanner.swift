/// Finds the comments in a YAML file, which the YAML parser discards.
///
/// A `#` starts a comment when it begins a line or follows a space or tab, unless it is inside a
/// quoted scalar or the content of a block scalar (`|`, `>`). The parser tells where each scalar
/// starts and how it is quoted, so only those spans need lexing here.
/// A comment in a YAML file.
public struct Comment: Sendable, Hashable {
    public var location: SourceLocation
    /// From the `#` to the end of the line.
    public var text: String
    /// Whether something stands before the comment on its line.
    public var trailing: Bool
}

enum CommentScanner {
    /// Each comment's place, its text (from `#` to the end of the line) and whether code stands
    /// before it on its line.
    static func comments(in source: SourceText, scalars: [(SourceLocation, YAMLNode.Scalar.Style)]) -> [Comment] {
        // Lines (1-based) and column ranges that belong to scalar contents.
        var excluded: [Int: [Range<Int>]] = [:]   // line -> column ranges (0-based, scalar index)
        var excludedLines = Set<Int>()

        for (start, style) in scalars {
            let lineIndex = start.line
            let col = start.column - 1
            switch style {
            case .singleQuoted, .doubleQuoted:
                markQuoted(from: lineIndex, column: col, double: style == .doubleQuoted,
                           source: source, excluded: &excluded, excludedLines: &excludedLines)
            case .literal, .folded:
                markBlock(headerLine: lineIndex, source: source, excludedLines: &excludedLines)
            default:
                break
            }
        }

        var found: [Comment] = []
        for number in 1...source.lineCount {
            let line = source.line(number)
            if excludedLines.contains(number) { continue }
            let ranges = excluded[number] ?? []
            var previous: Unicode.Scalar? = nil
            for (column, scalar) in line.enumerated() {
                defer { previous = scalar }
                guard scalar == "#", previous == nil || previous == " " || previous == "\t" else { continue }
                if ranges.contains(where: { $0.contains(column) }) { continue }
                let text = String(String.UnicodeScalarView(line[column...]))
                let trailing = !line[..<column].allSatisfy { $0 == " " || $0 == "\t" }
                found.append(Comment(location: SourceLocation(line: number, column: column + 1), text: text, trailing: trailing))
                break
            }
        }
        return found
    }

    /// A quoted scalar runs from its opening quote to the matching closing quote, maybe over lines.
    private static func markQuoted(from line: Int, column: Int, double: Bool, source: SourceText,
                                   excluded: inout [Int: [Range<Int>]], excludedLines: inout Set<Int>) {
        let quote: Unicode.Scalar = double ? "\"" : "'"
        var lineNumber = line
        var col = column + 1
        var startCol = column
        while lineNumber <= source.lineCount {
            let text = source.line(lineNumber)
            while col < text.count {
                let c = text[col]
                if double && c == "\\" {
                    col += 2
                    continue
                }
                if c == quote {
                    if !double, col + 1 < text.count, text[col + 1] == "'" {
                        col += 2
                        continue
                    }
                    excluded[lineNumber, default: []].append(startCol..<(col + 1))
                    return
                }
                col += 1
            }
            if lineNumber == line {
                excluded[lineNumber, default: []].append(startCol..<max(startCol + 1, text.count))
            } else {
                excludedLines.insert(lineNumber)
            }
            lineNumber += 1
            col = 0
            startCol = 0
        }
    }

    /// A block scalar's content is every following line that is blank or indented at least as
    /// far as its first non-blank line (which must be deeper than the header's own indentation).
    private static func markBlock(headerLine: Int, source: SourceText, excludedLines: inout Set<Int>) {
        let headerIndent = SourceText.indentation(source.line(headerLine))
        var contentIndent: Int? = nil
        var number = headerLine + 1
        while number <= source.lineCount {
            let text = source.line(number)
            if SourceText.isBlank(text) {
                excludedLines.insert(number)
                number += 1
                continue
            }
            let indent = SourceText.indentation(text)
            if contentIndent == nil {
                guard indent > headerIndent else { return }
                contentIndent = indent
            }
            guard let contentIndent, indent >= contentIndent else { return }
            excludedLines.insert(number)
            number += 1
        }
    }
}
