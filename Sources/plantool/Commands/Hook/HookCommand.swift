import ArgumentParser
import PlanWorkflow

extension Plantool {
    struct HookCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook",
            abstract: "Install or remove the git pre-commit hook that runs `plantool lint --staged`.",
            discussion: """
                The hook goes where git looks for hooks: core.hooksPath when set, else the repository's \
                hooks folder (shared by linked worktrees). A hook already there is kept, renamed \
                pre-commit.plantool-chained, and run first; uninstall puts it back. A core.hooksPath \
                from your global or system git configuration serves every repository, so install \
                refuses it and says how to do it by hand. The hook lets through commits whose index \
                holds no plan.
                """,
            subcommands: [HookInstall.self, HookUninstall.self]
        )
    }
}
