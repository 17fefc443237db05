import ArgumentParser
import Foundation
import PlanKit
import PlanWorkflow

extension Plantool {
    struct TextconvCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "textconv",
            abstract: "Print a plan file as readable text, for git's diff.plantool.textconv.",
            discussion: """
                With `*.yaml diff=plantool` in .gitattributes and `git config diff.plantool.textconv \
                "plantool textconv"`, `git diff` and `git log -p` compare plan files as prose: current \
                targets, states and owners first. A file that does not parse is printed as it is, so git \
                still shows its lines (control characters shown by stand-ins). Give --kind when git passes a temporary file name.
                """
        )

        @Argument(help: "The file (git passes a temporary copy of the blob).")
        var file: String

        @Option(help: ArgumentHelp("Read the file as a plan file or a recommendation (default: by its name).", valueName: "plan|recommendation"))
        var kind: String?

        func run() throws {
            let url = URL(fileURLWithPath: file)
            let bytes: [UInt8]
            switch PlanDirectory.read(url) {
            case .success(let b): bytes = b
            case .failure(let error): throw WorkflowError(message: "\(file): \(error.message)")
            }
            var name = url.lastPathComponent
            if kind == "plan" { name = PlanDirectory.planFileName } else if kind == "recommendation" { name = "01.yaml" }
            else if name.hasSuffix(PlanDirectory.planFileName) {
                // git's temporary copies are named like XXXXXX_plan.yaml.
                name = PlanDirectory.planFileName
            } else if !name.hasSuffix(".yaml") {
                // git's temporary copies keep no useful name: a plan file has `format:`.
                name = bytes.starts(with: Array("format:".utf8)) || String(decoding: bytes.prefix(400), as: UTF8.self).contains("\nformat:")
                    ? PlanDirectory.planFileName : "01.yaml"
            }
            if let text = Textconv.render(bytes, fileName: name) {
                Output.write(text)
            } else {
                Output.write(Textconv.shownAsItIs(bytes))
            }
        }
    }
}
