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
