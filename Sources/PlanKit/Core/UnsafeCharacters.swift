/// Characters no plan text may hold, whether written raw or as a YAML escape, and how every output
/// shows one that reaches it anyway (defence in depth: a reader bug, an imported file, a git
/// message).
///
/// Forbidden: C0 controls (tab and line feed excepted, and those only in texts that may span
/// lines), DEL, C1 controls, and the bidirectional overrides and isolates U+202A–U+202E and
/// U+2066–U+2069, which can make a terminal or a page show text in another order than it is.
/// A one-line value holds no tab and no line or paragraph separator (U+2028, U+2029) either:
/// each would break the line, or the column, it is shown in.
public enum UnsafeCharacters {
    /// Whether `scalar` may stand in a plan's text. Tabs and line breaks only in texts that may
    /// span lines.
    public static func isAllowed(_ scalar: Unicode.Scalar, multiline: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x2028, 0x2029: return multiline
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0x202A...0x202E, 0x2066...0x2069: return false
        default: return true
        }
    }

    /// Whether `text` may hold a forbidden scalar, from its UTF-8 bytes: every one is a byte below
    /// 0x20 or 0x7F, or starts with the lead byte 0xC2 (C1) or 0xE2 (the bidirectional controls).
    /// Most text is cleared by this alone, without decoding a scalar (the reader asks of every value).
    static func mayHoldForbidden(_ text: String, multiline: Bool) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ mayHoldForbidden(bytes: $0, multiline: multiline) }) {
            return answer
        }
        return Array(text.utf8).withUnsafeBufferPointer { mayHoldForbidden(bytes: $0, multiline: multiline) }
    }

    /// The same test over the bytes themselves: printable ASCII, most of any text, costs one
    /// comparison a byte.
    static func mayHoldForbidden(bytes: UnsafeBufferPointer<UInt8>, multiline: Bool) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time past printable ASCII.
            if index + 8 <= count, ByteScan.isPrintableASCII(ByteScan.word(bytes, at: index)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            index += 1
            if byte >= 0x20 && byte < 0x7F { continue }
            if byte < 0x20 {
                if !multiline || (byte != 0x09 && byte != 0x0A) { return true }
            } else if byte == 0x7F {
                return true
            } else if byte == 0xC2 || byte == 0xE2 {
                // Only C1 (C2 80–9F), the separators and bidi controls (E2 80 A8–AE, E2 81 A6–A9):
                // the pound sign, curly quotes and dashes of everyday prose share these lead bytes.
                guard index < count else { return false }
                let second = bytes[index]
                index += 1
                if byte == 0xC2 { if (0x80...0x9F).contains(second) { return true } else { continue } }
                guard index < count else { return false }
                let third = bytes[index]
                index += 1
                if (second == 0x80 && (0xA8...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) { return true }
            }
        }
        return false
    }

    /// The first forbidden scalar of `text` and its offset in scalars, if any.
    public static func firstForbidden(in text: String, multiline: Bool = true) -> (offset: Int, scalar: Unicode.Scalar)? {
        guard mayHoldForbidden(text, multiline: multiline) else { return nil }
        for (offset, scalar) in text.unicodeScalars.enumerated() where !isAllowed(scalar, multiline: multiline) {
            return (offset, scalar)
        }
        return nil
    }

    /// How a forbidden scalar is named in messages: `U+001B`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// How a forbidden scalar is described in a message: "the control character U+001B", "the
    /// bidirectional control U+202E", "a line break (U+000A)".
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A, 0x2028: "a line break (\(name(scalar)))"
        case 0x2029: "a paragraph break (\(name(scalar)))"
        case 0x09: "a tab (\(name(scalar)))"
        case 0x202A...0x202E, 0x2066...0x2069: "the bidirectional control \(name(scalar))"
        default: "the control character \(name(scalar))"
        }
    }

    /// JSON text with every forbidden scalar still standing raw in it written as a `\uXXXX`
    /// escape: the values read back exactly, and nothing raw reaches a terminal. (JSON's
    /// encoders escape C0 already, but not DEL, C1 or the bidirectional controls; outside its
    /// strings JSON holds none of them, so every one found is inside a string.)
    public static func escapedInJSON(_ json: String) -> String {
        guard mayHoldForbidden(json, multiline: true), json.unicodeScalars.contains(where: { !isAllowed($0) }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isAllowed(scalar) {
                result.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            }
        }
        return String(result)
    }

    /// `text` with every forbidden scalar replaced by a visible stand-in: a C0 control by its
    /// Unicode control picture (ESC → ␛, CR → ␍), DEL by ␡, and the rest by `<U+XXXX>`. Line
    /// feeds stay when `keepingLineBreaks`, else they become ␊. Text without such scalars is
    /// returned as it is, without copying.
    public static func neutralised(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard mayHoldForbidden(text, multiline: keepingLineBreaks),
              text.unicodeScalars.contains(where: { !isAllowed($0, multiline: keepingLineBreaks) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isAllowed(scalar, multiline: keepingLineBreaks) {
                result.append(scalar)
            } else {
                result.append(contentsOf: standIn(scalar).unicodeScalars)
            }
        }
        return String(result)
    }

    static func standIn(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "\u{2421}"
        default: return "<" + name(scalar) + ">"
        }
    }
}
