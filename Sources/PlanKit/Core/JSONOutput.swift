import Foundation

/// plantool's JSON: indented, keys sorted (so output is stable), slashes as they are, and every
/// control character or bidirectional control escaped (`\u001b`, `\u202E`): values read back
/// exactly, and none reaches a terminal raw.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return UnsafeCharacters.escapedInJSON(String(decoding: data, as: UTF8.self))
    }
}
