import ArgumentParser
import PlanWorkflow

extension Plantool.HookCommand {
    struct HookInstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install the pre-commit hook (again, to refresh it)."
        )

        func run() throws {
            let git = try GitSelection.open()
            let hook = try git.run("find the hooks folder") { try PreCommitHook(repository: git.repository) }
            Output.line(try hook.install())
        }
    }
}
