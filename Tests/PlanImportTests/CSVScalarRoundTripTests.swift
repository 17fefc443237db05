import Foundation
import PropertyBased
import Testing
@testable import PlanImport
@testable import PlanKit

/// The CSV writer (`CSVRecords`) and reader (`CSVTokenizer`) on Unicode scalars: tables whose
/// cells hold quotes, commas and line breaks, also with a combining mark after them, read back
/// cell for cell by Python's csv module (a byte-level reader, as spreadsheets are) and by
/// plantool's own tokenizer.
@Suite struct CSVScalarRoundTripTests {
    static let pieces = ["\"", ",", "\r", "\n", "\r\n", "\u{301}", "\u{308}", "😀", "👍🏽", "👩‍👩‍👧", "🇬🇧",
                         "word", "two words", " ", "é", "x"]

    /// A table of 1–6 rows and 2–5 columns (a row of one empty cell would be an empty line,
    /// which readers take for no cells at all), each cell 0–6 pieces.
    static let tables = Generator<[[String]], Shrink.None<[[String]]>>(run: { rng in
        let columns = 2 + Int(rng.next() % 4)
        return (0..<(1 + Int(rng.next() % 6))).map { _ in
            (0..<columns).map { _ in
                (0..<Int(rng.next() % 7)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            }
        }
    })

    /// Cells compared scalar for scalar: `==` on String would let canonically equivalent text pass.
    static func scalars(_ rows: [[String]]) -> [[[Unicode.Scalar]]] {
        rows.map { $0.map { Array($0.unicodeScalars) } }
    }

    /// What the tokenizer documents for a line break inside a quoted cell: CRLF and CR read as LF.
    static func readAs(_ cell: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = cell.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\r" {
                if pending == "\n" { pending = scalars.next() }
                out.append("\n")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Python's csv module reads each text (given as a JSON list on standard input).
    static func pythonReads(_ texts: [String]) throws -> [[[String]]] {
        let script = """
            import csv, io, json, sys
            texts = json.loads(sys.stdin.buffer.read().decode("utf-8"))
            print(json.dumps([list(csv.reader(io.StringIO(t, newline=""))) for t in texts]))
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.json")
        try JSONEncoder().encode(texts).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.standardInput = try FileHandle(forReadingFrom: input)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 failed")
        return try JSONDecoder().decode([[[String]]].self, from: data)
    }

    @Test func pythonReadsWhatIsWritten() async {
        await propertyCheck(count: 1, input: Self.tables.array(of: 200)) { tables in
            let read = try Self.pythonReads(tables.map(CSVRecords.text))
            try #require(read.count == tables.count)
            for (table, back) in zip(tables, read) {
                #expect(Self.scalars(back) == Self.scalars(table), "\(CSVRecords.text(table).debugDescription)")
            }
        }
    }

    @Test func tokenizerReadsWhatIsWritten() async {
        await propertyCheck(count: 1_000, input: Self.tables) { table in
            let text = CSVRecords.text(table)
            let read = try CSVTokenizer.records(text).map { $0.map(\.value) }
            #expect(Self.scalars(read) == Self.scalars(table.map { $0.map(Self.readAs) }), "\(text.debugDescription)")
        }
    }

    // MARK: Examples

    static func values(_ text: String) throws -> [[[Unicode.Scalar]]] {
        scalars(try CSVTokenizer.records(text).map { $0.map(\.value) })
    }

    @Test func combiningMarksAfterQuotesCommasAndBreaks() throws {
        #expect(try Self.values("\"a,\u{301}b\",\"\"\"\u{301}x\"\n\"l\n\u{301}m\",n\u{301}\r\n") ==
                Self.scalars([["a,\u{301}b", "\"\u{301}x"], ["l\n\u{301}m", "n\u{301}"]]))
        // A cell that starts with a combining mark, after a separator it must not join.
        #expect(try Self.values("a,\u{301}b\n\u{308},c") == Self.scalars([["a", "\u{301}b"], ["\u{308}", "c"]]))
        // The byte-level reading of what the Character-level writer used to write unquoted.
        #expect(try Self.values("a,\u{301}b") == Self.scalars([["a", "\u{301}b"]]))
    }

    @Test func breaksAndByteOrderMark() throws {
        #expect(try Self.values("\u{FEFF}a,b\r\nc,d\re,f\n") == Self.scalars([["a", "b"], ["c", "d"], ["e", "f"]]))
        #expect(try Self.values("") == [])
        #expect(try Self.values("\u{FEFF}") == [])
        let places = try CSVTokenizer.records("\u{FEFF}a,😀,👩‍👩‍👧,\"x\ny\",z\r\nw").flatMap { $0.map(\.place) }
        #expect(places == [.init(line: 1, column: 1), .init(line: 1, column: 3), .init(line: 1, column: 5),
                           .init(line: 1, column: 7), .init(line: 2, column: 4), .init(line: 3, column: 1)])
    }

    static func refusal(_ text: String) throws -> ImportError {
        try #require(throws: ImportError.self) { try CSVTokenizer.records(text) }
    }

    @Test func refusalsKeepTheirWordsAndPlaces() throws {
        let after = try Self.refusal("😀,\"a\"b,c")
        #expect(after.message.hasPrefix("unexpected 'b' after the closing quote of a quoted cell;"))
        #expect(after.place == .init(line: 1, column: 6))
        let inside = try Self.refusal("a,b\r\n👩‍👩‍👧x\"y")
        #expect(inside.message.hasPrefix("a quote (\") inside an unquoted cell;"))
        #expect(inside.place == .init(line: 2, column: 3))
        let open = try Self.refusal("a\n\"b\r\nc")
        #expect(open.message.hasPrefix("unterminated quote:"))
        #expect(open.place == .init(line: 2, column: 1))
        // A quote is a quote with a combining mark on it: refused in an unquoted cell.
        #expect(try Self.refusal("a\"\u{301}b").place == .init(line: 1, column: 2))
    }

    @Test("a formula character with a combining mark after it still gets its apostrophe, and reads back without it")
    func formulaStartWithACombiningMark() throws {
        for text in ["=\u{301}1+1", "+\u{308}x", "-\u{301}", "@\u{301}a", "'\u{301}quoted", "\t\u{301}x"] {
            let written = CSVExport.neutralised(text)
            #expect(written.unicodeScalars.first == "'", "\(Array(text.unicodeScalars))")
            let read = try CSVTokenizer.records(CSVRecords.text([[written, "x"]]))
            #expect(read.first.map { Array($0[0].value.unicodeScalars) } == Array(text.unicodeScalars), "\(Array(text.unicodeScalars))")
        }
    }
}
