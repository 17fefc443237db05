import Foundation
import PlanKit
import Testing

/// The exact output of `plantool diff` (standard output only) against golden files in
/// Tests/PlantoolTests/Golden/diff: the recall-culture demo (December 2020 → December 2021) in
/// every format, and a small synthetic change set with every kind of change. Record with
/// PLANTOOL_RECORD_GOLDEN=1 (the recording run fails, saying so).
@Suite("plantool diff: golden output")
struct DiffGoldenTests {
    // MARK: the recall-culture demo

    @Test("the demo's diff v1 v2: text, markdown, json and --stat")
    func demo() throws {
        try withTemporaryDirectory { dir in
            let (repo, script) = try Demo.build(in: dir)
            let text = diff(["v1", "v2"], in: repo)
            #expect(text.status == 0, "\(text)")
            #expect(text.stderr.isEmpty, "\(text)")
            // The demo script itself ends by printing the same diff.
            #expect(script.stdout == text.stdout)
            Golden.check(text.stdout, against: "demo.txt")

            let markdown = diff(["v1", "v2", "--format", "markdown"], in: repo)
            #expect(markdown.status == 0, "\(markdown)")
            Golden.check(markdown.stdout, against: "demo.md")

            let json = diff(["v1", "v2", "--format", "json"], in: repo)
            #expect(json.status == 0, "\(json)")
            Golden.check(json.stdout, against: "demo.json")

            let stat = diff(["v1", "v2", "--stat"], in: repo)
            #expect(stat.status == 0, "\(stat)")
            Golden.check(stat.stdout, against: "demo.stat.txt")
        }
    }

    /// What really happened between the plan of 7 December 2020 and its update of 7 December 2021
    /// (examples/recall-culture-2020 and its source), independently of the golden files.
    @Test("the demo's diff says what really changed between December 2020 and December 2021")
    func demoFacts() throws {
        try withTemporaryDirectory { dir in
            let (repo, _) = try Demo.build(in: dir)
            let json = try diffJSON(["v1", "v2"], in: repo)
            #expect(json.old == "v1" && json.new == "v2")
            #expect(json.version == 2 && json.tool == "plantool")
            // Every file changed (v1 has no updates and no revisions): 9 files on both sides.
            #expect(json.parsedFiles == 18)

            // One "Update December 2021" per action: 11 actions, each one change, carrying what
            // the update did to the action's current target, state and owners.
            let updates = json.changes(of: .updateAdded)
            let updated = updates.map { $0.action ?? "" }
            #expect(updated == ["1.1", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2", "5.1", "6.1", "7.1", "8.1"])
            let places = updates.allSatisfy { $0.field == "actions[\($0.action ?? "")].updates[2021-12]" && $0.update == "2021-12" }
            #expect(places)

            // Targets: 5.1 July 2021 → March 2022 (8 months), 7.1 June 2021 → March 2022 (9),
            // 3.2 and 4.2 November 2021 → January 2022 (2): slips, though made by updates.
            let slips = json.changes.filter(\.isSlip)
            let months = Dictionary(uniqueKeysWithValues: slips.map { ($0.action ?? "", $0.months ?? 0) })
            #expect(months == ["3.2": 2, "4.2": 2, "5.1": 8, "7.1": 9])
            let t51 = try #require(json.change(.updateAdded, action: "5.1"))
            #expect(t51.currentTarget == Move(old: "2021-07", new: "2022-03") && t51.recommendation == 5)
            #expect(t51.summary == "action 5.1: update 2021-12 added: target slipped 8 months (2021-07 → 2022-03)")
            #expect(t51.updateValue?.target == "2022-03" && t51.updateValue?.text.hasPrefix("The PPG and the Parole Board are running") == true)

            // Completed in the year: 1.1, 2.1, 3.1, 4.1, 6.1, 8.1 (2.2 was completed already).
            let completed = json.changes.filter(\.completes).map { $0.action ?? "" }
            #expect(completed == ["1.1", "2.1", "3.1", "4.1", "6.1", "8.1"])
            let plannedToCompleted = json.changes.filter(\.completes).allSatisfy { $0.currentState == Move(old: "planned", new: "completed") }
            #expect(plannedToCompleted)

            // 3.2 and 4.2 passed from "Probation Deputy Director, Courts" to the Senior
            // Responsible Officer for the Probation Reform Programme.
            let owners = json.changes.filter { $0.currentOwners != nil }
            #expect(owners.map { $0.action ?? "" } == ["3.2", "4.2"])
            let handedOver = owners.allSatisfy {
                $0.currentOwners == Move(old: "Probation Deputy Director, Courts", new: "Senior Responsible Officer for the Probation Reform Programme")
            }
            #expect(handedOver)

            // The plan records the update as a revision.
            let plan = json.changes(of: .planChanged)
            #expect(plan.count == 1, "\(plan.map(\.summary))")
            #expect(plan.first?.field == "revisions[2021-12-07]" && plan.first?.added == ["Action Plan Update 2021-12-07"])

            // Nothing else: no recommendation, status, text, action or note changed.
            #expect(Set(json.kinds) == [.planChanged, .updateAdded])
            #expect(json.counts == ["plan-changed": 1, "update-added": 11])

            let markdown = diff(["v1", "v2", "--format", "markdown"], in: repo).stdout
            #expect(markdown.hasPrefix("**Plan changes** v1 → v2: 4 targets slipped, 6 actions completed, "))
            #expect(markdown.contains("- ⚠️ **action 5.1: update December 2021 added: target slipped 8 months (July 2021 → March 2022)**\n"))
        }
    }

