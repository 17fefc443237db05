import Foundation
import PlanGit

/// A plan's files as read from somewhere (the working tree now; git's index or a revision later):
/// `plan.yaml` and every file directly in `recommendations/`, by path relative to the plan folder.
public struct PlanFiles: Sendable {
    public struct File: Sendable {
        /// Path relative to the plan folder: `plan.yaml`, `recommendations/05.yaml`.
        public var path: String
        /// The file's bytes, or why it could not be read.
        public var contents: Result<[UInt8], PlanFileError>
        /// The id git gives (or would give) the file's content, when known: two sources whose
        /// files have the same id need not be compared.
        public var blobID: ObjectID?

        public init(path: String, contents: Result<[UInt8], PlanFileError>, blobID: ObjectID? = nil) {
            self.path = path
            self.contents = contents
            self.blobID = blobID
        }
    }

    /// How the plan folder is named in messages (`examples/cgm-crc-2019`); empty for the current folder.
    public var displayRoot: String
    /// `plan.yaml`, when present.
    public var planFile: File?
    /// The entries of `recommendations/`, sorted by name.
    public var recommendationFiles: [File]

    /// Whether a missing plan.yaml is a problem (not when one file is checked on its own).
    public var requiresPlanFile: Bool

    public init(displayRoot: String, planFile: File?, recommendationFiles: [File], requiresPlanFile: Bool = true) {
        self.displayRoot = displayRoot
        self.planFile = planFile
        self.recommendationFiles = recommendationFiles.sorted { $0.path < $1.path }
        self.requiresPlanFile = requiresPlanFile
    }

    /// How many files were read.
    public var fileCount: Int { (planFile == nil ? 0 : 1) + recommendationFiles.count }

    /// The path shown in messages for a file of the plan.
    public func displayPath(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : displayRoot + "/" + relative
    }
}

/// Why a plan file could not be read.
public struct PlanFileError: Error, Sendable, Hashable {
    public var message: String
    public var rule: FormatRule
    public init(_ message: String, rule: FormatRule = .unreadableFile) {
        self.message = message
        self.rule = rule
    }
}

/// One recommendation file as read.
public struct RecommendationFile: Sendable {
    public var path: String
    public var parsed: ParsedFile<Recommendation>
}

/// A plan read from its files: the model where every file is valid, and every problem found.
public struct LoadedPlan: Sendable {
    public var files: PlanFiles
    public var info: ParsedFile<PlanInfo>?
    public var recommendations: [RecommendationFile]
    /// Every diagnostic of every file and of the plan as a whole, in order.
    public var diagnostics: [Diagnostic]

    /// The plan, when plan.yaml and every recommendation file read without error.
    public var plan: Plan? {
        guard let info = info?.value, !diagnostics.hasErrors else { return nil }
        let recs = recommendations.compactMap(\.parsed.value).sorted { $0.number < $1.number }
        return Plan(info: info, recommendations: recs)
    }
}

public enum PlanLoader {
    /// The file name a recommendation file must have: two digits at least, no extra zeros.
    public static func number(fromFileName name: String) -> Int? {
        guard name.hasSuffix(".yaml") else { return nil }
        let stem = name.dropLast(5)
        guard stem.count >= 2, let n = Int.digitsOnly(stem), n >= 1,
              Recommendation.fileName(for: n) == name else { return nil }
        return n
    }

    /// Parses every file and checks the plan as a whole (file names, numbers). `keepsPlaces:
    /// false` leaves each file's source map empty, for readers that want the model only (a
    /// problem about a file's number is then reported without its line).
    public static func load(_ files: PlanFiles, keepsPlaces: Bool = true) -> LoadedPlan {
        load(files, parsed: parseAll(files, keepsPlaces: keepsPlaces), keepsPlaces: keepsPlaces)
    }

