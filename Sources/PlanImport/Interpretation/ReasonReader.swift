import PlanKit

/// Where a partly or not agreed response says why, and which of the template's four categories
/// it names. The template asks for the explanation and its category; real plans give them in any
/// sentence of the response, in words in parentheses at a sentence's end ("… outside HMPPS's
/// gift (commissioning)."), or as a phrase ("due to affordability", "commissioned nationally").
enum ReasonReader {
    /// What one response says, sentence by sentence.
    struct Reading: Hashable {
        /// The sentences that say why, as written, a paragraph's sentences together.
        var why: [String] = []
        /// Partly agreed: the sentences that say which part will be implemented, likewise.
        var implemented: [String] = []
        /// Sentences that only restate the status ("This recommendation is partly agreed.").
        var restated: [String] = []
        /// The paragraphs left for the actions, with the reason's sentences taken out.
        var rest: [ResponseParagraph] = []
    }

    // MARK: Categories

    /// The words that name each category. "policy" alone names it only in a sentence that says
    /// why, which is the only kind this is asked about.
    static let categoryWords: [(ReasonCategory, [String])] = [
        (.commissioning, ["commission"]),
        (.policy, ["policy", "policies", "legislat", "statutory", "ministerial"]),
        (.operational, ["operational"]),
        (.affordability, ["afford", "funding", "funded", "budget", "resourc", "cost", "financ", "spending review"]),
    ]

    /// The categories a reason's words name, in the template's order; none when it names none.
    static func categories(_ text: String) -> [ReasonCategory] {
        let t = text.lowercased()
        // "fund" as a word of its own ("cannot fund"), not inside "fundamental" or "refund".
        let funds = !RunningText.contentWords(text).isDisjoint(with: ["fund", "funds"])
        return categoryWords.filter { $0.1.contains(where: t.contains) || ($0.0 == .affordability && funds) }.map(\.0)
    }

    /// Words that only name categories ("policy", "due to affordability", "operational
    /// reasons"): the category, but no explanation.
    static func onlyNamesCategories(_ text: String) -> Bool {
        let naming: Set<String> = ["due", "reason", "reasons", "grounds", "commissioning", "policy", "operational", "affordability",
                                   "affordable", "not", "and"]
        return !categories(text).isEmpty && RunningText.contentWords(text).subtracting(naming).isEmpty
    }