    // MARK: a synthetic change set with every kind

    static let before: [String: String?] = [
        "plan.yaml": """
            format: 1
            title: Synthetic plan
            organisation: HM Prison and Probation Service
            inspectorate: HM Inspectorate of Probation
            report:
              title: Synthetic report
              published: "2021-01-15"
            submitted: "2021-02-01"

            """,
        "recommendations/01.yaml": """
            number: 1
            addressee: HM Prison and Probation Service
            text: Introduce a revised process for issuing licence warnings
            status: agreed
            actions:
              - id: "1.1"
                text: Develop guidance for a revised process for issuing licence warnings
                owners:
                  - Deputy Director, Public Protection Group
                target: 2021-07
                state: planned
              - id: "1.2"
                text: Amend the Touch Points Model
                owners:
                  - Deputy Director, Public Protection Group
                target: 2021-09
                state: planned

            """,
        "recommendations/02.yaml": """
            number: 2
            addressee: HM Prison and Probation Service
            text: Review the use and effectiveness of alternatives to recall
            status: agreed
            actions:
              - id: "2.1"
                text: Review the alternatives to recall in every region
                owners:
                  - Deputy Director, Effective Practice and Service Improvement Group
                target: 2021-12
                state: planned
                updates:
                  - date: 2021-06
                    text: The review has started in two regions
              - id: "2.2"
                text: Publish the review's findings
                target: 2022-06
                updates:
                  - date: 2021-03
                    text: The publication is planned
                  - date: 2021-06
                    text: A draft is written

            """,
        "recommendations/03.yaml": """
            number: 3
            addressee: HM Prison and Probation Service
            text: Analyse information on recalls to identify variations in practice
            status: agreed
            actions: []

            """,
        "recommendations/04.yaml": """
            number: 4
            addressee: HM Prison and Probation Service
            text: Ensure that bias in recall decisions is reviewed as part of the recall quality assurance process
            status: agreed
            actions:
              - id: "4.1"
                text: Incorporate consideration of unconscious bias in the quality assurance process
                owners:
                  - Deputy Director, Effective Practice and Service Improvement Group
                target: 2021-03
                state: planned

            """,
        "recommendations/05.yaml": """
            number: 5
            addressee: HM Prison and Probation Service
            text: Review the Part B risk assessment process
            status: agreed
            actions:
              - id: "5.1"
                text: Pilot a longer timescale for Part B reports
                owners:
                  - Deputy Director, Public Protection Group
                target: 2021-07
                state: planned

            """,
        "recommendations/06.yaml": """
            number: 6
            addressee: HM Prison and Probation Service
            text: Review the operation of executive release
            status: partly-agreed
            implemented-part: The review of the process
            reason:
              categories: [affordability]
              text: resourcing need and affordability will need to be balanced
            actions:
              - id: "6.1"
                text: Review the operation of the Executive Release process
                owners:
                  - Deputy Director, Public Protection Group
                target: 2021-03
                state: planned

            """,
    ]

