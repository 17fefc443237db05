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
        /// Each compared recommendation's text by its file's display path (new side, else old),
        /// for headings.
        public var titles: [String: String] = [:]
    }

    /// Recommendations whose texts share at least this share of words are taken to be one
    /// recommendation under a new number.
    public static let renumberSimilarity = RecommendationMatcher.minimumSimilarity

    public static func compare(old: Side, new: Side) -> Comparison {
        var differ = Run(old: old, new: new)
        differ.run()
        return Comparison(changes: differ.changes, diagnostics: differ.diagnostics.sorted(), parsedFiles: differ.parsed,
                          unreadableFiles: differ.unreadableFiles, titles: differ.titles)
    }

    private struct Run {
        let old: Side
        let new: Side
        var changes: [Change] = []
        var diagnostics: [Diagnostic] = []
        var parsed = 0
        var unreadableFiles = 0
        var titles: [String: String] = [:]
        /// The concerns among the compared recommendations, by number, for their sentences.
        var concernKinds: [Int: RecommendationKind] = [:]

        init(old: Side, new: Side) {
            self.old = old
            self.new = new
        }

        mutating func run() {
            comparePlanFiles()
            compareRecommendations()
            // Plan-wide changes first, then by recommendation, each group in the order found.
            func planWide(_ change: Change) -> Int {
                change.recommendation == nil ? 0 : 1
            }
            changes = changes.enumerated().sorted { a, b in
                (planWide(a.element), a.element.recommendation ?? Int.max, a.offset)
                    < (planWide(b.element), b.element.recommendation ?? Int.max, b.offset)
            }.map(\.element)
            for index in changes.indices where changes[index].kind != .unreadable {
                changes[index].recommendationKind = changes[index].recommendation.flatMap { concernKinds[$0] }
                changes[index].summary = ChangeWording.sentence(changes[index], .plain)
            }
        }

        // MARK: plan.yaml

        mutating func comparePlanFiles() {
            let a = old.listing?.planFile, b = new.listing?.planFile
            if let a, let b, a.blobID != nil, a.blobID == b.blobID { return }
            let oldInfo = a.flatMap { parsePlan($0, side: old) }
            let newInfo = b.flatMap { parsePlan($0, side: new) }
            if a == nil, let b, let newInfo {
                changes.append(Change(kind: .planChanged, field: "plan.yaml", new: newInfo.title, path: new.listing?.displayPath(b.path)))
            } else if b == nil, let a, let oldInfo {
                changes.append(Change(kind: .planChanged, field: "plan.yaml", old: oldInfo.title, path: old.listing?.displayPath(a.path)))
            }
            guard let oldInfo, let newInfo else { return }
            let path = new.listing?.displayPath(PlanDirectory.planFileName)
            func field(_ name: String, _ x: String?, _ y: String?, text: Bool = false) {
                guard x != y else { return }
                var change = Change(kind: .planChanged, field: name, old: x, new: y, path: path)
                if text, let x, let y { change.words = WordDiff.diff(x, y) }
                changes.append(change)
            }
            field("title", oldInfo.title, newInfo.title, text: true)
            field("organisation", oldInfo.organisation, newInfo.organisation, text: true)
            field("inspectorate", oldInfo.inspectorate, newInfo.inspectorate, text: true)
            field("report.title", oldInfo.report.title, newInfo.report.title, text: true)
            field("report.published", oldInfo.report.published?.description, newInfo.report.published?.description)
            field("report.url", oldInfo.report.url, newInfo.report.url)
            field("submitted", oldInfo.submitted?.description, newInfo.submitted?.description)
            compareRevisions(oldInfo.revisions, newInfo.revisions, path: path)
            let summary: (Summary?) -> String? = { $0.map { "\($0.agreed) agreed, \($0.partlyAgreed) partly agreed, \($0.notAgreed) not agreed" } }
            field("summary", summary(oldInfo.summary), summary(newInfo.summary))
            field("introduction", oldInfo.introduction, newInfo.introduction, text: true)
            field("vocabulary", oldInfo.vocabulary.description, newInfo.vocabulary.description)
        }

        /// Revisions matched as updates are: whole, then by date, then by title (their date
        /// edited); each named `revisions[2021-12-07]` (`#2` for a second of that date).
        mutating func compareRevisions(_ a: [Revision], _ b: [Revision], path: String?) {
            func keys(_ list: [Revision]) -> [String] {
                var seen: [Day: Int] = [:]
                return list.map {
                    seen[$0.submitted, default: 0] += 1
                    return $0.submitted.description + (seen[$0.submitted]! > 1 ? "#\(seen[$0.submitted]!)" : "")
                }
            }
            let oldKeys = keys(a), newKeys = keys(b)
            func words(_ r: Revision) -> String { "\(r.title) \(r.submitted)" }
            var oldLeft = Array(a.indices), newLeft = Array(b.indices)
            var pairs: [(old: Int, new: Int)] = []
            for same in [{ (x: Revision, y: Revision) in x == y }, { $0.submitted == $1.submitted }, { $0.title == $1.title }] {
                for m in newLeft {
                    guard let position = oldLeft.firstIndex(where: { same(a[$0], b[m]) }) else { continue }
                    pairs.append((oldLeft.remove(at: position), m))
                    newLeft.removeAll { $0 == m }
                }
            }
            for (o, m) in pairs.sorted(by: { $0.new < $1.new }) {
                if a[o].submitted != b[m].submitted {
                    changes.append(Change(kind: .planChanged, field: "revisions[\(oldKeys[o])].submitted", old: a[o].submitted.description,
                                          new: b[m].submitted.description, path: path))
                }
                if a[o].title != b[m].title {
                    var change = Change(kind: .planChanged, field: "revisions[\(newKeys[m])].title", old: a[o].title, new: b[m].title, path: path)
                    change.words = WordDiff.diff(a[o].title, b[m].title)
                    changes.append(change)
                }
            }
            for m in newLeft {
                var change = Change(kind: .planChanged, field: "revisions[\(newKeys[m])]", new: words(b[m]), path: path)
                change.added = [words(b[m])]
                changes.append(change)
            }
            for o in oldLeft {
                var change = Change(kind: .planChanged, field: "revisions[\(oldKeys[o])]", old: words(a[o]), path: path)
                change.removed = [words(a[o])]
                changes.append(change)
            }
            let order = pairs.sorted(by: { $0.new < $1.new }).map(\.old)
            if order != order.sorted() {
                changes.append(Change(kind: .orderChanged, field: "revisions", old: order.sorted().map { oldKeys[$0] }.joined(separator: ", "),
                                      new: order.map { oldKeys[$0] }.joined(separator: ", "), path: path))
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
            // Sized at once: grown step by step, each would be copied several times over.
            var before: [Int: Recommendation] = Dictionary(minimumCapacity: oldChanged.count)
            var after: [Int: Recommendation] = Dictionary(minimumCapacity: newChanged.count)
            var unreadableNumbers = Set<Int>()
            var paths: [Int: String] = Dictionary(minimumCapacity: newChanged.count)
            // Both sides in one go, so that reading one side's blobs overlaps parsing the other's.
            let outcomes = parseRecommendations(oldChanged.map { ($0, old) } + newChanged.map { ($0, new) })
            var oldPaths: [Int: String] = Dictionary(minimumCapacity: oldChanged.count)
            // Indices, not zip: the first use of a generic type such as Zip2Sequence costs a
            // scan of every protocol conformance in the binary.
            for (index, entry) in oldChanged.enumerated() {
                switch outcomes[index] {
                case .some(.some(let rec)):
                    before[rec.number] = rec
                    oldPaths[rec.number] = old.listing?.displayPath(entry.path)
                case .some(.none): if let n = PlanLoader.number(fromFileName: Self.name(entry.path)) { unreadableNumbers.insert(n) }
                case .none: break
                }
            }
            for (index, entry) in newChanged.enumerated() {
                paths[PlanLoader.number(fromFileName: Self.name(entry.path)) ?? -1] = new.listing?.displayPath(entry.path)
                switch outcomes[oldChanged.count + index] {
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
            // A side whose recommendations folder is not a folder (a link, a gitlink, a file) is
            // reported as unreadable above; its recommendations are unknown, not removed or added.
            let folderUnreadable = (oldEntries + newEntries).contains { $0.path == PlanDirectory.recommendationsFolder }
            if folderUnreadable { return }
            // Only on one side: added, removed, or the same recommendation renumbered.
            var removed = Set(before.keys).subtracting(after.keys)
            var added = Set(after.keys).subtracting(before.keys)
            let gone = removed.sorted().map { (number: $0, text: before[$0]!.text) }
            let arrived = added.sorted().map { (number: $0, text: after[$0]!.text) }
            let renumbered = RecommendationMatcher.renumberings(gone: gone, new: arrived)
                .map { (from: gone[$0.from].number, to: arrived[$0.to].number) }
            for pair in renumbered {
                removed.remove(pair.from)
                added.remove(pair.to)
            }
            var numbers = Set(before.keys).intersection(after.keys).map { ($0, $0) } + renumbered
            numbers.sort { $0.1 < $1.1 }
            var byNumber: [(Int, [Change])] = []
            for (from, to) in numbers {
                var found: [Change] = []
                if from != to {
                    found.append(Change(kind: .recommendationRenumbered, recommendation: to, oldNumber: from, field: "number",
                                        old: String(from), new: String(to), path: paths[to]))
                }
                var earlier = before[from]!
                if from != to {
                    earlier = RecommendationMatcher.movingActions(of: earlier, from: from, to: to, laterIDs: Set(after[to]!.actions.map(\.id)))
                }
                found += RecommendationDiff.compare(earlier, after[to]!, path: paths[to])
                byNumber.append((to, found))
            }
            for number in added {
                let rec = after[number]!
                var change = Change(kind: .recommendationAdded, recommendation: number, new: rec.text, path: paths[number])
                change.recommendationValue = RecommendationValue(rec)
                byNumber.append((number, [change]))
            }
            for number in removed {
                let rec = before[number]!
                var change = Change(kind: .recommendationRemoved, recommendation: number, old: rec.text, path: oldPaths[number])
                change.recommendationValue = RecommendationValue(rec)
                byNumber.append((number, [change]))
            }
            for (_, found) in byNumber.sorted(by: { $0.0 < $1.0 }) { changes += found }
            for (number, rec) in before { if let path = oldPaths[number] { titles[path] = rec.text } }
            for (number, rec) in after { if let path = paths[number] { titles[path] = rec.text } }
            for (number, rec) in before.merging(after, uniquingKeysWith: { $1 }) where rec.kind.isConcern { concernKinds[number] = rec.kind }
        }

        /// The parsed recommendations, in order; `.some(nil)` for a file that cannot be read or
        /// does not parse (reported). Blobs are read one after another (one libgit2 repository)
        /// while the other cores parse those already read; this thread parses too once all are
        /// read (`ParallelMap.pipelined`).
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

        static func name(_ path: String) -> String {
            String(path.split(separator: "/").last ?? Substring(path))
        }
    }
}