    /// A category written in parentheses ("(commissioning)", "(policy and affordability)").
    static func parenthesised(_ sentence: String) -> [ReasonCategory] {
        var found: [ReasonCategory] = []
        var rest = Substring(sentence)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            let inner = rest[rest.index(after: open)..<close]
            if inner.split(separator: " ").count <= 4 {
                for c in categories(String(inner)) where !found.contains(c) { found.append(c) }
            }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    // MARK: Sentences

    /// Words that say why something cannot be done, or will not be.
    static let causalWords = [
        "because", "due to", "owing to", "as a result of", "gift", "not affordable", "unaffordable", "cannot", "can not",
        "can't", "unable", "not possible", "not feasible", "not able", "will not", "would not", "won't", "not in a position",
        "outside the remit", "outside of", "beyond", "reasons", "no funding", "not funded", "therefore", "do not agree",
        "does not agree", "disagree", "not necessary", "not appropriate", "not agreed", "not support", "commissioned nationally",
        "responsibility of", "a matter for", "reason:", "reason for", "reason is",
    ]

    /// "This recommendation is partly agreed", "Partly agreed", "HMPPS does not agree this recommendation".
    static func statesStatus(_ sentence: String) -> Bool {
        let t = sentence.lowercased()
        return ["partly agreed", "partially agreed", "agreed in part", "part agreed", "not agreed", "partly accepted", "not accepted", "rejected",
                "partly agree", "partially agree", "agrees in part", "agree in part", "partly accept", "partially accept"]
            .contains(where: t.contains)
    }

    /// A sentence that restates the status and nothing more.
    static func onlyStatesStatus(_ sentence: String) -> Bool {
        guard statesStatus(sentence) else { return false }
        let words = RunningText.contentWords(sentence).subtracting(["recommendation", "partly", "partially", "agreed", "accepted", "rejected",
                                                                    "agrees", "agree", "accepts", "accept", "hmpps", "moj", "therefore"])
        return words.isEmpty
    }

    /// Words that turn a commitment into a refusal ("HMPPS will not …", "… cannot be funded").
    static let refusalWords = [" not ", "n't ", "cannot", "unable", "outside", "beyond", "gift", "unaffordable"]

    /// Words that name a category as a reason in a sentence of their own ("It is Government
    /// policy that …"). "resources", "cost" or "operational" alone are as common in actions
    /// ("Human Resources", "operational sites"), so they only name the category of a sentence
    /// found to say why.
    static let reasonCategoryWords = ["afford", "commission", " policy", " policies", "legislat", "operational reasons",
                                      "operational grounds", "spending review"]

    /// A sentence that says why: a category in parentheses; the status restated with the reason
    /// after it ("… partly agreed as …"); a cause or a category named in a sentence that is not
    /// a commitment ("HMPPS will review X" is an action even with "therefore" in it).
    static func saysWhy(_ sentence: String) -> Bool {
        let t = " " + sentence.lowercased() + " "
        if !parenthesised(sentence).isEmpty { return true }
        if statesStatus(sentence) { return !onlyStatesStatus(sentence) }
        if commits(t), !refusalWords.contains(where: t.contains) { return false }
        return causalWords.contains(where: t.contains) || reasonCategoryWords.contains(where: t.contains)
    }

    /// A sentence that says what will be done: "HMPPS will …", "we will …".
    static func commits(_ lowercased: String) -> Bool {
        [" will ", " shall ", " are going to ", " intend to ", " plan to "].contains(where: lowercased.contains)
    }

    /// Partly agreed: the part that will be implemented ("HMPPS agrees to …", "The part of the
    /// recommendation on … will be implemented").
    static func saysWhatIsImplemented(_ sentence: String) -> Bool {
        let t = " " + sentence.lowercased() + " "
        if t.contains(" not ") || t.contains("n't ") { return false }
        return [" agrees ", " agree to ", " agree that ", " accepts ", " accept the ", " will be implemented", " will implement",
                " is agreed", " are agreed", " the part of the recommendation", " insofar ", " in so far ", " to the extent "].contains(where: t.contains)
    }

    /// The response's paragraphs read for a reason. A partly agreed response keeps its other
    /// sentences for the actions; in a not agreed one every sentence is the reason.
    static func read(_ paragraphs: [ResponseParagraph], status: Status) -> Reading {
        var reading = Reading()
        for paragraph in paragraphs {
            var kept: [String] = []
            var why: [String] = []
            var implemented: [String] = []
            for sentence in RunningText.sentences(paragraph.itemText) {
                if status == .notAgreed {
                    // The whole cell is the reason, the status restated in it too.
                    why.append(sentence)
                } else if onlyStatesStatus(sentence) {
                    reading.restated.append(sentence)
                } else if let (reason, rest) = clauses(sentence) {
                    why.append(reason)
                    kept.append(rest)
                } else if saysWhy(sentence) {
                    why.append(sentence)
                } else if saysWhatIsImplemented(sentence) {
                    implemented.append(sentence)
                } else {
                    kept.append(sentence)
                }
            }
            // Sentences of one paragraph stay one paragraph.
            if !why.isEmpty { reading.why.append(why.joined(separator: " ")) }
            if !implemented.isEmpty { reading.implemented.append(implemented.joined(separator: " ")) }
            if !kept.isEmpty {
                reading.rest.append(ResponseParagraph(text: (paragraph.isItem ? "- " : "") + kept.joined(separator: " "), place: paragraph.place))
            }
        }
        return reading
    }

    /// "This recommendation is partly agreed as whilst REASON, ACTION": the status sentence
    /// holding both the reason and what will be done, split at the comma after "whilst".
    static func clauses(_ sentence: String) -> (why: String, rest: String)? {
        guard statesStatus(sentence) else { return nil }
        for word in [" whilst ", " while ", " although ", " though "] {
            guard let clause = sentence.range(of: word, options: .caseInsensitive) else { continue }
            var search = clause.upperBound
            while let comma = sentence.range(of: ", ", range: search..<sentence.endIndex) {
                let after = sentence[comma.upperBound...]
                if after.first?.isUppercase ?? false {
                    return (String(sentence[..<comma.lowerBound]), String(after))
                }
                search = comma.upperBound
            }
        }
        return nil
    }
}
