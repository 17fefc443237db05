/// Compares two versions of a plan by what they say: recommendations matched by number (or, when
/// renumbered, by their text), actions by id, never by position. Only files whose blob ids
/// differ are read and parsed.
public struct PlanDiffer {
    /// One side of the comparison: its listing and how to read a listed file.
    public struct Side {
        public var listing: PlanListing?
        public var read: (PlanListing.Entry) -> Result<[UInt8], PlanFileError>

        public init(listing: PlanListing?, read: @escaping (PlanListing.Entry) -> Result<[UInt8], PlanFileError>) {
            self.listing = listing
            self.read = read
        }
    }

    public struct Comparison {
        public var changes: [Change]
        /// Problems reading either side (files that do not parse are reported, not fatal).
        public var diagnostics: [Diagnostic]
        /// How many files were parsed: the cost follows the change.
        public var parsedFiles: Int
        /// How many files could not be read at all (a missing object, a file that is a link or
        /// a folder, an I/O error), as opposed to files read that do not parse: the comparison
        /// lacks their changes.
        public var unreadableFiles: Int
    }

    /// Recommendations whose texts share at least this share of words are taken to be one
    /// recommendation under a new number.
    public static let renumberSimilarity = 0.6

    public static func compare(old: Side, new: Side) -> Comparison {
        var differ = Run(old: old, new: new)
        differ.run()
        return Comparison(changes: differ.changes, diagnostics: differ.diagnostics.sorted(), parsedFiles: differ.parsed,
                          unreadableFiles: differ.unreadableFiles)
    }

    private struct Run {
        let old: Side
        let new: Side
        var changes: [Change] = []
        var diagnostics: [Diagnostic] = []
        var parsed = 0
        var unreadableFiles = 0

        init(old: Side, new: Side) {
            self.old = old
            self.new = new
        }

        mutating func run() {
            comparePlanFiles()
            compareRecommendations()
            // Plan-wide changes first, then by recommendation, each group in the order found.
            func planWide(_ change: Change) -> Int {
                change.kind == .planChanged || (change.kind == .unreadable && change.recommendation == nil) ? 0 : 1
            }
            changes = changes.enumerated().sorted { a, b in
                (planWide(a.element), a.element.recommendation ?? Int.max, a.offset)
                    < (planWide(b.element), b.element.recommendation ?? Int.max, b.offset)
            }.map(\.element)
        }

        // MARK: plan.yaml

