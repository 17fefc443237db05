import Foundation
import Testing

/// The README's "Recording progress without YAML" walk-through and the editing commands'
/// examples, run in order on the recall-culture plan in a fresh repository: every output shown
/// is the real output.
@Suite("README: recording progress without YAML")
struct EditReadmeTests {
    /// The identity and time the walk-through's commits were made with (their ids depend on them).
    static let identity = [
        "GIT_AUTHOR_NAME": "Policy Lead", "GIT_AUTHOR_EMAIL": "policy.lead@example.org",
        "GIT_COMMITTER_NAME": "Policy Lead", "GIT_COMMITTER_EMAIL": "policy.lead@example.org",
        "GIT_AUTHOR_DATE": "2022-12-07T10:00:00Z", "GIT_COMMITTER_DATE": "2022-12-07T10:00:00Z",
    ]

    /// The README's text between two headings.
    static func section(from start: String, to end: String) throws -> String {
        let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let from = try #require(readme.range(of: start))
        let to = try #require(readme.range(of: end, range: from.upperBound..<readme.endIndex))
        return String(readme[from.lowerBound..<to.lowerBound])
    }

    /// Each `$ command` of the section's console blocks, with the lines shown after it.
    static func commands(in section: String) -> [(command: String, output: [String])] {
        var found: [(command: String, output: [String])] = []
        for block in section.components(separatedBy: "```console\n").dropFirst() {
            let body = block.components(separatedBy: "```").first ?? ""
            for line in body.split(separator: "\n") {
                if line.hasPrefix("$ ") {
                    found.append((String(line.dropFirst(2)), []))
                } else if !found.isEmpty {
                    found[found.count - 1].output.append(String(line))
                }
            }
        }
        return found
    }

    /// A command line split as the shell splits it: words, and "double-quoted" text.
    static func words(_ command: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, started = false
        for character in command {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    @Test("every command of the walk-through and of the reference examples prints what the README shows")
    func walkThrough() throws {
        let steps = Self.commands(in: try Self.section(from: "## Recording progress without YAML", to: "## Plan repository format"))
            + Self.commands(in: try Self.section(from: "### Editing commands:", to: "### Drafts:"))
        #expect(steps.count >= 10)
        try withTemporaryDirectory { dir in
            let plan = dir.appendingPathComponent("recall")
            try GitFixture.copyPlan(to: plan)
            try gitOK(["init", "-q", "-b", "main"], in: plan)
            try gitOK(["add", "-A"], in: plan)
            try gitOK(["commit", "-q", "-m", "Action plan update December 2021"], in: plan, env: Self.identity)
            for step in steps {
                let words = Self.words(step.command)
                try #require(words.first == "plantool", "\(step.command)")
                let result = run(Array(words.dropFirst()), in: plan, env: Self.identity)
                // Standard output and standard error are shown together; each keeps its order.
                let shown = step.output.filter { !$0.isEmpty }
                let printed = (result.stdout + result.stderr).split(separator: "\n").map(String.init)
                #expect(printed.sorted() == shown.sorted(), "\(step.command)\n\(result)")
            }
        }
    }
}