    static let after: [String: String?] = [
        // plan-changed: a revision added.
        "plan.yaml": """
            format: 1
            title: Synthetic plan
            organisation: HM Prison and Probation Service
            inspectorate: HM Inspectorate of Probation
            report:
              title: Synthetic report
              published: "2021-01-15"
            submitted: "2021-02-01"
            revisions:
              - submitted: "2022-02-01"
                title: Action Plan Update

            """,
        // text-changed, field-changed (addressee); 1.1: action-text-changed, owner-changed,
        // target-changed (slipped), state-changed (completed), note-changed; 1.2 removed, 1.3 added.
        "recommendations/01.yaml": """
            number: 1
            addressee: Ministry of Justice
            text: Introduce a revised national process for issuing licence warnings
            status: agreed
            actions:
              - id: "1.1"
                text: Develop and publish guidance for a revised process for issuing licence warnings
                owners:
                  - Senior Responsible Officer, Probation Reform Programme
                target: 2022-01
                state: completed
                note: January 2022 at the latest
              - id: "1.3"
                text: Train every region in the revised process
                owners:
                  - Deputy Director, Public Protection Group
                target: 2022-03
                state: planned

            """,
        // 2.1: the update reworded (update-changed), a new update bringing the target forward;
        // 2.2 moved first (order-changed), its first update removed.
        "recommendations/02.yaml": """
            number: 2
            addressee: HM Prison and Probation Service
            text: Review the use and effectiveness of alternatives to recall
            status: agreed
            actions:
              - id: "2.2"
                text: Publish the review's findings
                target: 2022-06
                updates:
                  - date: 2021-06
                    text: A draft is written
              - id: "2.1"
                text: Review the alternatives to recall in every region
                owners:
                  - Deputy Director, Effective Practice and Service Improvement Group
                target: 2021-12
                state: planned
                updates:
                  - date: 2021-06
                    text: The review has started in three regions
                  - date: 2021-09
                    text: The review will finish early
                    state: in-progress
                    target: 2021-10

            """,
        // recommendation-removed.
        "recommendations/03.yaml": nil,
        // recommendation-renumbered: 4 is now 8, unchanged.
        "recommendations/04.yaml": nil,
        "recommendations/08.yaml": """
            number: 8
            addressee: HM Prison and Probation Service
            text: Ensure that bias in recall decisions is reviewed as part of the recall quality assurance process
            status: agreed
            actions:
              - id: "4.1"
                text: Incorporate consideration of unconscious bias in the quality assurance process
                owners:
                  - Deputy Director, Effective Practice and Service Improvement Group
                target: 2021-03
                state: planned

            """,
        // unreadable: status maybe.
        "recommendations/05.yaml": """
            number: 5
            addressee: HM Prison and Probation Service
            text: Review the Part B risk assessment process
            status: maybe
            actions:
              - id: "5.1"
                text: Pilot a longer timescale for Part B reports
                owners:
                  - Deputy Director, Public Protection Group
                target: 2021-07
                state: planned

            """,
        // field-changed (theme set, implemented-part removed), status-changed, reason-changed.
        "recommendations/06.yaml": """
            number: 6
            addressee: HM Prison and Probation Service
            theme: Release
            text: Review the operation of executive release
            status: not-agreed
            reason:
              categories: [affordability, policy]
              text: resourcing need and affordability will need to be balanced
            actions:
              - id: "6.1"
                text: Review the operation of the Executive Release process
                owners:
                  - Deputy Director, Public Protection Group
                target: 2021-03
                state: planned

            """,
        // recommendation-added.
        "recommendations/07.yaml": """
            number: 7
            addressee: HM Prison and Probation Service
            text: Ensure there is the necessary time to assess potential release addresses
            status: agreed
            actions:
              - id: "7.1"
                text: Issue revised Home Detention Curfew guidance to practitioners
                owners:
                  - Deputy Director Prisons, Director General Prisons
                target: 2022-06
                state: planned

            """,
    ]

