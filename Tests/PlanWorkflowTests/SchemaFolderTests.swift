import Foundation
import PlanKit
import PlanWorkflow
import Testing

@Suite("A plan's schema folder")
struct SchemaFolderTests {
    @Test("every schema is written; one already there is kept, and one that differs is found")
    func write() throws {
        try withTemporaryFolder { plan in
            #expect(SchemaFolder.firstDiffering(in: plan) == nil)
            try SchemaFolder.write(into: plan)
            let names = try FileManager.default.contentsOfDirectory(atPath: SchemaFolder.url(in: plan).path).sorted()
            #expect(names == SchemaFiles.all.map(\.0).sorted())
            #expect(SchemaFolder.firstDiffering(in: plan) == nil)

            let changed = SchemaFolder.url(in: plan).appendingPathComponent(names[0])
            try Data("{}\n".utf8).write(to: changed)
            #expect(SchemaFolder.firstDiffering(in: plan)?.lastPathComponent == names[0])
            try SchemaFolder.write(into: plan)
            #expect(FileManager.default.contents(atPath: changed.path) == Data("{}\n".utf8))
        }
    }
}
