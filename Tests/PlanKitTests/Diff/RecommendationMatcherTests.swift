import Testing
@testable import PlanKit

/// The one renumber matcher of diff and the history rules: most similar first, and ties broken
/// by the numbers, never by the order the files were read in.
@Suite("RecommendationMatcher")
struct RecommendationMatcherTests {
    typealias Candidate = RecommendationMatcher.Candidate

    static let guidance = "Publish guidance on the retention of case records by the end of the year"
    static let training = "Train every caseworker in the new assessment framework within six months"

    /// The pairs as old number → new number, in a fixed order, for comparing runs.
    static func numbers(gone: [Candidate], new: [Candidate]) -> [String] {
        RecommendationMatcher.renumberings(gone: gone, new: new)
            .map { "\(gone[$0.from].number)→\(new[$0.to].number)" }
            .sorted()
    }

    @Test("two old recommendations equally like one new one: the lower old number is paired, in any input order")
    func tieBetweenOldNumbers() {
        let gone = [(number: 5, text: Self.guidance), (number: 3, text: Self.guidance)]
        let new = [(number: 7, text: Self.guidance)]
        #expect(Self.numbers(gone: gone, new: new) == ["3→7"])
        #expect(Self.numbers(gone: gone.reversed(), new: new) == ["3→7"])
    }

    @Test("one old recommendation equally like two new ones: the lower new number is paired, in any input order")
    func tieBetweenNewNumbers() {
        let gone = [(number: 3, text: Self.guidance)]
        let new = [(number: 8, text: Self.guidance), (number: 6, text: Self.guidance)]
        #expect(Self.numbers(gone: gone, new: new) == ["3→6"])
        #expect(Self.numbers(gone: gone, new: new.reversed()) == ["3→6"])
    }

    @Test("all four alike: every order of the input gives the same pairing")
    func tieEverywhere() {
        let gone = [3, 5].map { (number: $0, text: Self.guidance) }
        let new = [6, 8].map { (number: $0, text: Self.guidance) }
        for g in [gone, Array(gone.reversed())] {
            for n in [new, Array(new.reversed())] {
                #expect(Self.numbers(gone: g, new: n) == ["3→6", "5→8"])
            }
        }
    }

    @Test("a closer text wins over a lower number")
    func similarityFirst() {
        let gone = [(number: 2, text: Self.guidance + " and after"), (number: 4, text: Self.guidance)]
        let new = [(number: 9, text: Self.guidance)]
        #expect(Self.numbers(gone: gone, new: new) == ["4→9"])
    }

    @Test("texts too different are not paired; each number is paired at most once")
    func thresholdAndOnce() {
        let gone = [(number: 1, text: Self.guidance), (number: 2, text: Self.training)]
        let new = [(number: 5, text: Self.guidance)]
        #expect(WordDiff.similarity(Self.guidance, Self.training) < RecommendationMatcher.minimumSimilarity)
        #expect(Self.numbers(gone: gone, new: new) == ["1→5"])
        #expect(Self.numbers(gone: [(number: 2, text: Self.training)], new: new).isEmpty)
    }

    @Test("actions move with their recommendation only where the later side uses the new id")
    func actionsMove() {
        let earlier = Recommendation(number: 3, addressee: "The department", text: Self.guidance, status: .agreed,
                                     actions: [Action(id: "3.1", text: "Draft"), Action(id: "3.2", text: "Publish"), Action(id: "R3", text: "Other")])
        let moved = RecommendationMatcher.movingActions(of: earlier, from: 3, to: 4, laterIDs: ["4.1", "3.2", "4.2", "R3"])
        #expect(moved.actions.map(\.id) == ["4.1", "3.2", "R3"])
    }
}
