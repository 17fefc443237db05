import Foundation
import PlanKit

/// Renaming an owner in the owners registers (`owners:` in `.plantool.yaml`, the plan's and
/// the repository's): only the matching list items change, every other line keeps its bytes.
public enum OwnerRegister {
    /// One register file rewritten.
    public struct Rewrite {
        public var url: URL
        public var old: [UInt8]
        public var new: [UInt8]
    }

    /// The registers around `folder` that name `old`, with `old` replaced by `new`. Refuses a
    /// register that names it in a form this cannot rewrite line by line (a flow list). An item
    /// `- NAME` or `- role: NAME`, quoted or not, keeps a comment after it.
    public static func rename(_ old: String, to new: String, forPlan folder: URL) throws -> [Rewrite] {
        var places = [folder.standardizedFileURL]
        if let root = PlanDirectory.repositoryRoot(of: folder), root.path != places[0].path { places.append(root) }
        var rewrites: [Rewrite] = []
        for place in places {
            let url = place.appendingPathComponent(LintConfiguration.fileName)
            guard case .success(let bytes) = PlanDirectory.read(url),
                  let owners = LintConfiguration.parse(bytes, path: url.path).0?.configuredOwners,
                  owners.contains(old) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            let rewritten = renamed(in: text, old, new)
            let expected = owners.map { $0 == old ? new : $0 }
            guard LintConfiguration.parse(Array(rewritten.utf8), path: url.path).0?.configuredOwners == expected else {
                throw WorkflowError(message: "\(Selection.display(url)) names \"\(old)\" in its owners register in a form plantool cannot rewrite; rename it there by hand. Nothing was written")
            }
            rewrites.append(Rewrite(url: url, old: bytes, new: Array(rewritten.utf8)))
        }
        return rewrites
    }

    /// The text with each item of the top-level `owners:` block list that reads `old` written as `new`.
    static func renamed(in text: String, _ old: String, _ new: String) -> String {
        var inOwners = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if let first = line.first, first != " ", first != "-", first != "#" {
                inOwners = line.hasPrefix("owners:")
                return String(line)
            }
            guard inOwners, let dash = line.firstIndex(of: "-"), line[..<dash].allSatisfy({ $0 == " " }) else { return String(line) }
            var value = line[line.index(after: dash)...].trimmingCharacters(in: .whitespaces)
            // An item with an address (`- role: NAME` then `email:`) names the owner after `role:`.
            var key = ""
            if value.hasPrefix("role:") {
                key = "role: "
                value = value.dropFirst(5).trimmingCharacters(in: .whitespaces)
            }
            let (name, comment) = splitComment(value)
            guard unquoted(name) == old else { return String(line) }
            return line[...dash] + " " + key + quoted(new) + comment
        }
        return lines.joined(separator: "\n")
    }

    /// A value and the comment after it (with the spaces before its `#`), kept as written.
    static func splitComment(_ value: String) -> (String, String) {
        var end = value.endIndex
        if let quote = value.first, quote == "\"" || quote == "'" {
            var index = value.index(after: value.startIndex)
            while index < value.endIndex {
                if value[index] == "\\" && quote == "\"" { index = value.index(after: index) } else if value[index] == quote { end = value.index(after: index); break }
                if index < value.endIndex { index = value.index(after: index) }
            }
        } else if let hash = value.range(of: " #") {
            end = hash.lowerBound
        }
        let rest = value[end...]
        guard rest.trimmingCharacters(in: .whitespaces).isEmpty || rest.trimmingCharacters(in: .whitespaces).hasPrefix("#") else { return (value, "") }
        let name = String(value[..<end]).trimmingCharacters(in: .whitespaces)
        return (name, rest.trimmingCharacters(in: .whitespaces).isEmpty ? "" : String(rest))
    }

    static func unquoted(_ value: String) -> String {
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        }
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        return value
    }

    /// Plain when the name holds only words and the punctuation of role names, else double-quoted.
    static func quoted(_ name: String) -> String {
        let plain = name.first?.isLetter == true && name.allSatisfy { $0.isLetter || $0.isNumber || " ,.'()/&-".contains($0) }
            && !name.contains(" #") && !name.hasSuffix(" ")
        return plain ? name : "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
