import Foundation
import Testing
@testable import PlanKit

/// DocxRedline: every kind of change is a real Word revision inside the six-column table
/// (`w:ins`, `w:del` with `w:delText`, rows inserted and deleted), stamped with the author and
/// date of its recommendation's commit, a slipped target commented with its months.
@Suite("DocxRedline")
struct DocxRedlineTests {
    typealias Node = DocxSupport.Node

    static let ann = RevisionStamp(author: "Ann Reviewer", date: "2022-06-30T09:00:00Z")
    static let bob = RevisionStamp(author: "Bob Lead", date: "2022-07-01T10:30:00Z")

    /// HTMLRedlineTests' two versions (every kind of change), recommendation 1's file by Ann,
    /// everything else by Bob.
    static func redline() throws -> (document: Node, data: Data, changes: [Change]) {
        let result = try DiffFixture.compare(PlanVersion(HTMLRedlineTests.old), PlanVersion(HTMLRedlineTests.new))
        let old = Plan(info: DiffFixture.info, recommendations: HTMLRedlineTests.old)
        let new = Plan(info: DiffFixture.info, recommendations: HTMLRedlineTests.new)
        let data = try DocxRedline.write(old: old, new: new, changes: result.changes,
                                         stamps: RedlineStamps(recommendations: [1: ann], fallback: bob))
        return (try DocxSupport.tree(try DocxSupport.part("word/document.xml", of: data)), data, result.changes)
    }

    /// The plan table's rows.
    static func planRows(_ document: Node) throws -> [Node] {
        let tables = try #require(document.first("body")).all("tbl")
        return try #require(tables.first { $0.first("tblGrid")?.all("gridCol").count == 6 }).all("tr")
    }

    static func words(_ node: Node, _ element: String) -> String {
        node.descendants(element).map(\.text).joined()
    }

    /// Text inside `w:ins` (or, with "del", inside `w:del`) runs of a node.
    static func marked(_ node: Node, _ mark: String) -> [String] {
        node.descendants(mark).map { words($0, mark == "del" ? "delText" : "t") }.filter { !$0.isEmpty }
    }

    static func row(_ rows: [Node], containing text: String) -> Node? {
        rows.first { words($0, "t").contains(text) || words($0, "delText").contains(text) }
    }

    @Test("every kind of change is a revision inside the table, with its author and date")
    func everyKind() throws {
        let (document, _, changes) = try Self.redline()
        let kinds = Set(changes.map(\.kind))
        for kind: ChangeKind in [.textChanged, .statusChanged, .actionTextChanged, .ownerChanged, .targetChanged, .actionAdded,
                                 .actionRemoved, .updateAdded, .updateRemoved, .recommendationAdded, .recommendationRemoved,
                                 .recommendationRenumbered] {
            #expect(kinds.contains(kind), "the fixture lacks a \(kind.rawValue) change")
        }
        let rows = try Self.planRows(document)
        let table = try #require(document.first("body")?.all("tbl").first { $0.first("tblGrid")?.all("gridCol").count == 6 })
        #expect(!table.descendants("ins").isEmpty && !table.descendants("del").isEmpty)

        // Recommendation 1: a text edit word by word, the status changed, owners changed.
        let one = try #require(Self.row(rows, containing: "fair and"))
        let oneCells = one.all("tc")
        #expect(Self.marked(oneCells[1], "ins") == [" fair and"], "only the words added are inserted")
        #expect(Self.words(oneCells[1], "t") == DiffFixture.text(1).replacingOccurrences(of: "are consistent", with: "are fair and consistent"))
        #expect(Self.marked(oneCells[2], "ins").joined().contains("Partly"))
        #expect(Self.marked(oneCells[4], "del") == ["Deputy Director, Public Protection Group"])
        #expect(Self.marked(oneCells[4], "ins") == ["Head of Recall Policy"])
        // The slipped target: the old date deleted, the new inserted, the slip in a comment.
        #expect(Self.marked(oneCells[5], "del") == ["July 2021"] && Self.marked(oneCells[5], "ins") == ["March 2022"])
        let reference = try #require(oneCells[5].descendants("commentReference").first?["id"])
        let comments = try DocxSupport.tree(try DocxSupport.part("word/comments.xml", of: try Self.redline().data))
        let comment = try #require(comments.all("comment").first { $0["id"] == reference })
        #expect(Self.words(comment, "t") == "target slipped 8 months (July 2021 → March 2022)")
        #expect(comment["author"] == "Ann Reviewer" && comment["date"] == "2022-06-30T09:00:00Z")
        // Every revision of recommendation 1 is Ann's.
        for mark in one.descendants("ins") + one.descendants("del") {
            #expect(mark["author"] == "Ann Reviewer" && mark["date"] == "2022-06-30T09:00:00Z" && mark["id"] != nil)
        }

        // Whole rows: an action and an update added, an action and an update removed.
        func rowMark(_ text: String) throws -> String? {
            try #require(Self.row(rows, containing: text)).first("trPr")?.children.first { ["ins", "del"].contains($0.name) }?.name
        }
        #expect(try rowMark("Train every recall caseworker") == "ins")
        #expect(try rowMark("Consultation closed") == "ins")
        #expect(try rowMark("Pilot started in two regions") == "del")
        let removedAction = try #require(rows.first { Self.words($0, "delText").hasPrefix("2.1") })
        #expect(removedAction.first("trPr")?.first("del")?["author"] == "Bob Lead")
        #expect(Self.words(removedAction, "t").isEmpty, "a deleted row's every run is deleted")
        // Recommendations added and removed whole, and renumbered.
        let five = try #require(Self.row(rows, containing: "Publish recall rates by region every quarter"))
        #expect(five.first("trPr")?.first("ins") != nil && Self.marked(five.all("tc")[0], "ins") == ["5"])
        let three = try #require(rows.first { $0.all("tc").first.map { Self.words($0, "delText") } == "3" })
        #expect(three.first("trPr")?.first("del") != nil)
        let nine = try #require(rows.first { $0.all("tc").first.map { Self.marked($0, "ins") } == ["9"] })
        #expect(Self.marked(nine.all("tc")[0], "del") == ["8"])
    }

