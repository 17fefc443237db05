/// An update already in the base revision edited or removed.
struct UpdateRewritten: LintRule {
    let id = "update-rewritten"
    let defaultSeverity = Severity.error
    let summary = "An update already in the base revision is not edited or removed: updates are a record."
    let explanation = """
        Each update records what the plan said on its date ("Update December 2021"). Once committed (in the \
        base revision: HEAD for the working tree and --staged, the revision's parent for --rev, or --base REV), \
        its date, text, state, target and owners stay as they were; a correction or a later change is a new \
        update. Reordering updates is not a rewrite (update-order checks the order), nor is an owner's name \
        spelt anew everywhere in the plan (`plantool owner rename`): the old spelling is then named nowhere. \
        Off outside git and for a plan's first commit.
        """

    func check(_ context: LintContext, _ report: inout LintReport) {
        guard let history = context.history else { return }
        let named = Self.ownersNamed(in: context)
        for pair in history.actions {
            let updates = pair.action.updates
            // Each base update takes the first update left that is equal to it, then each one
            // missing the first left with its date and text, its date, or its text. Updates left
            // are queued by each key, so thousands of updates stay linear.
            var same = Queues<Update>(updates.indices, key: { updates[$0] })
            var missing: [Update] = []
            for update in pair.base.updates {
                if same.take(update) == nil { missing.append(update) }
            }
            let left = updates.indices.filter { !same.taken.contains($0) }
            var byBoth = Queues<DatedText>(left, key: { DatedText(date: updates[$0].date, text: updates[$0].text) })
            var byDate = Queues<PlanDate>(left, key: { updates[$0].date })
            var byText = Queues<String>(left, key: { updates[$0].text })
            let id = pair.action.id, base = history.baseName
            for update in missing {
                // Its edited form: same date and text, else the same date, else the same text.
                let found = byBoth.take(DatedText(date: update.date, text: update.text)) ?? byDate.take(update.date) ?? byText.take(update.text)
                guard let index = found else {
                    report.add(pair.site, pair.action.updates.isEmpty ? pair.path : "\(pair.path).updates",
                               "update \(update.date) of \(id) (in \(base)) was removed; updates are a record: keep it, and add a new update for what changed")
                    continue
                }
                byBoth.taken.insert(index)
                byDate.taken.insert(index)
                byText.taken.insert(index)
                let edited = updates[index]
                let field: String, was: String
                if edited.date != update.date {
                    (field, was) = ("date", update.date.description)
                } else if edited.text != update.text {
                    (field, was) = ("text", "\"" + Self.short(update.text) + "\"")
                } else if edited.state != update.state {
                    (field, was) = ("state", update.state?.rawValue ?? "not given")
                } else if edited.target != update.target {
                    (field, was) = ("target", update.target?.description ?? "not given")
                } else if Self.isRename(from: update.owners, to: edited.owners, named: named) {
                    continue
                } else {
                    (field, was) = ("owners", update.owners.map { $0.joined(separator: "; ") } ?? "not given")
                }
                report.add(pair.site, "\(pair.path).updates[\(index)].\(field)",
                           "update \(update.date) of \(id) was edited: its \(field) was \(was) in \(base); updates are a record: put it back and add a new update for what changed")
            }
        }
    }

    /// Every owner the plan names now, in actions and updates.
    static func ownersNamed(in context: LintContext) -> Set<String> {
        var named = Set<String>()
        for file in context.recommendations {
            for action in file.recommendation.actions {
                named.formUnion(action.owners)
                for update in action.updates { named.formUnion(update.owners ?? []) }
            }
        }
        return named
    }

    /// An update's owners spelt anew, not changed: each name it lost is named nowhere in the plan
    /// any more (renamed everywhere), and it gained a name in their place.
    static func isRename(from old: [String]?, to new: [String]?, named: Set<String>) -> Bool {
        guard let old, let new else { return false }
        let lost = Set(old).subtracting(new), gained = Set(new).subtracting(old)
        return !lost.isEmpty && !gained.isEmpty && lost.isDisjoint(with: named)
    }

    struct DatedText: Hashable {
        var date: PlanDate
        var text: String
    }

    /// Indices queued by key in order; `take` gives the first not yet taken (in any queue
    /// sharing `taken`) and marks it taken.
    struct Queues<Key: Hashable> {
        private var queues: [Key: [Int]] = [:]
        private var heads: [Key: Int] = [:]
        var taken = Set<Int>()

        init(_ indices: some Sequence<Int>, key: (Int) -> Key) {
            for index in indices { queues[key(index), default: []].append(index) }
        }

        mutating func take(_ key: Key) -> Int? {
            guard let queue = queues[key] else { return nil }
            var head = heads[key, default: 0]
            while head < queue.count, taken.contains(queue[head]) { head += 1 }
            heads[key] = head
            guard head < queue.count else { return nil }
            taken.insert(queue[head])
            return queue[head]
        }
    }

    static func short(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 60 ? String(line.prefix(57)) + "…" : line
    }
}
