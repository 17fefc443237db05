import Foundation
import PropertyBased
import Testing
@testable import PlanImport
@testable import PlanKit

/// Real plan files and Word text, mutated the way editors, mail programs and careless pastes
/// damage them: bytes flipped, runs deleted, YAML-significant characters inserted, lines
/// duplicated, the file cut short. The reader and the importer answer every one without crashing,
/// and every answer points inside the file it reads.
@Suite struct MutationPropertyTests {
    // MARK: corpora

    static let yamlFiles: [[UInt8]] = Paths.exampleFiles.compactMap { try? Paths.bytes($0) }
    static let planFiles: [[UInt8]] = Paths.examplePlans.compactMap { try? Paths.bytes($0.appendingPathComponent("plan.yaml")) }
    static let wordTexts: [[UInt8]] = {
        let sources = Paths.examples.appendingPathComponent("sources")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
            .compactMap { try? Paths.bytes(sources.appendingPathComponent($0)) }
    }()

    /// Pieces that mean something to YAML (and to Word's text: tabs, line ends, HTML).
    static let significant: [[UInt8]] = [
        ": ", "- ", "-", "? ", "\t", "#", " #", "&a ", "*a", "!!str ", "!!binary ", "!x ", "{", "}", "[", "]", ",", "'", "\"",
        "|", "|-", ">", ">+", "%YAML 1.2\n", "---\n", "...\n", "<<: ", "\u{FEFF}", "\n", "\r", "\r\n", "\u{0}", "\u{85}",
        "\u{2028}", "~", "null", "  ", "\\", "<p>", "</p>", "<ul>", "<li>", "&amp;", "&#", "\u{0B}", "\u{0C}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    /// One of `corpus`, with 1 to 8 mutations.
    static func mutations(of corpus: [[UInt8]]) -> Generator<[UInt8], Shrink.None<[UInt8]>> {
        Generator(run: { rng in
            var bytes = corpus[Int(rng.next() % UInt64(corpus.count))]
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                mutate(&bytes, &rng)
            }
            return bytes
        })
    }

    static func mutate(_ bytes: inout [UInt8], _ rng: inout any SeededRandomNumberGenerator) {
        guard !bytes.isEmpty else {
            bytes = significant[Int(rng.next() % UInt64(significant.count))]
            return
        }
        let at = Int(rng.next() % UInt64(bytes.count))
        switch rng.next() % 6 {
        case 0:  // flip one bit, or replace a byte
            if rng.next() % 2 == 0 {
                bytes[at] ^= 1 << UInt8(rng.next() % 8)
            } else {
                bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            }
        case 1:  // delete a run
            bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(rng.next() % 40)))
        case 2:  // insert something YAML reads
            bytes.insert(contentsOf: significant[Int(rng.next() % UInt64(significant.count))], at: at)
        case 3:  // duplicate a line, in place or elsewhere
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            let line = lines[Int(rng.next() % UInt64(lines.count))]
            lines.insert(line, at: Int(rng.next() % UInt64(lines.count + 1)))
            bytes = Array(lines.joined(separator: [0x0A]))
        case 4:  // cut short
            bytes.removeSubrange(at...)
        default:  // copy a run elsewhere
            let end = min(bytes.count, at + Int(rng.next() % 120))
            let run = Array(bytes[at..<end])
            bytes.insert(contentsOf: run, at: Int(rng.next() % UInt64(bytes.count + 1)))
        }
    }

    /// How many lines the file has, counting every line end YAML counts (LF, CR, CRLF, NEL, LS,
    /// PS); bytes that are not UTF-8 count as one character each.
    static func lineCount(_ bytes: [UInt8]) -> Int {
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

    /// The reader's answer: a value or an error, and every diagnostic inside the file.
    static func checkAnswer<T>(_ parsed: ParsedFile<T>, _ input: [UInt8], _ what: String) {
        #expect(parsed.value != nil || parsed.diagnostics.hasErrors, "\(what): no value and no error")
        let lines = lineCount(input)
        for d in parsed.diagnostics {
            #expect(d.path == what)
            guard let location = d.location else { continue }
            #expect(location.line >= 1 && location.line <= lines + 1 && location.column >= 1,
                    "\(what): \(d) is outside a file of \(lines) lines")
        }
    }

    // MARK: the YAML reader

    @Test func mutatedRecommendationsAreReadOrRefusedInsideTheFile() async throws {
        try #require(!Self.yamlFiles.isEmpty)
        await propertyCheck(count: 300, input: Self.mutations(of: Self.yamlFiles)) { input in
            let parsed = PlanFormat.parseRecommendation(input, path: "recommendations/01.yaml")
            Self.checkAnswer(parsed, input, "recommendations/01.yaml")
            if let rec = parsed.value {
                let again = PlanFormat.parseRecommendation(Array(CanonicalWriter.write(rec).utf8), path: "x.yaml")
                #expect(again.value == rec)
            }
        }
    }

    @Test func mutatedPlanFilesAreReadOrRefusedInsideTheFile() async throws {
        try #require(!Self.planFiles.isEmpty)
        await propertyCheck(count: 300, input: Self.mutations(of: Self.planFiles)) { input in
            let parsed = PlanFormat.parsePlanInfo(input, path: "plan.yaml")
            Self.checkAnswer(parsed, input, "plan.yaml")
            if let info = parsed.value {
                let again = PlanFormat.parsePlanInfo(Array(CanonicalWriter.write(info).utf8), path: "plan.yaml")
                #expect(again.value == info)
            }
        }
    }

    // MARK: the Word-text importer

    @Test func mutatedWordTextIsImportedOrRefused() async throws {
        try #require(!Self.wordTexts.isEmpty)
        await propertyCheck(count: 40, input: Self.mutations(of: Self.wordTexts)) { input in
            let result: ImportResult
            do throws(ImportError) {
                result = try PlanImporter.interpret(try WordTextReader.read(input))
            } catch {
                #expect(!error.message.isEmpty)
                if let place = error.place, place.label == nil {
                    #expect(place.line >= 1 && place.line <= Self.lineCount(input) + 1, "\(error)")
                }
                return
            }
            Self.checkImported(result.plan)
        }
    }

    /// An imported plan's files, written by the canonical writer, read back with no error.
    static func checkImported(_ plan: Plan) {
        let info = PlanFormat.parsePlanInfo(Array(CanonicalWriter.write(plan.info).utf8), path: "plan.yaml")
        #expect(!info.diagnostics.hasErrors, "\(info.diagnostics.map(\.description))")
        for rec in plan.recommendations {
            let parsed = PlanFormat.parseRecommendation(Array(CanonicalWriter.write(rec).utf8), path: "x.yaml")
            #expect(!parsed.diagnostics.hasErrors, "\(parsed.diagnostics.map(\.description))")
        }
    }
}
