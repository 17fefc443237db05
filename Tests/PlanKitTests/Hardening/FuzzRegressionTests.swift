import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// Inputs the fuzz campaign (scripts/fuzz, RELIABILITY.md) found to crash plantool, kept so the
/// crash stays fixed.
@Suite struct FuzzRegressionTests {
    static let fixtures = Paths.packageRoot.appendingPathComponent("Tests/PlanKitTests/Fixtures/fuzz")

    /// A ZIP whose end-of-central-directory record puts the central directory past the end of the
    /// file (22 bytes). ZIPFoundation's in-memory archive stopped the program with "Range
    /// requires lowerBound <= upperBound" in MemoryFile.readData; DocxReader now refuses it.
    static let centralDirectoryPastTheEnd: [UInt8] = [
        0x50, 0x4B, 0x05, 0x06,  // end of central directory
        0x00, 0x00, 0x00, 0x00,  // disk numbers
        0x01, 0x00, 0x01, 0x00,  // one entry
        0x2E, 0x00, 0x00, 0x00,  // central directory: 46 bytes
        0x00, 0x00, 0x01, 0x00,  // at offset 65536, past the end
        0x00, 0x00,              // no comment
    ]

    @Test func docxWhoseCentralDirectoryIsPastTheEndIsRefused() {
        #expect(throws: ImportError.self) {
            try DocxReader.read(Data(Self.centralDirectoryPastTheEnd))
        }
    }

    /// The input the fuzzer found (an exported DOCX with bytes overwritten): a local header
    /// offset points past the end of the archive.
    @Test func fuzzedDocxWithAnOffsetPastTheEndIsRefused() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("docx-offset-past-end.docx"))
        #expect(throws: ImportError.self) {
            try DocxReader.read(data)
        }
    }

    /// Cut short anywhere, the fuzzer's DOCX is refused, never a crash.
    @Test func truncationsOfTheFuzzedDocxAreRefused() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("docx-offset-past-end.docx"))
        for end in stride(from: 0, to: data.count, by: 97) {
            #expect(throws: (any Error).self) {
                _ = try PlanImporter.interpret(try DocxReader.read(data.prefix(end)))
            }
        }
    }
}

/// A hang the campaign found: the DOCX's `word/document.xml` is a deflate stream cut short (a
/// stored block that claims 65,535 bytes, 13 present). ZIPFoundation (0.9.20, `Data.decode`)
/// reads on past the end of the file and loops for ever; DocxReader now inflates compressed
/// entries itself, from the entry's own bytes, and reports a stream that stops early as damage.
@Suite struct FuzzKnownHangTests {
    @Test(.timeLimit(.minutes(1)))
    func docxWhoseDeflateStreamIsCutShortIsRefused() throws {
        let data = try Data(contentsOf: FuzzRegressionTests.fixtures.appendingPathComponent("docx-deflate-cut-short.docx"))
        #expect(throws: ImportError.self) {
            try DocxReader.read(data)
        }
    }
}
