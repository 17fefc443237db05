import Foundation

/// The text of a file, with its lines found the way libyaml finds them (LF, CRLF, CR, and the
/// Unicode line breaks NEL, LS and PS), so that every line and column plantool reports is the
/// one libyaml and editors show. Lines are decoded into scalars only when asked for.
struct SourceText {
    /// The file's UTF-8 bytes.
    let bytes: [UInt8]
    /// Byte offsets where each line starts and ends (the end excludes the line break).
    private let starts: [Int]
    private let ends: [Int]

    init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var ends: [Int] = []
        // Room for lines of 32 bytes on average, more than a plan file's, without regrowing.
        starts.reserveCapacity(bytes.count / 32 + 2)
        ends.reserveCapacity(bytes.count / 32 + 2)
        // Plan files are read by the thousand: the bytes are scanned without bounds checks.
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                // Eight bytes at a time past those that cannot start a line break: no CR, no
                // LF, nothing beyond ASCII (NEL, LS and PS are); else those eight one by one.
                if index + 8 <= count, !ByteScan.mayHoldLineBreak(ByteScan.word(bytes, at: index)) {
                    index += 8
                    continue
                }
                let stop = min(index + 8, count)
                while index < stop {
                    let byte = bytes[index]
                    var breakLength = 0
                    if byte == 0x0A {
                        breakLength = 1
                    } else if byte == 0x0D {
                        breakLength = index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                    } else if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0x85 {
                        breakLength = 2
                    } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                        breakLength = 3
                    }
                    if breakLength > 0 {
                        ends.append(index)
                        index += breakLength
                        starts.append(index)
                    } else {
                        index += 1
                    }
                }
            }
        }
        ends.append(bytes.count)
        self.starts = starts
        self.ends = ends
    }

    var lineCount: Int { starts.count }

    /// The line (1-based) as scalars, or an empty line past the end.
    func line(_ number: Int) -> [Unicode.Scalar] {
        guard number >= 1 && number <= starts.count else { return [] }
        return Array(String(decoding: bytes[starts[number - 1]..<ends[number - 1]], as: UTF8.self).unicodeScalars)
    }

    /// The line (1-based) as text, or "" past the end.
    func lineText(_ number: Int) -> String {
        guard number >= 1 && number <= starts.count else { return "" }
        return String(decoding: bytes[starts[number - 1]..<ends[number - 1]], as: UTF8.self)
    }

    /// The scalar at a 1-based line and column, without decoding the whole line when it is ASCII.
    func scalar(line number: Int, column: Int) -> Unicode.Scalar? {
        guard number >= 1 && number <= starts.count, column >= 1 else { return nil }
        let start = starts[number - 1], end = ends[number - 1]
        if end - start >= column, bytes[start..<(start + column)].allSatisfy({ $0 < 0x80 }) {
            return Unicode.Scalar(bytes[start + column - 1])
        }
        let scalars = line(number)
        return column <= scalars.count ? scalars[column - 1] : nil
    }

    /// Whether any byte after the first line is '#': without one there is no comment to find.
    var mayHaveCommentsAfterFirstLine: Bool {
        let from = starts.count > 1 ? starts[1] : bytes.count
        return bytes.withUnsafeBufferPointer { buffer in
            from < buffer.count && memchr(buffer.baseAddress! + from, Int32(UInt8(ascii: "#")), buffer.count - from) != nil
        }
    }

    /// Whether every line is blank or a comment.
    var isBlankOrComments: Bool {
        for number in 0..<starts.count {
            var index = starts[number]
            while index < ends[number], bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            if index < ends[number] && bytes[index] != UInt8(ascii: "#") { return false }
        }
        return true
    }

    /// The first character YAML does not allow in a file, if any.
    func firstControlCharacter() -> (location: SourceLocation, scalar: Unicode.Scalar)? {
        // Fast path on bytes: C0 controls other than tab and line breaks, DEL, C1 controls
        // (U+0080–U+009F but NEL), U+FFFE and U+FFFF.
        let suspect = bytes.withUnsafeBufferPointer(Self.mayHoldControlCharacter)
        guard suspect else { return nil }
        for number in 1...starts.count {
            for (column, scalar) in line(number).enumerated() where !YAMLCharacters.isPrintable(scalar) {
                return (SourceLocation(line: number, column: column + 1), scalar)
            }
        }
        return nil
    }

    /// Whether the bytes may hold a character YAML refuses, looked for byte by byte.
    private static func mayHoldControlCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time past printable ASCII, tabs and line breaks, which hold no
            // such character; else those eight one by one.
            if index + 8 <= count, ByteScan.isPrintableASCIIOrSpace(ByteScan.word(bytes, at: index)) {
                index += 8
                continue
            }
            let stop = min(index + 8, count)
            while index < stop {
                let byte = bytes[index]
                if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return true }
                if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]), bytes[index + 1] != 0x85 { return true }
                if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                    return true
                }
                index += 1
            }
        }
        return false
    }

    /// Count of leading spaces on a line.
    static func indentation(_ line: [Unicode.Scalar]) -> Int {
        line.prefix(while: { $0 == " " }).count
    }

    static func isBlank(_ line: [Unicode.Scalar]) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }
}

/// Characters YAML allows in a file (the `c-printable` production).
enum YAMLCharacters {
    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

/// Tests on eight bytes at once (read as one little- or big-endian word: each test asks whether
/// any byte is such, so the order does not matter). Exact: a word is passed over only when none
/// of its bytes is of the kind looked for.
enum ByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether some byte is zero.
    static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highs != 0
    }

    /// Whether some byte is `byte`.
    static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        hasZeroByte(word ^ (ones &* UInt64(byte)))
    }

    /// Whether every byte is printable ASCII (0x20 to 0x7E).
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        // A byte below 0x20 borrows into its high bit; 0x7F and above set it when 1 is added
        // (a carry out of 0xFF lands next to a byte already caught).
        let below = (word &- ones &* 0x20) & ~word & highs
        let above = ((word &+ ones) | word) & highs
        return below | above == 0
    }

    /// Whether every byte is printable ASCII, a tab, LF or CR.
    static func isPrintableASCIIOrSpace(_ word: UInt64) -> Bool {
        // Each byte tested within itself (no carry crosses into the next): below 0x20 when its
        // high bit is clear and its low seven bits plus 0x60 do not reach 0x80.
        let below = ~word & ~((word & lows) &+ ones &* 0x60) & highs
        let spaces = zeroBytes(word ^ (ones &* 0x09)) | zeroBytes(word ^ (ones &* 0x0A)) | zeroBytes(word ^ (ones &* 0x0D))
        // DEL and beyond ASCII, as `isPrintableASCII` finds them.
        let above = ((word &+ ones) | word) & highs
        return (below & ~spaces) | above == 0
    }

    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// Bit 7 of each byte that is zero, and only of those (exact, unlike `hasZeroByte`'s test).
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lows) &+ lows) | word | lows)
    }

    /// Whether some byte is CR, LF or beyond ASCII.
    static func mayHoldLineBreak(_ word: UInt64) -> Bool {
        word & highs != 0 || has(word, 0x0A) || has(word, 0x0D)
    }
}
