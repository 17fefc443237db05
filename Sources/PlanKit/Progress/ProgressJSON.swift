/// `status --format json`, written directly: the text `JSONOutput.encode` gives for the report
/// (`ProgressRenderer.Report`: the day, the plans, the owners across them; indented, keys
/// sorted, slashes as they are, unsafe characters escaped), without building the encoder's tree
/// of values first, which was a tenth of a status on a plan of 2,000 recommendations. Each
/// type's keys are written in sorted order; a test holds the two texts equal.
public enum ProgressJSON {
    public static func encode(asOf: Day, plans: [PlanProgress], owners: [PlanProgress.OwnerLine]?) -> String {
        var json = PrettyJSON()
        json.object {
            $0.field("asOf", asOf.description)
            if let owners { $0.array("owners", owners, ownerLine) }
            $0.array("plans", plans, plan)
        }
        return UnsafeCharacters.escapedInJSON(json.text)
    }

    private static func plan(_ json: inout PrettyJSON, _ p: PlanProgress) {
        json.object {
            $0.array("actionsByState", p.actionsByState, stateCount)
            $0.field("asOf", p.asOf.description)
            $0.array("dueSoon", p.dueSoon, actionLine)
            $0.field("dueWithinMonths", p.dueWithinMonths)
            $0.array("overdue", p.overdue, actionLine)
            if let owner = p.owner { $0.field("owner", owner) }
            $0.array("owners", p.owners, ownerLine)
            $0.field("plan", p.plan)
            $0.key("recommendations")
            $0.object {
                $0.field("agreed", p.recommendations.agreed)
                $0.field("notAgreed", p.recommendations.notAgreed)
                $0.field("partlyAgreed", p.recommendations.partlyAgreed)
                $0.field("total", p.recommendations.total)
            }
            $0.array("slippage", p.slippage, slippage)
            $0.key("source")
            $0.object {
                if let commit = p.source.commit { $0.field("commit", commit) }
                if let date = p.source.date { $0.field("date", date.description) }
                $0.field("kind", p.source.kind)
                if let summary = p.source.summary { $0.field("summary", summary) }
            }
            $0.array("timeline", p.timeline) { json, point in
                json.object {
                    $0.array("counts", point.counts, stateCount)
                    $0.field("date", point.date.description)
                }
            }
            $0.field("title", p.title)
        }
    }

    private static func stateCount(_ json: inout PrettyJSON, _ count: PlanProgress.StateCount) {
        json.object {
            $0.field("count", count.count)
            $0.field("state", count.state.rawValue)
        }
    }

    private static func actionLine(_ json: inout PrettyJSON, _ line: PlanProgress.ActionLine) {
        json.object {
            $0.field("action", line.action)
            if let late = line.monthsLate { $0.field("monthsLate", late) }
            $0.array("owners", line.owners) { $0.string($1) }
            $0.field("recommendation", line.recommendation)
            $0.field("state", line.state.rawValue)
            $0.field("target", line.target.description)
            $0.field("text", line.text)
        }
    }

    private static func ownerLine(_ json: inout PrettyJSON, _ line: PlanProgress.OwnerLine) {
        json.object {
            $0.field("completed", line.completed)
            $0.field("open", line.open)
            $0.field("overdue", line.overdue)
            $0.field("owner", line.owner)
        }
    }

    private static func slippage(_ json: inout PrettyJSON, _ slip: PlanProgress.Slippage) {
        json.object {
            $0.field("action", slip.action)
            $0.field("currentTarget", slip.currentTarget.description)
            $0.field("firstTarget", slip.firstTarget.description)
            $0.field("monthsSlipped", slip.monthsSlipped)
            $0.array("moves", slip.moves) { json, move in
                json.object {
                    $0.field("from", move.from.description)
                    $0.field("how", move.how)
                    $0.field("to", move.to.description)
                    if let when = move.when { $0.field("when", when) }
                }
            }
            $0.array("owners", slip.owners) { $0.string($1) }
            $0.field("recommendation", slip.recommendation)
            $0.field("times", slip.times)
        }
    }
}

/// JSON text laid out as Foundation's `JSONEncoder` lays it out with `.prettyPrinted` and
/// `.withoutEscapingSlashes`: two spaces a level, `"key" : value`, an empty array as `[`, an
/// empty line and `]`, no line break at the end. Written as bytes: appending to a `String` piece
/// by piece cost more than the rest of the writing.
struct PrettyJSON {
    private var bytes: [UInt8] = []
    private var level = 0
    /// Whether the open container at each level already holds a value.
    private var holdsValue: [Bool] = []

    init() {
        bytes.reserveCapacity(1 << 16)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// An object: at the top, after its key, or as an element (`array` has put it in place).
    mutating func object(_ members: (inout PrettyJSON) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ key: String, _ elements: [Element], _ element: (inout PrettyJSON, Element) -> Void) {
        self.key(key)
        open(UInt8(ascii: "["))
        for value in elements {
            startValue()
            element(&self, value)
        }
        close(UInt8(ascii: "]"))
    }

    mutating func key(_ key: String) {
        startValue()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: key.utf8)
        bytes.append(contentsOf: "\" : ".utf8)
    }

    mutating func field(_ key: String, _ value: String) {
        self.key(key)
        quoted(value)
    }

    mutating func field(_ key: String, _ value: Int) {
        self.key(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A string as an element of an array (`array` has put it in place).
    mutating func string(_ value: String) {
        quoted(value)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        level += 1
        holdsValue.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        holdsValue.removeLast()
        bytes.append(UInt8(ascii: "\n"))
        indent()
        bytes.append(bracket)
    }

    /// The comma after the container's value before (if any) and the next one's indentation.
    private mutating func startValue() {
        guard let last = holdsValue.indices.last else { return }
        if holdsValue[last] { bytes.append(contentsOf: ",\n".utf8) }
        holdsValue[last] = true
        indent()
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// A string in quotes, escaped as Foundation escapes it: quote, backslash, the short escapes
    /// for backspace, form feed, line feed, carriage return and tab, and `\u00xx` (lower-case
    /// hex) for the other C0 controls.
    private mutating func quoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x08: bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: bytes.append(contentsOf: "\\f".utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
