import ArgumentParser
import Foundation
import PlanGit
import PlanImport
import PlanKit

extension Plantool {
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Bring an existing plan in: Word's table text, a DOCX of the official table, or a CSV export.",
            discussion: """
                Reads FILE and writes a plan into DIR: plan.yaml, recommendations/NN.yaml and \
                schema/. FILE can be the tab-separated text Word gives when a plan's table is \
                copied or saved as text (text), a Word document with the official six-column \
                table (docx: plantool's own export and documents made to the same template), or a \
                CSV written by `plantool export --format csv` and edited in a spreadsheet (csv: \
                recommendations only, so DIR must already hold the plan, whose plan.yaml is kept). \
                The format is taken from FILE's extension (.docx, .csv, else text) unless --format \
                is given.
                Every word is kept: what has no place of its own goes into an action's note or the \
                recommendation's response. Each guess (owners split, dates read from words, \
                text placed in a note) is printed as FILE:LINE:COLUMN (or FILE: table T, row R) \
                so that a person can check it.
                DIR must be new or hold no plan; --replace replaces a plan whose files are all \
                committed in git, so that nothing is lost. The new files are written and checked \
                in a temporary folder first: on any error nothing in DIR changes. Nothing is \
                committed: review the files, then commit them (plantool commit). \
                --dry-run reads and reports without writing.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, docx, csv
        }

        @Argument(help: ArgumentHelp("The file to import.", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("The plan folder to write (created if missing).", valueName: "dir"))
        var into: String?

        @Option(help: ArgumentHelp("text, docx or csv (default: from the file's extension).", valueName: "format"))
        var format: Format?

        @Flag(help: "Replace the plan already in DIR (its files must be committed in git).")
        var replace = false

        @Flag(name: .customLong("dry-run"), help: "Read and report what would be imported; write nothing.")
        var dryRun = false

        func validate() throws {
            if into == nil && !dryRun { throw ValidationError("say where the plan goes: --into DIR (or --dry-run to only read FILE)") }
            if file.isEmpty { throw ValidationError("FILE must not be empty") }
        }

        /// Input larger than this is refused before it is read: no plan comes near it.
        static let maximumSize = 64 * 1024 * 1024

        func run() throws {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let source = URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL
            let data = try readInput(source)
            let chosen = format ?? Self.format(of: source, data: data)
            let target = into.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
            if let target { try checkTarget(target, keepingPlanFile: chosen == .csv) }

            let result: ImportResult
            do {
                result = try interpret(data, as: chosen, target: target)
            } catch let error as ImportError {
                throw PlantoolError(message: "\(file)\(error.place.map { ":\($0)" } ?? ""): \(error.message); nothing was written")
            }
            for remark in result.remarks {
                let subject = remark.subject.map { ($0.contains(".") ? "action " : "recommendation ") + $0 + ": " } ?? ""
                // A remark quotes the document, which may hold control characters.
                Output.standardError(UnsafeCharacters.neutralised("\(file):\(remark.place): \(remark.kind.rawValue): \(subject)\(remark.message)",
                                                                  keepingLineBreaks: false))
            }
            let plan = result.plan
            let actions = plan.recommendations.reduce(0) { $0 + $1.actions.count }
            let updates = plan.recommendations.reduce(0) { $0 + $1.actions.reduce(0) { $0 + $1.updates.count } }
            let counts = "\(Output.count(plan.recommendations.count, "recommendation")), \(Output.count(actions, "action")), \(Output.count(updates, "update"))"
            let check = result.remarks.isEmpty ? "" : "; \(Output.count(result.remarks.count, "remark")) above to check"
            guard let target, !dryRun else {
                Output.standardError("read \(counts) from \(file) (dry run: nothing written)\(check)")
                return
            }
            try write(plan, to: target, keepPlanFile: chosen == .csv)
            Output.standardError("imported \(counts) into \(Selection.display(target))\(check)")
        }

        // MARK: Reading

        private func readInput(_ url: URL) throws -> Data {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw PlantoolError(message: "\(file): no such file")
            }
            if isDirectory.boolValue { throw PlantoolError(message: "\(file) is a folder: name the file to import") }
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw PlantoolError(message: "\(file): cannot be read (permission denied?)")
            }
            defer { try? handle.close() }
            let data: Data
            do {
                data = try handle.read(upToCount: Self.maximumSize + 1) ?? Data()
            } catch {
                throw PlantoolError(message: "\(file): cannot be read: \(error.localizedDescription)")
            }
            if data.count > Self.maximumSize {
                throw PlantoolError(message: "\(file) is larger than \(Self.maximumSize / 1024 / 1024) MiB: not a plan")
            }
            if data.isEmpty { throw PlantoolError(message: "\(file) is empty") }
            return data
        }

        /// The format a file's extension names, else what its first bytes show (a zip is a DOCX).
        static func format(of url: URL, data: Data) -> Format {
            switch url.pathExtension.lowercased() {
            case "docx": return .docx
            case "csv": return .csv
            default: return data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .docx : .text
            }
        }

        private func interpret(_ data: Data, as format: Format, target: URL?) throws -> ImportResult {
            switch format {
            case .docx:
                return try PlanImporter.interpret(DocxReader.read(data))
            case .text:
                return try PlanImporter.interpret(WordTextReader.read(try Self.decodeText(data)))
            case .csv:
                guard let target, let info = try existingPlanInfo(in: target) else {
                    throw PlantoolError(message: "a CSV holds the recommendations only: import it into the plan it came from (--into DIR, a folder with plan.yaml), or make one first with plantool init")
                }
                return ImportResult(plan: try CSVPlanReader.read(try Self.decodeText(data), info: info), remarks: [])
            }
        }

        /// UTF-8 (a byte-order mark dropped), or UTF-16 with its byte-order mark, as Word's
        /// "Unicode text" is. Anything else is refused with the offset of the first bad byte.
        static func decodeText(_ data: Data) throws -> String {
            let bytes = [UInt8](data)
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                guard let text = String(data: data, encoding: .utf16) else {
                    throw ImportError("the file starts as UTF-16 text but is not valid UTF-16")
                }
                return text
            }
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if let text = String(validating: body, as: UTF8.self) { return text }
            var line = 1, column = 1
            var iterator = body.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                case .emptyInput: break loop
                case .error:
                    throw ImportError("not UTF-8 text (save it from Word as plain text, UTF-8, or as a .docx)",
                                      at: .init(line: line, column: column))
                }
            }
            throw ImportError("not UTF-8 text")
        }

        private func existingPlanInfo(in directory: URL) throws -> PlanInfo? {
            let planFile = directory.appendingPathComponent(PlanDirectory.planFileName)
            guard FileManager.default.fileExists(atPath: planFile.path) else { return nil }
            let shown = Selection.display(planFile)
            switch PlanDirectory.read(planFile) {
            case .failure(let error):
                throw PlantoolError(message: "\(shown): \(error.message)")
            case .success(let bytes):
                let parsed = PlanFormat.parsePlanInfo(bytes, path: shown)
                guard let info = parsed.value, !parsed.diagnostics.hasErrors else {
                    Output.diagnostics(parsed.diagnostics.filter { $0.severity == .error })
                    throw PlantoolError(message: "\(shown) has errors: fix it before importing into this plan", exitCode: 1)
                }
                return info
            }
        }

        // MARK: Writing

        /// DIR is new, or holds no plan, or (with --replace) a plan whose files are committed.
        private func checkTarget(_ target: URL, keepingPlanFile: Bool) throws {
            let shown = Selection.display(target)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else {
                if keepingPlanFile {
                    throw PlantoolError(message: "\(shown) does not exist: a CSV is imported into the plan it came from")
                }
                return
            }
            guard isDirectory.boolValue else { throw PlantoolError(message: "\(shown) is a file, not a folder") }
            let existing = planFiles(in: target)
            let holdsPlan = PlanDirectory.isPlan(target) || !existing.filter { $0 != PlanDirectory.planFileName }.isEmpty
            guard holdsPlan else { return }
            guard replace || dryRun else {
                throw PlantoolError(message: "\(shown) already holds a plan: give --replace to replace it (its files must be committed), or import into a new folder")
            }
            if dryRun { return }
            // Replacing: every file that goes away must be recoverable from git.
            let repository: Repository
            do {
                repository = try Repository.discover(from: target.path)
            } catch {
                throw PlantoolError(message: "\(shown) is not in a git repository, so the plan it holds could not be recovered once replaced: import into a new folder, or commit the plan first")
            }
            guard let relative = repository.relativePath(of: target.path) else {
                throw PlantoolError(message: "\(shown) is outside the repository's working tree")
            }
            let prefix = relative.isEmpty ? "" : relative + "/"
            do {
                let tracked = Set(try repository.indexEntries(under: prefix).map(\.path))
                let changed = try repository.changedFiles().map(\.path).filter { $0.hasPrefix(prefix) }
                let untracked = existing.map { prefix + $0 }.filter { !tracked.contains($0) }
                let unsafe = (changed + untracked).sorted()
                if !unsafe.isEmpty {
                    let list = unsafe.prefix(5).joined(separator: ", ") + (unsafe.count > 5 ? ", …" : "")
                    throw PlantoolError(message: "\(shown) has changes that are not committed (\(list)): commit or move them first, so that the plan being replaced stays in git; nothing was changed")
                }
            } catch let error as GitError {
                throw PlantoolError(message: error.message)
            }
        }

        /// plan.yaml and the plan files of recommendations/ (those the plan is read from),
        /// relative to the plan folder: what a replacing import replaces.
        private func planFiles(in directory: URL) -> [String] {
            var result: [String] = []
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(PlanDirectory.planFileName).path) {
                result.append(PlanDirectory.planFileName)
            }
            let folder = directory.appendingPathComponent(PlanDirectory.recommendationsFolder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where Self.isPlanFile(name) {
                result.append(PlanDirectory.recommendationsFolder + "/" + name)
            }
            return result.sorted()
        }

        /// A name in recommendations/ the plan is read from (as `PlanDirectory.files` reads them).
        static func isPlanFile(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

        /// Everything else in the old recommendations/ (a README.md, a .gitkeep, a folder) goes
        /// into the new one as it is: an import replaces the plan, not the user's other files.
        private func copyOthers(from old: URL, to new: URL) throws {
            let manager = FileManager.default
            for name in (try? manager.contentsOfDirectory(atPath: old.path)) ?? [] where !Self.isPlanFile(name) {
                try manager.copyItem(at: old.appendingPathComponent(name), to: new.appendingPathComponent(name))
            }
        }

        /// Writes the plan into a temporary folder beside DIR, checks it as `plantool check`
        /// would, then moves it into place.
        private func write(_ plan: Plan, to target: URL, keepPlanFile: Bool) throws {
            let manager = FileManager.default
            let parent = target.deletingLastPathComponent()
            do {
                try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw PlantoolError(message: "cannot create \(Selection.display(parent)): \(error.localizedDescription)")
            }
            let staging = parent.appendingPathComponent(".\(target.lastPathComponent).plantool-import-\(UUID().uuidString)")
            defer { try? manager.removeItem(at: staging) }
            let stagedRecommendations = staging.appendingPathComponent(PlanDirectory.recommendationsFolder)
            // A file that already exists keeps its bytes when its content is the same, and its
            // modeline and directives when it changes.
            func existing(_ relative: String) -> [UInt8]? {
                guard case .success(let bytes) = PlanDirectory.read(target.appendingPathComponent(relative)) else { return nil }
                return bytes
            }
            do {
                try manager.createDirectory(at: stagedRecommendations, withIntermediateDirectories: true)
                let planText = ImportWriter.text(for: plan.info, existing: existing(PlanDirectory.planFileName))
                    ?? String(decoding: existing(PlanDirectory.planFileName) ?? [], as: UTF8.self)
                try FileWriter.writeAtomically(planText, to: staging.appendingPathComponent(PlanDirectory.planFileName))
                for rec in plan.recommendations {
                    let name = Recommendation.fileName(for: rec.number)
                    let old = existing(PlanDirectory.recommendationsFolder + "/" + name)
                    let text = ImportWriter.text(for: rec, existing: old) ?? String(decoding: old ?? [], as: UTF8.self)
                    try FileWriter.writeAtomically(text, to: stagedRecommendations.appendingPathComponent(name))
                }
                try copyOthers(from: target.appendingPathComponent(PlanDirectory.recommendationsFolder), to: stagedRecommendations)
                let keep = stagedRecommendations.appendingPathComponent(".gitkeep")
                if plan.recommendations.isEmpty && !manager.fileExists(atPath: keep.path) {
                    try FileWriter.writeAtomically("", to: keep)
                }
            } catch let error as PlanFileError {
                throw PlantoolError(message: error.message)
            } catch {
                throw PlantoolError(message: "cannot write the imported plan beside \(Selection.display(target)): \(error.localizedDescription)")
            }
            let loaded = PlanLoader.load(PlanDirectory.files(of: staging, displayRoot: Selection.display(target)))
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                Output.diagnostics(errors)
                throw PlantoolError(message: "the imported plan does not read back without errors (above): nothing was written", exitCode: 1)
            }

            if !manager.fileExists(atPath: target.path) {
                try writeSchemas(into: staging)
                guard rename(staging.path, target.path) == 0 else {
                    throw PlantoolError(message: "cannot create \(Selection.display(target)): \(String(cString: strerror(errno)))")
                }
                return
            }
            // An existing folder: one that held no plan gets the schemas as a new one does.
            if !PlanDirectory.isPlan(target) && !manager.fileExists(atPath: target.appendingPathComponent(PlanDirectory.recommendationsFolder).path) {
                try writeSchemas(into: target)
            }
            // Swap recommendations/ in, then plan.yaml.
            let recommendations = target.appendingPathComponent(PlanDirectory.recommendationsFolder)
            let old = parent.appendingPathComponent(".\(target.lastPathComponent).plantool-replaced-\(UUID().uuidString)")
            let hadRecommendations = manager.fileExists(atPath: recommendations.path)
            if hadRecommendations, rename(recommendations.path, old.path) != 0 {
                throw PlantoolError(message: "cannot move \(Selection.display(recommendations)) aside: \(String(cString: strerror(errno))); nothing was changed")
            }
            if rename(stagedRecommendations.path, recommendations.path) != 0 {
                let reason = String(cString: strerror(errno))
                if hadRecommendations { _ = rename(old.path, recommendations.path) }
                throw PlantoolError(message: "cannot put the new recommendations/ in place: \(reason); nothing was changed")
            }
            if !keepPlanFile {
                let planFile = target.appendingPathComponent(PlanDirectory.planFileName)
                if rename(staging.appendingPathComponent(PlanDirectory.planFileName).path, planFile.path) != 0 {
                    throw PlantoolError(message: "cannot replace \(Selection.display(planFile)): \(String(cString: strerror(errno)))")
                }
            }
            if hadRecommendations { try? manager.removeItem(at: old) }
        }

        /// The schemas the files' modelines point to, as `plantool init` writes them; a schema
        /// file that differs is left as it is.
        private func writeSchemas(into plan: URL) throws {
            let folder = plan.appendingPathComponent("schema")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for (name, contents) in SchemaFiles.all {
                    let url = folder.appendingPathComponent(name)
                    if FileManager.default.fileExists(atPath: url.path) { continue }
                    try FileWriter.writeAtomically(contents + "\n", to: url)
                }
            } catch let error as PlanFileError {
                throw PlantoolError(message: error.message)
            } catch {
                throw PlantoolError(message: "cannot write \(Selection.display(folder)): \(error.localizedDescription)")
            }
        }
    }
}
