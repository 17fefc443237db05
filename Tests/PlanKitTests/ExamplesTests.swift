import Foundation
import Testing
@testable import PlanKit

/// The four real plans transcribed in examples/ read without a problem and are already canonical.
@Suite struct ExamplesTests {
    @Test func thereAreFourExamplePlans() {
        #expect(Paths.examplePlans.map(\.lastPathComponent) ==
                ["central-functions-2020", "cgm-crc-2019", "ipp-recall-2023", "recall-culture-2020"])
    }

    @Test(arguments: Paths.examplePlans)
    func examplePlanLoadsWithoutDiagnostics(plan: URL) throws {
        let loaded = PlanLoader.load(PlanDirectory.files(of: plan, displayRoot: plan.lastPathComponent))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
        let model = try #require(loaded.plan)
        #expect(!model.recommendations.isEmpty)
        // Numbers run 1...n with no gaps.
        #expect(model.recommendations.map(\.number) == Array(1...model.recommendations.count))
    }

    @Test(arguments: Paths.exampleFiles)
    func fmtLeavesEveryExampleFileByteIdentical(file: URL) throws {
        let bytes = try Paths.bytes(file)
        let outcome = PlanFormatter.format(bytes, path: file.path, kind: PlanFileKind(fileName: file.lastPathComponent))
        #expect(outcome == .unchanged)
    }

    /// Counts from the source documents, so a transcription that drops a recommendation or an
    /// action is caught.
    @Test func exampleCountsMatchTheSources() throws {
        func plan(_ name: String) throws -> Plan {
            try #require(PlanLoader.load(PlanDirectory.files(of: Paths.examples.appendingPathComponent(name), displayRoot: name)).plan)
        }
        let central = try plan("central-functions-2020")
        #expect(central.recommendations.count == 24)
        #expect(central.recommendations.filter { $0.status == .partlyAgreed }.map(\.number) == [3, 7, 17, 22])
        #expect(central.recommendations[14].number == 15)  // printed as "5" in the source

        let cgm = try plan("cgm-crc-2019")
        #expect(cgm.recommendations.count == 8)
        #expect(cgm.recommendations[0].actions.map(\.id).prefix(5) == ["1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4"])
        #expect(cgm.recommendations[0].actions.contains { $0.id == "1.10" })
        #expect(cgm.recommendations[7].addressee == "Purple Futures")
        #expect(cgm.recommendations[7].status == .partlyAgreed)
        #expect(cgm.recommendations[7].reason?.categories == [.affordability])

        let ipp = try plan("ipp-recall-2023")
        #expect(ipp.recommendations.count == 11)
        #expect(ipp.info.summary == Summary(agreed: 11, partlyAgreed: 0, notAgreed: 0))
        #expect(ipp.info.report.published == Day(year: 2023, month: 12, day: 14))

        let recall = try plan("recall-culture-2020")
        #expect(recall.recommendations.count == 8)
        #expect(recall.info.revisions == [Revision(submitted: Day(year: 2021, month: 12, day: 7)!, title: "Action Plan Update")])
        let pilot = try #require(recall.recommendations[4].actions.first)
        #expect(pilot.target == .month(year: 2021, month: 7))
        #expect(pilot.currentTarget == .month(year: 2022, month: 3))
        #expect(recall.recommendations.allSatisfy { $0.actions.allSatisfy { !$0.updates.isEmpty } })
    }
}
