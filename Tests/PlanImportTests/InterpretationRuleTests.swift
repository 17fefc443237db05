import Testing
@testable import PlanImport
@testable import PlanKit

/// One test per rule of interpretation, on the functions that apply it.
@Suite struct InterpretationRuleTests {
    // MARK: Reasons

    @Test func categoriesFromWordsAndParentheses() {
        #expect(ReasonReader.categories("This is not affordable in the spending review period") == [.affordability])
        #expect(ReasonReader.categories("services are commissioned nationally") == [.commissioning])
        #expect(ReasonReader.categories("for operational reasons") == [.operational])
        #expect(ReasonReader.categories("current sentencing policy") == [.policy])
        #expect(ReasonReader.categories("lessons learned will enable HMPPS to take a view") == [])
        #expect(ReasonReader.parenthesised("… outside HMPPS's gift (commissioning).") == [.commissioning])
        #expect(ReasonReader.parenthesised("stays with the centre (operational and affordability), as …") == [.operational, .affordability])
        // A long aside in brackets is not a category label.
        #expect(ReasonReader.parenthesised("the estate (including the premises run under policy agreements with the councils) is") == [])
    }

    @Test func sentencesThatSayWhy() {
        #expect(ReasonReader.saysWhy("Extending the scheme is outside HMPPS's gift (commissioning)."))
        #expect(ReasonReader.saysWhy("Due to operational reasons, the framework cannot be introduced in the premises for women."))
        #expect(ReasonReader.saysWhy("A national programme is not affordable within current budgets."))
        #expect(ReasonReader.saysWhy("This recommendation is partly agreed as the data is held by the police."))
        #expect(ReasonReader.saysWhy("The pay remit is a matter of Government policy."))
        // Commitments are actions, whatever words they hold.
        #expect(!ReasonReader.saysWhy("HMPPS will therefore review the policy framework."))
        #expect(!ReasonReader.saysWhy("The new HMPPS People Plan sets the framework for Human Resources (HR) services."))
        #expect(ReasonReader.saysWhy("HMPPS will not fund a separate unit because of the cost."))
    }

    @Test func restatedStatusAndImplementedPart() {
        #expect(ReasonReader.onlyStatesStatus("This recommendation is partly agreed."))
        #expect(!ReasonReader.onlyStatesStatus("This recommendation is partly agreed as the tool is based on caseload."))
        #expect(ReasonReader.onlyStatesStatus("HMPPS partly agrees with this recommendation."))
        #expect(ReasonReader.saysWhy("The reason for this is the cost of the new system."))
        #expect(ReasonReader.saysWhatIsImplemented("HMPPS agrees to extend the enhanced scheme to every directly managed premises."))
        #expect(!ReasonReader.saysWhatIsImplemented("HMPPS does not agree with this recommendation."))
        #expect(ReasonReader.onlyNamesCategories("due to affordability"))
        #expect(ReasonReader.onlyNamesCategories("operational reasons"))
        #expect(!ReasonReader.onlyNamesCategories("resourcing need and affordability will need to be balanced"))
    }

    static func paragraphs(_ texts: String...) -> [ResponseParagraph] {
        texts.map { ResponseParagraph(text: $0, place: .init(line: 1)) }
    }

    @Test func reasonInAnyPosition() {
        // First sentence.
        let first = ReasonReader.read(Self.paragraphs("Due to affordability, only two regions can be covered. HMPPS will pilot the scheme in two regions."), status: .partlyAgreed)
        #expect(first.why == ["Due to affordability, only two regions can be covered."])
        #expect(first.rest.map(\.text) == ["HMPPS will pilot the scheme in two regions."])
        // Last sentence, in parentheses, after a restated status and the part implemented.
        let last = ReasonReader.read(Self.paragraphs("This recommendation is partly agreed. HMPPS agrees to review the guidance. The Head of Public Protection will publish it. Changing the contracts is outside HMPPS's gift (commissioning)."), status: .partlyAgreed)
        #expect(last.restated == ["This recommendation is partly agreed."])
        #expect(last.implemented == ["HMPPS agrees to review the guidance."])
        #expect(last.why == ["Changing the contracts is outside HMPPS's gift (commissioning)."])
        #expect(last.rest.map(\.text) == ["The Head of Public Protection will publish it."])
        // A later paragraph.
        let later = ReasonReader.read(Self.paragraphs("HMPPS will train the staff in two regions.", "A national programme is not affordable."), status: .partlyAgreed)
        #expect(later.why == ["A national programme is not affordable."])
        #expect(later.rest.map(\.text) == ["HMPPS will train the staff in two regions."])
    }

