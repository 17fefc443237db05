import PlanKit

extension FuzzChecks {
    /// Every diagnostic placed inside the file: line 1 to line count + 1, column 1 or more.
    public static func placedInside(_ diagnostics: [Diagnostic], _ bytes: [UInt8]) {
        let lines = lineCount(bytes)
        for diagnostic in diagnostics {
            guard let place = diagnostic.location else { continue }
            precondition(place.line >= 1 && place.line <= lines + 1 && place.column >= 1,
                         "\(diagnostic) is outside a file of \(lines) lines")
        }
    }

    /// How many lines the file has, counting every line end YAML counts (LF, CR, CRLF, NEL, LS,
    /// PS), as the property tests count them.
    public static func lineCount(_ bytes: [UInt8]) -> Int {
        var breaks = 0
        var previousCR = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\n": if !previousCR { breaks += 1 }
            case "\r", "\u{85}", "\u{2028}", "\u{2029}": breaks += 1
            default: break
            }
            previousCR = scalar == "\r"
        }
        return breaks + 1
    }

    /// What looks like an anchor (`&a`) or an alias (`*a`) in YAML text, each with its name: a
    /// `&` or `*` where a node starts (a line's first character after its indentation, or after
    /// `- `, `? `, `: `, or `[`, `{` or `,` in a flow collection), outside comments, quoted
    /// scalars and block scalars.
    /// Approximate: a plain scalar's continuation line or a comma inside a plain scalar can look
    /// like a node's start, so the caller checks whether the token is text of the values read.
    public static func anchorsAndAliases(_ bytes: [UInt8]) -> [String] {
        guard bytes.contains(UInt8(ascii: "&")) || bytes.contains(UInt8(ascii: "*")) else { return [] }
        var found: [String] = []
        let text = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var i = text.first == "\u{FEFF}" ? 1 : 0  // a byte-order mark is not the first character
        var nodeStart = true          // the next non-space character starts a node
        var lineStart = true
        var indentation = 0
        var blockScalarIndentation: Int? = nil   // inside a block scalar more indented than this
        var flowDepth = 0             // inside how many [ ] and { }: only there do , [ { start a node
        func isBreak(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" }
        while i < text.count {
            let c = text[i]
            if lineStart {
                var spaces = 0
                while i + spaces < text.count, text[i + spaces] == " " { spaces += 1 }
                let blank = i + spaces >= text.count || isBreak(text[i + spaces])
                if let parent = blockScalarIndentation {
                    if blank || spaces > parent {
                        // A line of the block scalar: text.
                        while i < text.count, !isBreak(text[i]) { i += 1 }
                        i += 1
                        continue
                    }
                    blockScalarIndentation = nil
                }
                indentation = spaces
                i += spaces
                lineStart = false
                nodeStart = true
                continue
            }
            if isBreak(c) {
                lineStart = true
                i += 1
                continue
            }
            if c == " " || c == "\t" { i += 1; continue }
            if c == "#" && (i == 0 || [" ", "\t", "\u{FEFF}"].contains(text[i - 1]) || isBreak(text[i - 1])) {
                while i < text.count, !isBreak(text[i]) { i += 1 }
                continue
            }
            if nodeStart {
                switch c {
                case "&", "*":
                    var token = ""
                    while i < text.count, !" \t,[]{}".unicodeScalars.contains(text[i]), !isBreak(text[i]) {
                        token.unicodeScalars.append(text[i])
                        i += 1
                    }
                    found.append(token)
                    continue
                case "\"", "'":
                    i = endOfQuoted(text, from: i)
                    nodeStart = false
                    continue
                case "|", ">":
                    blockScalarIndentation = indentation
                    while i < text.count, !isBreak(text[i]) { i += 1 }
                    continue
                case "-", "?", ":":
                    if i + 1 >= text.count || text[i + 1] == " " || isBreak(text[i + 1]) {
                        if c != ":" { indentation = indentationOfNextNode(text, i) }
                        i += 1
                        continue
                    }
                case "[", "{":
                    flowDepth += 1
                    i += 1
                    continue
                case ",":
                    i += 1
                    continue
                case "!":
                    // A tag: the node follows it.
                    while i < text.count, text[i] != " ", !isBreak(text[i]) { i += 1 }
                    continue
                default: break
                }
                nodeStart = false
            }
            switch c {
            case ":" where i + 1 >= text.count || text[i + 1] == " " || text[i + 1] == "\t" || isBreak(text[i + 1]):
                nodeStart = true
            case "[", "{":
                if flowDepth > 0 {
                    flowDepth += 1
                    nodeStart = true
                }
            case ",": if flowDepth > 0 { nodeStart = true }
            case "]", "}": if flowDepth > 0 { flowDepth -= 1 }
            default: break
            }
            i += 1
        }
        return found
    }

    /// The column where the node after `- ` or `? ` at `i` starts: a block scalar there is
    /// indented relative to it.
    static func indentationOfNextNode(_ text: [Unicode.Scalar], _ i: Int) -> Int {
        var lineStart = i
        while lineStart > 0, !["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(text[lineStart - 1]) { lineStart -= 1 }
        return i - lineStart
    }

    /// The index just past a quoted scalar starting at `i` (it may run over several lines).
    static func endOfQuoted(_ text: [Unicode.Scalar], from i: Int) -> Int {
        let quote = text[i]
        var j = i + 1
        while j < text.count {
            if quote == "\"" && text[j] == "\\" { j += 2; continue }
            if text[j] == quote {
                if quote == "'" && j + 1 < text.count && text[j + 1] == "'" { j += 2; continue }
                return j + 1
            }
            j += 1
        }
        return j
    }
}
