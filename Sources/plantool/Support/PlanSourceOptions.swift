import ArgumentParser
import PlanKit
import PlanWorkflow

/// The words of `--staged` and `--rev` that differ from one command to the next.
protocol PlanSourceWording {
    /// What the command does: "check", "lint".
    static var verb: String { get }
    static var stagedHelp: String { get }
    static var revHelp: String { get }
}

/// `--staged` and `--rev REV`: the plan as the index or a revision holds it, instead of the
/// working tree.
struct PlanSourceOptions<Wording: PlanSourceWording>: ParsableArguments {
    @Flag(help: ArgumentHelp(Wording.stagedHelp))
    var staged = false

    @Option(help: ArgumentHelp(Wording.revHelp, valueName: "rev"))
    var rev: String?

    var source: PlanSource { staged ? .index : rev.map { .revision($0) } ?? .workingTree }

    /// Called first from the command's own `validate()`: paths name files on disk, which the
    /// index and a revision do not have.
    func validate(paths: [String]) throws {
        if staged && rev != nil { throw ValidationError("--staged and --rev cannot be used together") }
        if (staged || rev != nil) && !paths.isEmpty {
            throw ValidationError("--staged and --rev \(Wording.verb) whole plans: name one with --plan DIR instead of a path")
        }
    }
}