        mutating func comparePlanFiles() {
            let a = old.listing?.planFile, b = new.listing?.planFile
            if let a, let b, a.blobID != nil, a.blobID == b.blobID { return }
            let oldInfo = a.flatMap { parsePlan($0, side: old) }
            let newInfo = b.flatMap { parsePlan($0, side: new) }
            if a == nil, let b, let newInfo {
                changes.append(Change(kind: .planChanged, field: "plan.yaml", new: newInfo.title,
                                      path: new.listing?.displayPath(b.path), summary: "plan: plan.yaml added (\(Self.short(newInfo.title)))"))
            } else if b == nil, let a, let oldInfo {
                changes.append(Change(kind: .planChanged, field: "plan.yaml", old: oldInfo.title,
                                      path: old.listing?.displayPath(a.path), summary: "plan: plan.yaml removed (it was \(Self.short(oldInfo.title)))"))
            }
            guard let oldInfo, let newInfo else { return }
            func field(_ name: String, _ x: String?, _ y: String?) {
                guard x != y else { return }
                let summary: String
                switch (x, y) {
                case (nil, let y?): summary = "plan: \(name) set to \(Self.short(y))"
                case (let x?, nil): summary = "plan: \(name) removed (was \(Self.short(x)))"
                default: summary = "plan: \(name) changed from \(Self.short(x ?? "")) to \(Self.short(y ?? ""))"
                }
                changes.append(Change(kind: .planChanged, field: name, old: x, new: y,
                                      path: new.listing?.displayPath(PlanDirectory.planFileName), summary: summary))
            }
            field("title", oldInfo.title, newInfo.title)
            field("organisation", oldInfo.organisation, newInfo.organisation)
            field("inspectorate", oldInfo.inspectorate, newInfo.inspectorate)
            field("report.title", oldInfo.report.title, newInfo.report.title)
            field("report.published", oldInfo.report.published?.description, newInfo.report.published?.description)
            field("report.url", oldInfo.report.url, newInfo.report.url)
            field("submitted", oldInfo.submitted?.description, newInfo.submitted?.description)
            let oldRevisions = oldInfo.revisions.map { "\($0.title) \($0.submitted)" }
            let newRevisions = newInfo.revisions.map { "\($0.title) \($0.submitted)" }
            if oldRevisions != newRevisions {
                let added = newRevisions.filter { !oldRevisions.contains($0) }
                let removed = oldRevisions.filter { !newRevisions.contains($0) }
                var parts: [String] = []
                if !added.isEmpty { parts.append("added " + added.joined(separator: ", ")) }
                if !removed.isEmpty { parts.append("removed " + removed.joined(separator: ", ")) }
                changes.append(Change(kind: .planChanged, field: "revisions", old: oldRevisions.isEmpty ? nil : oldRevisions.joined(separator: "; "),
                                      new: newRevisions.isEmpty ? nil : newRevisions.joined(separator: "; "), added: added, removed: removed,
                                      path: new.listing?.displayPath(PlanDirectory.planFileName),
                                      summary: "plan: revisions " + (parts.isEmpty ? "reordered" : parts.joined(separator: "; "))))
            }
            let summary: (Summary?) -> String? = { $0.map { "\($0.agreed) agreed, \($0.partlyAgreed) partly agreed, \($0.notAgreed) not agreed" } }
            field("summary", summary(oldInfo.summary), summary(newInfo.summary))
            if oldInfo.introduction != newInfo.introduction {
                changes.append(Change(kind: .planChanged, field: "introduction", old: oldInfo.introduction, new: newInfo.introduction,
                                      words: WordDiff.diff(oldInfo.introduction ?? "", newInfo.introduction ?? ""),
                                      path: new.listing?.displayPath(PlanDirectory.planFileName), summary: "plan: introduction reworded"))
            }
        }

        mutating func parsePlan(_ entry: PlanListing.Entry, side: Side) -> PlanInfo? {
            let path = side.listing?.displayPath(entry.path) ?? entry.path
            switch side.read(entry) {
            case .failure(let error):
                unreadable(path, error.message, rule: error.rule.id)
                return nil
            case .success(let bytes):
                parsed += 1
                let file = PlanFormat.parsePlanInfo(bytes, path: path, keepsPlaces: false)
                if file.value == nil { reportUnparsed(file.diagnostics, path: path, recommendation: nil) }
                return file.value
            }
        }

        // MARK: recommendations

