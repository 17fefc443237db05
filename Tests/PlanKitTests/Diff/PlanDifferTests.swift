import Foundation
import PlanGit
import Testing
@testable import PlanKit

/// PlanDiffer on in-memory sides: each kind of change alone with all its fields, then several
/// together, matching by id, what is read, and files that do not parse.
@Suite("PlanDiffer")
struct PlanDifferTests {
    typealias F = DiffFixture

    static let rec5Text = "Review the responsibilities and the actions of the Part B risk assessment process, including the 10-day timescale"
    static let action51 = "The PPG and the Parole Board will pilot a longer timescale for the production of Part B reports"
    static let ppg = "Deputy Director, Public Protection Group"
    static let sro = "Senior Responsible Officer for the Probation Reform Programme"
    static let path5 = "recommendations/05.yaml"

    /// Recommendation 5 as first submitted: agreed, one planned action 5.1 due 2021-07.
    static var base: Recommendation {
        F.rec(5, text: rec5Text, actions: [F.action("5.1", text: action51, owners: [ppg], target: "2021-07")])
    }

    /// `base` with its action 5.1 changed by `edit`.
    static func withAction(_ edit: (inout Action) -> Void) -> Recommendation {
        var rec = base
        edit(&rec.actions[0])
        return rec
    }

    static func update(_ text: String = "The pilot has been extended into 2022 due to encouraging initial results",
                       date: String = "2021-12", state: ActionState? = nil, target: String? = nil,
                       owners: [String]? = nil) -> Update {
        Update(date: F.date(date), text: text, state: state, target: target.map(F.date), owners: owners)
    }

    /// The one change between two versions of recommendation 5 (fails unless there is exactly one).
    static func one(_ old: Recommendation, _ new: Recommendation,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Change {
        let changes = try F.changes(old, new, sourceLocation: sourceLocation)
        #expect(changes.count == 1, "expected one change, got \(changes.map(\.summary))", sourceLocation: sourceLocation)
        return try #require(changes.first, sourceLocation: sourceLocation)
    }

    // MARK: plan.yaml

    struct PlanCase: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable (inout PlanInfo) -> Void
        var field: String
        var old: String?
        var new: String?
        var summary: String
        var testDescription: String { name }
    }

    static let planCases: [PlanCase] = [
        PlanCase(name: "title changed", edit: { $0.title = "Recall Culture and Practice" }, field: "title",
                 old: "A Thematic Review of Probation Recall Culture and Practice", new: "Recall Culture and Practice",
                 summary: "plan: title changed from \"A Thematic Review of Probation Recall Culture and Practice\" to \"Recall Culture and Practice\""),
        PlanCase(name: "organisation changed", edit: { $0.organisation = "Ministry of Justice" }, field: "organisation",
                 old: "HM Prison and Probation Service", new: "Ministry of Justice",
                 summary: "plan: organisation changed from \"HM Prison and Probation Service\" to \"Ministry of Justice\""),
        PlanCase(name: "inspectorate changed", edit: { $0.inspectorate = "HM Inspectorate of Prisons" }, field: "inspectorate",
                 old: "HM Inspectorate of Probation", new: "HM Inspectorate of Prisons",
                 summary: "plan: inspectorate changed from \"HM Inspectorate of Probation\" to \"HM Inspectorate of Prisons\""),
        PlanCase(name: "report.title changed", edit: { $0.report.title = "Recall Culture" }, field: "report.title",
                 old: "A Thematic Review of Probation Recall Culture and Practice", new: "Recall Culture",
                 summary: "plan: report.title changed from \"A Thematic Review of Probation Recall Culture and Practice\" to \"Recall Culture\""),
        PlanCase(name: "report.published changed", edit: { $0.report.published = Day(year: 2020, month: 11, day: 12) },
                 field: "report.published", old: "2020-11-10", new: "2020-11-12",
                 summary: "plan: report.published 2020-11-10 → 2020-11-12"),
        PlanCase(name: "report.url set", edit: { $0.report.url = "https://example.org/recall-culture" }, field: "report.url",
                 old: nil, new: "https://example.org/recall-culture",
                 summary: "plan: report.url set to \"https://example.org/recall-culture\""),
        PlanCase(name: "submitted removed", edit: { $0.submitted = nil }, field: "submitted", old: "2020-12-07", new: nil,
                 summary: "plan: submitted removed (was 2020-12-07)"),
        PlanCase(name: "summary set", edit: { $0.summary = Summary(agreed: 7, partlyAgreed: 1, notAgreed: 0) }, field: "summary",
                 old: nil, new: "7 agreed, 1 partly agreed, 0 not agreed",
                 summary: "plan: summary set to \"7 agreed, 1 partly agreed, 0 not agreed\""),
    ]

    @Test("plan-changed: each field of plan.yaml alone", arguments: planCases)
    func planField(_ c: PlanCase) throws {
        var new = F.info
        c.edit(&new)
        let changes = try F.planChanges(F.info, new)
        #expect(changes.map(\.fields) == [expected(.planChanged, field: c.field, old: c.old, new: c.new, path: "plan.yaml")])
        #expect(changes.map(\.summary) == [c.summary])
        #expect(changes.first?.recommendation == nil)
    }

