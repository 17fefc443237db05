import Foundation

/// The example plans and their source documents, found from this file's own path.
enum Paths {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PlanImportTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .appendingPathComponent("examples")

    /// Every example plan folder (a folder of examples/ with a plan.yaml).
    static var examplePlans: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.sorted().map { examples.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("plan.yaml").path) }
    }
}
