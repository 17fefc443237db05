/// A text's words, lower-cased, found in one pass over its UTF-8 bytes: the SMART and reference
/// rules match whole words and phrases against them instead of searching the text again and
/// again ("rate" is not found in "collaborate").
public struct Words: Sendable {
    public let tokens: [String]
    /// The distinct words, for asking whether one is there.
    public let set: WordSet
    public let hasDigit: Bool
    public let hasPercent: Bool

    /// Letters, digits, '-' and '%' make words; with `keepDots`, dots inside a word too ("3.1").
    public init(_ text: String, keepDots: Bool = false) {
        var tokens: [String] = []
        // Each token's hash, worked out as its bytes are read (see `WordSet.hash`).
        var hashes: [Int] = []
        var hash = WordSet.emptyHash
        var current: [UInt8] = []
        var nonASCII = false
        var sawNonASCII = false
        var hasDigit = false
        var hasPercent = false
        func flush() {
            // A dot the word ends with is no part of it (and was hashed: the hash is worked out again).
            var trimmed = false
            while keepDots, current.last == UInt8(ascii: ".") {
                current.removeLast()
                trimmed = true
            }
            if !current.isEmpty {
                let word = String(decoding: current, as: UTF8.self)
                if nonASCII || trimmed {
                    let lower = nonASCII ? word.lowercased() : word
                    tokens.append(lower)
                    hashes.append(WordSet.hash(lower))
                } else {
                    tokens.append(word)
                    hashes.append(WordSet.finish(hash))
                }
            }
            current.removeAll(keepingCapacity: true)
            hash = WordSet.emptyHash
            nonASCII = false
        }
        func take(_ byte: UInt8) {
            current.append(byte)
            hash = WordSet.add(byte, to: hash)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                take(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"):
                take(byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                hasDigit = true
                take(byte)
            case UInt8(ascii: "%"):
                hasPercent = true
                take(byte)
            case UInt8(ascii: "."):
                if keepDots && !current.isEmpty { take(byte) } else { flush() }
            case 0x80...0xFF:
                // Letters beyond ASCII belong to words; the common punctuation (dashes, curly
                // quotes, all starting E2 80) is dropped by the word check below.
                nonASCII = true
                sawNonASCII = true
                take(byte)
            default:
                flush()
            }
        }
        flush()
        // Drop words that are only punctuation beyond ASCII (– — ’ “).
        if sawNonASCII {
            let kept = tokens.indices.filter { index in
                let token = tokens[index]
                return token.utf8.contains { $0 < 0x80 && $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ".") }
                    || token.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            }
            tokens = kept.map { tokens[$0] }
            hashes = kept.map { hashes[$0] }
        }
        // Lint keeps the words of every action: no spare capacity.
        if tokens.capacity > tokens.count + 4 {
            tokens = [String](unsafeUninitializedCapacity: tokens.count) { buffer, count in
                count = buffer.initialize(fromContentsOf: tokens)
            }
        }
        self.tokens = tokens
        self.set = WordSet(tokens, hashes: hashes)
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

/// A text's distinct words: a table of positions in its word list, hashed by their bytes. It
/// answers `contains` as a `Set<String>` would, in a fraction of the memory (lint keeps the words
/// of every action of the plan) and without hashing each word with the standard library's
/// seeded hash. Texts of a few words are searched word by word.
public struct WordSet: Sendable {
    private let words: [String]
    /// Each slot: 0 for empty, else 1 + the position of a word; `slots.count` is a power of two
    /// at least twice the number of words, so that probing ends soon.
    private let slots: [Int32]

    private static let scanned = 8

    /// `hashes`: each word's `hash`, in order.
    init(_ words: [String], hashes: [Int]) {
        self.words = words
        guard words.count > Self.scanned else {
            slots = []
            return
        }
        var size = 16
        while size < words.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (position, word) in words.enumerated() {
            var slot = hashes[position] & mask
            while slots[slot] != 0 {
                let other = Int(slots[slot]) - 1
                if hashes[other] == hashes[position], words[other] == word { break }
                slot = (slot + 1) & mask
            }
            if slots[slot] == 0 { slots[slot] = Int32(position + 1) }
        }
        self.slots = slots
    }

    /// FNV-1a over the UTF-8 bytes, in three steps so that `Words` can hash a word as it reads it.
    static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func add(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    static func finish(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    static func hash(_ word: String) -> Int {
        func fnv(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var hash = emptyHash
            for byte in bytes { hash = add(byte, to: hash) }
            return finish(hash)
        }
        if let hash = word.utf8.withContiguousStorageIfAvailable(fnv) { return hash }
        var copy = word
        return copy.withUTF8(fnv)
    }

    public func contains(_ word: String) -> Bool {
        guard !slots.isEmpty else { return words.contains(word) }
        let mask = slots.count - 1
        var slot = Self.hash(word) & mask
        while slots[slot] != 0 {
            if words[Int(slots[slot]) - 1] == word { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// Whether no word of `other` is among these words.
    public func isDisjoint(with other: Set<String>) -> Bool {
        if other.count < words.count { return !other.contains(where: contains) }
        return !words.contains(where: other.contains)
    }
}
