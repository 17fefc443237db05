import Foundation

/// Places in the repository, found from this file's own path.
enum Paths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // PlanKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let examples = packageRoot.appendingPathComponent("examples")

    /// Every example plan folder.
    static var examplePlans: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.sorted().map { examples.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("plan.yaml").path) }
    }

    /// Every YAML file of every example plan.
    static var exampleFiles: [URL] {
        examplePlans.flatMap { plan -> [URL] in
            let recs = plan.appendingPathComponent("recommendations")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: recs.path)) ?? []
            return [plan.appendingPathComponent("plan.yaml")]
                + names.filter { $0.hasSuffix(".yaml") }.sorted().map { recs.appendingPathComponent($0) }
        }
    }

    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