    @Test("the package declares its comments, and holds the export's parts")
    func package() throws {
        let (_, data, _) = try Self.redline()
        let types = try DocxSupport.part("[Content_Types].xml", of: data)
        #expect(types.contains("PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\""))
        let rels = try DocxSupport.part("word/_rels/document.xml.rels", of: data)
        #expect(rels.contains("Target=\"comments.xml\""))
        for part in DocxArchiveTests.parts { _ = try DocxSupport.tree(try DocxSupport.part(part, of: data)) }
        // Every revision number is used once.
        let document = try DocxSupport.part("word/document.xml", of: data)
        let ids = document.components(separatedBy: "<w:ins w:id=\"").dropFirst().map { $0.prefix(while: \.isNumber) }
            + document.components(separatedBy: "<w:del w:id=\"").dropFirst().map { $0.prefix(while: \.isNumber) }
        #expect(!ids.isEmpty && Set(ids).count == ids.count)
    }

    @Test("no change: the redline's body is the export's")
    func noChange() throws {
        let plan = Plan(info: DiffFixture.info, recommendations: HTMLRedlineTests.new)
        let data = try DocxRedline.write(old: plan, new: plan, changes: [], stamps: RedlineStamps(fallback: Self.bob))
        let exported = try DocxWriter.write(OfficialDocument(plan), title: plan.info.title)
        #expect(try DocxSupport.part("word/document.xml", of: data) == DocxSupport.part("word/document.xml", of: exported))
    }

    @Test("a theme only B has is a row inserted, one only A has a row deleted where it stood")
    func themes() throws {
        func plan(_ themes: [String]) -> Plan {
            Plan(info: DiffFixture.info, recommendations: themes.enumerated().map { i, theme in
                var rec = DiffFixture.rec(i + 1)
                rec.theme = theme
                return rec
            })
        }
        let old = plan(["Leadership", "Staff"]), new = plan(["Leadership", "Services"])
        let result = try DiffFixture.compare(PlanVersion(old.recommendations), PlanVersion(new.recommendations))
        let data = try DocxRedline.write(old: old, new: new, changes: result.changes,
                                         stamps: RedlineStamps(recommendations: [2: Self.ann], fallback: Self.bob))
        let rows = try Self.planRows(try DocxSupport.tree(try DocxSupport.part("word/document.xml", of: data)))
        let staff = try #require(Self.row(rows, containing: "Staff"))
        #expect(staff.first("trPr")?.first("del")?["author"] == "Ann Reviewer" && Self.marked(staff, "del") == ["Staff"])
        let services = try #require(Self.row(rows, containing: "Services"))
        #expect(services.first("trPr")?.first("ins")?["author"] == "Ann Reviewer" && Self.marked(services, "ins") == ["Services"])
        let leadership = try #require(Self.row(rows, containing: "Leadership"))
        #expect(leadership.first("trPr") == nil, "a theme both versions have is kept")
        let order = rows.map { Self.words($0, "t") + Self.words($0, "delText") }
        let deleted = try #require(order.firstIndex(of: "Staff")), inserted = try #require(order.firstIndex(of: "Services"))
        #expect(deleted < inserted)
    }
}
