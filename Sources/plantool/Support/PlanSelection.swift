import ArgumentParser
import PlanWorkflow

/// `--plan DIR`, shared by the commands that work on plans.
struct PlanOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The plan folder to work on (the folder holding plan.yaml).", valueName: "dir"))
    var plan: String?
}
