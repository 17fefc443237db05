import CLibGit2
import Foundation

/// Who is making a commit, found as git finds it.
public enum Identity {
    public enum Role: String, Sendable {
        case author = "AUTHOR"
        case committer = "COMMITTER"
    }

    /// The person for a role: from `override` ("Name <email>", for the author), else the
    /// `GIT_AUTHOR_*` / `GIT_COMMITTER_*` variables, else `user.name` and `user.email` from git's
    /// configuration (the repository's, else the user's and the system's). The time is
    /// `GIT_AUTHOR_DATE` / `GIT_COMMITTER_DATE` when set, else now.
    public static func resolve(_ role: Role, repository: Repository?, override: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               now: Date = Date()) throws -> Person {
        let nameVariable = "GIT_\(role.rawValue)_NAME", emailVariable = "GIT_\(role.rawValue)_EMAIL"
        var name = environment[nameVariable].flatMap { $0.isEmpty ? nil : $0 }
        var email = environment[emailVariable].flatMap { $0.isEmpty ? nil : $0 }
        var (nameSource, emailSource) = (nameVariable, emailVariable)
        if let override {
            guard let parsed = parse(override) else {
                throw GitError(operation: "read --author", message: "'\(override)' is not of the form 'Name <email>'")
            }
            (name, email) = (parsed.name, parsed.email)
            (nameSource, emailSource) = ("--author", "--author")
        }
        if name == nil || email == nil {
            let config = try ConfigSnapshot(repository: repository)
            if name == nil { (name, nameSource) = (config.string("user.name"), "user.name") }
            if email == nil { (email, emailSource) = (config.string("user.email"), "user.email") }
        }
        guard let name, let email, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw GitError(operation: "find who is committing", message: """
                no identity is known for the commit: set one with
                  git config --global user.name "Your Name"
                  git config --global user.email you@example.org
                or give --author "Name <email>" (or set GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL)
                """)
        }
        try refuseDelimiters(in: name, what: "name", of: role, from: nameSource)
        try refuseDelimiters(in: email, what: "email", of: role, from: emailSource)
        var time = Int64(now.timeIntervalSince1970)
        var offset = Int32(TimeZone.current.secondsFromGMT(for: now) / 60)
        let dateVariable = "GIT_\(role.rawValue)_DATE"
        let rawDate = environment[dateVariable] ?? ""
        if !rawDate.isEmpty {
            guard let parsed = parseDate(rawDate) else {
                throw GitError(operation: "read \(dateVariable)", message: """
                    \(dateVariable)='\(rawDate)' is not a date plantool reads: use '@<seconds> +0000', \
                    '<seconds> +0000' or ISO 8601 such as 2021-12-07T10:00:00+00:00
                    """)
            }
            (time, offset) = parsed
        }
        let person = Person(name: name, email: email, time: time, offsetMinutes: offset)
        if let problem = person.dateProblem {
            throw GitError(operation: "read \(dateVariable)", message: "\(dateVariable)='\(rawDate)': \(problem); nothing was changed")
        }
        return person
    }

    /// git strips '<', '>' and line breaks from names and emails, since they would end the
    /// identity line early (a line break in a name lets it write a line of its own into the
    /// commit); plantool refuses them instead of committing an identity other than the one
    /// given, and refuses the other control characters too.
    private static func refuseDelimiters(in value: String, what: String, of role: Role, from source: String) throws {
        if let problem = Person.delimiterProblem(in: value) {
            throw GitError(operation: "read the \(role.rawValue.lowercased())'s \(what)",
                           message: "the \(role.rawValue.lowercased())'s \(what) (from \(source)) contains \(problem), which cannot be part of a git identity; nothing was changed")
        }
    }

    /// "Name <email>".
    static func parse(_ text: String) -> (name: String, email: String)? {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else { return nil }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let email = String(text[text.index(after: open)..<close])
        guard !name.isEmpty, !email.isEmpty, !email.contains(" ") else { return nil }
        return (name, email)
    }

    /// Git's internal form (`@1638871200 +0000`, `1638871200 +0000`) and ISO 8601
    /// (`2021-12-07T10:00:00Z`, `2021-12-07 10:00:00 +0100`).
    static func parseDate(_ text: String) -> (Int64, Int32)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ")
        if parts.count == 2, let seconds = Int64(parts[0].hasPrefix("@") ? parts[0].dropFirst() : parts[0]),
           let offset = parseOffset(String(parts[1])) {
            return (seconds, offset)
        }
        if parts.count == 1, parts[0].hasPrefix("@"), let seconds = Int64(parts[0].dropFirst()) {
            return (seconds, 0)
        }
        // ISO 8601: date, 'T' or ' ', time, zone.
        var iso = trimmed
        var zone: Int32 = 0
        if iso.hasSuffix("Z") {
            iso.removeLast()
        } else if let sign = iso.lastIndex(where: { $0 == "+" || $0 == "-" }), iso.distance(from: iso.startIndex, to: sign) > 10,
                  let offset = parseOffset(String(iso[sign...]).replacingOccurrences(of: ":", with: "")) {
            zone = offset
            iso = String(iso[..<sign]).trimmingCharacters(in: .whitespaces)
        } else {
            return nil
        }
        let normalised = iso.replacingOccurrences(of: "T", with: " ")
        let fields = normalised.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
        guard fields.count == 6 else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (fields[0], fields[1], fields[2])
        (components.hour, components.minute, components.second) = (fields[3], fields[4], fields[5])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: Int(zone) * 60) ?? TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return nil }
        return (Int64(date.timeIntervalSince1970), zone)
    }

    private static func parseOffset(_ text: String) -> Int32? {
        guard text.count == 5, let sign = text.first, sign == "+" || sign == "-",
              let hours = Int32(text.dropFirst().prefix(2)), let minutes = Int32(text.suffix(2)),
              minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }
}

