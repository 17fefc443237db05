import Foundation
import Testing
@testable import PlanKit

@Suite struct ZZDebugDump {
    @Test func dump() throws {
        for name in ["central-functions-2020", "ipp-recall-2023", "recall-culture-2020"] {
            let url = Paths.examples.appendingPathComponent("sources/\(name).txt")
            let text = try String(contentsOf: url, encoding: .utf8)
            let doc = try WordTextReader.read(text)
            let result = try PlanImporter.interpret(doc)
            let out = URL(fileURLWithPath: "/tmp/import-dump/\(name)")
            try? FileManager.default.removeItem(at: out)
            try FileManager.default.createDirectory(at: out.appendingPathComponent("recommendations"), withIntermediateDirectories: true)
            try CanonicalWriter.write(result.plan.info).write(to: out.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
            for rec in result.plan.recommendations {
                try CanonicalWriter.write(rec).write(to: out.appendingPathComponent("recommendations/" + Recommendation.fileName(for: rec.number)), atomically: true, encoding: .utf8)
            }
            let remarks = result.remarks.map { "\($0.place) [\($0.kind)] \($0.subject ?? "-"): \($0.message)" }.joined(separator: "\n")
            try remarks.write(to: out.appendingPathComponent("remarks.txt"), atomically: true, encoding: .utf8)
        }
    }
}