        mutating func compareRecommendations() {
            let oldEntries = old.listing?.recommendations ?? []
            let newEntries = new.listing?.recommendations ?? []
            let newIDs = Dictionary(newEntries.map { ($0.path, $0.blobID) }, uniquingKeysWith: { a, _ in a })
            let oldIDs = Dictionary(oldEntries.map { ($0.path, $0.blobID) }, uniquingKeysWith: { a, _ in a })
            // Only files that differ are read: the cost follows the change.
            let oldChanged = oldEntries.filter { $0.blobID == nil || newIDs[$0.path] != .some($0.blobID) }
            let newChanged = newEntries.filter { $0.blobID == nil || oldIDs[$0.path] != .some($0.blobID) }
            var before: [Int: Recommendation] = [:]
            var after: [Int: Recommendation] = [:]
            var unreadableNumbers = Set<Int>()
            var paths: [Int: String] = [:]
            // Both sides in one go, so that reading one side's blobs overlaps parsing the other's.
            let outcomes = parseRecommendations(oldChanged.map { ($0, old) } + newChanged.map { ($0, new) })
            for (entry, outcome) in zip(oldChanged, outcomes.prefix(oldChanged.count)) {
                switch outcome {
                case .some(.some(let rec)): before[rec.number] = rec
                case .some(.none): if let n = PlanLoader.number(fromFileName: Self.name(entry.path)) { unreadableNumbers.insert(n) }
                case .none: break
                }
            }
            for (entry, outcome) in zip(newChanged, outcomes.dropFirst(oldChanged.count)) {
                paths[PlanLoader.number(fromFileName: Self.name(entry.path)) ?? -1] = new.listing?.displayPath(entry.path)
                switch outcome {
                case .some(.some(let rec)):
                    after[rec.number] = rec
                    paths[rec.number] = new.listing?.displayPath(entry.path)
                case .some(.none): if let n = PlanLoader.number(fromFileName: Self.name(entry.path)) { unreadableNumbers.insert(n) }
                case .none: break
                }
            }
            for number in unreadableNumbers {
                before[number] = nil
                after[number] = nil
            }
            // Only on one side: added, removed, or the same recommendation renumbered.
            var removed = Set(before.keys).subtracting(after.keys)
            var added = Set(after.keys).subtracting(before.keys)
            var renumbered: [(from: Int, to: Int)] = []
            var candidates: [(from: Int, to: Int, score: Double)] = []
            for from in removed {
                for to in added {
                    let score = WordDiff.similarity(before[from]!.text, after[to]!.text)
                    if score >= PlanDiffer.renumberSimilarity { candidates.append((from, to, score)) }
                }
            }
            for candidate in candidates.sorted(by: { ($0.score, $1.from) > ($1.score, $0.from) })
            where removed.contains(candidate.from) && added.contains(candidate.to) {
                renumbered.append((candidate.from, candidate.to))
                removed.remove(candidate.from)
                added.remove(candidate.to)
            }
            var numbers = Set(before.keys).intersection(after.keys).map { ($0, $0) } + renumbered
            numbers.sort { $0.1 < $1.1 }
            var byNumber: [(Int, [Change])] = []
            for (from, to) in numbers {
                var found: [Change] = []
                if from != to {
                    found.append(Change(kind: .recommendationRenumbered, recommendation: to, oldNumber: from, path: paths[to],
                                        summary: "Recommendation \(from) is now recommendation \(to)"))
                }
                var earlier = before[from]!
                if from != to {
                    // Actions move with their recommendation: 3.1 under recommendation 3 is 4.1 under 4.
                    // (Only when the new side uses the new id and not the old one.)
                    let newIDs = Set(after[to]!.actions.map(\.id))
                    for index in earlier.actions.indices {
                        let id = earlier.actions[index].id
                        guard id.hasPrefix("\(from).") else { continue }
                        let moved = "\(to)." + id.dropFirst("\(from).".count)
                        if newIDs.contains(moved) && !newIDs.contains(id) { earlier.actions[index].id = moved }
                    }
                }
                found += compare(earlier, after[to]!, path: paths[to])
                byNumber.append((to, found))
            }
            for number in added {
                let rec = after[number]!
                byNumber.append((number, [Change(kind: .recommendationAdded, recommendation: number, new: rec.text, path: paths[number],
                                                 summary: "Recommendation \(number) added (\(rec.status.title), \(Wording.count(rec.actions.count, "action")))")]))
            }
            for number in removed {
                let rec = before[number]!
                byNumber.append((number, [Change(kind: .recommendationRemoved, recommendation: number, old: rec.text,
                                                 summary: "Recommendation \(number) removed (it was \(rec.status.title.lowercased()))")]))
            }
            for (_, found) in byNumber.sorted(by: { $0.0 < $1.0 }) { changes += found }
        }

