/// Why a merged plan file cannot be written without losing something one side holds.
public struct MergeRefusal: Hashable, Sendable, CustomStringConvertible {
    /// "ours" or "theirs"; nil when it is about both.
    public var side: String?
    /// Where, in that side's file.
    public var location: SourceLocation?
    public var reason: String

    public init(side: String?, location: SourceLocation?, reason: String) {
        self.side = side
        self.location = location
        self.reason = reason
    }

    /// `theirs, line 12: REASON`, with `side` named as the caller names it.
    public func described(naming name: (String) -> String = { $0 }) -> String {
        let place = [side.map(name), location.map { "line \($0.line)" }].compactMap { $0 }.joined(separator: ", ")
        return (place.isEmpty ? "" : place + ": ") + reason
    }

    public var description: String { described() }
}

/// A plan file type whose fields' paths (as a source map names them, by list index) can be
/// followed from one side's value into the merged value.
protocol MergeAnchored: Sendable {
    /// The merged value's path of the field at `path` in `side`; nil when it is gone.
    /// `renumbered` maps a new action of theirs that took another id (merged ids).
    static func mergedPath(_ path: String, in side: Self, merged: Self, renumbered: [String: String]) -> String?
}

extension Recommendation: MergeAnchored {
    static func mergedPath(_ path: String, in side: Self, merged: Self, renumbered: [String: String]) -> String? {
        guard let (i, rest) = PathStep.index(path[...], "actions") else { return path }
        guard side.actions.indices.contains(i) else { return nil }
        var id = PlanMerge.renumberedID(side.actions[i].id, from: side.number, to: merged.number)
        let occurrence = side.actions[..<i].filter { $0.id == side.actions[i].id }.count
        id = renumbered[id] ?? id
        let matches = merged.actions.indices.filter { merged.actions[$0].id == id }
        guard matches.indices.contains(occurrence) else { return nil }
        let j = matches[occurrence]
        guard let (k, tail) = PathStep.index(rest, ".updates") else { return "actions[\(j)]" + rest }
        let updates = side.actions[i].updates, mergedUpdates = merged.actions[j].updates
        guard updates.indices.contains(k) else { return nil }
        // Two updates of one date added on both sides are both kept: find the same one.
        let sameDate = mergedUpdates.indices.filter { mergedUpdates[$0].date == updates[k].date }
        let nth = updates[..<k].filter { $0.date == updates[k].date }.count
        guard let m = sameDate.first(where: { mergedUpdates[$0] == updates[k] }) ?? (sameDate.indices.contains(nth) ? sameDate[nth] : nil)
        else { return nil }
        return "actions[\(j)].updates[\(m)]" + tail
    }
}

extension PlanInfo: MergeAnchored {
    static func mergedPath(_ path: String, in side: Self, merged: Self, renumbered: [String: String]) -> String? {
        guard let (i, rest) = PathStep.index(path[...], "revisions") else { return path }
        guard side.revisions.indices.contains(i),
              let j = merged.revisions.firstIndex(where: { $0.submitted == side.revisions[i].submitted }) else { return nil }
        return "revisions[\(j)]" + rest
    }
}

enum PathStep {
    /// `NAME[N]REST` → (N, REST).
    static func index(_ path: Substring, _ name: String) -> (Int, Substring)? {
        guard path.hasPrefix(name + "[") else { return nil }
        let afterBracket = path.dropFirst(name.count + 1)
        guard let close = afterBracket.firstIndex(of: "]"), let n = Int(afterBracket[..<close]) else { return nil }
        return (n, afterBracket[afterBracket.index(after: close)...])
    }
}

/// The `# plantool:` directives of a merged file: those of both sides (a directive one side
/// deleted stays deleted), each put back at the field it stood at, followed into the merged
/// value (an action by its id, an update by its date); one whose field is gone is dropped.
struct MergeDirectives {
    /// A line directive, known by its text and the merged paths of the fields on its line.
    struct Anchored: Hashable {
        var text: String
        var trailing: Bool
        var keys: [String]
        var values: [String]
    }

    var fileWide: [String] = []
    var lines: [Anchored] = []

