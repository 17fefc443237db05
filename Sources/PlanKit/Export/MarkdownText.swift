/// Plan text made safe for GitHub-flavoured Markdown: the one escaper of every Markdown output
/// (the diff's pull-request comment, the export, the status report), so a value shows as written
/// and can never open markup, a table cell, a code block, a mention or a reference.
///
/// - Characters Markdown (with GitHub's tables, strikethrough and math) reads as markup are
///   backslash-escaped: `\ ` * _ [ ] < > | ~ $`; so are `&` where it would start an entity
///   (`&lt;` stays the four characters) and `<` (no HTML tag survives).
/// - Line breaks (LF, CR, CRLF) become spaces: a value never starts a new line, so it cannot
///   leave a table row or a list item, or open a fence.
/// - `@name` and `#123` get an invisible word joiner (U+2060) after the `@` or `#`: GitHub would
///   otherwise notify a person or team, or link an issue, from a plan's text.
/// - Characters no plan text may hold (controls, bidi overrides) are shown by their stand-ins
///   (`UnsafeCharacters.neutralised`).
public enum MarkdownText {
    /// The characters Markdown reads as markup wherever they stand.
    static let significant: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "$"]

    /// Stops GitHub from reading `@name` as a mention or `#123` as a reference.
    static let wordJoiner: Character = "\u{2060}"

    /// Text escaped for use inside a line.
    public static func inline(_ text: String) -> String {
        byteInline(text) ?? characterInline(text)
    }

    /// `inline` for any text, character by character.
    static func characterInline(_ text: String) -> String {
        var flat = ""
        flat.reserveCapacity(text.utf8.count)
        for c in text {
            // CRLF is one Character (its ASCII value is LF's); a CR alone is a line break too. A
            // tab or a line separator of a text over several lines is a space inside one line.
            if let ascii = c.asciiValue {
                flat.append(ascii == 0x0A || ascii == 0x0D || ascii == 0x09 ? " " : c)
            } else {
                flat.append(c == "\u{2028}" || c == "\u{2029}" ? " " : c)
            }
        }
        let characters = Array(UnsafeCharacters.neutralised(flat, keepingLineBreaks: false))
        var out = ""
        out.reserveCapacity(flat.utf8.count + flat.utf8.count / 8)
        for (index, c) in characters.enumerated() {
            guard let ascii = c.asciiValue else {
                // A markup character with a mark on it (`*` and U+0301) is one character here,
                // but Markdown reads scalars: it is escaped all the same. Every other character
                // looked for is ASCII alone.
                if let first = c.unicodeScalars.first, first.isASCII, significantBytes.contains(UInt8(first.value)) {
                    out.append("\\")
                }
                out.append(c)
                continue
            }
            if significantBytes.contains(ascii) {
                out.append("\\")
                out.append(c)
            } else if ascii == UInt8(ascii: "&"), startsEntity(characters, at: index) {
                out.append("\\&")
            } else {
                out.append(c)
                guard index + 1 < characters.count, ascii == UInt8(ascii: "@") || ascii == UInt8(ascii: "#") else { continue }
                let next = characters[index + 1]
                // `@name` a mention; `#123` a reference (not in `&#169;`: the escaped `&` keeps that text).
                // (GitHub mentions only an `@` no letter or digit stands before: an e-mail address stays whole.)
                if ascii == UInt8(ascii: "@") {
                    let startsWord = index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
                    if startsWord && (next.isLetter || next.isNumber) { out.append(wordJoiner) }
                } else if next.isASCII && next.isNumber && (index == 0 || characters[index - 1] != "&") {
                    out.append(wordJoiner)
                }
            }
        }
        return out
    }

    /// `significant` as ASCII values.
    static let significantBytes: Set<UInt8> = Set(significant.compactMap(\.asciiValue))

    /// Scalars beyond ASCII that are each a character of their own, whatever stands beside them
    /// (none joins or marks its neighbour, and no mark can follow: those are not listed), and
    /// that `UnsafeCharacters` leaves as they are: Latin letters and signs, dashes, quotes and
    /// other punctuation, currency signs, arrows. The line and paragraph separators become
    /// spaces, as in `characterInline`.
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD: false  // the soft hyphen, a format character
        case 0x00A0...0x02FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x21FF: true
        default: false
        }
    }

    /// `inline` of a text whose every scalar is ASCII (controls aside, but for tab and line
    /// breaks) or `standsAlone`, from its UTF-8 bytes: each character is then one scalar (CR LF
    /// aside, which becomes one space), and every character Markdown reads as markup one byte,
    /// so only the neighbours of an `@` are ever decoded. Nil for any other text, which
    /// `inline` reads by characters.
    static func byteInline(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { source -> String? in
            // A Swift string is valid UTF-8: a lead byte says how long its scalar is.
            func length(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }
            func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Unicode.Scalar {
                let lead = bytes[start]
                let count = length(lead)
                var value = count == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (count + 1))
                for offset in 1..<max(count, 1) { value = value << 6 | UInt32(bytes[start + offset] & 0x3F) }
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            // The text on one line (line breaks and tabs as spaces), written straight into its
            // buffer; refused at a byte the rules below do not read.
            var refused = false
            let flat = [UInt8](unsafeUninitializedCapacity: source.count) { buffer, initialized in
                var index = 0, count = 0
                defer { initialized = count }
                while index < source.count {
                    let byte = source[index]
                    switch byte {
                    case 0x0D:
                        index += 1
                        if index < source.count, source[index] == 0x0A { index += 1 }
                        buffer[count] = 0x20
                        count += 1
                    case 0x0A, 0x09:
                        index += 1
                        buffer[count] = 0x20
                        count += 1
                    case 0x20..<0x7F:
                        index += 1
                        buffer[count] = byte
                        count += 1
                    case 0xC2...0xF4:
                        let value = decode(source, at: index).value
                        let bytes = length(byte)
                        if value == 0x2028 || value == 0x2029 {
                            buffer[count] = 0x20
                            count += 1
                        } else if standsAlone(Unicode.Scalar(value)!) {
                            for offset in 0..<bytes { buffer[count + offset] = source[index + offset] }
                            count += bytes
                        } else {
                            refused = true
                            return
                        }
                        index += bytes
                    default:  // a control or DEL
                        refused = true
                        return
                    }
                }
            }
            if refused { return nil }
            if flat.isEmpty { return "" }
            return flat.withUnsafeBufferPointer { flat -> String in
                func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
                    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                }
                func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
                    if scalar.isASCII { return isASCIILetterOrDigit(UInt8(scalar.value)) }
                    let character = Character(scalar)
                    return character.isLetter || character.isNumber
                }
                /// The scalar that ends just before `end` (its continuation bytes stepped back over).
                func scalar(before end: Int) -> Unicode.Scalar {
                    var start = end - 1
                    while start > 0, flat[start] & 0xC0 == 0x80 { start -= 1 }
                    return decode(flat, at: start)
                }
                // Each byte becomes at most four: a markup character escaped is two, `@` or `#`
                // with the word joiner four.
                return String(unsafeUninitializedCapacity: flat.count * 4) { out in
                    var count = 0
                    func put(_ byte: UInt8) {
                        out[count] = byte
                        count += 1
                    }
                    func putWordJoiner() {
                        put(0xE2)
                        put(0x81)
                        put(0xA0)
                    }
                    var position = 0
                    while position < flat.count {
                        let byte = flat[position]
                        if byte >= 0x80 {
                            // A scalar that stands alone: no markup, and no rule starts at it.
                            for offset in 0..<length(byte) { put(flat[position + offset]) }
                            position += length(byte)
                            continue
                        }
                        defer { position += 1 }
                        switch byte {
                        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"),
                             UInt8(ascii: "$"):
                            put(UInt8(ascii: "\\"))
                            put(byte)
                            continue
                        case UInt8(ascii: "&"):
                            var next = position + 1
                            var length = 0
                            if next < flat.count, flat[next] == UInt8(ascii: "#") { next += 1 }
                            while next < flat.count, isASCIILetterOrDigit(flat[next]) {
                                next += 1
                                length += 1
                            }
                            if length > 0 && next < flat.count && flat[next] == UInt8(ascii: ";") {
                                put(UInt8(ascii: "\\"))
                                put(byte)
                                continue
                            }
                        default: break
                        }
                        put(byte)
                        guard position + 1 < flat.count, byte == UInt8(ascii: "@") || byte == UInt8(ascii: "#") else { continue }
                        // `@name` a mention; `#123` a reference (not in `&#169;`: the escaped `&`
                        // keeps that text). GitHub mentions only an `@` no letter or digit stands before.
                        if byte == UInt8(ascii: "@") {
                            let startsWord = position == 0 || !isLetterOrNumber(scalar(before: position))
                            if startsWord && isLetterOrNumber(decode(flat, at: position + 1)) { putWordJoiner() }
                        } else if (0x30...0x39).contains(flat[position + 1]) && (position == 0 || flat[position - 1] != UInt8(ascii: "&")) {
                            putWordJoiner()
                        }
                    }
                    return count
                }
            }
        }
    }

    /// `&name;`, `&#123;` or `&#x1F;` begins at `index`.
    static func startsEntity(_ characters: [Character], at index: Int) -> Bool {
        var i = index + 1
        var length = 0
        if i < characters.count, characters[i] == "#" { i += 1 }
        while i < characters.count, characters[i].isASCII, characters[i].isLetter || characters[i].isNumber {
            i += 1
            length += 1
        }
        return length > 0 && i < characters.count && characters[i] == ";"
    }

    /// A paragraph standing on its own line: inline escaping, plus whatever would make its start
    /// a heading, a list item, a quote, a thematic break or an indented code block.
    public static func block(_ paragraph: String) -> String {
        let text = inline(String(paragraph.drop(while: { $0 == " " || $0 == "\t" })))
        guard let first = text.first else { return text }
        if first == "#" || first == "-" || first == "+" || first == "=" {
            return "\\" + text
        }
        // "1. " or "1) " would open an ordered list.
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")",
               rest.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true {
                return String(digits) + "\\" + String(rest)
            }
        }
        return text
    }

    /// A heading's text: inline escaping, and a trailing run of `#` escaped so it is not taken
    /// for the heading's optional closing sequence.
    public static func heading(_ text: String) -> String {
        let escaped = inline(text.trimmingSpaces)
        let run = escaped.reversed().prefix(while: { $0 == "#" }).count
        guard run > 0 else { return escaped }
        return String(escaped.dropLast(run)) + "\\" + String(repeating: "#", count: run)
    }

    /// Bold text: `**…**` around the escaped, trimmed text (an empty text stays empty).
    public static func strong(_ text: String) -> String {
        let t = text.trimmingSpaces
        return t.isEmpty ? "" : "**" + inline(t) + "**"
    }

    /// Italic text: `*…*` around the escaped, trimmed text.
    public static func emphasis(_ text: String) -> String {
        let t = text.trimmingSpaces
        return t.isEmpty ? "" : "*" + inline(t) + "*"
    }

    /// A text of several lines as a block quote, each line a paragraph of its own (`>` alone
    /// for an empty line), each prefixed by `indent`.
    public static func quote(_ text: String, indent: String = "") -> String {
        lines(of: text)
            .map { line in
                let escaped = block(String(line))
                return escaped.isEmpty ? indent + ">" : indent + "> " + escaped
            }
            .joined(separator: "\n")
    }

    /// The lines of a text, split at LF, CR and CR LF (as a split at those characters would
    /// split it), found from its bytes.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(text[start..<index])
                var next = utf8.index(after: index)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }
}