        /// The parsed recommendations, in order; `.some(nil)` for a file that cannot be read or
        /// does not parse (reported). Blobs are read one after another (one libgit2 repository),
        /// each handed to the other cores to parse as soon as it is read.
        mutating func parseRecommendations(_ files: [(entry: PlanListing.Entry, side: Side)]) -> [Recommendation??] {
            let paths = files.map { $0.side.listing?.displayPath($0.entry.path) ?? $0.entry.path }
            var failures: [Int: PlanFileError] = [:]
            let parsedFiles = ParallelMap.pipelined(count: files.count, produce: { index -> (bytes: [UInt8]?, path: String) in
                switch files[index].side.read(files[index].entry) {
                case .success(let bytes): return (bytes, paths[index])
                case .failure(let error):
                    failures[index] = error
                    return (nil, paths[index])
                }
            }) { input -> ParsedFile<Recommendation>? in
                input.bytes.map { PlanFormat.parseRecommendation($0, path: input.path, keepsPlaces: false) }
            }
            var results: [Recommendation??] = []
            for (index, file) in files.enumerated() {
                let number = PlanLoader.number(fromFileName: Self.name(file.entry.path))
                if let error = failures[index] {
                    unreadable(paths[index], error.message, rule: error.rule.id, recommendation: number)
                    results.append(.some(nil))
                    continue
                }
                guard let read = parsedFiles[index] else {
                    results.append(.some(nil))
                    continue
                }
                parsed += 1
                if read.value == nil {
                    reportUnparsed(read.diagnostics, path: paths[index], recommendation: number)
                }
                results.append(.some(read.value))
            }
            return results
        }

        mutating func reportUnparsed(_ found: [Diagnostic], path: String, recommendation: Int?) {
            let errors = found.filter { $0.severity == .error }
            diagnostics += errors
            let first = errors.first.map { " (\($0.place): \($0.singleLineMessage) [\($0.rule)])" } ?? ""
            changes.append(Change(kind: .unreadable, recommendation: recommendation, path: path,
                                  summary: "\(path) does not parse, so its changes cannot be shown\(first)"))
        }

        mutating func unreadable(_ path: String, _ message: String, rule: String, recommendation: Int? = nil) {
            unreadableFiles += 1
            diagnostics.append(Diagnostic(path: path, location: nil, severity: .error, rule: rule, message: message))
            changes.append(Change(kind: .unreadable, recommendation: recommendation, path: path, summary: "\(path) cannot be read: \(message)"))
        }

        // MARK: one recommendation

