import Foundation
import Testing
@testable import PlanKit

/// The one definition of the characters no plan text may hold, and their stand-ins.
@Suite struct UnsafeCharactersTests {
    @Test func whatIsForbidden() {
        for value: UInt32 in [0x00, 0x07, 0x08, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F,
                              0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            let scalar = Unicode.Scalar(value)!
            #expect(!UnsafeCharacters.isAllowed(scalar), "\(UnsafeCharacters.name(scalar))")
            #expect(!UnsafeCharacters.isAllowed(scalar, multiline: false), "\(UnsafeCharacters.name(scalar))")
        }
        // Tab, line feed and the line and paragraph separators only where the text may span lines.
        for scalar: Unicode.Scalar in ["\t", "\n", "\u{2028}", "\u{2029}"] {
            #expect(UnsafeCharacters.isAllowed(scalar) && !UnsafeCharacters.isAllowed(scalar, multiline: false), "\(UnsafeCharacters.name(scalar))")
        }
        // Neighbours of the forbidden ranges, and text plans do hold.
        for value: UInt32 in [0x20, 0x7E, 0xA0, 0x2029, 0x202F, 0x2065, 0x206A, 0x200B, 0x200E, 0xFEFF, 0x1F44D, 0xE9] {
            #expect(UnsafeCharacters.isAllowed(Unicode.Scalar(value)!), "\(value)")
        }
    }

    @Test func theFirstForbiddenIsFoundByItsOffsetInScalars() throws {
        let found = try #require(UnsafeCharacters.firstForbidden(in: "é👍 note\u{1B}[2K\u{202E}"))
        #expect(found.offset == 7 && found.scalar == "\u{1B}")
        #expect(UnsafeCharacters.firstForbidden(in: "two\nlines") == nil)
        #expect(UnsafeCharacters.firstForbidden(in: "two\nlines", multiline: false)?.offset == 3)
        #expect(UnsafeCharacters.firstForbidden(in: "") == nil)
    }

    @Test func namesAndDescriptions() {
        #expect(UnsafeCharacters.name("\u{1B}") == "U+001B")
        #expect(UnsafeCharacters.name("\u{0}") == "U+0000")
        #expect(UnsafeCharacters.name("\u{202E}") == "U+202E")
        #expect(UnsafeCharacters.name("\u{1F44D}") == "U+1F44D")
        #expect(UnsafeCharacters.describe("\u{1B}") == "the control character U+001B")
        #expect(UnsafeCharacters.describe("\u{2066}") == "the bidirectional control U+2066")
        #expect(UnsafeCharacters.describe("\n") == "a line break (U+000A)")
    }

    @Test func standInsAreVisibleAndHarmless() {
        #expect(UnsafeCharacters.neutralised("a\u{1B}[1A\u{1B}[2Kb") == "a␛[1A␛[2Kb")
        #expect(UnsafeCharacters.neutralised("\u{0}\u{7}\r\u{7F}") == "␀␇␍␡")
        #expect(UnsafeCharacters.neutralised("x\u{85}\u{9B}\u{202E}\u{2069}y") == "x<U+0085><U+009B><U+202E><U+2069>y")
        #expect(UnsafeCharacters.neutralised("one\ntwo\tthree") == "one\ntwo\tthree")
        #expect(UnsafeCharacters.neutralised("one\ntwo", keepingLineBreaks: false) == "one␊two")
        let clean = "Nothing to change: é 👍 \u{200B}"
        #expect(UnsafeCharacters.neutralised(clean) == clean)
        // Every stand-in is itself allowed, so neutralising twice changes nothing more.
        let all = String(String.UnicodeScalarView((UInt32(0)...0x2070).compactMap(Unicode.Scalar.init)))
        let once = UnsafeCharacters.neutralised(all, keepingLineBreaks: false)
        #expect(UnsafeCharacters.firstForbidden(in: once, multiline: false) == nil)
        #expect(UnsafeCharacters.neutralised(once, keepingLineBreaks: false) == once)
    }

    @Test func jsonKeepsValuesExactAndEscapesEveryForbiddenScalar() throws {
        let value = "esc\u{1B}[2K del\u{7F} c1\u{9B} rlo\u{202E} lri\u{2066} tab\t nl\n é"
        let json = JSONOutput.encode(["value": value])
        #expect(UnsafeCharacters.firstForbidden(in: json) == nil, "\(json)")
        #expect(json.contains("\\u007F") && json.contains("\\u009B") && json.contains("\\u202E") && json.contains("\\u2066"), "\(json)")
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        #expect(decoded["value"] == value)
    }

    @Test("the byte scan that clears most text agrees with the scalars, beside prose's £, quotes and dashes")
    func byteScanAgreesWithScalars() {
        for value: UInt32 in Array(0...0xFF) + Array(0x2000...0x20FF) + [0x2122, 0xFEFF, 0x1F44D] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for multiline in [true, false] {
                let text = "£5 “quoted” – " + String(Character(scalar)) + " …"
                let expected = UnsafeCharacters.isAllowed(scalar, multiline: multiline) ? nil : 14
                #expect(UnsafeCharacters.firstForbidden(in: text, multiline: multiline)?.offset == expected,
                        "\(UnsafeCharacters.name(scalar)) multiline: \(multiline)")
                // In plain ASCII, at every place of the eight-byte words the scan passes over.
                for place in 0..<17 {
                    let ascii = String(repeating: "a", count: place) + String(Character(scalar)) + String(repeating: "b", count: 9)
                    let allowed = UnsafeCharacters.isAllowed(scalar, multiline: multiline)
                    #expect(UnsafeCharacters.firstForbidden(in: ascii, multiline: multiline)?.offset == (allowed ? nil : place),
                            "\(UnsafeCharacters.name(scalar)) at \(place) multiline: \(multiline)")
                }
            }
        }
    }
}
