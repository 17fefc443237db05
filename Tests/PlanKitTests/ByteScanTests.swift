import TestSupport
import Testing
@testable import PlanKit

/// The eight-bytes-at-once tests answer as a look at each byte would, and the scans that use
/// them find the lines and control characters the byte-by-byte scans found.
@Suite struct ByteScanTests {
    static let tricky: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x0D, 0x1F, 0x20, 0x61, 0x7E, 0x7F, 0x80, 0x85, 0x9F,
                                  0xA8, 0xBF, 0xC2, 0xE2, 0xEF, 0xFE, 0xFF]

    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { ByteScan.word($0, at: 0) }
    }

    static func check(_ bytes: [UInt8]) {
        let word = Self.word(bytes)
        #expect(ByteScan.isPrintableASCII(word) == bytes.allSatisfy { (0x20...0x7E).contains($0) }, "\(bytes)")
        #expect(ByteScan.mayHoldLineBreak(word) == bytes.contains { $0 == 0x0A || $0 == 0x0D || $0 >= 0x80 }, "\(bytes)")
        #expect(ByteScan.hasZeroByte(word) == bytes.contains(0), "\(bytes)")
        #expect(ByteScan.isPrintableASCIIOrSpace(word)
                == bytes.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }, "\(bytes)")
        // One high bit for each zero byte, and nothing else (in either byte order).
        let zeros = ByteScan.zeroBytes(word)
        #expect(zeros & ~ByteScan.highs == 0 && zeros.nonzeroBitCount == bytes.filter { $0 == 0 }.count, "\(bytes)")
    }

    @Test func everyByteAtEveryPlace() {
        for byte in UInt8.min...UInt8.max {
            for place in 0..<8 {
                var bytes = [UInt8](repeating: 0x61, count: 8)
                bytes[place] = byte
                Self.check(bytes)
            }
        }
    }

    @Test func wordsOfTrickyBytes() {
        var random = SplitMix64(state: 7)
        for _ in 0..<20_000 {
            Self.check((0..<8).map { _ in Self.tricky.randomElement(using: &random)! })
        }
    }

    @Test func wordsOfAnyBytes() {
        var random = SplitMix64(state: 13)
        for _ in 0..<20_000 {
            Self.check((0..<8).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
    }

    /// The byte-by-byte line scan the word scan replaced.
    static func referenceLines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var start = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var length = 0
            if byte == 0x0A { length = 1 }
            else if byte == 0x0D { length = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1 }
            else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { length = 2 }
            else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { length = 3 }
            if length > 0 {
                lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += length
                start = index
            } else {
                index += 1
            }
        }
        lines.append(String(decoding: bytes[start...], as: UTF8.self))
        return lines
    }

    @Test func linesAndControlCharactersAsByteByByte() {
        var random = SplitMix64(state: 11)
        let pieces: [[UInt8]] = [Array("text of a plan ".utf8), Array("- id: \"1.1\"".utf8), [0x0A], [0x0D], [0x0D, 0x0A], [0xC2, 0x85],
                                 [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xE2, 0x80, 0x99], [0xC2, 0xA3], [0xC2, 0x9B], [0x1B], [0x7F],
                                 [0x09], [0xEF, 0xBF, 0xBE], [0xEF, 0xBB, 0xBF], Array("é".utf8), [0x61]]
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...30, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
            let source = SourceText(utf8: bytes)
            let lines = Self.referenceLines(bytes)
            #expect(source.lineCount == lines.count)
            #expect((1...max(1, source.lineCount)).map { source.lineText($0) } == lines, "\(bytes)")
            let expected = String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { !YAMLCharacters.isPrintable($0) }
            #expect((source.firstControlCharacter() != nil) == expected, "\(bytes)")
        }
    }
}
