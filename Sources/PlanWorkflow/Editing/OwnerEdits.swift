import PlanKit

extension Plan {
    /// Every owner named anywhere in the plan (actions and their updates), in order of first mention.
    public var ownerNames: [String] {
        var seen = Set<String>(), names: [String] = []
        for action in recommendations.flatMap(\.actions) {
            for name in action.owners + action.updates.flatMap({ $0.owners ?? [] }) where seen.insert(name).inserted {
                names.append(name)
            }
        }
        return names
    }

    /// Renames owner `old` to `new` in every action and update (exact spelling); returns how
    /// many places changed. An action naming both keeps one.
    @discardableResult
    public mutating func renameOwner(_ old: String, to new: String) throws -> Int {
        let new = try EditText.required(new, what: "the new owner name")
        guard old != new else { throw WorkflowError(message: "the old and new names are the same; nothing was written") }
        func renamed(_ owners: [String], _ count: inout Int) -> [String] {
            var result: [String] = []
            for owner in owners {
                let name = owner == old ? new : owner
                if owner == old { count += 1 }
                if !result.contains(name) { result.append(name) }
            }
            return result
        }
        var count = 0
        for r in recommendations.indices {
            for a in recommendations[r].actions.indices {
                recommendations[r].actions[a].owners = renamed(recommendations[r].actions[a].owners, &count)
                for u in recommendations[r].actions[a].updates.indices {
                    if let owners = recommendations[r].actions[a].updates[u].owners {
                        recommendations[r].actions[a].updates[u].owners = renamed(owners, &count)
                    }
                }
            }
        }
        guard count > 0 else {
            var message = "no owner is named \"\(old)\" in the plan"
            if let near = Suggestion.nearest(to: old, in: ownerNames) { message += " (did you mean \"\(near)\"?)" }
            throw WorkflowError(message: message + "; nothing was written")
        }
        return count
    }
}

/// Owners with their load, and spellings that look like one owner written two ways.
public enum OwnerList {
    /// Two names are taken for one owner when they share at least this share of their
    /// significant words (Jaccard index of the word sets, connecting words left out). At 0.75,
    /// "Senior Responsible Officer, Probation Reform Programme" and "Senior Responsible Officer
    /// for the Probation Reform Programme" (the same six words: 1.0) match, and so would a
    /// name with one word more or less among four or more; two deputy directors of different
    /// groups, who share "deputy director" and little else, stay apart.
    public static let similarityThreshold = 0.75

    /// Words that join the parts of a role's name and say nothing about which role it is.
    static let connectingWords: Set<String> = ["a", "an", "and", "the", "of", "for", "to", "in", "at", "on", "with"]

    /// Each current owner with their open, overdue and completed actions on `asOf`, busiest first.
    public static func owners(of plan: Plan, asOf: Day) -> [PlanProgress.OwnerLine] {
        ProgressReport.make(plan: plan, display: "", source: .workingTree, asOf: asOf, owner: nil,
                            dueWithinMonths: 0, history: nil).owners
    }

    /// Pairs of names at or above the threshold, most similar first.
    public static func similar(_ names: [String]) -> [(first: String, second: String, similarity: Double)] {
        let words = names.map(significantWords)
        var pairs: [(first: String, second: String, similarity: Double)] = []
        for i in names.indices {
            for j in names.indices where j > i {
                let share = similarity(words[i], words[j])
                if share >= similarityThreshold { pairs.append((names[i], names[j], share)) }
            }
        }
        return pairs.sorted { ($0.similarity, $1.first) > ($1.similarity, $0.first) }
    }

    /// The similar names gathered into groups (a name similar to one of a group joins it), so
    /// one owner spelt four ways is one group rather than six pairs; each group with the least
    /// and greatest share of its pairs, the most similar groups first.
    public static func groups(_ names: [String]) -> [(names: [String], least: Double, most: Double)] {
        var groups: [(names: [String], least: Double, most: Double)] = []
        for pair in similar(names) {
            let joined = groups.indices.filter { groups[$0].names.contains(pair.first) || groups[$0].names.contains(pair.second) }
            var group: (names: [String], least: Double, most: Double) = ([], pair.similarity, pair.similarity)
            for index in joined {
                group.names += groups[index].names
                group.least = min(group.least, groups[index].least)
                group.most = max(group.most, groups[index].most)
            }
            for name in [pair.first, pair.second] where !group.names.contains(name) { group.names.append(name) }
            for index in joined.reversed() { groups.remove(at: index) }
            groups.insert(group, at: joined.first ?? groups.count)
        }
        return groups
    }

    static func significantWords(_ name: String) -> Set<String> {
        Set(name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            .subtracting(connectingWords)
    }

    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
