import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// The general rules the importer reads real plans by, each on the cases the transcriptions'
/// NOTES.md decide.
@Suite struct ImportRulesTests {
    static let known: Set<String> = [
        "Deputy Director, Public Protection Group", "Probation Deputy Director, Courts",
        "Director of Operations & Delivery, MoJ People Group",
        "Deputy Director and Head of Strategy, Probation Workforce Programme",
        "Senior Responsible Officer, Probation Reform Programme",
    ]

    static func split(_ text: String) -> [String] {
        OwnerSplitter(known: known).split(text).owners
    }

    @Test func ownersNamingSeveralPostsAreSplit() {
        #expect(Self.split("Head of Public Protection Group / Executive Director Performance")
                == ["Head of Public Protection Group", "Executive Director Performance"])
        #expect(Self.split("Head of HRBP Function/HR Services Strategy Manager, Service Improvement")
                == ["Head of HRBP Function", "HR Services Strategy Manager, Service Improvement"])
        #expect(Self.split("Deputy Director Business Strategy and Change/ Head of Partnership and Contracts")
                == ["Deputy Director Business Strategy and Change", "Head of Partnership and Contracts"])
        #expect(Self.split("Senior Responsible Officer, Probation Reform Programme. Executive Director, Probation Workforce and Recovery Programme")
                == ["Senior Responsible Officer, Probation Reform Programme", "Executive Director, Probation Workforce and Recovery Programme"])
        // Run together: two owners the plan names alone elsewhere, or a post after a complete one.
        #expect(Self.split("Deputy Director, Public Protection Group Probation Deputy Director, Courts")
                == ["Deputy Director, Public Protection Group", "Probation Deputy Director, Courts"])
        #expect(Self.split("Director of Operations & Delivery, MoJ People Group Director of Estates (MoJ) and Deputy Director for Business Strategy and Change")
                == ["Director of Operations & Delivery, MoJ People Group", "Director of Estates (MoJ)", "Deputy Director for Business Strategy and Change"])
        #expect(OwnerSplitter(known: []).split("Deputy Director, Public Protection Group Senior Responsible Officer for the Probation Reform Programme").owners
                == ["Deputy Director, Public Protection Group", "Senior Responsible Officer for the Probation Reform Programme"])
        #expect(Self.split("Probation Policy Manager, Probation Reform Programme and Head of Whole System Learning, Whole System Development Group")
                == ["Probation Policy Manager, Probation Reform Programme", "Head of Whole System Learning, Whole System Development Group"])
    }

    /// "and", "&" and "/" inside one post, a post and its directorate, "supported by": one owner.
    @Test(arguments: [
        "Deputy Director and Head of Strategy, Probation Workforce Programme",
        "Senior Manager and Service Manager, Whole System Development Group",
        "Deputy Director, Head of Strategy and Project Lead Capacity and Efficiency, Probation Workforce Programme.",
        "Deputy Director, and Capability Project Lead, Probation Workforce Programme",
        "Chief Probation Officer and Executive Director for Women and Probation",
        "Chief Operating Officer, MoJ Estates supported by Head of Business Strategy and Change – Estates",
        "NPS operational liaison/ facilitation provided by NPS Head of Estates",
        "Deputy Director Prisons, Director General Prisons",
        "RPD & Prison Group Director (PGD) - IPP Lead(s)",
        "Regional Probation Director (RPD) Lead for IPP",
        "Deputy Director - Prisoner outcomes, resettlement & reoffending, MOJ",
        "Competition Leads (for Dynamic Framework and Probation Delivery Partner competitions), Probation Reform Programme",
        "Head of Public Protection Group (PPG)",
        "Assistant Chief Officer – Consider a Recall",
        "Probation Divisional Director for Business Strategy and Change",
    ])
    func onePostIsNotSplit(owner: String) {
        #expect(Self.split(owner) == [owner])
    }

    @Test func targetCellsAreDatesStatesOrWording() {
        #expect(TargetCell.tokens("March 2021 November 2021") == [.date(.month(year: 2021, month: 3), words: "March 2021"),
                                                                  .date(.month(year: 2021, month: 11), words: "November 2021")])
        #expect(TargetCell.tokens("Completed January 2022") == [.state(.completed, words: "Completed"),
                                                               .date(.month(year: 2022, month: 1), words: "January 2022")])
        #expect(TargetCell.tokens("Completed and ongoing") == nil)
        #expect(TargetCell.tokens("In progress") == [.state(.inProgress, words: "In progress")])
        #expect(TargetCell.deadline(in: "Completed Ongoing – and to be completed by December 2021")?.0 == .month(year: 2021, month: 12))
        #expect(TargetCell.deadline(in: "by the end of January 2022.")?.0 == .month(year: 2022, month: 1))
        #expect(TargetCell.deadline(in: "Completed April 2020/202") == nil)
        #expect(TargetCell.deadline(in: "by May 2021 or by June 2021") == nil)
    }

    @Test func proseRules() {
        #expect(RunningText.isUnfinished("will be implemented by the"))
        #expect(!RunningText.isUnfinished("the provision:"))
        #expect(!RunningText.isUnfinished("(e.g. via NPS News)."))
        #expect(RunningText.isUnfinished("(under the governance of the Programme)"))
        #expect(RunningText.join("ensure that non-", "accredited services") == "ensure that non-accredited services")
        #expect(RunningText.join("to", "account for") == "to account for")
        #expect(RunningText.joinWrappedHyphens("a high- level approach and pre- and post-transition").0
                == "a high-level approach and pre- and post-transition")
        #expect(RunningText.sentences("One e.g. two. Three (i) four. 5 more! done") == ["One e.g. two.", "Three (i) four.", "5 more! done"])
    }

    @Test func statusWords() {
        #expect(StatusWords.parse("Partly agreed")?.status == .partlyAgreed)
        #expect(StatusWords.parse("Partially Agreed")?.status == .partlyAgreed)
        #expect(StatusWords.parse("Not agreed")?.status == .notAgreed)
        #expect(StatusWords.parse("Agreed")?.status == .agreed)
        let partly = StatusWords.parse("Partly agreed (resourcing need and affordability will need to be balanced)")
        #expect(partly?.status == .partlyAgreed)
        #expect(partly?.rest == "resourcing need and affordability will need to be balanced")
        #expect(StatusWords.parse("Agreeable") == nil)
        #expect(ReasonReader.categories("a long-term funding/ resource solution") == [.affordability])
        #expect(ReasonReader.categories("lessons learned") == [])
    }

    @Test func reasonSentences() {
        let split = ReasonReader.clauses("This recommendation is partly agreed as whilst it is not in HMPPS's gift to complete this action alone, HMPPS will work with HMCTS.")
        #expect(split?.why == "This recommendation is partly agreed as whilst it is not in HMPPS's gift to complete this action alone")
        #expect(split?.rest == "HMPPS will work with HMCTS.")
        #expect(ReasonReader.clauses("HMPPS agreed this with the board. Then more.") == nil)
    }

    @Test func headingsWithThemeAndAddressee() {
        let staff = HeadingWords.split("Staff HM Prison and Probation Service", theme: "Leadership", seen: ["HM Prison and Probation Service"])
        #expect(staff.theme == "Staff")
        #expect(staff.addressee == "HM Prison and Probation Service")
        let moj = HeadingWords.split("Information and facilities The Ministry of Justice", theme: "Information and facilities", seen: ["HM Prison and Probation Service"])
        #expect(moj.theme == "Information and facilities")
        #expect(moj.addressee == "The Ministry of Justice")
        let plain = HeadingWords.split("HM Prison and Probation Service", theme: nil, seen: [])
        #expect(plain.theme == nil)
        #expect(plain.addressee == "HM Prison and Probation Service")
        #expect(HeadingWords.addressee("Her Majesty's Prison and Probation Service, together with the Community Rehabilitation Companies, should:")
                == "Her Majesty's Prison and Probation Service, together with the Community Rehabilitation Companies")
        #expect(HeadingWords.addressee("Leadership") == nil)
    }

    /// The rows Word shortens after a page break are placed on the columns their words fit.
    @Test func shortRowsAreAligned() {
        let place = TableDocument.Place(line: 1)
        func cells(_ texts: [String]) -> [[PlacedText]] { texts.map { $0.isEmpty ? [] : [PlacedText(text: $0, place: place)] } }
        let aligner = RowAligner(textUnfinished: true, responseUnfinished: true, ownerUnfinished: false)
        let continued = aligner.place(cells(["carried out to the required standard and an acceptable timescale.",
                                             "which, once works have reached level 3, escalates them to the FM Manager to resolve in collaboration with the FM supply chain.", ""]))
        #expect(continued[1].first?.text.hasPrefix("carried out") == true)
        #expect(continued[3].first?.text.hasPrefix("which, once") == true)
        let action = RowAligner(textUnfinished: false, responseUnfinished: false, ownerUnfinished: false)
            .place(cells(["A service user reward scheme has been approved and will be rolled out by September 2020.", "", "September 2020"]))
        #expect(action[3].first?.text.hasPrefix("A service user") == true)
        #expect(action[5].first?.text == "September 2020")
    }
}
