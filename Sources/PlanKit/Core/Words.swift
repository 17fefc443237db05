/// A text's words, lower-cased, found in one pass over its UTF-8 bytes: the SMART and reference
/// rules match whole words and phrases against them instead of searching the text again and
/// again ("rate" is not found in "collaborate").
public struct Words: Sendable {
    public let tokens: [String]
    public let set: Set<String>
    public let hasDigit: Bool
    public let hasPercent: Bool

    /// Letters, digits, '-' and '%' make words; with `keepDots`, dots inside a word too ("3.1").
    public init(_ text: String, keepDots: Bool = false) {
        var tokens: [String] = []
        var current: [UInt8] = []
        var nonASCII = false
        var hasDigit = false
        var hasPercent = false
        func flush() {
            while keepDots, current.last == UInt8(ascii: ".") { current.removeLast() }
            if !current.isEmpty {
                let word = String(decoding: current, as: UTF8.self)
                tokens.append(nonASCII ? word.lowercased() : word)
            }
            current.removeAll(keepingCapacity: true)
            nonASCII = false
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"):
                current.append(byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                hasDigit = true
                current.append(byte)
            case UInt8(ascii: "%"):
                hasPercent = true
                current.append(byte)
            case UInt8(ascii: "."):
                if keepDots && !current.isEmpty { current.append(byte) } else { flush() }
            case 0x80...0xFF:
                // Letters beyond ASCII belong to words; the common punctuation (dashes, curly
                // quotes, all starting E2 80) is dropped by the word check below.
                nonASCII = true
                current.append(byte)
            default:
                flush()
            }
        }
        flush()
        // Drop words that are only punctuation beyond ASCII (– — ’ “).
        tokens = tokens.filter { token in
            token.utf8.contains { $0 < 0x80 && $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ".") }
                || token.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
        self.tokens = tokens
        self.set = Set(tokens)
        self.hasDigit = hasDigit
        self.hasPercent = hasPercent
    }

    /// Where a phrase (given as words) first stands, if it does.
    public func firstIndex(of phrase: [String]) -> Int? {
        guard let first = phrase.first, set.contains(first), tokens.count >= phrase.count else { return nil }
        for start in 0...(tokens.count - phrase.count) where tokens[start] == first {
            if phrase.indices.allSatisfy({ tokens[start + $0] == phrase[$0] }) { return start }
        }
        return nil
    }

    public func contains(_ phrase: [String]) -> Bool {
        phrase.count == 1 ? set.contains(phrase[0]) : firstIndex(of: phrase) != nil
    }

    public func starts(with phrase: [String]) -> Bool {
        tokens.count >= phrase.count && phrase.indices.allSatisfy { tokens[$0] == phrase[$0] }
    }

    /// A phrase written as text, split into words the same way.
    public static func phrase(_ text: String) -> [String] {
        Words(text).tokens
    }
}
