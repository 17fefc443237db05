import Foundation
@testable import PlanImport
@testable import PlanKit

/// The source documents in examples/sources and the example plans transcribed from them.
enum ImportSources {
    static let names = ["central-functions-2020", "ipp-recall-2023", "recall-culture-2020"]

    static func text(_ name: String) throws -> String {
        try String(contentsOf: Paths.examples.appendingPathComponent("sources/\(name).txt"), encoding: .utf8)
    }

    static func imported(_ name: String) throws -> ImportResult {
        try PlanImporter.interpret(WordTextReader.read(text(name)))
    }

    static func transcribed(_ name: String) throws -> Plan? {
        let folder = Paths.examples.appendingPathComponent(name)
        return PlanLoader.load(PlanDirectory.files(of: folder, displayRoot: name)).plan
    }
}