/// A read-only snapshot of git's configuration.
final class ConfigSnapshot {
    private let pointer: OpaquePointer

    init(repository: Repository?) throws {
        Git.ensureInitialised()
        var config: OpaquePointer?
        if let repository {
            try check(git_repository_config_snapshot(&config, repository.pointer), "read the repository's configuration")
        } else {
            var live: OpaquePointer?
            try check(git_config_open_default(&live), "read git's configuration")
            defer { git_config_free(live) }
            try check(git_config_snapshot(&config, live), "read git's configuration")
        }
        guard let config else { throw GitError(operation: "read git's configuration", message: "no configuration") }
        pointer = config
    }

    deinit { git_config_free(pointer) }

    /// A string value, copied out; nil when not set.
    func string(_ key: String) -> String? {
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, pointer, key)
        guard code == 0, let value else {
            git_error_clear()
            return nil
        }
        return String(cString: value)
    }

    /// Whether the value git uses for `key` comes from the repository's own configuration
    /// (`.git/config`), rather than the user's or the system's; nil when not set.
    func isSetByRepository(_ key: String) -> Bool? {
        var entry: UnsafeMutablePointer<git_config_entry>?
        guard git_config_get_entry(&entry, pointer, key) == 0, let entry else {
            git_error_clear()
            return nil
        }
        defer { git_config_entry_free(entry) }
        return entry.pointee.level.rawValue >= GIT_CONFIG_LEVEL_LOCAL.rawValue
    }

    /// A boolean value as git reads it (true/yes/on/1, false/no/off/0); nil when not set or not a boolean.
    func bool(_ key: String) -> Bool? {
        var value: Int32 = 0
        guard git_config_get_bool(&value, pointer, key) == 0 else {
            git_error_clear()
            return nil
        }
        return value != 0
    }
}

extension Person {
    /// What in a name or email would break the identity line of a commit, said for a message;
    /// nil when nothing does.
    static func delimiterProblem(in text: String) -> String? {
        if text.contains("<") || text.contains(">") { return "'<' or '>'" }
        if text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) { return "a line break" }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "a control character" }
        return nil
    }

    /// Why libgit2 cannot write this time as git would, or nil. libgit2 writes the seconds as an
    /// unsigned 32-bit number (so -1 would become 4294967295); git refuses dates before 1970 and
    /// zones of 24 hours or more.
    var dateProblem: String? {
        if time < 0 { return "dates before 1970 are not valid in git (git refuses them too)" }
        if time > Int64(UInt32.max) { return "dates after 2106-02-07 (4294967295 seconds) cannot be written by libgit2, which plantool uses" }
        if abs(offsetMinutes) >= 24 * 60 { return "a time zone of 24 hours or more is not valid in git (git refuses it too)" }
        return nil
    }

    /// Runs `body` with a libgit2 signature for this person, freed when `body` returns. Refuses,
    /// before anything is written, what libgit2 would write into a corrupt commit.
    func withSignature<Result>(_ body: (UnsafeMutablePointer<git_signature>) throws -> Result) throws -> Result {
        if let problem = Person.delimiterProblem(in: name) ?? Person.delimiterProblem(in: email) {
            throw GitError(operation: "use the identity", message: "the identity contains \(problem), which cannot be part of a git identity")
        }
        if let problem = dateProblem {
            throw GitError(operation: "use the identity", message: problem)
        }
        var signature: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&signature, name, email, time, offsetMinutes), "use the identity \(name) <\(email)>")
        guard let signature else { throw GitError(operation: "make a signature", message: "libgit2 returned none") }
        defer { git_signature_free(signature) }
        return try body(signature)
    }
}
