import Foundation
import Testing
@testable import PlanKit

@Suite struct ZZDebugDiff {
    @Test func show() throws {
        for name in ImportSources.names {
            let diffs = PlanComparison.differences(imported: try ImportSources.imported(name).plan, transcribed: try #require(try ImportSources.transcribed(name)))
            print("=== \(name)")
            for d in diffs { print("DIFF \(d.subject) | \(d.field) | \(d.imported) | \(d.transcribed)") }
        }
    }
}
