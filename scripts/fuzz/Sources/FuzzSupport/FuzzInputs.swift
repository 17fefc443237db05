/// Several files in one fuzz input: the parts between separator lines (`\n@@@@\n`), the missing
/// ones empty. Seeds are written the same way (`run.sh`), and the separator is in the targets'
/// dictionary, so mutations can move it.
public enum FuzzInputs {
    public static let separator: [UInt8] = Array("\n@@@@\n".utf8)

    public static func split(_ bytes: [UInt8], into count: Int) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var start = 0
        var i = 0
        while i + separator.count <= bytes.count, parts.count < count - 1 {
            if bytes[i] == separator[0], Array(bytes[i..<i + separator.count]) == separator {
                parts.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(Array(bytes[start...]))
        while parts.count < count { parts.append([]) }
        return parts
    }
}
