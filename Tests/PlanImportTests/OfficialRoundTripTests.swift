import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// plantool's own layout reads back to the plan it was made from.
@Suite struct OfficialRoundTripTests {
    static func load(_ plan: URL) throws -> Plan {
        try #require(PlanLoader.load(PlanDirectory.files(of: plan, displayRoot: plan.lastPathComponent)).plan)
    }

    @Test(arguments: Paths.examplePlans)
    func everyExamplePlanReadsBackExactly(plan url: URL) throws {
        let plan = try Self.load(url)
        let result = try PlanImporter.interpret(OfficialDocument(plan).tableDocument)
        #expect(result.plan.info == plan.info)
        #expect(result.plan.recommendations.count == plan.recommendations.count)
        for (imported, original) in zip(result.plan.recommendations, plan.recommendations) {
            #expect(imported == original, "recommendation \(original.number)")
        }
        #expect(result.plan == plan)
        #expect(result.remarks.isEmpty, "\(result.remarks.map(\.message))")
    }
}

extension OfficialRoundTripTests {
    /// A plan using every field of the format, with the wordings that could be mistaken for
    /// others: a note that is itself a state word, a note after a target, several lines
    /// everywhere, updates changing owners, a recommendation with nothing but its text.
    static var everyField: Plan {
        let day = { (y: Int, m: Int, d: Int) in Day(year: y, month: m, day: d)! }
        let info = PlanInfo(title: "A Plan: with a colon", organisation: "Cheshire & Greater Manchester CRC",
                            inspectorate: "HM Inspectorate of Prisons",
                            report: Report(title: "Report: its title", published: day(2020, 1, 14), url: "https://example.org/report?a=1"),
                            submitted: day(2020, 3, 4),
                            revisions: [Revision(submitted: day(2021, 3, 4), title: "Action Plan Update"),
                                        Revision(submitted: day(2022, 3, 4), title: "Second Update")],
                            summary: Summary(agreed: 1, partlyAgreed: 2, notAgreed: 0),
                            introduction: "First paragraph.\n\nSecond paragraph,\nwith a line break.")
        let one = Recommendation(
            number: 1, addressee: "HM Prison and Probation Service", theme: "Leadership",
            text: "Line one\nline two\n\nline four", status: .partlyAgreed,
            implementedPart: "The review\nof timescales", reason: Reason(categories: [.affordability, .policy], text: "Costs.\nAnd policy."),
            response: "Narrative.\n\n- a list\n- of items",
            actions: [
                Action(id: "1.1", text: "Ongoing work.", owners: ["Head of A", "Director, B / C"], state: .ongoing, note: "Ongoing"),
                Action(id: "1.2", text: "Done.", owners: ["Head of A"], state: .completed, note: "TBC"),
                Action(id: "1.3", text: "Quarter.", target: .quarter(year: 2021, quarter: 3), state: .completed, note: "Completed"),
                Action(id: "1.4", text: "Nothing else."),
                Action(id: "1.5", text: "Two\nlines", owners: ["Head of A"], target: .day(day(2021, 7, 31)), state: .inProgress,
                       note: "June 19 TBC\nNB dependant", updates: [
                           Update(date: .month(year: 2021, month: 12), text: "Moved.\n\nSecond paragraph.", state: .inProgress,
                                  target: .month(year: 2022, month: 3), owners: ["Senior Responsible Officer"]),
                           Update(date: .day(day(2022, 6, 30)), text: "Finished.", state: .completed),
                       ]),
                Action(id: "1.5.1", text: "Nested id.", state: .dropped, note: "Withdrawn"),
            ])
        let two = Recommendation(number: 2, addressee: "The Ministry of Justice", theme: "Leadership", text: "Two.",
                                 status: .partlyAgreed, reason: Reason(categories: [.commissioning], text: "Commissioning."),
                                 actions: [Action(id: "2.1", text: "Update December 2021 is how this text starts.")])
        let three = Recommendation(number: 3, addressee: "The Ministry of Justice", theme: "Staff", text: "Nothing to show.",
                                   status: .notAgreed, reason: Reason(categories: [.operational], text: "No."))
        let five = Recommendation(number: 5, addressee: "The Ministry of Justice", theme: "Staff", text: "Response only.",
                                  status: .agreed, response: "Only words.")
        return Plan(info: info, recommendations: [one, two, three, five])
    }

    @Test func aPlanUsingEveryFieldReadsBackExactly() throws {
        let plan = Self.everyField
        let result = try PlanImporter.interpret(OfficialDocument(plan).tableDocument)
        #expect(result.plan.info == plan.info)
        for (imported, original) in zip(result.plan.recommendations, plan.recommendations) {
            #expect(imported == original, "recommendation \(original.number)")
        }
        #expect(result.plan == plan)
        #expect(result.remarks.isEmpty, "\(result.remarks.map(\.message))")
    }

    @Test func aCountedSummaryReadsBackAsNoSummary() throws {
        var plan = Self.everyField
        plan.info.summary = nil
        plan.info.submitted = nil
        plan.info.report.published = nil
        plan.info.report.url = nil
        plan.info.introduction = nil
        let result = try PlanImporter.interpret(OfficialDocument(plan).tableDocument)
        #expect(result.plan == plan)
    }
}

extension OfficialRoundTripTests {
    /// Through a DOCX file: the export written by `DocxWriter`, read by `DocxReader`, imported.
    @Test(arguments: Paths.examplePlans)
    func everyExamplePlanReadsBackThroughDocx(plan url: URL) throws {
        let plan = try Self.load(url)
        let docx = try DocxWriter.write(OfficialDocument(plan), title: plan.info.title)
        let result = try PlanImporter.interpret(try DocxReader.read(docx))
        #expect(result.plan == plan)
        #expect(result.remarks.isEmpty)
    }

    @Test func aPlanUsingEveryFieldReadsBackThroughDocx() throws {
        let plan = Self.everyField
        let docx = try DocxWriter.write(OfficialDocument(plan), title: nil)
        #expect(try PlanImporter.interpret(try DocxReader.read(docx)).plan == plan)
    }

    /// A theme that ends without another beginning is closed by a row with the kind's heading
    /// ("Recommendations"), as older HM Inspectorate of Prisons plans close "Main recommendations".
    @Test func aThemeThatEndsIsClosedByTheKindsHeading() throws {
        var plan = Self.everyField
        plan.recommendations[3].theme = nil
        let document = OfficialDocument(plan)
        #expect(document.rows.contains(.theme("Recommendations")))
        let result = try PlanImporter.interpret(document.tableDocument)
        #expect(result.plan == plan)
    }
}
