/// A calendar of targets (iCalendar, RFC 5545): one all-day event per open action on the day its
/// current target falls due: the day itself, the last day of a month target, the last day of a
/// quarter's last month for `YYYY-Qn`.
///
/// Each event's UID is the action's id and the plan's identity (`planIdentity`), so importing
/// a later export into a calendar moves the events rather than adding copies. DTSTAMP is the
/// latest day the plan records for the action (its latest update, else the plan's latest
/// submission), not the clock: the same plan always gives the same bytes. Text is escaped as
/// RFC 5545 asks (`\`, `;`, `,`, line breaks), control characters shown by their stand-ins,
/// and lines are folded at 75 octets between UTF-8 sequences, with CRLF line ends.
public enum ICSExport {
    /// Who to invite: e-mail addresses by owner role in lower case (the owners register's).
    public typealias Addresses = [String: String]

    /// The calendar of `plan`'s open actions with a target; with `owner`, only the actions one of
    /// whose current owners contains it (any case).
    public static func render(_ plan: Plan, owner: String? = nil, addresses: Addresses = [:]) -> String {
        let identity = planIdentity(plan.info)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//plantool//action plan targets//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escaped("Targets: " + plan.info.title),
        ]
        let planDays = [plan.info.submitted].compactMap { $0 } + plan.info.revisions.map(\.submitted)
        for recommendation in plan.recommendations {
            for action in recommendation.actions where action.currentState.isOpen && owns(action, owner) {
                guard let target = action.currentTarget else { continue }
                lines += event(action, of: recommendation, due: target.lastDay, identity: identity,
                               stamp: (planDays + action.updates.map(\.date.firstDay)).max(), addresses: addresses)
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).joined(separator: "\r\n") + "\r\n"
    }

    /// Whether one of the action's current owners contains `owner` (any case); true without one.
    public static func owns(_ action: Action, _ owner: String?) -> Bool {
        guard let owner = owner?.lowercased() else { return true }
        return action.currentOwners.contains { $0.lowercased().contains(owner) }
    }

    /// A stable name for the plan, from what does not change across its updates: the
    /// organisation, the report it answers and the day it was first submitted (FNV-1a, 64 bits,
    /// in hex).
    public static func planIdentity(_ info: PlanInfo) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in [info.organisation, info.report.title, info.submitted?.description ?? ""].joined(separator: "\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func event(_ action: Action, of recommendation: Recommendation, due: Day, identity: String,
                      stamp: Day?, addresses: Addresses) -> [String] {
        var description = [action.text, "", "Recommendation \(recommendation.number): \(recommendation.text)"]
        if !action.currentOwners.isEmpty { description.append("Owners: " + action.currentOwners.joined(separator: "; ")) }
        description.append("State: " + action.currentState.rawValue)
        if let target = action.currentTarget { description.append("Target: " + DateWords.words(target)) }
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + escaped("action-\(action.id)-\(identity)@plantool"),
            "DTSTAMP:" + compact(stamp ?? Day(year: 1980, month: 1, day: 1)!) + "T000000Z",
            "DTSTART;VALUE=DATE:" + compact(due),
            "DTEND;VALUE=DATE:" + compact(nextDay(due)),
            "SUMMARY:" + escaped("Action \(action.id) (recommendation \(recommendation.number)) due: \(shortened(action.text))"),
            "DESCRIPTION:" + escaped(description.joined(separator: "\n")),
            "TRANSP:TRANSPARENT",
        ]
        for owner in action.currentOwners {
            guard let address = addresses[owner.lowercased()] else { continue }
            lines.append("ATTENDEE;CN=\"\(parameterText(owner))\";ROLE=REQ-PARTICIPANT:mailto:\(address)")
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// `YYYYMMDD`, the form of an iCalendar DATE.
    static func compact(_ day: Day) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    static func nextDay(_ day: Day) -> Day {
        Day(year: day.year, month: day.month, day: day.day + 1)
            ?? Day(year: day.year, month: day.month + 1, day: 1)
            ?? Day(year: day.year + 1, month: 1, day: 1)
            ?? day  // 9999-12-31 has no next day a Day can hold
    }

    /// The first words of a text, within about 60 characters, for a summary a calendar shows whole.
    static func shortened(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > 60 else { return flat }
        let cut = flat.prefix(60)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words + "…"
    }

    /// A TEXT value: `\`, `;` and `,` escaped, each line break (CRLF, CR or LF) as `\n`, and a
    /// control character (which TEXT may not hold) or bidirectional control by its stand-in.
    static func escaped(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default:
                if UnsafeCharacters.isAllowed(scalar) { out.unicodeScalars.append(scalar) } else { out += UnsafeCharacters.standIn(scalar) }
            }
        }
        return out
    }

    /// A quoted parameter value (CN): it may not hold a double quote or control characters at all.
    static func parameterText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar == "\"" || !UnsafeCharacters.isAllowed(scalar, multiline: false) || scalar.value < 0x20 ? "'" : scalar
        }))
    }

    /// A content line folded after at most 75 octets, each continuation starting with a space
    /// (which counts toward its 75), never inside a character's UTF-8 sequence.
    static func folded(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if octets + width > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += width
        }
        return out
    }
}

extension ICSExport: PlanExporter {
    public static let formatName = "ics"
    public static let fileExtensions = ["ics"]
    public static func export(_ plan: Plan) -> [UInt8] { Array(render(plan).utf8) }
}