    /// The same, letting go of each recommendation file's bytes once it is parsed (lint's peak
    /// memory would otherwise hold every file's bytes and every parsed file at once). `files`
    /// keeps its paths, blob ids and read errors; a file read keeps empty contents. Its bytes
    /// are let go only where `files` was their one owner.
    public static func load(releasingBytesOf files: inout PlanFiles, keepsPlaces: Bool = true) -> LoadedPlan {
        let pending = PendingBytes(count: files.recommendationFiles.count)
        for index in files.recommendationFiles.indices {
            guard case .success(let bytes) = files.recommendationFiles[index].contents else { continue }
            pending.put(bytes, at: index)
            files.recommendationFiles[index].contents = .success([])
        }
        let paths = files.recommendationFiles.map(\.path)
        let display = files
        let names = SharedStrings()
        let parsed = ParallelMap.map(Array(paths.indices)) { index -> ParsedFile<Recommendation>? in
            guard let bytes = pending.take(index), var parsed = parse(bytes, path: paths[index], in: display, keepsPlaces: keepsPlaces) else {
                return nil
            }
            // What is kept of every file for as long as the plan is linted, made small: no
            // modeline (lint writes nothing back), no spare room in the source map, and the
            // names repeated from file to file (addressees, themes, owners) kept once.
            parsed.modeline = nil
            parsed.sourceMap.shrinkToFit()
            if parsed.value != nil { names.share(in: &parsed.value!) }
            return parsed
        }
        return load(files, parsed: parsed, keepsPlaces: keepsPlaces)
    }

    private static func load(_ files: PlanFiles, parsed parsedFiles: [ParsedFile<Recommendation>?], keepsPlaces: Bool) -> LoadedPlan {
        var diagnostics: [Diagnostic] = []
        func report(_ rule: FormatRule, _ path: String, _ location: SourceLocation?, _ message: String) {
            diagnostics.append(Diagnostic(path: files.displayPath(path), location: location,
                                          severity: rule.severity, rule: rule.id, message: message))
        }

        var info: ParsedFile<PlanInfo>? = nil
        if let planFile = files.planFile {
            switch planFile.contents {
            case .success(let bytes):
                let parsed = PlanFormat.parsePlanInfo(bytes, path: files.displayPath(planFile.path), keepsPlaces: keepsPlaces)
                diagnostics += parsed.diagnostics
                info = parsed
            case .failure(let error):
                report(error.rule, planFile.path, nil, error.message)
            }
        } else if files.requiresPlanFile {
            report(.missingPlanFile, "plan.yaml", nil, "the plan has no plan.yaml; create one with `plantool init`")
        }

        var recommendations: [RecommendationFile] = []
        recommendations.reserveCapacity(files.recommendationFiles.count)
        var seen: [Int: String] = [:]
        for (position, file) in files.recommendationFiles.enumerated() {
            if file.path == PlanDirectory.recommendationsFolder, case .failure(let error) = file.contents {
                report(error.rule, file.path, nil, error.message)  // the folder itself: a link, not followed
                continue
            }
            let name = String(file.path.split(separator: "/").last ?? "")
            // A file that could not be read is reported whatever its name (a file named on the
            // command line that is not a plan file is refused by its name).
            if case .failure(let error) = file.contents {
                report(error.rule, file.path, nil, error.message)
                if file.path.hasPrefix(PlanDirectory.recommendationsFolder + "/"), name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    diagnostics += nameDiagnostics(fileName: name, path: files.displayPath(file.path), parsed: nil)
                }
                continue
            }
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), let parsed = parsedFiles[position] else { continue }
            diagnostics += parsed.diagnostics
            // Files in a recommendations/ folder are named by their number; a file checked on its
            // own elsewhere is not held to that.
            if file.path.hasPrefix(PlanDirectory.recommendationsFolder + "/") {
                diagnostics += nameDiagnostics(fileName: name, path: files.displayPath(file.path), parsed: parsed)
            }
            if let rec = parsed.value {
                if let other = seen[rec.number] {
                    report(.duplicateNumber, file.path, parsed.sourceMap.values["number"],
                           "recommendation \(rec.number) is also given by \(files.displayPath(other))")
                } else {
                    seen[rec.number] = file.path
                }
            }
            recommendations.append(RecommendationFile(path: file.path, parsed: parsed))
        }
        return LoadedPlan(files: files, info: info, recommendations: recommendations, diagnostics: diagnostics.sorted())
    }

    /// Every readable recommendation file parsed, in order. Files are read independently, so
    /// they are parsed on every core at once.
    static func parseAll(_ files: PlanFiles, keepsPlaces: Bool = true) -> [ParsedFile<Recommendation>?] {
        ParallelMap.map(files.recommendationFiles) { file -> ParsedFile<Recommendation>? in
            guard case .success(let bytes) = file.contents else { return nil }
            return parse(bytes, path: file.path, in: files, keepsPlaces: keepsPlaces)
        }
    }

    private static func parse(_ bytes: [UInt8], path: String, in files: PlanFiles, keepsPlaces: Bool) -> ParsedFile<Recommendation>? {
        guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { return nil }
        return PlanFormat.parseRecommendation(bytes, path: files.displayPath(path), keepsPlaces: keepsPlaces)
    }

    /// A recommendation file's name must be its number: `file-name` when the name is not a
    /// number, `number-mismatch` when the number inside differs.
    public static func nameDiagnostics(fileName name: String, path: String,
                                       parsed: ParsedFile<Recommendation>?) -> [Diagnostic] {
        func make(_ rule: FormatRule, _ location: SourceLocation?, _ message: String) -> Diagnostic {
            Diagnostic(path: path, location: location, severity: rule.severity, rule: rule.id, message: message)
        }
        guard let expected = number(fromFileName: name) else {
            var message = "'\(name)' is not a recommendation file name; name it by its number, zero-padded to two digits (01.yaml, 12.yaml)"
            let stem = name.split(separator: ".").first.map(String.init) ?? ""
            if let n = Int.digitsOnly(stem), n >= 1 { message += ": \(Recommendation.fileName(for: n))" }
            return [make(.fileName, nil, message)]
        }
        if let rec = parsed?.value, rec.number != expected {
            return [make(.numberMismatch, parsed?.sourceMap.values["number"],
                         "number \(rec.number) does not match the file name \(name); rename the file to \(Recommendation.fileName(for: rec.number)) or correct the number")]
        }
        return []
    }
}

