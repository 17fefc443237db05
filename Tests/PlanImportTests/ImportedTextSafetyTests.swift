import Testing
@testable import PlanImport
@testable import PlanKit

/// What a document may hold and a plan file may not is made into text the reader takes, with
/// nothing dropped: the plan the import writes reads back.
struct ImportedTextSafetyTests {
    @Test func tabsAndLineSeparatorsInOneLineFieldsBecomeSpacesAndTheFileReadsBack() throws {
        let rec = Recommendation(number: 1, addressee: "HMPPS\tand\u{2028}MoJ", text: "Keep\tthe tab\u{2028}here", status: .agreed,
                                 actions: [Action(id: "1.1", text: "Do it", owners: ["Deputy\tDirector\nProbation"], target: .month(year: 2030, month: 1))])
        let info = PlanInfo(title: "Plan\u{2029}title", organisation: "HMPPS", inspectorate: "HMI Probation", report: Report(title: "Report"))
        var log = RemarkLog()
        let fixed = ImportedTextSafety.apply(Plan(info: info, recommendations: [rec]), place: TableDocument.Place(line: 1), log: &log)
        let out = fixed.recommendations[0]
        #expect(out.addressee == "HMPPS and MoJ")
        #expect(out.actions[0].owners == ["Deputy Director Probation"])
        #expect(fixed.info.title == "Plan title")
        // A text over several lines keeps its tab and separator.
        #expect(out.text == rec.text)
        let read = PlanFormat.parseRecommendation(Array(CanonicalWriter.write(out).utf8), path: "01.yaml")
        #expect(read.value == out, "\(read.diagnostics)")
        let readInfo = PlanFormat.parsePlanInfo(Array(CanonicalWriter.write(fixed.info).utf8), path: "plan.yaml")
        #expect(readInfo.value == fixed.info, "\(readInfo.diagnostics)")
    }
}
