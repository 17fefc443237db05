/// How YAML readers other than plantool would type a plain scalar. plantool reads every scalar
/// as text and types it by the format; these tests say when another reader (YAML 1.1, as PyYAML
/// and many libraries are, or YAML 1.2's core schema) would read the same characters as a
/// number, a boolean, null or a date, so the writer quotes it and the reader can warn.
enum YAMLScalars {
    /// Plain scalars that mean null.
    static func isNull(_ s: String) -> Bool {
        s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
    }

    private static let booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    /// What a YAML 1.1 or 1.2 reader would take a plain scalar for, if not text.
    static func nonStringReading(_ s: String) -> String? {
        // Every reading below but null and the booleans (five characters at most) starts with a
        // sign, a digit, a dot, "<" or "=": most text is cleared by its first byte.
        if s.utf8.count > 5, let first = s.utf8.first, !(first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)) {
            return nil
        }
        if isNull(s) { return "null" }
        if booleans.contains(s) { return "a boolean" }
        if s == "<<" || s == "=" { return "a special key" }
        if looksNumeric(s) { return "a number" }
        if looksLikeTimestamp(s) { return "a date" }
        return nil
    }

    /// A generous test for YAML 1.1 and 1.2 integers and floats (decimal, octal, hex, binary,
    /// sexagesimal, exponent, .inf, .nan). Being generous only means quoting a little more.
    private static func looksNumeric(_ s: String) -> Bool {
        var body = Substring(s)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(String(body)) { return true }
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return false }
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
            return body.dropFirst(2).allSatisfy { $0.isHexDigit || $0 == "_" } && body.count > 2
        }
        var sawDigit = false
        var previous: Character? = nil
        for c in body {
            switch c {
            case "0"..."9": sawDigit = true
            case ".", "_", ":": break
            case "e", "E": guard sawDigit else { return false }
            case "+", "-": guard previous == "e" || previous == "E" else { return false }
            default: return false
            }
            previous = c
        }
        return sawDigit
    }

    /// YAML 1.1 timestamps: `2001-12-14`, `2001-12-14t21:59:43.10-05:00`, `2001-12-14 21:59:43`.
    private static func looksLikeTimestamp(_ s: String) -> Bool {
        let u = Array(s.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { $0 < u.count && (48...57).contains(u[$0]) } }
        guard u.count >= 8, digits(0..<4), u[4] == UInt8(ascii: "-") else { return false }
        var i = 5
        let monthStart = i
        while i < u.count, (48...57).contains(u[i]) { i += 1 }
        guard (1...2).contains(i - monthStart), i < u.count, u[i] == UInt8(ascii: "-") else { return false }
        i += 1
        let dayStart = i
        while i < u.count, (48...57).contains(u[i]) { i += 1 }
        guard (1...2).contains(i - dayStart) else { return false }
        if i == u.count { return true }
        // Anything after a date that starts like a time still reads as a timestamp.
        return u[i] == UInt8(ascii: "T") || u[i] == UInt8(ascii: "t") || u[i] == UInt8(ascii: " ") || u[i] == UInt8(ascii: "\t")
    }

    /// Characters that may stand in a plain or block scalar without escaping.
    static func isPlainSafe(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        // U+2028 and U+2029 are line breaks to YAML 1.1 readers (libyaml among them). The
        // bidirectional controls (U+202A–U+202E, U+2066–U+2069) are written as escapes, never raw.
        case 0x202A...0x202E, 0x2066...0x2069: false
        case 0x20...0x7E, 0xA0...0x2027, 0x202F...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Whether a string can be written as a plain scalar in block context (as a mapping value or
    /// a list item), and reads back as the same text in every YAML reader.
    static func canBePlain(_ s: String, inFlow: Bool = false) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        guard s.unicodeScalars.allSatisfy(isPlainSafe) else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if s.contains(": ") || s.contains(" #") { return false }
        if inFlow, s.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        return nonStringReading(s) == nil
    }
}
