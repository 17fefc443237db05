import Foundation
import PlanKit
import Testing

/// The JSON Schemas as an independent check of plantool's reader: the examples validate, each
/// invalid fixture gets the diagnostic its manifest names, and the schema's verdict on it is the
/// recorded one. The schemas are checked by scripts/validate-schema.py (Python's jsonschema), so
/// python3 with jsonschema and PyYAML must be installed: scripts/setup installs them.
@Suite("SchemaTests")
struct SchemaTests {
    // MARK: a. The examples validate

    @Test("every example file validates against the schemas")
    func examplesValidate() throws {
        let examples = SchemaTestSupport.root.appendingPathComponent("examples")
        let files = try SchemaTestSupport.exampleFiles(under: examples)
        try #require(!files.isEmpty, "no plan.yaml or recommendations/*.yaml found under \(examples.path)")

        let run = try SchemaTestSupport.validate(files.map(\.path))
        let verdicts = try SchemaTestSupport.verdicts(from: run)
        #expect(verdicts.count == files.count,
                "validate-schema.py reported \(verdicts.count) files for \(files.count)\n\(run.stdout)\(run.stderr)")
        for file in files {
            guard let verdict = verdicts[file.path] else {
                Issue.record("validate-schema.py said nothing about \(file.path)\n\(run.stderr)")
                continue
            }
            #expect(verdict.valid, "\(file.path) does not validate: \(verdict.errors.joined(separator: "; "))")
        }
        #expect(run.status == 0, "validate-schema.py exited \(run.status)\n\(run.stderr)")
    }

    @Test("plans imported from HM Inspectorate of Prisons layouts (vocabulary, kind, reference) validate")
    func prisonsFixturesValidate() throws {
        let fixtures = SchemaTestSupport.root.appendingPathComponent("Tests/PlanImportTests/Fixtures/Prisons")
        let files = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
            .flatMap { try SchemaTestSupport.exampleFiles(under: fixtures.appendingPathComponent($0)) }
        try #require(files.count >= 12)
        let verdicts = try SchemaTestSupport.verdicts(from: try SchemaTestSupport.validate(files.map(\.path)))
        for file in files {
            #expect(verdicts[file.path]?.valid == true, "\(file.path): \(verdicts[file.path]?.errors ?? [])")
        }
    }

    @Test("a reason with its text and no categories is valid; lint, not the schema, asks for the category")
    func aReasonWithoutCategoriesValidates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-reason-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = "number: 1\naddressee: HMPPS\ntext: Do A\nstatus: not-agreed\nreason:\n"
        let files = [("absent.yaml", base + "  text: Not ours to fund\n"),
                     ("empty.yaml", base + "  categories: []\n  text: Not ours to fund\n")].map { name, text in
            (folder.appendingPathComponent(name), text)
        }
        for (url, text) in files { try text.write(to: url, atomically: true, encoding: .utf8) }
        let verdicts = try SchemaTestSupport.verdicts(from: try SchemaTestSupport.validate(files.map(\.0.path)))
        for (url, _) in files {
            #expect(verdicts[url.path]?.valid == true, "\(url.lastPathComponent): \(verdicts[url.path]?.errors ?? [])")
        }
    }

    // MARK: b. The invalid fixtures

    @Test("the fixture manifest lists every fixture file, each once")
    func manifestCoversFixtures() throws {
        let expectations = try SchemaTestSupport.loadExpectations()
        try #require(!expectations.isEmpty, "expectations.json lists no fixtures")
        let listed = expectations.map(\.file)
        #expect(Set(listed).count == listed.count, "expectations.json lists a file twice")
        let present = try SchemaTestSupport.fixtureFiles()
        #expect(Set(listed) == present,
                "unlisted: \(present.subtracting(listed).sorted()); missing: \(Set(listed).subtracting(present).sorted())")
        let rules = Set(FormatRule.allCases.map(\.id))
        for expectation in expectations {
            #expect(rules.contains(expectation.rule), "\(expectation.file): '\(expectation.rule)' is not a FormatRule id")
            #expect(FormatRule(rawValue: expectation.rule)?.severity.rawValue == expectation.severity,
                    "\(expectation.file): rule \(expectation.rule) does not have severity \(expectation.severity)")
        }
    }

    @Test("plantool reports the fixture's rule at the expected place", arguments: SchemaTestSupport.expectationsForArguments())
    func readerDiagnostic(_ expectation: SchemaFixtureExpectation) throws {
        let url = SchemaTestSupport.fixtures.appendingPathComponent(expectation.file)
        let bytes = try [UInt8](Data(contentsOf: url))
        let result = SchemaTestSupport.read(bytes, path: "Fixtures/invalid/\(expectation.file)")
        let wanted = expectation.location
        let listing = result.diagnostics.isEmpty ? "(none)" : result.diagnostics.map(\.description).joined(separator: "\n")

        let found = result.diagnostics.contains {
            $0.rule == expectation.rule && $0.severity.rawValue == expectation.severity && $0.location == wanted
        }
        #expect(found, """
            \(expectation.file): expected \(expectation.severity) [\(expectation.rule)] at \
            \(wanted?.description ?? "no location"); plantool reported:
            \(listing)
            """)
        // Each fixture holds exactly one problem: nothing else may be reported.
        let others = result.diagnostics.filter { $0.rule != expectation.rule }
        #expect(others.isEmpty, "\(expectation.file): other diagnostics than [\(expectation.rule)]:\n\(listing)")

        if expectation.severity == Severity.error.rawValue {
            #expect(!result.hasValue, "\(expectation.file): a file with errors must not give a value")
        } else {
            #expect(result.hasValue, "\(expectation.file): a file with only a warning must still be read")
            #expect(!result.diagnostics.hasErrors, "\(expectation.file): unexpected errors:\n\(listing)")
        }
    }

    @Test("the schema's verdict on the fixture is the recorded one", arguments: SchemaTestSupport.expectationsForArguments())
    func schemaVerdict(_ expectation: SchemaFixtureExpectation) throws {
        let path = SchemaTestSupport.fixtures.appendingPathComponent(expectation.file).path
        let run = try SchemaTestSupport.validate([path])
        let verdict = try #require(try SchemaTestSupport.verdicts(from: run)[path],
                                   "validate-schema.py said nothing about \(path)\n\(run.stdout)\(run.stderr)")
        #expect(verdict.valid == !expectation.schemaRejects, """
            \(expectation.file): schemaRejects is \(expectation.schemaRejects) but validate-schema.py says \
            valid: \(verdict.valid) \(verdict.errors)
            """)
        #expect(run.status == (verdict.valid ? 0 : 1), "validate-schema.py exited \(run.status)\n\(run.stderr)")
    }

    // MARK: c. The embedded schemas

    @Test("the schemas embedded in plantool equal the repository's schema files")
    func embeddedSchemasMatch() throws {
        let names = SchemaFiles.all.map(\.name)
        #expect(Set(names) == ["plan.schema.json", "recommendation.schema.json"], "SchemaFiles.all names \(names)")
        for (name, contents) in SchemaFiles.all {
            let url = SchemaTestSupport.root.appendingPathComponent("schema").appendingPathComponent(name)
            let onDisk = try [UInt8](Data(contentsOf: url))
            let embedded = Array((contents + "\n").utf8)
            #expect(embedded == onDisk,
                    "SchemaFiles.\(name) differs from schema/\(name); run scripts/embed-schema")
        }
    }
}

/// One entry of Fixtures/invalid/expectations.json.
struct SchemaFixtureExpectation: Decodable, Sendable, CustomTestStringConvertible {
    var file: String
    var rule: String
    var severity: String
    var line: Int?
    var column: Int?
    var schemaRejects: Bool
    var why: String

    var location: PlanKit.SourceLocation? {
        guard let line, let column else { return nil }
        return PlanKit.SourceLocation(line: line, column: column)
    }

    var testDescription: String { file }
}

private enum SchemaTestSupport {
    /// The package root: this file is Tests/PlanKitTests/SchemaTests.swift.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/PlanKitTests/Fixtures/invalid")
    static let script = root.appendingPathComponent("scripts/validate-schema.py")

    // MARK: Fixtures

    static func loadExpectations() throws -> [SchemaFixtureExpectation] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("expectations.json"))
        return try JSONDecoder().decode([SchemaFixtureExpectation].self, from: data)
    }

    /// The manifest for parameterised tests; a sentinel entry when it cannot be read, so that the
    /// tests fail rather than run zero cases.
    static func expectationsForArguments() -> [SchemaFixtureExpectation] {
        do {
            let expectations = try loadExpectations()
            if !expectations.isEmpty { return expectations }
        } catch {}
        return [SchemaFixtureExpectation(file: "expectations.json (unreadable or empty)", rule: "?", severity: "?",
                                   line: nil, column: nil, schemaRejects: true, why: "")]
    }

    /// Every fixture file, relative to Fixtures/invalid, except the manifest.
    static func fixtureFiles() throws -> Set<String> {
        var files: Set<String> = []
        let base = fixtures.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let url as URL in walker {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            let relative = String(path.dropFirst(base.count + 1))
            if relative != "expectations.json" { files.insert(relative) }
        }
        return files
    }

    /// plan.yaml and recommendations/*.yaml of every plan folder under `examples`.
    static func exampleFiles(under examples: URL) throws -> [URL] {
        let manager = FileManager.default
        var files: [URL] = []
        for plan in try manager.contentsOfDirectory(atPath: examples.path).sorted() {
            let folder = examples.appendingPathComponent(plan)
            let planFile = folder.appendingPathComponent("plan.yaml")
            guard manager.fileExists(atPath: planFile.path) else { continue }
            files.append(planFile)
            let recommendations = folder.appendingPathComponent("recommendations")
            let names = (try? manager.contentsOfDirectory(atPath: recommendations.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") {
                files.append(recommendations.appendingPathComponent(name))
            }
        }
        return files
    }

    // MARK: plantool's reader

    struct ReadResult {
        var diagnostics: [Diagnostic]
        var hasValue: Bool
    }

    /// Reads a fixture as plantool does, as a plan file or a recommendation by its name.
    static func read(_ bytes: [UInt8], path: String) -> ReadResult {
        if PlanFileKind(fileName: (path as NSString).lastPathComponent) == .plan {
            let parsed = PlanFormat.parsePlanInfo(bytes, path: path)
            return ReadResult(diagnostics: parsed.diagnostics, hasValue: parsed.value != nil)
        }
        let parsed = PlanFormat.parseRecommendation(bytes, path: path)
        return ReadResult(diagnostics: parsed.diagnostics, hasValue: parsed.value != nil)
    }

    // MARK: validate-schema.py

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Verdict: Decodable {
        var file: String
        var valid: Bool
        var errors: [String]
    }

    /// Runs `python3 scripts/validate-schema.py FILE...`, after checking that python3 and the
    /// Python packages are there (failing, not skipping, when they are not).
    static func validate(_ files: [String]) throws -> Run {
        let probe = try python(["-c", "import jsonschema, yaml"])
        try #require(probe.status == 0, """
            the schema tests need python3 with the jsonschema and PyYAML packages; run scripts/setup \
            (python3 -c "import jsonschema, yaml" exited \(probe.status): \(probe.stderr))
            """)
        return try python([script.path] + files)
    }

    static func verdicts(from run: Run) throws -> [String: Verdict] {
        var verdicts: [String: Verdict] = [:]
        for line in run.stdout.split(separator: "\n") where !line.isEmpty {
            let verdict = try JSONDecoder().decode(Verdict.self, from: Data(line.utf8))
            verdicts[verdict.file] = verdict
        }
        return verdicts
    }

    /// Runs python3 (found on PATH through /usr/bin/env) with its output in temporary files, so
    /// that no pipe can fill up and block it.
    static func python(_ arguments: [String]) throws -> Run {
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("schema-tests-\(UUID().uuidString)")
        try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        guard manager.createFile(atPath: outURL.path, contents: nil),
              manager.createFile(atPath: errURL.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: scratch.path])
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = root
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            try? out.close()
            try? err.close()
            Issue.record("cannot start python3 through /usr/bin/env: \(error); run scripts/setup")
            throw error
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        if process.terminationStatus == 127 {
            Issue.record("python3 is not on PATH; run scripts/setup\n\(stderr)")
        }
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
