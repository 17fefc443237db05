import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// Plans written for these tests in the seeds' layout, none of them transcribed from a seed
/// (Fixtures/Unseen: the tab-separated text, the same plan as a DOCX made by make_docx.py, and
/// the plan expected beside them). Each is imported from both and compared field by field.
@Suite struct UnseenPlanTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Unseen")
    static let names = ["ap-referrals-2025", "resettlement-2025", "youth-transitions-2025", "victim-contact-2025", "unpaid-work-2025", "leadership-2025"]

    struct Expected: Decodable {
        var title: String
        var submitted: String
        var published: String
        var summary: [String: Int]?
        var recommendations: [ExpectedRecommendation]
    }

    struct ExpectedRecommendation: Decodable {
        struct ExpectedReason: Decodable, Equatable {
            var categories: [String]
            var text: String
        }
        var number: Int
        var addressee: String?
        var theme: String?
        var status: String
        var reason: ExpectedReason?
        var implementedPart: String?
        var response: String?
        var actions: [ExpectedAction]

        enum CodingKeys: String, CodingKey {
            case number, addressee, theme, status, reason, response, actions
            case implementedPart = "implemented-part"
        }
    }

    struct ExpectedAction: Decodable, Equatable {
        struct ExpectedUpdate: Decodable, Equatable {
            var date: String
            var text: String
            var state: String?
            var target: String?
        }
        var id: String
        var text: String
        var owners: [String]
        var target: String?
        var state: String
        var note: String?
        var updates: [ExpectedUpdate]
    }

    static func expected(_ name: String) throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("\(name).expected.json")))
    }

    static func imported(_ name: String, _ format: String) throws -> ImportResult {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).\(format)"))
        let document = format == "docx" ? try DocxReader.read(data) : try WordTextReader.read([UInt8](data))
        return try PlanImporter.interpret(document)
    }

    static let cases = names.flatMap { name in ["txt", "docx"].map { (name, $0) } }

    @Test(arguments: cases)
    func importsAsExpected(name: String, format: String) throws {
        let plan = try Self.imported(name, format).plan
        let expected = try Self.expected(name)
        #expect(plan.info.title == expected.title)
        #expect(plan.info.submitted?.description == expected.submitted)
        #expect(plan.info.report.published?.description == expected.published)
        if let summary = expected.summary {
            #expect(plan.info.summary.map { [$0.agreed, $0.partlyAgreed, $0.notAgreed] } == [summary["agreed"], summary["partly-agreed"], summary["not-agreed"]])
        } else {
            #expect(plan.info.summary == nil)
        }
        #expect(plan.recommendations.map(\.number) == expected.recommendations.map(\.number))
        for (rec, want) in zip(plan.recommendations, expected.recommendations) {
            let at = "\(name).\(format) recommendation \(rec.number)"
            #expect(rec.addressee == (want.addressee ?? ""), "\(at)")
            #expect(rec.theme == want.theme, "\(at)")
            #expect(rec.status.rawValue == want.status, "\(at)")
            #expect(rec.reason.map { ExpectedRecommendation.ExpectedReason(categories: $0.categories.map(\.rawValue), text: $0.text) } == want.reason, "\(at)")
            #expect(rec.implementedPart == want.implementedPart, "\(at)")
            #expect(rec.response == want.response, "\(at)")
            let actions = rec.actions.map { a in
                ExpectedAction(id: a.id, text: a.text, owners: a.owners, target: a.target?.description, state: a.state.rawValue, note: a.note,
                               updates: a.updates.map { .init(date: $0.date.description, text: $0.text, state: $0.state?.rawValue, target: $0.target?.description) })
            }
            #expect(actions == want.actions, "\(at)")
        }
    }

    /// The DOCX and the text of each plan give the same plan.
    @Test(arguments: names)
    func docxAndTextAgree(name: String) throws {
        #expect(try Self.imported(name, "docx").plan == Self.imported(name, "txt").plan)
    }

    /// No word of the plan table is lost: every word of its cells is in the plan's files (but
    /// the few the format writes differently: dates, states, "Update", "should" of an addressee).
    @Test(arguments: names)
    func everyWordOfThePlanTableIsKept(name: String) throws {
        let document = try WordTextReader.read(String(contentsOf: Self.folder.appendingPathComponent("\(name).txt"), encoding: .utf8))
        let plan = try PlanImporter.interpret(document).plan
        var planWords = Set(SeedImportTests.words(CanonicalWriter.write(plan.info)))
        for rec in plan.recommendations { planWords.formUnion(SeedImportTests.words(CanonicalWriter.write(rec))) }
        var tableWords = Set<String>()
        for case .table(let table) in document.blocks {
            for row in table.rows where !DocumentLayout.isHeader(row) {
                tableWords.formUnion(row.cells.flatMap { $0.paragraphs.flatMap(SeedImportTests.words) })
            }
        }
        let written = Set(DateWords.monthNames.map { $0.lowercased() } + ActionState.allCases.flatMap { SeedImportTests.words($0.words) })
            .union(["update", "agreed", "partly", "not", "recommendations", "total", "should"])
            // A status cell that only names the category ("Not agreed: operational reasons") is
            // written as the category.
            .union(["reasons"])
        let lost = tableWords.subtracting(planWords).subtracting(written)
        #expect(lost.isEmpty, "words of \(name) not in the plan: \(lost.sorted())")
    }

    /// Every reason read is remarked, with its place and the alternative.
    @Test(arguments: names)
    func reasonsAreRemarked(name: String) throws {
        let result = try Self.imported(name, "txt")
        for rec in result.plan.recommendations where rec.reason != nil {
            #expect(result.remarks.contains { $0.subject == String(rec.number) && $0.topic == .reasons && $0.alternative != nil }, "\(name) \(rec.number)")
        }
    }

    /// A partly agreed reason that names no category is the reason's text with no category,
    /// with a remark that says none was assumed (youth-transitions, recommendation 4).
    @Test func noCategoryIsAssumed() throws {
        let result = try Self.imported("youth-transitions-2025", "txt")
        let four = try #require(result.plan.recommendations.first { $0.number == 4 })
        #expect(four.reason?.categories == [])
        #expect(four.reason?.text.hasPrefix("This recommendation is partly agreed as the records belong") == true)
        #expect(four.response == nil)
        #expect(result.remarks.contains { $0.subject == "4" && $0.kind == .missing && $0.message.contains("no category is assumed") })
    }

    /// Two dates beside one paragraph and one owner pair with nothing: kept in the note, remarked
    /// (resettlement, recommendation 5).
    @Test func unpairedDatesStayInTheNote() throws {
        let result = try Self.imported("resettlement-2025", "txt")
        let five = try #require(result.plan.recommendations.first { $0.number == 5 })
        #expect(five.actions.count == 1)
        #expect(five.actions[0].note == "April 2025 July 2025" && five.actions[0].target == nil)
        #expect(result.remarks.contains { $0.subject == "5.1" && $0.kind == .kept && $0.message.contains("names 2 dates for one action") })
    }
}
