import Foundation
import Testing

/// `plantool export --format ics`, read back by the Python `icalendar` package.
@Suite("export --format ics")
struct CalendarExportTests {
    /// Reads a calendar with icalendar and prints, per event, UID, start, end and summary, then
    /// the description and the attendees, as JSON.
    static let reader = """
        import icalendar, json, sys
        calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        events = []
        for event in calendar.walk('VEVENT'):
            attendees = event.get('ATTENDEE', [])
            if not isinstance(attendees, list): attendees = [attendees]
            events.append({'uid': str(event['UID']), 'start': event['DTSTART'].dt.isoformat(),
                           'end': event['DTEND'].dt.isoformat(), 'stamp': event['DTSTAMP'].dt.isoformat(),
                           'summary': str(event['SUMMARY']), 'description': str(event['DESCRIPTION']),
                           'attendees': [str(a) for a in attendees]})
        print(json.dumps(events))
        """

    struct Event: Decodable {
        var uid, start, end, stamp, summary, description: String
        var attendees: [String]
    }

    static func events(_ file: URL, in dir: URL) throws -> [Event] {
        let python = Faults.tool("/usr/bin/env", ["python3", "-c", reader, file.path], in: dir)
        try #require(python.status == 0, "\(python)")
        return try JSONDecoder().decode([Event].self, from: Data(python.stdout.utf8))
    }

    @Test("every open action with a target is an all-day event with a date and a UID; UIDs unique and the same on a second run")
    func recallPlan() throws {
        try withTemporaryDirectory { dir in
            let plan = dir.appendingPathComponent("plan")
            try GitFixture.copyPlan(to: plan)
            let first = dir.appendingPathComponent("targets.ics")
            let result = run(["export", "-o", first.path], in: plan)
            #expect(result.status == 0, "\(result)")
            let events = try Self.events(first, in: dir)
            #expect(events.count == 4)
            #expect(Set(events.map(\.uid)).count == events.count)
            #expect(events.allSatisfy { !$0.start.isEmpty && $0.start.count == 10 && $0.end > $0.start })
            let pilot = try #require(events.first { $0.uid.hasPrefix("action-5.1-") })
            #expect(pilot.start == "2022-03-31" && pilot.end == "2022-04-01")  // updated to 2022-03
            #expect(pilot.summary.hasPrefix("Action 5.1 (recommendation 5) due: The PPG and the Parole Board"))
            #expect(pilot.description.hasPrefix("The PPG and the Parole Board are exploring the introduction of a pilot"))
            #expect(pilot.description.contains("\nOwners: Deputy Director, Public Protection Group\n"))

            let second = run(["export", "--format", "ics"], in: plan)
            #expect(second.status == 0)
            #expect(Array(second.stdout.utf8) == bytes(of: first))
        }
    }

    @Test("--owner keeps one owner's actions; the owners register's addresses become attendees")
    func ownerAndAttendees() throws {
        try withTemporaryDirectory { dir in
            let plan = dir.appendingPathComponent("plan")
            try GitFixture.copyPlan(to: plan)
            _ = try write("""
                owners:
                  - role: Deputy Director, Public Protection Group
                    email: ppg.lead@example.gov.uk
                  - Senior Responsible Officer for the Probation Reform Programme
                  - Deputy Director Prisons, Director General Prisons

                """, to: ".plantool.yaml", in: plan)
            #expect(run(["lint"], in: plan).status == 0)
            let file = dir.appendingPathComponent("ppg.ics")
            let result = run(["export", "--owner", "public protection", "-o", file.path], in: plan)
            #expect(result.status == 0, "\(result)")
            let events = try Self.events(file, in: dir)
            #expect(events.map(\.uid).map { $0.prefix(11) } == ["action-5.1-"])
            #expect(events.first?.attendees == ["mailto:ppg.lead@example.gov.uk"])

            let refused = run(["export", "--format", "html", "--owner", "x"], in: plan)
            #expect(refused.status == 2 && refused.stderr.contains("--owner filters the calendar"), "\(refused)")
        }
    }

    @Test("--owner naming no owner of an open action is refused, exit 1, and no calendar is written")
    func ownerMatchingNothing() throws {
        try withTemporaryDirectory { dir in
            let plan = dir.appendingPathComponent("plan")
            try GitFixture.copyPlan(to: plan)
            let file = dir.appendingPathComponent("nobody.ics")
            let result = run(["export", "--format", "ics", "--owner", "nobody", "-o", file.path], in: plan)
            #expect(result.status == 1 && result.stderr.contains("no open actions have an owner whose name contains \"nobody\""), "\(result)")
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
    }

    @Test("the README's calendar example is the real output, line by line (CRLF shown as line ends)")
    func readmeExample() throws {
        let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let command = "$ plantool export --format ics --owner \"public protection\"\n"
        let shown = try #require(readme.components(separatedBy: command).dropFirst().first?.components(separatedBy: "```").first)
        try withTemporaryDirectory { dir in
            let plan = dir.appendingPathComponent("plan")
            try GitFixture.copyPlan(to: plan)
            _ = try write("owners:\n  - role: Deputy Director, Public Protection Group\n    email: ppg.lead@example.gov.uk\n", to: ".plantool.yaml", in: plan)
            let result = run(["export", "--format", "ics", "--owner", "public protection"], in: plan)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n") == shown)
        }
    }

    @Test("hostile texts (commas, semicolons, backslashes, line breaks, long lines of multi-byte characters) come back as written")
    func hostileTexts() throws {
        try withTemporaryDirectory { dir in
            let plan = dir.appendingPathComponent("plan")
            try GitFixture.copyPlan(to: plan)
            let hostile = "Sätze, mit; Zeichen \\ und 😀 Emoji über die Zeilengrenze hinaus: " + String(repeating: "éü€😀", count: 30)
            // A folded block: the blank line is a line break in the text.
            try GitFixture.replace("      The PPG and the Parole Board are exploring the introduction of a pilot\n",
                                   with: "      \(hostile)\n\n      Second line; END:VEVENT\n", in: plan.appendingPathComponent("recommendations/05.yaml"))
            let file = dir.appendingPathComponent("hostile.ics")
            let result = run(["export", "-o", file.path], in: plan)
            #expect(result.status == 0, "\(result)")
            let raw = bytes(of: file) ?? []
            let lines = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.utf8.count <= 75 })
            #expect(!lines.contains("END:VEVENT\\nSecond"))
            let events = try Self.events(file, in: dir)
            let pilot = try #require(events.first { $0.uid.hasPrefix("action-5.1-") })
            #expect(pilot.description.hasPrefix(hostile + "\nSecond line; END:VEVENT project in January 2021"), "\(pilot.description)")
            #expect(events.count == 4)
        }
    }
}
