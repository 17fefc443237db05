import ArgumentParser
import Foundation
import PlanKit
import PlanWorkflow

extension Plantool {
    struct FmtCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fmt",
            abstract: "Rewrite plan files in the canonical layout.",
            discussion: """
                Fixed key order, two-space indentation, long text folded at 80 columns, quotes where \
                other YAML readers would misread a value. Formatting never changes what a file says: \
                a file that does not read back the same is left alone. Files with errors (a comment \
                other than a '# plantool:' directive is one) are refused with the errors. With --check, \
                nothing is written: the files that would change are listed and the exit status is 1.
                """
        )

        @OptionGroup var planOption: PlanOption

        @Flag(help: "Write nothing; list the files that are not canonical and exit 1 if there are any.")
        var check = false

        @Argument(help: ArgumentHelp("Plan folders, folders holding plans, or single plan files.", valueName: "path"))
        var paths: [String] = []

        func run() throws {
            let selection = try Selection.resolve(plan: planOption.plan, paths: paths, allowAll: true)
            var targets: [URL] = selection.files
            let namedFiles = Set(selection.files)
            for plan in selection.plans {
                let files = PlanDirectory.files(of: plan, displayRoot: "")
                if files.planFile != nil { targets.append(plan.appendingPathComponent(PlanDirectory.planFileName)) }
                targets += files.recommendationFiles.map { plan.appendingPathComponent($0.path) }
            }

            var refused: [Diagnostic] = []
            var changed = 0
            for url in targets {
                let path = Selection.display(url)
                let bytes: [UInt8]
                switch namedFiles.contains(url) ? SingleFilePlan.read(url) : PlanDirectory.read(url) {
                case .success(let b): bytes = b
                case .failure(let error):
                    refused.append(Diagnostic(path: path, location: nil, severity: .error, rule: error.rule.id, message: error.message))
                    continue
                }
                switch PlanFormatter.format(bytes, path: path, kind: PlanFileKind(fileName: url.lastPathComponent)) {
                case .unchanged:
                    continue
                case .refused(let diagnostics):
                    refused += diagnostics
                case .changed(let text):
                    changed += 1
                    if check {
                        Output.line("would reformat \(path)")
                    } else {
                        do {
                            try FileWriter.writeAtomically(text, to: url)
                            Output.line("formatted \(path)")
                        } catch let error as PlanFileError {
                            refused.append(Diagnostic(path: path, location: nil, severity: .error, rule: "write-failed", message: error.message))
                        }
                    }
                }
            }
            Output.diagnostics(refused)
            let verb = check ? "would reformat" : "reformatted"
            Output.standardError("\(Wording.count(targets.count, "file")): \(verb) \(changed), refused \(Set(refused.map(\.path)).count)")
            if !refused.isEmpty || (check && changed > 0) { throw ExitCode.failure }
        }
    }
}
