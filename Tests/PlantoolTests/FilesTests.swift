import Foundation
import Testing

@Suite("plan folders: links, folders, file names")
struct FilesTests {
    // MARK: 11. Entries that are not regular files

    @Test("a recommendation file that is a symbolic link is reported and not followed")
    func symbolicLinkIsReported() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": Fixture.recommendation(1)])
            // The target has an error and is not canonical: following the link would show either.
            let target = try write("""
                number: 2
                addressee:    HM Prison and Probation Service
                text: Improve the quality of recall decisions
                status: maybe

                """, to: "elsewhere/02.yaml", in: dir)
            let targetBytes = try #require(bytes(of: target))
            let link = plan.appendingPathComponent("recommendations/02.yaml")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../../elsewhere/02.yaml")

            let check = run(["check"], in: plan)
            #expect(check.status == 1, "\(check)")
            let places = check.errors.map { "\($0.path):\($0.line.map(String.init) ?? "-") \($0.rule)" }
            #expect(places == ["recommendations/02.yaml:- unreadable-file"], "\(check)")
            #expect(check.errors.first?.message.contains("symbolic link") == true, "\(check)")

            let fmt = run(["fmt"], in: plan)
            #expect(fmt.status == 1, "\(fmt)")
            #expect(fmt.errors.map(\.rule) == ["unreadable-file"], "\(fmt)")
            #expect(bytes(of: target) == targetBytes, "fmt wrote through the link")
            let type = try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType
            #expect(type == .typeSymbolicLink, "fmt replaced the link")
        }
    }

    @Test("a folder named 03.yaml in recommendations/ is reported, not a crash")
    func folderNamedLikeAFileIsReported() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: ".", in: dir, recommendations: ["01.yaml": Fixture.recommendation(1),
                                                                             "02.yaml": Fixture.recommendation(2)])
            try FileManager.default.createDirectory(at: plan.appendingPathComponent("recommendations/03.yaml"),
                                                    withIntermediateDirectories: false)
            let check = run(["check"], in: plan)
            #expect(check.status == 1, "\(check)")
            let places = check.errors.map { "\($0.path):\($0.line.map(String.init) ?? "-") \($0.rule)" }
            #expect(places == ["recommendations/03.yaml:- unreadable-file"], "\(check)")
            #expect(check.stderr.contains("checked 1 plan"), "\(check)")

            let fmt = run(["fmt"], in: plan)
            #expect(fmt.status == 1, "\(fmt)")
            #expect(fmt.errors.map(\.path) == ["recommendations/03.yaml"], "\(fmt)")
        }
    }

    // MARK: 12. File names and numbers

    @Test("recommendation files must be named by their number, two digits at least, no extra zeros")
    func badFileNames() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: ".", in: dir, recommendations: [
                "01.yaml": Fixture.recommendation(1),
                "5.yaml": Fixture.recommendation(5),
                "003.yaml": Fixture.recommendation(3),
            ])
            let check = run(["check"], in: plan)
            #expect(check.status == 1, "\(check)")
            let places = check.errors.map { "\($0.path) \($0.rule)" }
            #expect(places == ["recommendations/003.yaml file-name", "recommendations/5.yaml file-name"], "\(check)")
            #expect(check.errors.first { $0.path.hasSuffix("/5.yaml") }?.message.contains("05.yaml") == true, "\(check)")
            #expect(check.errors.first { $0.path.hasSuffix("/003.yaml") }?.message.contains("03.yaml") == true, "\(check)")
        }
    }

    @Test("a file 05.yaml whose number is 6 breaks number-mismatch")
    func numberMismatch() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: ".", in: dir, recommendations: [
                "01.yaml": Fixture.recommendation(1),
                "05.yaml": Fixture.recommendation(6),
            ])
            let check = run(["check"], in: plan)
            #expect(check.status == 1, "\(check)")
            // Line 2 (after the modeline), column 9: the value of `number:`.
            let places = check.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" }
            #expect(places == ["recommendations/05.yaml:2:9 number-mismatch"], "\(check)")
            #expect(check.errors.first?.message.contains("06.yaml") == true, "\(check)")
        }
    }
}
