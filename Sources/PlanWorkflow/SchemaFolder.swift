import Foundation
import PlanKit

/// A plan's `schema/` folder: the JSON schemas the files' first-line modelines point to, so that
/// editors validate plan files offline. Written by `init` and by an import into a new folder.
public enum SchemaFolder {
    public static func url(in plan: URL) -> URL {
        plan.appendingPathComponent("schema")
    }

    /// The first schema file in the plan that exists and differs from plantool's, if any.
    public static func firstDiffering(in plan: URL) -> URL? {
        for (name, contents) in SchemaFiles.all {
            let url = url(in: plan).appendingPathComponent(name)
            if let existing = FileManager.default.contents(atPath: url.path), existing != Data((contents + "\n").utf8) {
                return url
            }
        }
        return nil
    }

    /// Writes every schema file that is missing; one already there is left as it is.
    public static func write(into plan: URL) throws {
        let folder = url(in: plan)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, contents) in SchemaFiles.all {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { continue }
            try FileWriter.writeAtomically(contents + "\n", to: url)
        }
    }
}