extension LoadedPlan {
    /// Each recommendation read without error, by the blob id of its file where that is known:
    /// what a walk over the plan's history need not read again.
    public var recommendationsByBlobID: [ObjectID: Recommendation] {
        var ids: [String: ObjectID] = [:]
        for file in files.recommendationFiles { if let id = file.blobID { ids[file.path] = id } }
        var result: [ObjectID: Recommendation] = [:]
        for file in recommendations where !file.parsed.diagnostics.hasErrors {
            if let value = file.parsed.value, let id = ids[file.path] { result[id] = value }
        }
        return result
    }
}

/// Files' bytes waiting to be parsed, each handed out once, so that a file's bytes go as soon as
/// it is parsed.
private final class PendingBytes: @unchecked Sendable {
    private var slots: [[UInt8]?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func put(_ bytes: [UInt8], at index: Int) {
        lock.lock()
        slots[index] = bytes
        lock.unlock()
    }

    func take(_ index: Int) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        let bytes = slots[index]
        slots[index] = nil
        return bytes
    }
}

/// One copy of each name the recommendations of a plan repeat (an addressee, a theme, an owner)
/// and of each list of owners, shared by them all, where each file's reading made its own; and
/// the lists of actions, updates and owners without the spare room they grew into.
private final class SharedStrings: @unchecked Sendable {
    private var kept: Set<String> = []
    private var keptOwners: Set<[String]> = []
    private let lock = NSLock()

    func share(in recommendation: inout Recommendation) {
        // Each file's own lists are made to size before the lock: only the sharing needs it.
        recommendation.actions = recommendation.actions.exactlySized()
        for action in recommendation.actions.indices {
            recommendation.actions[action].owners = recommendation.actions[action].owners.exactlySized()
            recommendation.actions[action].updates = recommendation.actions[action].updates.exactlySized()
            for update in recommendation.actions[action].updates.indices where recommendation.actions[action].updates[update].owners != nil {
                recommendation.actions[action].updates[update].owners = recommendation.actions[action].updates[update].owners!.exactlySized()
            }
        }
        lock.lock()
        defer { lock.unlock() }
        share(&recommendation.addressee)
        if recommendation.theme != nil { share(&recommendation.theme!) }
        for action in recommendation.actions.indices {
            share(owners: &recommendation.actions[action].owners)
            for update in recommendation.actions[action].updates.indices where recommendation.actions[action].updates[update].owners != nil {
                share(owners: &recommendation.actions[action].updates[update].owners!)
            }
        }
    }

    /// Small strings are stored in place: only larger ones are worth sharing.
    private func share(_ name: inout String) {
        guard name.utf8.count > 15 else { return }
        let (inserted, member) = kept.insert(name)
        // Equal is not enough: the copy kept must have the same bytes (é composed or not).
        if !inserted, member.utf8.elementsEqual(name.utf8) { name = member }
    }

    private func share(owners: inout [String]) {
        guard !owners.isEmpty else { return }  // every empty list shares one already
        for owner in owners.indices { share(&owners[owner]) }
        let (inserted, member) = keptOwners.insert(owners)
        if !inserted, zip(member, owners).allSatisfy({ $0.utf8.elementsEqual($1.utf8) }) { owners = member }
    }
}