    @Test func notAgreedCellIsAllReason() {
        let reading = ReasonReader.read(Self.paragraphs("This recommendation is not agreed.", "Services are commissioned nationally."), status: .notAgreed)
        #expect(reading.why == ["This recommendation is not agreed.", "Services are commissioned nationally."])
        #expect(reading.rest.isEmpty)
    }

    @Test func whilstClauseSplitsReasonFromAction() {
        let split = ReasonReader.clauses("This recommendation is partly agreed as whilst it is not in HMPPS's gift to act alone, HMPPS will work with HMCTS.")
        #expect(split?.why == "This recommendation is partly agreed as whilst it is not in HMPPS's gift to act alone")
        #expect(split?.rest == "HMPPS will work with HMCTS.")
        #expect(ReasonReader.clauses("HMPPS will work with HMCTS, whilst the courts review their estate.") == nil)
    }

    // MARK: Several dates in one cell

    @Test func targetCellAsSeveralTargets() {
        let cell = [PlacedText(text: "October 2025 April 2026", place: .init(line: 3))]
        #expect(RecommendationBuilder.targetUnits(cell).map(\.text) == ["October 2025", "April 2026"])
        let one = [PlacedText(text: "March 2026", place: .init(line: 3))]
        #expect(RecommendationBuilder.targetUnits(one).map(\.text) == ["March 2026"])
        let words = [PlacedText(text: "To be confirmed", place: .init(line: 3))]
        #expect(RecommendationBuilder.targetUnits(words).map(\.text) == ["To be confirmed"])
        // States alone are not several targets: "Completed Completed" is one state said twice.
        let states = [PlacedText(text: "Completed Completed", place: .init(line: 3))]
        #expect(RecommendationBuilder.targetUnits(states).count == 1)
    }

    @Test func numberedStepsInOneParagraph() {
        let steps = NumberedSteps.split("HMPPS will: 1. Review the contracts. 2. Consult the regions. 3. Publish the strategy.")
        #expect(steps?.leadIn == "HMPPS will:")
        #expect(steps?.steps == ["Review the contracts.", "Consult the regions.", "Publish the strategy."])
        #expect(NumberedSteps.split("1) Review. 2) Publish.")?.steps == ["Review.", "Publish."])
        // Numbers that are not steps: out of order, inside a sentence, or a decimal.
        #expect(NumberedSteps.split("Review 2. Then 1. more") == nil)
        #expect(NumberedSteps.split("The 1.5 million hours were worked in 2. regions") == nil)
        #expect(NumberedSteps.bullets("• Appoint a lead • Publish the directory")?.steps == ["Appoint a lead", "Publish the directory"])
        #expect(NumberedSteps.bullets("Regions will: • appoint a lead • publish it")?.leadIn == "Regions will:")
        #expect(NumberedSteps.bullets("A single • in a sentence • is not a list") == nil)
        #expect(NumberedSteps.strip("2. Consult the regions.") == "Consult the regions.")
        #expect(NumberedSteps.strip("2020 was the first year.") == "2020 was the first year.")
    }

    @Test func textDividedAtSentencesByOwners() {
        let text = "MoJ Estates will survey every prison. The survey will identify the works needed. The Digital Services team will build a planning tool."
        let parts = TextApportioner.divide(text, into: ["Head of Estates, MoJ", "Director of Digital Services, MoJ"])
        #expect(parts == ["MoJ Estates will survey every prison. The survey will identify the works needed.", "The Digital Services team will build a planning tool."])
        // Never before a sentence leaning on the one before ("This …").
        let leaning = TextApportioner.divide("A review will be held. This will report in March.", into: ["Head of Reviews", "Head of Reports"])
        #expect(leaning == nil)
        // Equal matches: the most even division.
        let even = TextApportioner.divide("One two three four five six. Seven eight nine ten eleven. Twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.", into: ["Alpha", "Beta"])
        #expect(even?.count == 2 && even?[0] == "One two three four five six. Seven eight nine ten eleven.")
    }
}
