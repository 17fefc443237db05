import Foundation
import Testing

@Suite("plantool init")
struct InitTests {
    static let initArguments = ["init", "newplan", "--title", "T", "--report-title", "R",
                                "--published", "2024-01-02", "--submitted", "2024-02-03"]

    @Test("init creates a plan that checks clean and is already canonical")
    func initCreatesCanonicalPlan() throws {
        try withTemporaryDirectory { dir in
            let result = run(Self.initArguments, in: dir)
            #expect(result.status == 0, "\(result)")
            let plan = dir.appendingPathComponent("newplan")
            let planFile = plan.appendingPathComponent("plan.yaml")
            let text = try #require(bytes(of: planFile).map { String(decoding: $0, as: UTF8.self) })
            #expect(text.contains("title: T\n"), "\(text)")
            #expect(text.contains("  title: R\n"), "\(text)")
            #expect(text.contains("2024-01-02"), "\(text)")
            #expect(text.contains("2024-02-03"), "\(text)")

            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: plan.appendingPathComponent("recommendations").path,
                                                   isDirectory: &isDirectory) && isDirectory.boolValue)
            for name in ["plan.schema.json", "recommendation.schema.json"] {
                let written = bytes(of: plan.appendingPathComponent("schema/\(name)"))
                let original = bytes(of: PackagePaths.schema.appendingPathComponent(name))
                #expect(original != nil, "schema/\(name) missing from the package")
                #expect(written == original, "schema/\(name) differs from the package's")
            }

            let check = run(["check"], in: plan)
            #expect(check.status == 0, "\(check)")
            #expect(!check.stdout.contains("error:"), "\(check)")

            let before = bytes(of: planFile)
            let fmt = run(["fmt", "--check"], in: plan)
            #expect(fmt.status == 0, "\(fmt)")
            #expect(!fmt.stdout.contains("would reformat"), "\(fmt)")
            #expect(bytes(of: planFile) == before)
        }
    }

    @Test("init refuses a folder that already holds a plan and changes nothing")
    func initRefusesExistingPlan() throws {
        try withTemporaryDirectory { dir in
            let first = run(Self.initArguments, in: dir)
            #expect(first.status == 0, "\(first)")
            let planFile = dir.appendingPathComponent("newplan/plan.yaml")
            let before = try #require(bytes(of: planFile))

            let again = run(["init", "newplan", "--title", "Another title", "--published", "2025-05-05"], in: dir)
            #expect(again.status == 2, "\(again)")
            #expect(again.stderr.contains("already holds a plan"), "\(again)")
            #expect(bytes(of: planFile) == before)

            // From inside the plan folder too (DIR defaults to the current folder).
            let inside = run(["init", "--title", "Another title"], in: dir.appendingPathComponent("newplan"))
            #expect(inside.status == 2, "\(inside)")
            #expect(bytes(of: planFile) == before)
        }
    }

    @Test("init with an impossible date exits 2 and creates nothing")
    func initRefusesBadDate() throws {
        try withTemporaryDirectory { dir in
            let named = run(["init", "newplan", "--title", "T", "--published", "2024-13-01"], in: dir)
            #expect(named.status == 2, "\(named)")
            #expect(named.stderr.contains("--published"), "\(named)")
            #expect(named.stderr.contains("2024-13-01"), "\(named)")
            #expect(!exists(dir.appendingPathComponent("newplan")))

            let here = run(["init", "--published", "2024-13-01"], in: dir)
            #expect(here.status == 2, "\(here)")
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(left.isEmpty, "init created \(left)")
        }
    }
}