        func compare(_ a: Recommendation, _ b: Recommendation, path: String?) -> [Change] {
            var found: [Change] = []
            let n = b.number
            if a.text != b.text {
                found.append(Change(kind: .textChanged, recommendation: n, old: a.text, new: b.text, words: WordDiff.diff(a.text, b.text),
                                    path: path, summary: "Recommendation \(n): text reworded"))
            }
            for (name, x, y) in [("addressee", a.addressee, b.addressee), ("theme", a.theme, b.theme),
                                 ("implemented-part", a.implementedPart, b.implementedPart), ("response", a.response, b.response)]
            where x != y {
                found.append(Change(kind: .fieldChanged, recommendation: n, field: name, old: x, new: y,
                                    words: (x ?? "").count + (y ?? "").count > 80 ? WordDiff.diff(x ?? "", y ?? "") : nil, path: path,
                                    summary: "Recommendation \(n): \(name) " + Self.describeChange(x, y)))
            }
            if a.status != b.status {
                let why = b.reason.map { " (" + $0.categories.map(\.rawValue).joined(separator: ", ") + ")" } ?? ""
                found.append(Change(kind: .statusChanged, recommendation: n, old: a.status.rawValue, new: b.status.rawValue, path: path,
                                    summary: "Recommendation \(n): status \(a.status.rawValue) → \(b.status.rawValue)\(why)"))
            }
            if a.reason != b.reason {
                let x = a.reason.map { $0.categories.map(\.rawValue).joined(separator: ", ") + ": " + $0.text }
                let y = b.reason.map { $0.categories.map(\.rawValue).joined(separator: ", ") + ": " + $0.text }
                var detail = "reason changed"
                if a.reason == nil { detail = "reason given (\(b.reason!.categories.map(\.rawValue).joined(separator: ", ")))" }
                else if b.reason == nil { detail = "reason removed" }
                else if a.reason?.categories != b.reason?.categories {
                    detail = "reason categories \(a.reason!.categories.map(\.rawValue).joined(separator: ", ")) → \(b.reason!.categories.map(\.rawValue).joined(separator: ", "))"
                } else { detail = "reason reworded" }
                found.append(Change(kind: .reasonChanged, recommendation: n, old: x, new: y, path: path,
                                    summary: "Recommendation \(n): \(detail)"))
            }
            let oldActions = Dictionary(a.actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let newActions = Dictionary(b.actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for action in b.actions {
                guard let before = oldActions[action.id] else {
                    let due = action.currentTarget.map { ", due \($0)" } ?? ""
                    found.append(Change(kind: .actionAdded, recommendation: n, action: action.id, new: action.text, path: path,
                                        summary: "action \(action.id) added (\(action.currentState.rawValue)\(due))"))
                    continue
                }
                found += compare(before, action, recommendation: n, path: path)
            }
            for action in a.actions where newActions[action.id] == nil {
                found.append(Change(kind: .actionRemoved, recommendation: n, action: action.id, old: action.text, path: path,
                                    summary: "action \(action.id) removed (it was \(action.currentState.rawValue))"))
            }
            return found
        }

        func compare(_ a: Action, _ b: Action, recommendation n: Int, path: String?) -> [Change] {
            var found: [Change] = []
            let id = b.id
            if a.text != b.text {
                found.append(Change(kind: .actionTextChanged, recommendation: n, action: id, old: a.text, new: b.text,
                                    words: WordDiff.diff(a.text, b.text), path: path, summary: "action \(id): text reworded"))
            }
            let oldOwners = a.currentOwners, newOwners = b.currentOwners
            if oldOwners != newOwners {
                let added = newOwners.filter { !oldOwners.contains($0) }
                let removed = oldOwners.filter { !newOwners.contains($0) }
                var parts: [String] = []
                if !added.isEmpty { parts.append("added " + added.map { "\"\($0)\"" }.joined(separator: ", ")) }
                if !removed.isEmpty { parts.append("removed " + removed.map { "\"\($0)\"" }.joined(separator: ", ")) }
                found.append(Change(kind: .ownerChanged, recommendation: n, action: id, old: oldOwners.joined(separator: "; "),
                                    new: newOwners.joined(separator: "; "), added: added, removed: removed, path: path,
                                    summary: "action \(id): owners " + (parts.isEmpty ? "reordered" : parts.joined(separator: ", "))))
            }
            let oldTarget = a.currentTarget, newTarget = b.currentTarget
            if oldTarget != newTarget {
                var months: Int? = nil
                let summary: String
                switch (oldTarget, newTarget) {
                case (let x?, let y?):
                    let difference = y.monthIndex - x.monthIndex
                    months = difference
                    if difference > 0 {
                        summary = "action \(id): target slipped \(Wording.count(difference, "month")) (\(x) → \(y))"
                    } else if difference < 0 {
                        summary = "action \(id): target brought forward \(Wording.count(-difference, "month")) (\(x) → \(y))"
                    } else {
                        summary = "action \(id): target restated (\(x) → \(y))"
                    }
                case (nil, let y?): summary = "action \(id): target set (\(y))"
                case (let x?, nil): summary = "action \(id): target removed (was \(x))"
                default: summary = "action \(id): target changed"
                }
                found.append(Change(kind: .targetChanged, recommendation: n, action: id, old: oldTarget?.description,
                                    new: newTarget?.description, months: months, path: path, summary: summary))
            }
            if a.owners != b.owners && oldOwners == newOwners {
                found.append(Change(kind: .ownerChanged, recommendation: n, action: id, field: "original owners",
                                    old: a.owners.joined(separator: "; "), new: b.owners.joined(separator: "; "),
                                    added: b.owners.filter { !a.owners.contains($0) }, removed: a.owners.filter { !b.owners.contains($0) },
                                    path: path, summary: "action \(id): original owners rewritten; the current owners stay the same"))
            }
            if a.target != b.target && oldTarget == newTarget {
                // The target first promised was rewritten while a later update decides the current one.
                found.append(Change(kind: .targetChanged, recommendation: n, action: id, field: "original target",
                                    old: a.target?.description, new: b.target?.description, path: path,
                                    summary: "action \(id): original target rewritten (\(a.target?.description ?? "none") → \(b.target?.description ?? "none")); the current target stays \(newTarget?.description ?? "none")"))
            }
            if a.note != b.note {
                found.append(Change(kind: .noteChanged, recommendation: n, action: id, old: a.note, new: b.note, path: path,
                                    summary: "action \(id): target note " + Self.describeChange(a.note, b.note)))
            }
            let oldState = a.currentState, newState = b.currentState
            if oldState != newState {
                let summary = newState == .completed ? "action \(id) completed (was \(oldState.rawValue))"
                    : "action \(id): state \(oldState.rawValue) → \(newState.rawValue)"
                found.append(Change(kind: .stateChanged, recommendation: n, action: id, old: oldState.rawValue, new: newState.rawValue,
                                    path: path, summary: summary))
            }
            if a.state != b.state && oldState == newState {
                found.append(Change(kind: .stateChanged, recommendation: n, action: id, field: "original state",
                                    old: a.state.rawValue, new: b.state.rawValue, path: path,
                                    summary: "action \(id): original state rewritten (\(a.state.rawValue) → \(b.state.rawValue)); the current state stays \(newState.rawValue)"))
            }
            // Updates are a record: each matched whole, else by date and text (then it was edited).
            var remaining = a.updates
            for update in b.updates {
                if let index = remaining.firstIndex(of: update) {
                    remaining.remove(at: index)
                } else if let index = remaining.firstIndex(where: { $0.date == update.date && $0.text == update.text }) {
                    remaining.remove(at: index)
                    // An edit that moves a current value is already shown as that change; one that
                    // changes nothing current (an earlier update's target, say) is shown here.
                    if oldTarget == newTarget && oldState == newState && oldOwners == newOwners {
                        found.append(Change(kind: .updateRemoved, recommendation: n, action: id, field: "update \(update.date)",
                                            path: path, summary: "action \(id): update \(update.date) rewritten (its new state, target or owners changed)"))
                    }
                } else {
                    found.append(Change(kind: .updateAdded, recommendation: n, action: id, new: update.text, path: path,
                                        summary: "action \(id): update \(update.date) added"))
                }
            }
            for update in remaining {
                found.append(Change(kind: .updateRemoved, recommendation: n, action: id, old: update.text,
                                    path: path, summary: "action \(id): update \(update.date) removed or rewritten"))
            }
            return found
        }

        static func describeChange(_ x: String?, _ y: String?) -> String {
            switch (x, y) {
            case (nil, let y?): return "set to \(short(y))"
            case (let x?, nil): return "removed (was \(short(x)))"
            default: return "changed from \(short(x ?? "")) to \(short(y ?? ""))"
            }
        }

        static func short(_ text: String) -> String {
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
            return "\"" + (line.count > 60 ? String(line.prefix(57)) + "…" : line) + "\""
        }

        static func name(_ path: String) -> String {
            String(path.split(separator: "/").last ?? Substring(path))
        }
    }
}

/// Counting words for summaries ("1 action", "3 months").
enum Wording {
    // (PlanKit prints nothing: this only words counts.)
    static func count(_ n: Int, _ singular: String) -> String {
        "\(n) \(singular)\(n == 1 ? "" : "s")"
    }
}
