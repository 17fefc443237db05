import Foundation
import Testing
@testable import PlanKit

/// The plan's vocabulary, a recommendation's kind and report reference: read, written, and used
/// by the exports, the reports and the diff's sentences.
@Suite struct PlanWordsTests {
    static let planText = """
        format: 1
        title: HMP Eastgate
        organisation: HM Prison and Probation Service
        inspectorate: HM Inspectorate of Prisons
        report:
          title: Report on an unannounced inspection of HMP Eastgate
        vocabulary:
          agreed: Accepted
          partly-agreed: Partly Accepted
          not-agreed: Rejected
          key-concerns: Key Concerns

        """

    static let concernText = """
        number: 2
        reference: S41
        kind: priority-concern
        addressee: HM Prison and Probation Service
        text: Illicit drugs were too easy to obtain.
        status: partly-agreed
        actions: []

        """

    static func info() throws -> PlanInfo {
        try #require(PlanFormat.parsePlanInfo(Array(planText.utf8), path: "plan.yaml").value)
    }

    static func concern() throws -> Recommendation {
        try #require(PlanFormat.parseRecommendation(Array(concernText.utf8), path: "recommendations/02.yaml").value)
    }

    @Test func theVocabularyIsReadAndWrittenBack() throws {
        let info = try Self.info()
        #expect(info.vocabulary.word(for: .agreed) == "Accepted")
        #expect(info.vocabulary.word(for: .notAgreed) == "Rejected")
        #expect(info.vocabulary.heading(for: .keyConcern) == "Key Concerns")
        #expect(info.vocabulary.heading(for: .priorityConcern) == "Priority concerns")
        #expect(CanonicalWriter.write(info, modeline: nil) == Self.planText)
    }

    @Test func numberingByReferencesIsReadWrittenAndChecked() throws {
        let text = Self.planText + "  numbers: references\n"
        let info = try #require(PlanFormat.parsePlanInfo(Array(text.utf8), path: "plan.yaml").value)
        #expect(info.vocabulary.numbersAreReferences)
        #expect(CanonicalWriter.write(info, modeline: nil) == text)
        var rec = try Self.concern()
        rec.reference = "5.01"
        #expect(rec.label(info.vocabulary) == "5.01")
        #expect(rec.label(try Self.info().vocabulary) == "2 (5.01)")
        let wrong = PlanFormat.parsePlanInfo(Array((Self.planText + "  numbers: digits\n").utf8), path: "plan.yaml")
        #expect(wrong.diagnostics.contains { $0.message.contains("digits") && $0.location?.line == 12 })
    }

    @Test func kindAndReferenceAreReadAndWrittenBack() throws {
        let rec = try Self.concern()
        #expect(rec.kind == .priorityConcern)
        #expect(rec.reference == "S41")
        #expect(rec.label == "2 (S41)")
        #expect(rec.name == "priority concern 2")
        #expect(CanonicalWriter.write(rec, modeline: nil) == Self.concernText)
    }

    @Test func aReferenceOtherReadersTakeForANumberIsQuoted() throws {
        var rec = try Self.concern()
        rec.reference = "1.12"
        let text = CanonicalWriter.write(rec, modeline: nil)
        #expect(text.contains("reference: \"1.12\"\n"))
        #expect(PlanFormat.parseRecommendation(Array(text.utf8), path: "r.yaml").value == rec)
    }

    @Test func theDefaultsAreNotWritten() throws {
        var rec = try Self.concern()
        rec.kind = .recommendation
        rec.reference = nil
        let text = CanonicalWriter.write(rec, modeline: nil)
        #expect(!text.contains("kind:") && !text.contains("reference:"))
        var info = try Self.info()
        info.vocabulary = .standard
        #expect(!CanonicalWriter.write(info, modeline: nil).contains("vocabulary"))
    }

    @Test func anUnknownKindOrWordIsAnError() {
        let kind = PlanFormat.parseRecommendation(Array(Self.concernText.replacingOccurrences(of: "priority-concern", with: "concern").utf8), path: "r.yaml")
        #expect(kind.value == nil)
        #expect(kind.diagnostics.contains { $0.message.contains("kind") })
        let word = PlanFormat.parsePlanInfo(Array(Self.planText.replacingOccurrences(of: "  agreed: Accepted", with: "  accepted: Accepted").utf8), path: "plan.yaml")
        #expect(word.value == nil)
    }

    @Test func theStandardWordsAreTheTemplates() {
        let words = PlanWords.standard
        #expect(Status.allCases.map(words.word(for:)) == ["Agreed", "Partly Agreed", "Not Agreed"])
        #expect(words.statusColumn == "Agreed/ Partly Agreed/ Not Agreed")
        #expect(words.countHeading(hasConcerns: false) == "Recommendations")
        #expect(words.countHeading(hasConcerns: true) == "Concerns")
        #expect(words.isStandard)
        #expect(!PlanWords.prisons.isStandard)
        #expect(PlanWords.prisons.status(named: "partly accepted") == .partlyAgreed)
    }

    @Test func diffSentencesNameTheKindAndSpeakThePlansWords() throws {
        var change = Change(kind: .statusChanged, recommendation: 2, field: "status", old: "agreed", new: "not-agreed")
        change.recommendationKind = .priorityConcern
        #expect(ChangeWording.sentence(change, .plain) == "Priority concern 2: status agreed → not-agreed")
        #expect(ChangeWording.sentence(change, .words, words: .prisons) == "Priority concern 2: status Accepted → Rejected")
        change.recommendationKind = nil
        #expect(ChangeWording.sentence(change, .words) == "Recommendation 2: status Agreed → Not Agreed")
    }

    @Test func theDifferNamesConcernsAndTheirKind() throws {
        let old = try Self.concern()
        var new = old
        new.status = .agreed
        new.kind = .keyConcern
        let changes = try DiffFixture.changes(old, new)
        #expect(changes.map(\.summary).contains("Key concern 2: kind changed from \"priority-concern\" to \"key-concern\""))
        #expect(changes.map(\.summary).contains("Key concern 2: status partly-agreed → agreed"))
    }

    @Test func statusCountsSpeakThePlansWords() throws {
        let plan = Plan(info: try Self.info(), recommendations: [try Self.concern()])
        let progress = ProgressReport.make(plan: plan, display: "plan", source: .workingTree, asOf: Day(year: 2024, month: 1, day: 1)!,
                                           owner: nil, dueWithinMonths: 3, history: nil)
        #expect(ProgressRenderer.statusWords(progress.recommendations) == "1 concern: 0 accepted, 1 partly accepted, 0 rejected")
        #expect(ProgressRenderer.statusHeaders(progress.recommendations) == ["Accepted", "Partly Accepted", "Rejected", "Total"])
    }

    @Test func theJSONExportCarriesTheFields() throws {
        let plan = Plan(info: try Self.info(), recommendations: [try Self.concern()])
        let json = PlanJSON.render(plan)
        #expect(json.contains("\"kind\" : \"priority-concern\""))
        #expect(json.contains("\"reference\" : \"S41\""))
        #expect(json.contains("\"not-agreed\" : \"Rejected\""))
    }

    @Test func textconvNamesTheKindAndReference() throws {
        #expect(Textconv.render(try Self.concern()).hasPrefix("Priority concern 2 (S41): Partly Agreed\n"))
    }
}
