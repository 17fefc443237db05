/// A revision argument of `diff`, with git's conventions: `REV` (compared with the working
/// tree), `A..B` (A with B) and `A...B` (from the merge base of A and B, as a pull request shows
/// it); an empty side of a range is HEAD.
public enum RevisionRange: Equatable, Sendable {
    case single(String)
    case between(String, String)
    case fromMergeBase(String, String)

    public init(_ spec: String) {
        func sides(_ range: Range<String.Index>) -> (String, String) {
            let a = String(spec[..<range.lowerBound]), b = String(spec[range.upperBound...])
            return (a.isEmpty ? "HEAD" : a, b.isEmpty ? "HEAD" : b)
        }
        if let range = spec.range(of: "...") {
            let (left, right) = sides(range)
            self = .fromMergeBase(left, right)
        } else if let range = spec.range(of: "..") {
            let (left, right) = sides(range)
            self = .between(left, right)
        } else {
            self = .single(spec)
        }
    }
}
