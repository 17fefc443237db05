import Foundation
import PlanKit
import Testing

/// PlanJSON: the whole plan as JSON with the YAML files' field names, valid against
/// schema/export.schema.json (checked by scripts/validate-schema.py, Python's jsonschema, which
/// needs python3 with jsonschema and PyYAML: scripts/setup installs them).
@Suite("PlanJSON")
struct PlanJSONTests {
    @Test("the export of every example validates against schema/export.schema.json")
    func examplesValidate() throws {
        try ExportSupport.withScratch { scratch in
            var files: [String] = []
            for name in ExportSupport.exampleNames {
                let url = scratch.appendingPathComponent("\(name).export.json")
                try Data(PlanJSON.render(try ExportSupport.example(name)).utf8).write(to: url)
                files.append(url.path)
            }
            let run = try ExportSupport.python(["scripts/validate-schema.py"] + files)
            let verdicts = try Self.verdicts(run)
            #expect(verdicts.count == files.count, "\(run.stdout)\(run.stderr)")
            for file in files {
                let verdict = try #require(verdicts[file], "validate-schema.py said nothing about \(file)\n\(run.stderr)")
                #expect(verdict.valid, "\(file): \(verdict.errors)")
            }
            #expect(run.status == 0, "\(run.stderr)")
        }
    }

    @Test("the schema rejects what the format does not allow, through its references")
    func schemaRejects() throws {
        let json = PlanJSON.render(try ExportSupport.example("recall-culture-2020"))
        // Each mutation breaks a rule that lives in a referred schema or in the export schema.
        let mutations: [(String, String, String)] = [
            ("status", "\"status\" : \"agreed\"", "\"status\" : \"maybe\""),
            ("target", "\"target\" : \"2021-07\"", "\"target\" : \"July 2021\""),
            ("plan date", "\"submitted\" : \"2020-12-07\"", "\"submitted\" : \"7 December 2020\""),
            ("unknown plan key", "\"organisation\" :", "\"organization\" :"),
            ("export format", "\"format\" : 1,\n  \"plan\"", "\"format\" : 2,\n  \"plan\""),
        ]
        try ExportSupport.withScratch { scratch in
            for (name, from, to) in mutations {
                try #require(json.contains(from), "\(name): the export has no \(from)")
                let url = scratch.appendingPathComponent("\(name.replacingOccurrences(of: " ", with: "-")).export.json")
                try Data(json.replacingOccurrences(of: from, with: to).utf8).write(to: url)
                let run = try ExportSupport.python(["scripts/validate-schema.py", url.path])
                let verdict = try #require(try Self.verdicts(run)[url.path], "\(run.stdout)\(run.stderr)")
                #expect(!verdict.valid, "\(name): the schema accepted it")
                #expect(run.status == 1, "\(name): \(run.stderr)")
            }
        }
    }

    @Test("the export holds the YAML files' fields and values, file for file", arguments: ExportSupport.exampleNames)
    func sameAsTheYAMLFiles(_ name: String) throws {
        let json = PlanJSON.render(try ExportSupport.example(name))
        // Python reads the example's YAML files as the schema check does (YAML 1.2 core schema,
        // dates as text) and compares them with the export.
        let script = """
            import importlib.util, json, os, sys
            spec = importlib.util.spec_from_file_location("vs", "scripts/validate-schema.py")
            vs = importlib.util.module_from_spec(spec); spec.loader.exec_module(vs)
            export = json.load(open(sys.argv[2], encoding="utf-8"))
            folder = sys.argv[1]
            plan = vs.load_yaml(open(os.path.join(folder, "plan.yaml"), "rb"))
            recs = [vs.load_yaml(open(os.path.join(folder, "recommendations", f), "rb"))
                    for f in sorted(os.listdir(os.path.join(folder, "recommendations")), key=lambda f: int(f.split(".")[0]))]
            problems = []
            if export["plan"] != plan: problems.append("plan differs")
            if len(export["recommendations"]) != len(recs): problems.append("count differs")
            for a, b in zip(export["recommendations"], recs):
                if a != b: problems.append("recommendation %s differs" % b.get("number"))
            if export["format"] != 1 or set(export) != {"format", "plan", "recommendations"}: problems.append("top level")
            print(json.dumps(problems))
            """
        let problems = try ExportSupport.withScratch { scratch -> [String] in
            let url = scratch.appendingPathComponent("\(name).export.json")
            try Data(json.utf8).write(to: url)
            let run = try ExportSupport.python(["-c", script, "examples/\(name)", url.path])
            try #require(run.status == 0, "\(run.stderr)")
            return try JSONDecoder().decode([String].self, from: Data(run.stdout.utf8))
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("fields: ISO dates, nothing null, optional fields absent, deterministic")
    func fields() throws {
        let plan = try ExportSupport.example("recall-culture-2020")
        let json = PlanJSON.render(plan)
        #expect(json == PlanJSON.render(plan))
        #expect(!json.contains("null"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["format"] as? Int == 1)
        let info = try #require(object["plan"] as? [String: Any])
        #expect(info["submitted"] as? String == "2020-12-07")
        #expect((info["report"] as? [String: Any])?["published"] as? String == "2020-11-10")
        #expect(info["summary"] == nil)
        let recs = try #require(object["recommendations"] as? [[String: Any]])
        #expect(recs.count == 8)
        let five = try #require(recs.first { $0["number"] as? Int == 5 })
        #expect(five["theme"] == nil && five["reason"] == nil)
        let action = try #require((five["actions"] as? [[String: Any]])?.first)
        #expect(action["id"] as? String == "5.1" && action["target"] as? String == "2021-07" && action["state"] as? String == "planned")
        let update = try #require((action["updates"] as? [[String: Any]])?.first)
        #expect(update["date"] as? String == "2021-12" && update["target"] as? String == "2022-03")
        #expect(update["state"] == nil && update["owners"] == nil)

        // The cgm plan's partly agreed recommendation 8: reason with categories, dash keys.
        let cgm = PlanJSON.render(try ExportSupport.example("cgm-crc-2019"))
        #expect(cgm.contains("\"categories\" : [\n          \"affordability\"\n        ]"))
        #expect(cgm.contains("\"status\" : \"partly-agreed\""))
        let ipp = PlanJSON.render(try ExportSupport.example("ipp-recall-2023"))
        #expect(ipp.contains("\"partly-agreed\" : "))
    }

    // MARK: Helpers

    struct Verdict: Decodable {
        var file: String
        var valid: Bool
        var errors: [String]
    }

    static func verdicts(_ run: ExportSupport.Run) throws -> [String: Verdict] {
        var verdicts: [String: Verdict] = [:]
        for line in run.stdout.split(separator: "\n") where !line.isEmpty {
            let verdict = try JSONDecoder().decode(Verdict.self, from: Data(line.utf8))
            verdicts[verdict.file] = verdict
        }
        return verdicts
    }
}