    /// A repository with the synthetic plan at its top, tagged `before` and `after`.
    static func synthetic(in dir: URL) throws -> URL {
        let repo = try DiffRepo.empty(in: dir)
        try DiffRepo.commit(before, in: repo, message: "Before")
        try gitOK(["tag", "before"], in: repo)
        try DiffRepo.commit(after, in: repo, message: "After")
        try gitOK(["tag", "after"], in: repo)
        return repo
    }

    @Test("a synthetic change set with every kind of change: markdown and json")
    func synthetic() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.synthetic(in: dir)
            let json = try diffJSON(["before", "after"], in: repo)
            #expect(Set(json.kinds) == Set(ChangeKind.allCases), "missing: \(Set(ChangeKind.allCases).subtracting(json.kinds))")

            let markdown = diff(["before", "after", "--format", "markdown"], in: repo)
            #expect(markdown.status == 0, "\(markdown)")
            Golden.check(markdown.stdout, against: "synthetic.md")
            let jsonRun = diff(["before", "after", "--format", "json"], in: repo)
            #expect(jsonRun.status == 0, "\(jsonRun)")
            Golden.check(jsonRun.stdout, against: "synthetic.json")
        }
    }

    // MARK: the JSON schema

    static let schema = PackagePaths.schema.appendingPathComponent("diff.schema.json")

    @Test("--format json validates against schema/diff.schema.json (python3 jsonschema)",
          .enabled(if: FileManager.default.fileExists(atPath: DiffGoldenTests.schema.path), "schema/diff.schema.json does not exist yet"),
          .enabled(if: ToolOnPath.pythonWithJSONSchema != nil, "python3 with jsonschema is not installed"))
    func schemaValidates() throws {
        try withTemporaryDirectory { dir in
            let schema = try String(contentsOf: Self.schema, encoding: .utf8)
            let (demo, _) = try Demo.build(in: dir)
            let repo = try Self.synthetic(in: dir)
            var outputs: [(String, String)] = [
                ("demo v1 v2", diff(["v1", "v2", "--format", "json"], in: demo).stdout),
                ("synthetic before after", diff(["before", "after", "--format", "json"], in: repo).stdout),
                ("no changes", diff(["after", "after", "--format", "json"], in: repo).stdout),
            ]
            // A change with word segments and months of every sign.
            outputs.append(("demo v2 v1", diff(["v2", "v1", "--format", "json"], in: demo).stdout))
            for (name, output) in outputs {
                #expect(!output.isEmpty, "\(name): no output")
                let problems = try ToolOnPath.validate(output, schema: schema, in: dir)
                #expect(problems == nil, "\(name): the output does not validate against schema/diff.schema.json:\n\(problems ?? "")")
            }
            // The check has teeth: an unknown kind is refused.
            let wrong = outputs[0].1.replacingOccurrences(of: "\"kind\" : \"update-added\"", with: "\"kind\" : \"update-moved\"")
            #expect(wrong != outputs[0].1)
            #expect(try ToolOnPath.validate(wrong, schema: schema, in: dir) != nil, "a change of an unknown kind must not validate")
        }
    }
}