    @Test("plan-changed: summary counts changed")
    func planSummaryChanged() throws {
        var old = F.info, new = F.info
        old.summary = Summary(agreed: 8, partlyAgreed: 0, notAgreed: 0)
        new.summary = Summary(agreed: 7, partlyAgreed: 1, notAgreed: 0)
        let changes = try F.planChanges(old, new)
        #expect(changes.map(\.fields) == [expected(.planChanged, field: "summary", old: "8 agreed, 0 partly agreed, 0 not agreed",
                                                   new: "7 agreed, 1 partly agreed, 0 not agreed", path: "plan.yaml")])
        #expect(changes.map(\.summary) == ["plan: summary changed from \"8 agreed, 0 partly agreed, 0 not agreed\" to \"7 agreed, 1 partly agreed, 0 not agreed\""])
    }

    @Test("plan-changed: a revision added, then one removed")
    func planRevisions() throws {
        let first = Revision(submitted: F.day("2021-12-07"), title: "Action Plan Update")
        let second = Revision(submitted: F.day("2022-12-07"), title: "Second Action Plan Update")
        var one = F.info, two = F.info
        one.revisions = [first]
        two.revisions = [first, second]

        let added = try F.planChanges(F.info, one)
        #expect(added.count == 1)
        let change = try #require(added.first)
        #expect(change.kind == .planChanged)
        #expect(change.field == "revisions[2021-12-07]")
        #expect(change.added == ["Action Plan Update 2021-12-07"])
        #expect(change.removed == nil)
        #expect(change.new == "Action Plan Update 2021-12-07")
        #expect(change.path == "plan.yaml")
        #expect(change.summary == "plan: revisions added Action Plan Update 2021-12-07")

        let removed = try F.planChanges(two, one)
        #expect(removed.count == 1)
        #expect(removed.first?.field == "revisions[2022-12-07]")
        #expect(removed.first?.removed == ["Second Action Plan Update 2022-12-07"])
        #expect(removed.first?.old == "Second Action Plan Update 2022-12-07")
        #expect(removed.first?.new == nil)
        #expect(removed.first?.summary == "plan: revisions removed Second Action Plan Update 2022-12-07")

        // A revision retitled is one change naming it, with its words; reordered, one order change.
        var retitled = two
        retitled.revisions[1].title = "Second Update"
        let title = try F.planChanges(two, retitled)
        #expect(title.map(\.field) == ["revisions[2022-12-07].title"])
        #expect(title.first?.summary == "plan: revision 2022-12-07 title changed from \"Second Action Plan Update\" to \"Second Update\"")
        var reordered = two
        reordered.revisions.reverse()
        let order = try F.planChanges(two, reordered)
        #expect(order.map(\.kind) == [.orderChanged] && order.first?.field == "revisions" && order.first?.recommendation == nil)
        #expect(order.first?.summary == "plan: revisions reordered")
    }

    @Test("plan-changed: introduction reworded, with a word diff")
    func planIntroduction() throws {
        var old = F.info, new = F.info
        old.introduction = "The action plan confirms whether recommendations are agreed."
        new.introduction = "The action plan confirms whether recommendations are agreed, partly agreed or not agreed."
        let changes = try F.planChanges(old, new)
        #expect(changes.map(\.fields) == [expected(.planChanged, field: "introduction", old: old.introduction,
                                                   new: new.introduction, path: "plan.yaml")])
        #expect(changes.first?.summary == "plan: introduction reworded")
        #expect(changes.first?.words == [
            WordSegment(kind: .same, text: "The action plan confirms whether recommendations are"),
            WordSegment(kind: .added, text: "agreed, partly agreed or not"),
            WordSegment(kind: .same, text: "agreed."),
        ])
    }

    @Test("an unchanged plan.yaml gives no change and is not read")
    func planUnchanged() throws {
        let oldLog = ReadLog(), newLog = ReadLog()
        let version = PlanVersion(info: F.info, [Self.base])
        let result = PlanDiffer.compare(old: try F.side(version, log: oldLog), new: try F.side(version, log: newLog))
        #expect(result.changes.isEmpty)
        #expect(result.parsedFiles == 0)
        #expect(oldLog.paths.isEmpty && newLog.paths.isEmpty)
    }

    // MARK: recommendations added, removed, renumbered

    @Test("recommendation-added")
    func recommendationAdded() throws {
        let added = F.rec(2, actions: [F.action("2.1"), F.action("2.2")])
        let result = try F.compare(PlanVersion([F.rec(1)]), PlanVersion([F.rec(1), added]))
        #expect(result.changes.map(\.fields) == [expected(.recommendationAdded, recommendation: 2, new: added.text,
                                                          path: "recommendations/02.yaml")])
        #expect(result.changes.map(\.summary) == ["Recommendation 2 added (agreed, 2 actions)"])
        // The whole recommendation travels with the change, for the pull-request comment.
        #expect(result.changes.first?.recommendationValue == RecommendationValue(added))
        #expect(result.parsedFiles == 1)
    }

    @Test("recommendation-removed")
    func recommendationRemoved() throws {
        let removed = F.rec(2, status: .notAgreed, actions: [])
        let result = try F.compare(PlanVersion([F.rec(1), removed]), PlanVersion([F.rec(1)]))
        #expect(result.changes.count == 1)
        let change = try #require(result.changes.first)
        #expect(change.kind == .recommendationRemoved)
        #expect(change.recommendation == 2)
        #expect(change.old == removed.text)
        #expect(change.new == nil && change.action == nil && change.oldNumber == nil)
        #expect(change.summary == "Recommendation 2 removed (it was not-agreed, 0 actions)")
        #expect(change.recommendationValue == RecommendationValue(removed))
        #expect(change.path == "recommendations/02.yaml")
    }

    @Test("recommendation-renumbered: the same text under a new number, with a change inside it")
    func recommendationRenumbered() throws {
        let old3 = F.rec(3, text: Self.rec5Text, actions: [F.action("3.1", target: "2021-07")])
        let new4 = F.rec(4, text: Self.rec5Text, actions: [F.action("3.1", target: "2021-09")])
        let changes = try F.compare(PlanVersion([F.rec(1), old3]), PlanVersion([F.rec(1), new4])).changes
        #expect(changes.map(\.fields) == [
            expected(.recommendationRenumbered, recommendation: 4, oldNumber: 3, field: "number", old: "3", new: "4",
                     path: "recommendations/04.yaml"),
            expected(.targetChanged, recommendation: 4, action: "3.1", field: "actions[3.1].target", old: "2021-07", new: "2021-09", months: 2,
                     path: "recommendations/04.yaml", currentTarget: Move(old: "2021-07", new: "2021-09")),
        ])
        #expect(changes.map(\.summary) == ["Recommendation 3 is now recommendation 4",
                                           "action 3.1: target slipped 2 months (2021-07 → 2021-09)"])
    }

    @Test("recommendation-renumbered: slightly reworded text still matches, and the rewording is shown")
    func recommendationRenumberedReworded() throws {
        let old3 = F.rec(3, text: Self.rec5Text, actions: [F.action("3.1")])
        let new4 = F.rec(4, text: Self.rec5Text + " and procedural justice", actions: [F.action("3.1")])
        #expect(WordDiff.similarity(old3.text, new4.text) >= PlanDiffer.renumberSimilarity)
        let changes = try F.compare(PlanVersion([old3]), PlanVersion([new4])).changes
        #expect(changes.map(\.kind) == [.recommendationRenumbered, .textChanged])
        #expect(changes.last?.words?.last == WordSegment(kind: .added, text: "and procedural justice"))
    }

    /// The action-id-prefix rule makes a renumbered recommendation's action ids follow its new
    /// number (3.1 becomes 4.1): the same actions under their new ids are not new actions.
    @Test("recommendation-renumbered: actions renumbered with it (3.1 → 4.1) are matched, not added and removed")
    func recommendationRenumberedWithActionIDs() throws {
        let old3 = F.rec(3, text: Self.rec5Text, actions: [F.action("3.1", text: Self.action51)])
        let new4 = F.rec(4, text: Self.rec5Text, actions: [F.action("4.1", text: Self.action51)])
        let changes = try F.compare(PlanVersion([F.rec(1), old3]), PlanVersion([F.rec(1), new4])).changes
        #expect(changes.map(\.kind) == [.recommendationRenumbered], "\(changes.map(\.summary))")
    }

    @Test("a dissimilar text under a new number is a removal and an addition, not a renumbering")
    func dissimilarNotRenumbered() throws {
        let old3 = F.rec(3, text: "Analyse information on recalls to identify significant variations in practice")
        let new4 = F.rec(4, text: "Ensure there is the necessary time to assess potential release addresses")
        #expect(WordDiff.similarity(old3.text, new4.text) < PlanDiffer.renumberSimilarity)
        let changes = try F.compare(PlanVersion([F.rec(1), old3]), PlanVersion([F.rec(1), new4])).changes
        #expect(changes.map(\.kind) == [.recommendationRemoved, .recommendationAdded])
        #expect(changes.map(\.recommendation) == [3, 4])
        let renumbered = changes.contains { $0.kind == .recommendationRenumbered }
        #expect(!renumbered)
    }

    // MARK: one recommendation's own fields

    @Test("text-changed, with word segments")
    func textChanged() throws {
        var new = Self.base
        new.text = "Review the responsibilities and the actions of the Part B risk assessment process, including the 15-day timescale"
        let change = try Self.one(Self.base, new)
        #expect(change.fields == expected(.textChanged, recommendation: 5, field: "text", old: Self.rec5Text, new: new.text, path: Self.path5))
        #expect(change.summary == "Recommendation 5: text reworded")
        #expect(change.words == [
            WordSegment(kind: .same, text: "Review the responsibilities and the actions of the Part B risk assessment process, including the"),
            WordSegment(kind: .removed, text: "10-day"),
            WordSegment(kind: .added, text: "15-day"),
            WordSegment(kind: .same, text: "timescale"),
        ])
    }

    struct FieldCase: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable (inout Recommendation) -> Void
        var start: @Sendable (inout Recommendation) -> Void = { _ in }
        var field: String
        var old: String?
        var new: String?
        var summary: String
        var hasWords: Bool = false
        var testDescription: String { name }
    }

    static let longResponse = "The Home Detention Curfew (HDC) Policy Framework states that the probation provider must ensure that Address Checks forms are completed fully and accurately within 10 working days of receipt."

    static let fieldCases: [FieldCase] = [
        FieldCase(name: "addressee changed", edit: { $0.addressee = "Ministry of Justice" }, field: "addressee",
                  old: "HM Prison and Probation Service", new: "Ministry of Justice",
                  summary: "Recommendation 5: addressee changed from \"HM Prison and Probation Service\" to \"Ministry of Justice\"",
                  hasWords: true),
        FieldCase(name: "theme set", edit: { $0.theme = "Leadership" }, field: "theme", old: nil, new: "Leadership",
                  summary: "Recommendation 5: theme set to \"Leadership\""),
        FieldCase(name: "implemented-part set", edit: { $0.implementedPart = "The review of timescales" },
                  start: { $0.status = .partlyAgreed; $0.reason = Reason(categories: [.affordability], text: "resourcing") },
                  field: "implemented-part", old: nil, new: "The review of timescales",
                  summary: "Recommendation 5: implemented-part set to \"The review of timescales\""),
        FieldCase(name: "response removed", edit: { $0.response = nil }, start: { $0.response = "Narrative that is not an action." },
                  field: "response", old: "Narrative that is not an action.", new: nil,
                  summary: "Recommendation 5: response removed (was \"Narrative that is not an action.\")"),
        FieldCase(name: "response set (long: with a word diff)", edit: { $0.response = longResponse }, field: "response",
                  old: nil, new: longResponse,
                  summary: "Recommendation 5: response set to \"The Home Detention Curfew (HDC) Policy Framework states t…\""),
    ]

    @Test("field-changed: addressee, theme, implemented-part, response", arguments: fieldCases)
    func fieldChanged(_ c: FieldCase) throws {
        var old = Self.base
        c.start(&old)
        var new = old
        c.edit(&new)
        let change = try Self.one(old, new)
        #expect(change.fields == expected(.fieldChanged, recommendation: 5, field: c.field, old: c.old, new: c.new, path: Self.path5))
        #expect(change.summary == c.summary)
        #expect((change.words != nil) == c.hasWords)
    }

    @Test("status-changed alone (the reason unchanged)")
    func statusChanged() throws {
        var old = Self.base
        old.status = .partlyAgreed
        old.reason = Reason(categories: [.affordability, .policy], text: "resourcing need and affordability will need to be balanced")
        var new = old
        new.status = .notAgreed
        let change = try Self.one(old, new)
        #expect(change.fields == expected(.statusChanged, recommendation: 5, field: "status", old: "partly-agreed", new: "not-agreed", path: Self.path5))
        #expect(change.summary == "Recommendation 5: status partly-agreed → not-agreed")
    }

    @Test("status-changed with a reason given: both reported, status first")
    func statusChangedWithReason() throws {
        var new = Self.base
        new.status = .partlyAgreed
        new.reason = Reason(categories: [.affordability], text: "resourcing need and affordability will need to be balanced")
        let changes = try F.changes(Self.base, new)
        #expect(changes.map(\.kind) == [.statusChanged, .reasonChanged])
        #expect(changes.map(\.summary) == ["Recommendation 5: status agreed → partly-agreed",
                                           "Recommendation 5: reason given (affordability)"])
    }

    static let reasonA = Reason(categories: [.affordability], text: "resourcing need and affordability will need to be balanced")

    struct ReasonCase: CustomTestStringConvertible, Sendable {
        var name: String
        var old: Reason?
        var new: Reason?
        var field: String
        var oldText: String?
        var newText: String?
        var summary: String
        var testDescription: String { name }
    }

    static let reasonCases: [ReasonCase] = [
        ReasonCase(name: "given", old: nil, new: reasonA, field: "reason", oldText: nil,
                   newText: "affordability: resourcing need and affordability will need to be balanced",
                   summary: "Recommendation 5: reason given (affordability)"),
        ReasonCase(name: "removed", old: reasonA, new: nil, field: "reason",
                   oldText: "affordability: resourcing need and affordability will need to be balanced", newText: nil,
                   summary: "Recommendation 5: reason removed (it was affordability)"),
        ReasonCase(name: "categories", old: reasonA, new: Reason(categories: [.affordability, .operational], text: reasonA.text),
                   field: "reason.categories", oldText: "affordability", newText: "affordability, operational",
                   summary: "Recommendation 5: reason categories affordability → affordability, operational"),
        ReasonCase(name: "reworded", old: reasonA, new: Reason(categories: [.affordability], text: "the budget does not allow it"),
                   field: "reason.text", oldText: "resourcing need and affordability will need to be balanced",
                   newText: "the budget does not allow it",
                   summary: "Recommendation 5: reason reworded"),
    ]

    @Test("reason-changed: given, removed, categories, reworded", arguments: reasonCases)
    func reasonChanged(_ c: ReasonCase) throws {
        var old = Self.base
        old.status = .partlyAgreed
        old.reason = c.old
        var new = old
        new.reason = c.new
        let change = try Self.one(old, new)
        #expect(change.fields == expected(.reasonChanged, recommendation: 5, field: c.field, old: c.oldText, new: c.newText, path: Self.path5))
        // The reworded text comes with its word diff.
        #expect((change.words != nil) == (c.field == "reason.text"))
        #expect(change.summary == c.summary)
    }

    // MARK: actions

    @Test("action-added")
    func actionAdded() throws {
        var new = Self.base
        new.actions.append(F.action("5.2", text: "Evaluate the pilot", target: "2022-01"))
        let change = try Self.one(Self.base, new)
        #expect(change.fields == expected(.actionAdded, recommendation: 5, action: "5.2", field: "actions[5.2]", new: "Evaluate the pilot", path: Self.path5))
        #expect(change.actionValue == ActionValue(new.actions[1]))
        #expect(change.summary == "action 5.2 added (planned, due 2022-01)")
    }

    @Test("action-added without a target")
    func actionAddedNoTarget() throws {
        var new = Self.base
        new.actions.append(F.action("5.2", text: "Evaluate the pilot", target: nil, state: .ongoing))
        #expect(try Self.one(Self.base, new).summary == "action 5.2 added (ongoing)")
    }

    @Test("action-removed")
    func actionRemoved() throws {
        var old = Self.base
        old.actions.append(F.action("5.2", text: "Evaluate the pilot", target: "2022-01", state: .inProgress))
        let change = try Self.one(old, Self.base)
        #expect(change.fields == expected(.actionRemoved, recommendation: 5, action: "5.2", field: "actions[5.2]", old: "Evaluate the pilot", path: Self.path5))
        #expect(change.summary == "action 5.2 removed (it was in-progress, due 2022-01)")
        #expect(change.actionValue == ActionValue(old.actions[1]))
    }

    @Test("action-text-changed, with word segments")
    func actionTextChanged() throws {
        let new = Self.withAction { $0.text = "The PPG and the Parole Board will run a pilot of a longer timescale for the production of Part B reports" }
        let change = try Self.one(Self.base, new)
        #expect(change.fields == expected(.actionTextChanged, recommendation: 5, action: "5.1", field: "actions[5.1].text", old: Self.action51, new: new.actions[0].text,
                                          path: Self.path5))
        #expect(change.summary == "action 5.1: text reworded")
        // "will pilot a longer" → "will run a pilot of a longer": two insertions around the kept "pilot".
        #expect(change.words == [
            WordSegment(kind: .same, text: "The PPG and the Parole Board will"),
            WordSegment(kind: .added, text: "run a"),
            WordSegment(kind: .same, text: "pilot"),
            WordSegment(kind: .added, text: "of"),
            WordSegment(kind: .same, text: "a longer timescale for the production of Part B reports"),
        ])
    }

    @Test("owner-changed: owners edited on the action")
    func ownerChanged() throws {
        let new = Self.withAction { $0.owners = [Self.sro, "Executive Director, Probation Workforce"] }
        let change = try Self.one(Self.base, new)
        #expect(change.fields == expected(.ownerChanged, recommendation: 5, action: "5.1", field: "actions[5.1].owners", old: Self.ppg,
                                          new: Self.sro + "; Executive Director, Probation Workforce",
                                          added: [Self.sro, "Executive Director, Probation Workforce"], removed: [Self.ppg],
                                          path: Self.path5,
                                          currentOwners: Move(old: Self.ppg, new: Self.sro + "; Executive Director, Probation Workforce")))
        #expect(change.summary.hasPrefix("action 5.1: owners added \"\(Self.sro)\""))
        #expect(change.summary.contains("removed \"\(Self.ppg)\""))
    }

    @Test("owner-changed: only an owner added")
    func ownerAdded() throws {
        let new = Self.withAction { $0.owners = [Self.ppg, Self.sro] }
        let change = try Self.one(Self.base, new)
        #expect(change.added == [Self.sro] && change.removed == [])
        #expect(change.summary == "action 5.1: owners added \"\(Self.sro)\"")
    }

    @Test("owner-changed: the current owners come from the latest update that gives owners")
    func ownerChangedByUpdate() throws {
        let new = Self.withAction { $0.updates = [Self.update(owners: [Self.sro])] }
        let changes = try F.changes(Self.base, new)
        // One change, the update added, carrying the move of the current owners.
        #expect(changes.map(\.kind) == [.updateAdded])
        #expect(changes.first?.fields == expected(.updateAdded, recommendation: 5, action: "5.1", field: "actions[5.1].updates[2021-12]",
                                                  new: changes.first?.new, path: Self.path5,
                                                  currentOwners: Move(old: Self.ppg, new: Self.sro)))
        #expect(changes.first?.summary == "action 5.1: update 2021-12 added: owners \"\(Self.ppg)\" → \"\(Self.sro)\"")
        // An update without owners changes nothing about them.
        let plain = Self.withAction { $0.updates = [Self.update()] }
        #expect(try F.changes(Self.base, plain).map(\.kind) == [.updateAdded])
    }

    struct TargetCase: CustomTestStringConvertible, Sendable {
        var name: String
        var old: String?
        var new: String?
        var months: Int?
        var summary: String
        var testDescription: String { name }
    }

    static let targetCases: [TargetCase] = [
        TargetCase(name: "slipped 8 months", old: "2021-07", new: "2022-03", months: 8,
                   summary: "action 5.1: target slipped 8 months (2021-07 → 2022-03)"),
        TargetCase(name: "slipped 1 month over a year's end", old: "2021-12", new: "2022-01", months: 1,
                   summary: "action 5.1: target slipped 1 month (2021-12 → 2022-01)"),
        TargetCase(name: "slipped a quarter", old: "2021-Q3", new: "2021-Q4", months: 3,
                   summary: "action 5.1: target slipped 3 months (2021-Q3 → 2021-Q4)"),
        TargetCase(name: "brought forward 3 months", old: "2021-07", new: "2021-04", months: -3,
                   summary: "action 5.1: target brought forward 3 months (2021-07 → 2021-04)"),
        TargetCase(name: "brought forward 1 month (days)", old: "2021-07-31", new: "2021-06-30", months: -1,
                   summary: "action 5.1: target brought forward 1 month (2021-07-31 → 2021-06-30)"),
        TargetCase(name: "restated: same month, day precision", old: "2021-07", new: "2021-07-31", months: 0,
                   summary: "action 5.1: target restated (2021-07 → 2021-07-31)"),
        TargetCase(name: "restated: same month, quarter precision", old: "2021-09", new: "2021-Q3", months: 0,
                   summary: "action 5.1: target restated (2021-09 → 2021-Q3)"),
        TargetCase(name: "set", old: nil, new: "2021-07", months: nil, summary: "action 5.1: target set (2021-07)"),
        TargetCase(name: "removed", old: "2021-07", new: nil, months: nil, summary: "action 5.1: target removed (was 2021-07)"),
    ]

    @Test("target-changed: slipped, brought forward, restated, set, removed", arguments: targetCases)
    func targetChanged(_ c: TargetCase) throws {
        let old = Self.withAction { $0.target = c.old.map(F.date) }
        let new = Self.withAction { $0.target = c.new.map(F.date) }
        let change = try Self.one(old, new)
        #expect(change.fields == expected(.targetChanged, recommendation: 5, action: "5.1", field: "actions[5.1].target", old: c.old,
                                          new: c.new, months: c.months, path: Self.path5, currentTarget: Move(old: c.old, new: c.new)))
        #expect(change.summary == c.summary)
        #expect(change.isSlip == ((c.months ?? 0) > 0))
    }

    @Test("target-changed through an update: the current target is the latest update's")
    func targetChangedByUpdate() throws {
        let new = Self.withAction { $0.updates = [Self.update(target: "2022-03")] }
        let changes = try F.changes(Self.base, new)
        // One change: the update added, which slips the target (a slip however it was made).
        #expect(changes.map(\.kind) == [.updateAdded])
        #expect(changes.first?.months == 8 && changes.first?.isSlip == true)
        #expect(changes.first?.currentTarget == Move(old: "2021-07", new: "2022-03"))
        #expect(changes.first?.summary == "action 5.1: update 2021-12 added: target slipped 8 months (2021-07 → 2022-03)")
        // A later update bringing it forward again: measured from the current target.
        let later = Self.withAction { $0.updates = [Self.update(target: "2022-03"), Self.update("Brought forward", date: "2022-01", target: "2022-02")] }
        let again = try F.changes(new, later)
        #expect(again.map(\.kind) == [.updateAdded])
        #expect(again.first?.months == -1)
        #expect(again.first?.summary == "action 5.1: update 2022-01 added: target brought forward 1 month (2022-03 → 2022-02)")
    }

    struct RewriteCase: CustomTestStringConvertible, Sendable {
        var name: String
        var old: @Sendable (inout Action) -> Void
        var new: @Sendable (inout Action) -> Void
        /// The kind expected; nil when any kind naming the action will do (an update rewritten
        /// may be said as its target changing, or as the update removed and added).
        var kind: ChangeKind?
        var testDescription: String { name }
    }

    /// An action's own target, state and owners are what the plan first promised, and its updates
    /// are the record of what happened since. Rewriting them changes the plan's record even when a
    /// later update decides the current value: a diff saying "no changes" would hide it.
    static let rewriteCases: [RewriteCase] = [
        RewriteCase(name: "the first target (2021-07 → 2021-09) under an update to 2022-03",
                    old: { $0.updates = [PlanDifferTests.update(target: "2022-03")] },
                    new: { $0.target = F.date("2021-09"); $0.updates = [PlanDifferTests.update(target: "2022-03")] },
                    kind: .targetChanged),
        RewriteCase(name: "the first state (planned → in-progress) under an update to completed",
                    old: { $0.updates = [PlanDifferTests.update(state: .completed)] },
                    new: { $0.state = .inProgress; $0.updates = [PlanDifferTests.update(state: .completed)] },
                    kind: .stateChanged),
        RewriteCase(name: "the first owners under an update that names new owners",
                    old: { $0.updates = [PlanDifferTests.update(owners: [PlanDifferTests.sro])] },
                    new: { $0.owners = ["Executive Director, Probation Workforce"]; $0.updates = [PlanDifferTests.update(owners: [PlanDifferTests.sro])] },
                    kind: .ownerChanged),
        RewriteCase(name: "an earlier update's target (2021-12 → 2022-01) under a later update to 2022-03",
                    old: { $0.updates = [PlanDifferTests.update("Started", date: "2021-06", target: "2021-12"), PlanDifferTests.update(target: "2022-03")] },
                    new: { $0.updates = [PlanDifferTests.update("Started", date: "2021-06", target: "2022-01"), PlanDifferTests.update(target: "2022-03")] },
                    kind: .targetChanged),
    ]

    @Test("rewriting what an action first promised is reported, even when an update decides the current value",
          arguments: rewriteCases)
    func rewrittenRecord(_ c: RewriteCase) throws {
        let old = Self.withAction(c.old), new = Self.withAction(c.new)
        let changes = try F.changes(old, new)
        #expect(!changes.isEmpty, "the file changed but no change is reported")
        if let kind = c.kind { #expect(changes.map(\.kind) == [kind], "\(changes.map(\.summary))") }
        let about51 = changes.allSatisfy { $0.action == "5.1" && $0.recommendation == 5 }
        #expect(about51)
        // It is not a slip: the current target did not move.
        let slips = changes.contains { $0.isSlip }
        #expect(!slips)
    }

    @Test("the first target rewritten under an update: said as such, with the current target")
    func rewrittenFirstTarget() throws {
        let old = Self.withAction { $0.updates = [Self.update(target: "2022-03")] }
        let new = Self.withAction { $0.target = F.date("2021-09"); $0.updates = [Self.update(target: "2022-03")] }
        let change = try Self.one(old, new)
        #expect(change.kind == .targetChanged)
        #expect(change.old == "2021-07" && change.new == "2021-09")
        #expect(change.field == "actions[5.1].target")
        #expect(change.summary == "action 5.1: original target 2021-07 → 2021-09; a later update sets the current target")
    }

    @Test("note-changed: set, changed, removed")
    func noteChanged() throws {
        let noted = Self.withAction { $0.note = "June 19 TBC" }
        let set = try Self.one(Self.base, noted)
        #expect(set.fields == expected(.noteChanged, recommendation: 5, action: "5.1", field: "actions[5.1].note", old: nil, new: "June 19 TBC", path: Self.path5))
        #expect(set.summary == "action 5.1: target note set to \"June 19 TBC\"")

        let renoted = Self.withAction { $0.note = "dependent on provision of framework from Central Team" }
        let changed = try Self.one(noted, renoted)
        #expect(changed.old == "June 19 TBC" && changed.new == "dependent on provision of framework from Central Team")
        #expect(changed.summary == "action 5.1: target note changed from \"June 19 TBC\" to \"dependent on provision of framework from Central Team\"")

        let removed = try Self.one(noted, Self.base)
        #expect(removed.old == "June 19 TBC" && removed.new == nil)
        #expect(removed.summary == "action 5.1: target note removed (was \"June 19 TBC\")")
    }

    @Test("state-changed: planned → in-progress, and the 'completed' wording")
    func stateChanged() throws {
        let started = try Self.one(Self.base, Self.withAction { $0.state = .inProgress })
        #expect(started.fields == expected(.stateChanged, recommendation: 5, action: "5.1", field: "actions[5.1].state", old: "planned", new: "in-progress",
                                           path: Self.path5, currentState: Move(old: "planned", new: "in-progress")))
        #expect(started.summary == "action 5.1: state planned → in-progress")

        let completed = try Self.one(Self.withAction { $0.state = .inProgress }, Self.withAction { $0.state = .completed })
        #expect(completed.fields == expected(.stateChanged, recommendation: 5, action: "5.1", field: "actions[5.1].state", old: "in-progress", new: "completed",
                                             path: Self.path5, currentState: Move(old: "in-progress", new: "completed")))
        #expect(completed.completes)
        #expect(completed.summary == "action 5.1 completed (was in-progress)")

        let dropped = try Self.one(Self.base, Self.withAction { $0.state = .dropped })
        #expect(dropped.summary == "action 5.1: state planned → dropped")
    }

    @Test("state-changed through an update (completed), with the update added")
    func stateChangedByUpdate() throws {
        let new = Self.withAction { $0.updates = [Self.update("Guidance issued", state: .completed)] }
        let changes = try F.changes(Self.base, new)
        #expect(changes.map(\.kind) == [.updateAdded])
        #expect(changes.map(\.summary) == ["action 5.1: update 2021-12 added: completed (was planned)"])
        #expect(changes.first?.completes == true)
    }

    @Test("update-added")
    func updateAdded() throws {
        let new = Self.withAction { $0.updates = [Self.update("The pilot is running")] }
        let change = try Self.one(Self.base, new)
        #expect(change.fields == expected(.updateAdded, recommendation: 5, action: "5.1", field: "actions[5.1].updates[2021-12]",
                                          new: "The pilot is running", path: Self.path5))
        #expect(change.update == "2021-12")
        #expect(change.updateValue == UpdateValue(new.actions[0].updates[0]))
        #expect(change.summary == "action 5.1: update 2021-12 added")
    }

    @Test("update-removed")
    func updateRemoved() throws {
        let old = Self.withAction { $0.updates = [Self.update("The pilot is running", date: "2021-12-07")] }
        let change = try Self.one(old, Self.base)
        #expect(change.fields == expected(.updateRemoved, recommendation: 5, action: "5.1", field: "actions[5.1].updates[2021-12-07]",
                                          old: "The pilot is running", path: Self.path5))
        #expect(change.summary == "action 5.1: update 2021-12-07 removed")
    }

    @Test("an update reworded: one change with its words, matched by date; an unchanged update is no change")
    func updateRewritten() throws {
        let first = Self.update("The pilot is running", date: "2021-06")
        let old = Self.withAction { $0.updates = [first, Self.update("The pilot is extended")] }
        let new = Self.withAction { $0.updates = [first, Self.update("The pilot has been extended into 2022")] }
        let changes = try F.changes(old, new)
        #expect(changes.map(\.kind) == [.updateChanged])
        #expect(changes.map(\.field) == ["actions[5.1].updates[2021-12].text"])
        #expect(changes.map(\.new) == ["The pilot has been extended into 2022"])
        #expect(changes.map(\.old) == ["The pilot is extended"])
        #expect(changes.first?.summary == "action 5.1: update 2021-12 text reworded")
        #expect(changes.first?.words == [WordSegment(kind: .same, text: "The pilot"), WordSegment(kind: .removed, text: "is"),
                                         WordSegment(kind: .added, text: "has been"), WordSegment(kind: .same, text: "extended"),
                                         WordSegment(kind: .added, text: "into 2022")])
    }

    // MARK: matching by id

    @Test("actions are matched by id, not position: reordering is one order change, nothing else")
    func actionsReordered() throws {
        let a = F.action("5.1", text: "First action", target: "2021-07")
        let b = F.action("5.2", text: "Second action", target: "2022-01", state: .inProgress)
        let old = F.rec(5, text: Self.rec5Text, actions: [a, b])
        let new = F.rec(5, text: Self.rec5Text, actions: [b, a])
        let result = try F.compare(PlanVersion([old]), PlanVersion([new]))
        #expect(result.changes.map(\.fields) == [expected(.orderChanged, recommendation: 5, field: "actions", old: "5.1, 5.2", new: "5.2, 5.1",
                                                          path: Self.path5)], "\(result.changes.map(\.summary))")
        #expect(result.changes.first?.summary == "Recommendation 5: actions reordered (5.2, 5.1)")
        #expect(result.parsedFiles == 2)  // the file changed, so it was read
    }

    @Test("actions reordered and one changed: that one and the order are reported")
    func actionsReorderedOneChanged() throws {
        let a = F.action("5.1", text: "First action", target: "2021-07")
        let b = F.action("5.2", text: "Second action", target: "2022-01")
        var b2 = b
        b2.target = F.date("2022-04")
        let changes = try F.changes(F.rec(5, text: Self.rec5Text, actions: [a, b]), F.rec(5, text: Self.rec5Text, actions: [b2, a]))
        #expect(changes.map(\.fields) == [expected(.targetChanged, recommendation: 5, action: "5.2", field: "actions[5.2].target", old: "2022-01",
                                                   new: "2022-04", months: 3, path: Self.path5, currentTarget: Move(old: "2022-01", new: "2022-04")),
                                          expected(.orderChanged, recommendation: 5, field: "actions", old: "5.1, 5.2", new: "5.2, 5.1", path: Self.path5)])
    }

    @Test("an action given a new id is an action removed and one added")
    func actionNewID() throws {
        let a = F.action("5.1", text: "First action")
        var renamed = a
        renamed.id = "5.3"
        let changes = try F.changes(F.rec(5, actions: [a]), F.rec(5, actions: [renamed]))
        #expect(changes.map(\.kind) == [.actionAdded, .actionRemoved])
        #expect(changes.map(\.action) == ["5.3", "5.1"])
    }

    // MARK: several changes together

    @Test("one revision, several kinds across several recommendations: plan first, then by recommendation number")
    func combined() throws {
        var newInfo = F.info
        newInfo.revisions = [Revision(submitted: F.day("2021-12-07"), title: "Action Plan Update")]
        let r1 = F.rec(1), r2 = F.rec(2), r3 = F.rec(3), r4 = F.rec(4, actions: [F.action("4.1"), F.action("4.2")])
        let r6 = F.rec(6)
        var n1 = r1
        n1.status = .partlyAgreed
        n1.reason = Reason(categories: [.policy], text: "policy is being revised")
        var n2 = r2
        n2.actions[0].updates = [Self.update("Guidance issued", state: .completed)]
        var n4 = r4
        n4.actions[1].updates = [Self.update("Delayed", target: "2022-03", owners: [Self.sro])]
        n4.actions[0].text = "Publish revised recall guidance for every probation region and Wales"
        n4.text = r4.text + " across England and Wales"
        let n5 = F.rec(5, actions: [F.action("5.1"), F.action("5.2")])
        var n6 = r6
        n6.actions.append(F.action("6.2", text: "Train every team", target: "2021-09"))

        let old = PlanVersion(info: F.info, [r1, r2, r3, r4, r6])
        let new = PlanVersion(info: newInfo, [n1, n2, n4, n5, n6])
        let result = try F.compare(old, new)
        #expect(result.diagnostics.isEmpty)
        let got = result.changes.map { "\($0.recommendation.map(String.init) ?? "plan") \($0.kind.rawValue) \($0.action ?? "")" }
        #expect(got == [
            "plan plan-changed ",
            "1 status-changed ",
            "1 reason-changed ",
            "2 update-added 2.1",
            "3 recommendation-removed ",
            "4 text-changed ",
            "4 action-text-changed 4.1",
            "4 update-added 4.2",
            "5 recommendation-added ",
            "6 action-added 6.2",
        ])
        // plan.yaml and the five changed recommendations on both sides, less those only on one.
        #expect(result.parsedFiles == 2 + 4 * 2 + 1 + 1)
        // Every change of a recommendation names its file (on the new side).
        for change in result.changes where change.kind != .planChanged {
            #expect(change.path == F.path(change.recommendation ?? 0), "\(change)")
        }
    }

    // MARK: cost

    static func fifty() -> [Recommendation] {
        (1...50).map { F.rec($0) }
    }

    @Test("cost follows the change: 3 of 50 recommendations differ → 6 files parsed, only those read")
    func costFollowsChange() throws {
        let old = Self.fifty()
        var new = old
        for index in [6, 22, 48] { new[index].actions[0].target = F.date("2022-03") }
        let oldLog = ReadLog(), newLog = ReadLog()
        let result = PlanDiffer.compare(old: try F.side(PlanVersion(old), log: oldLog), new: try F.side(PlanVersion(new), log: newLog))
        #expect(result.changes.count == 3)
        #expect(result.changes.map(\.recommendation) == [7, 23, 49])
        #expect(result.parsedFiles == 6)
        #expect(oldLog.paths.sorted() == ["recommendations/07.yaml", "recommendations/23.yaml", "recommendations/49.yaml"])
        #expect(newLog.paths.sorted() == ["recommendations/07.yaml", "recommendations/23.yaml", "recommendations/49.yaml"])

        // plan.yaml differing too: it is read on both sides.
        var info = F.info
        info.title = "Another title"
        let oldLog2 = ReadLog(), newLog2 = ReadLog()
        let withPlan = PlanDiffer.compare(old: try F.side(PlanVersion(old), log: oldLog2),
                                          new: try F.side(PlanVersion(info: info, new), log: newLog2))
        #expect(withPlan.parsedFiles == 8)
        #expect(withPlan.changes.count == 4)
        let planReads = (oldLog2.paths + newLog2.paths).filter { $0 == "plan.yaml" }.count
        #expect(planReads == 2)
        #expect(oldLog2.paths.contains("plan.yaml") && newLog2.paths.contains("plan.yaml"))
    }

    @Test("cost: one recommendation added to 50 → only the new file is read")
    func costAdded() throws {
        let old = Self.fifty()
        let oldLog = ReadLog(), newLog = ReadLog()
        let result = PlanDiffer.compare(old: try F.side(PlanVersion(old), log: oldLog),
                                        new: try F.side(PlanVersion(old + [F.rec(51)]), log: newLog))
        #expect(result.changes.map(\.kind) == [.recommendationAdded])
        #expect(result.parsedFiles == 1)
        #expect(oldLog.paths.isEmpty)
        #expect(newLog.paths == ["recommendations/51.yaml"])
    }

    @Test("without blob ids every file is read (and nothing reported when nothing differs)")
    func noBlobIDs() throws {
        let version = PlanVersion(Self.fifty())
        let result = try F.compare(version, version, blobIDs: false)
        #expect(result.changes.isEmpty)
        #expect(result.parsedFiles == 2 * 51)
    }

    // MARK: files that do not parse

    @Test("a side that does not parse: an unreadable change with the diagnostic; the other changes still reported")
    func unparsable() throws {
        let recs = [F.rec(1), F.rec(2), F.rec(3)]
        var changed = recs
        changed[0].actions[0].state = .completed
        changed[2].actions[0].target = F.date("2021-09")
        var new = PlanVersion(changed)
        let broken = F.yaml(recs[1]).replacingOccurrences(of: "\nstatus: agreed\n", with: "\nstatus: maybe\n")
        #expect(broken != F.yaml(recs[1]))
        new.files["recommendations/02.yaml"] = broken
        let result = try F.compare(PlanVersion(recs), new)

        #expect(result.changes.map(\.kind) == [.stateChanged, .unreadable, .targetChanged], "\(result.changes.map(\.summary))")
        let unreadable = try #require(F.first(.unreadable, in: result.changes))
        #expect(unreadable.recommendation == 2)
        #expect(unreadable.path == "recommendations/02.yaml")
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("status:") }.map { $0 + 1 }
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.rule == "invalid-value")
        #expect(diagnostic.path == "recommendations/02.yaml")
        #expect(diagnostic.location == SourceLocation(line: line ?? 0, column: 9))
        #expect(unreadable.summary == "recommendations/02.yaml does not parse, so its changes cannot be shown (\(diagnostic.place): \(diagnostic.singleLineMessage) [invalid-value])")
        // Not mistaken for a removed recommendation.
        let addedOrRemoved = result.changes.contains { $0.kind == .recommendationRemoved || $0.kind == .recommendationAdded }
        #expect(!addedOrRemoved)
    }

    @Test("the old side does not parse: reported, not taken for an added recommendation")
    func unparsableOld() throws {
        let recs = [F.rec(1), F.rec(2)]
        var old = PlanVersion(recs)
        old.files["recommendations/02.yaml"] = "number: 2\ntext: [unclosed\n"
        let result = try F.compare(old, PlanVersion(recs))
        #expect(result.changes.map(\.kind) == [.unreadable])
        #expect(result.changes.first?.recommendation == 2)
        #expect(result.diagnostics.first?.rule == "yaml-syntax")
    }

    @Test("a file that cannot be read at all: unreadable with the reader's message, the rest still compared")
    func unreadableFile() throws {
        let recs = [F.rec(1), F.rec(2)]
        var changed = recs
        changed[0].actions[0].state = .completed
        changed[1].actions[0].state = .completed
        let newSide = try F.side(PlanVersion(changed), unreadable: ["recommendations/02.yaml": PlanFileError("is a symbolic link; plan files must be regular files (links are not followed)")])
        let result = PlanDiffer.compare(old: try F.side(PlanVersion(recs)), new: newSide)
        #expect(result.changes.map(\.kind) == [.stateChanged, .unreadable], "\(result.changes.map(\.summary))")
        let unreadable = try #require(F.first(.unreadable, in: result.changes))
        #expect(unreadable.path == "recommendations/02.yaml")
        #expect(unreadable.recommendation == 2)
        #expect(unreadable.summary == "recommendations/02.yaml cannot be read: is a symbolic link; plan files must be regular files (links are not followed)")
        #expect(result.diagnostics.map(\.rule) == ["unreadable-file"])
    }

    @Test("plan.yaml that does not parse: reported, the recommendations still compared")
    func unparsablePlan() throws {
        let recs = [F.rec(1)]
        var changed = recs
        changed[0].actions[0].state = .completed
        var new = PlanVersion(changed)
        new.plan = F.planYAML().replacingOccurrences(of: "format: 1\n", with: "format: 2\n")
        let result = try F.compare(PlanVersion(recs), new)
        #expect(result.changes.map(\.kind) == [.unreadable, .stateChanged], "\(result.changes.map(\.summary))")
        #expect(result.changes.first?.path == "plan.yaml")
        #expect(result.changes.first?.summary.hasPrefix("plan.yaml does not parse, so its changes cannot be shown (plan.yaml:") == true)
        #expect(result.diagnostics.map(\.rule) == ["unsupported-format"])
    }

    // MARK: nothing on one side

    @Test("against nothing (no listing): every recommendation added")
    func againstNothing() throws {
        let result = try F.compare(nil, PlanVersion([F.rec(1), F.rec(2)]))
        // plan.yaml comes into being first, then each recommendation.
        #expect(result.changes.map(\.kind) == [.planChanged, .recommendationAdded, .recommendationAdded])
        #expect(result.changes.map(\.recommendation) == [nil, 1, 2])
        #expect(result.diagnostics.isEmpty)
    }

    @Test("identical sides: no changes, nothing read")
    func identical() throws {
        let result = try F.compare(PlanVersion(Self.fifty()), PlanVersion(Self.fifty()))
        #expect(result.changes.isEmpty)
        #expect(result.parsedFiles == 0)
    }
}
