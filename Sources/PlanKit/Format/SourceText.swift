/// The text of a file split into lines the way libyaml splits them, so that every line and column
/// plantool reports is the one libyaml and editors show.
struct SourceText {
    /// Each line as Unicode scalars, without its line break.
    let lines: [[Unicode.Scalar]]

    init(_ text: String) {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                if previousWasCR {
                    previousWasCR = false
                    continue
                }
                lines.append(current)
                current = []
            case 0x0D:
                lines.append(current)
                current = []
                previousWasCR = true
                continue
            case 0x85, 0x2028, 0x2029:
                lines.append(current)
                current = []
            default:
                current.append(scalar)
            }
            previousWasCR = false
        }
        lines.append(current)
        self.lines = lines
    }

    /// The line (1-based), or an empty line past the end.
    func line(_ number: Int) -> [Unicode.Scalar] {
        number >= 1 && number <= lines.count ? lines[number - 1] : []
    }

    /// Count of leading spaces on a line.
    static func indentation(_ line: [Unicode.Scalar]) -> Int {
        line.prefix(while: { $0 == " " }).count
    }

    static func isBlank(_ line: [Unicode.Scalar]) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }
}

/// Characters YAML allows in a file (the `c-printable` production).
enum YAMLCharacters {
    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