    /// One side's directives, anchored in the merged value; a directive that stands before no
    /// field at all cannot be placed and is refused.
    static func of<T: MergeAnchored>(_ side: ParsedFile<T>, value: T, merged: T, renumbered: [String: String],
                                     name: String, refusals: inout [MergeRefusal]) -> MergeDirectives {
        var result = MergeDirectives()
        let map = side.sourceMap
        let codeLines = Set(map.keys.values.map(\.line)).union(map.values.values.map(\.line)).sorted()
        for directive in side.directives {
            if directive.wholeFile {
                result.fileWide.append(directive.comment.text)
                continue
            }
            let comment = directive.comment
            guard let line = comment.trailing ? comment.location.line : codeLines.first(where: { $0 > comment.location.line }) else {
                refusals.append(MergeRefusal(side: name, location: comment.location,
                                             reason: "a '# plantool:' directive with no field after it, which the merged file cannot place"))
                continue
            }
            // The fields on the line, less those that only contain another there (a list
            // starts on its first item's line, which another side's merge may not put first).
            let onLine = Set(map.keys.filter { $0.value.line == line }.keys).union(map.values.filter { $0.value.line == line }.keys)
            let innermost = onLine.filter { path in !onLine.contains { $0.hasPrefix(path + ".") || $0.hasPrefix(path + "[") } }
            func follow(_ places: [String: SourceLocation]) -> [String] {
                places.filter { $0.value.line == line && innermost.contains($0.key) }.keys
                    .compactMap { T.mergedPath($0, in: value, merged: merged, renumbered: renumbered) }.sorted()
            }
            result.lines.append(Anchored(text: comment.text, trailing: comment.trailing, keys: follow(map.keys), values: follow(map.values)))
        }
        return result
    }

    /// Both sides' directives: every one either side holds, less those the base held and one
    /// side deleted; each once.
    static func merged(base: MergeDirectives?, ours: MergeDirectives, theirs: MergeDirectives) -> MergeDirectives {
        func threeWay<E: Hashable>(_ b: [E]?, _ o: [E], _ t: [E]) -> [E] {
            let inBase = Set(b ?? []), inOurs = Set(o), inTheirs = Set(t)
            var seen = Set<E>()
            return (o + t).filter { item in
                guard !inBase.contains(item) || (inOurs.contains(item) && inTheirs.contains(item)) else { return false }
                return seen.insert(item).inserted
            }
        }
        return MergeDirectives(fileWide: threeWay(base?.fileWide, ours.fileWide, theirs.fileWide),
                               lines: threeWay(base?.lines, ours.lines, theirs.lines))
    }

    /// `text` (canonical, the modeline first if any) with the directives and then `markers`
    /// put in: file-wide ones and markers after the modeline, line ones on the line of their
    /// field (trailing) or before it (standing alone, or when the line already has one).
    /// `written` is the source map of `text`.
    /// Returns the text and how many directives and markers it holds.
    func placed(in text: String, written: SourceMap, markers: [String]) -> (text: String, count: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var before: [Int: [String]] = [:]
        var trailing: [Int: String] = [:]
        var done = Set<String>()
        for directive in self.lines {
            let targets = Set(directive.keys.compactMap { written.keys[$0]?.line } + directive.values.compactMap { written.values[$0]?.line }).sorted()
            for line in targets where done.insert("\(line) \(directive.text)").inserted {
                if directive.trailing || targets.count > 1, trailing[line] == nil {
                    trailing[line] = directive.text
                } else {
                    before[line, default: []].append(directive.text)
                }
            }
        }
        var result: [String] = []
        for (index, line) in lines.enumerated() {
            let indent = String(line.prefix(while: { $0 == " " }))
            result += (before[index + 1] ?? []).map { indent + $0 }
            result.append(trailing[index + 1].map { line + "  " + $0 } ?? line)
        }
        let top = (markers + fileWide.filter { !markers.contains($0) })
        result.insert(contentsOf: top, at: lines.first?.hasPrefix(YAMLDocument.modelinePrefix) == true ? 1 : 0)
        return (result.joined(separator: "\n"), top.count + trailing.count + before.values.map(\.count).reduce(0, +))
    }
}
