import ArgumentParser
import PlanWorkflow

extension Plantool.HookCommand {
    struct HookUninstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uninstall",
            abstract: "Remove plantool's pre-commit hook and restore the one it chained."
        )

        func run() throws {
            let git = try GitSelection.open()
            let hook = try git.run("find the hooks folder") { try PreCommitHook(repository: git.repository) }
            Output.line(try hook.uninstall())
        }
    }
}
