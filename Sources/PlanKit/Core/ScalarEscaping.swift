/// Text rewritten one Unicode scalar at a time, the shape of every escaper (HTML, XML, YAML,
/// one-line messages): a scalar in the table is replaced by its entry; any other is handed to
/// `other`, which appends what it stands for (or nothing, to leave it out).
enum ScalarEscaping {
    static func escape(_ text: String, _ table: [Unicode.Scalar: String],
                       other: (Unicode.Scalar, inout String) -> Void) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = table[scalar] {
                out += replacement
            } else {
                other(scalar, &out)
            }
        }
        return out
    }
}
