import Foundation
import PlanKit

/// `export`: the one plan named (or around the current folder) as the working tree, the index
/// or a revision holds it, in one of `PlanExporters`' formats, written to a file in one step.
public struct PlanExport {
    /// The plan folder named by `--plan` or the command's argument; nil for the plan around
    /// the current folder.
    public var plan: String?
    public var source: PlanSource

    public init(plan: String?, source: PlanSource) {
        self.plan = plan
        self.source = source
    }

    /// The format when `--format` is not given: the one `-o`'s extension chooses, else Markdown.
    public static func format(forOutput output: String?) -> any PlanExporter.Type {
        guard let output, output != "-" else { return MarkdownExport.self }
        return PlanExporters.forExtension(URL(fileURLWithPath: output).pathExtension) ?? MarkdownExport.self
    }

    /// The plan's model; an error listing its errors (exit 1) when it has any.
    public func loadPlan() throws -> Plan {
        let files: PlanFiles
        if source == .workingTree {
            let selection = try Selection.resolve(plan: plan, paths: [], allowAll: true)
            guard selection.plans.count == 1 else {
                let names = selection.plans.map(Selection.display).joined(separator: ", ")
                throw WorkflowError(message: "found \(selection.plans.count) plans (\(names)): name one with --plan DIR")
            }
            files = PlanDirectory.files(of: selection.plans[0], displayRoot: Selection.display(selection.plans[0]))
        } else {
            let git = try GitSelection.open(readingOnly: true)
            let plans = try git.plans(named: plan, in: source)
            guard plans.count == 1 else {
                throw WorkflowError(message: "\(source) holds \(plans.count) plans (\(plans.joined(separator: ", "))): name one with --plan DIR")
            }
            files = try git.files(of: plans[0], from: source)
        }
        return try PlanLoader.load(files).modelOrErrors { count in
            "the plan has \(Wording.count(count, "error")): fix \(count == 1 ? "it" : "them") (see plantool check) before exporting; nothing was written"
        }
    }

    /// The plan's bytes in the format.
    public static func bytes(of plan: Plan, as format: any PlanExporter.Type) throws -> [UInt8] {
        do {
            return try format.export(plan)
        } catch {
            let what = ObjectIdentifier(format) == ObjectIdentifier(DocxWriter.self) ? "the Word document" : "the \(format.formatName) export"
            throw WorkflowError(message: "cannot build \(what): \(error)")
        }
    }

    /// Writes the bytes to `output` (relative to the current folder) in one step; a folder is
    /// refused with a file name to use instead.
    public static func write(_ bytes: [UInt8], as format: any PlanExporter.Type, to output: String) throws {
        let url = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WorkflowError(message: "\(output) is a folder: give a file name, such as \(output)/plan.\(format.fileExtensions[0])")
        }
        do {
            try FileWriter.writeAtomically(Data(bytes), to: url)
        } catch let error as PlanFileError {
            throw WorkflowError(message: error.message)
        }
    }
}
