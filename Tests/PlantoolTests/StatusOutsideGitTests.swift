import Foundation
import Testing

/// `status --as-of` a past day on a plan folder outside git: read from the plan's own dated
/// updates, and said so in the header.
@Suite struct StatusOutsideGitTests {
    @Test("a day in 2021 on a copy of the recall-culture plan outside git: the updates dated after it are left out")
    func recallCultureIn2021() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("recall-culture-2020", into: dir)
            let june = run(["status", "--as-of", "2021-06-01"], in: plan)
            #expect(june.status == 0, "\(june)")
            #expect(june.stdout.contains("As of 1 June 2021, from the plan's own dated updates, not git history"), "\(june.stdout)")
            // Only the action completed when the plan was submitted; the December 2021 update is after the day.
            #expect(june.stdout.contains("11 actions: 10 planned, 0 in progress, 1 completed, 0 ongoing, 0 dropped"), "\(june.stdout)")
            #expect(june.stdout.contains("3.1  target March 2021, 2 months late"), "\(june.stdout)")
            // 5.1's target moved to March 2022 by the December 2021 update: not yet on 1 June 2021.
            #expect(june.stdout.contains("5.1  target July 2021 —"), "\(june.stdout)")
            #expect(june.stdout.contains("Slipped targets: 0"), "\(june.stdout)")

            let december = run(["status", "--as-of", "2021-12-07"], in: plan)
            #expect(december.status == 0, "\(december)")
            #expect(december.stdout.contains("11 actions: 4 planned, 0 in progress, 7 completed, 0 ongoing, 0 dropped"), "\(december.stdout)")
            #expect(december.stdout.contains("Action Plan Update on 7 December 2021"), "\(december.stdout)")
            #expect(december.stdout.contains("5.1  slipped once, 8 months in all: July 2021 → March 2022"), "\(december.stdout)")

            let json = run(["status", "--as-of", "2021-06-01", "--format", "json"], in: plan)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let first = try #require((object["plans"] as? [[String: Any]])?.first)
            #expect((first["source"] as? [String: Any])?["kind"] as? String == "dated-updates")
        }
    }

    @Test("a plan with no dated update outside git reads as it is written, on any past day")
    func planWithoutUpdates() throws {
        try withTemporaryDirectory { dir in
            let outside = try Fixture.plan(at: "loose", in: dir)
            let past = run(["status", "--as-of", "2021-01-01"], in: outside)
            #expect(past.status == 0, "\(past)")
            #expect(past.stdout.contains("from the plan's own dated updates, not git history"), "\(past.stdout)")
        }
    }
}
