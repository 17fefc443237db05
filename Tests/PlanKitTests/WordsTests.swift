import Foundation
import Testing
@testable import PlanKit

/// `Words.set` answers as a `Set` of the words would, for short and long texts alike.
@Suite struct WordsTests {
    static let vocabulary = ["review", "Reviews", "the", "policy", "3.1", "50%", "Ökonomie", "naïve", "café", "–", "—",
                             "recommendation", "see", "Q1", "by", "March", "2024", "co-ordinate", "a", "I", "above.", "1.2.", "Überprüfung."]

    @Test func theSetHoldsExactlyTheWords() {
        var rng = SystemRandomNumberGenerator()
        for count in [0, 1, 5, 8, 9, 16, 40, 300] {
            for keepDots in [false, true] {
                let text = (0..<count).map { _ in Self.vocabulary.randomElement(using: &rng)! }.joined(separator: " ")
                let words = Words(text, keepDots: keepDots)
                let expected = Set(words.tokens)
                for probe in Set(Self.vocabulary.map { $0.lowercased() } + words.tokens + ["", "revie", "policies", "3"]) {
                    #expect(words.set.contains(probe) == expected.contains(probe), "\(probe) in \(text)")
                }
                for other: Set<String> in [[], ["march"], ["april", "may"], Set(words.tokens.prefix(1)), Set((0..<50).map { "w\($0)" })] {
                    #expect(words.set.isDisjoint(with: other) == expected.isDisjoint(with: other), "\(other) and \(text)")
                }
            }
        }
    }

    @Test func punctuationBeyondASCIIIsNoWord() {
        #expect(Words("Review – then act — now").tokens == ["review", "then", "act", "now"])
        #expect(Words("Naïve CAFÉ").tokens == ["naïve", "café"])
        #expect(Words("see 3.1. above", keepDots: true).tokens == ["see", "3.1", "above"])
    }
}
