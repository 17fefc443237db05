import ArgumentParser
import Foundation
import PlanKit
import PlanWorkflow

/// The flags every editing command shares, and the one way they run an edit: made and checked
/// by `PlanEditor`, shown as `diff` shows changes, then written (and committed with -m) unless
/// --dry-run.
struct EditOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The plan folder to edit (the folder holding plan.yaml).", valueName: "dir"))
    var plan: String?

    @Flag(name: .customLong("dry-run"), help: "Show the change as `plantool diff` would, and write nothing.")
    var dryRun = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Commit the change at once with this message, as `plantool commit -m` does.", valueName: "message"))
    var message: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day lint judges overdue actions and future updates on (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    func validate() throws {
        if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'") }
        if let message, message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the commit message (-m) is empty") }
        if dryRun && message != nil { throw ValidationError("--dry-run writes nothing, so there is nothing to commit with -m") }
    }

    var day: Day { asOf.flatMap { Day($0) } ?? Day.today() }

    func editor() throws -> PlanEditor {
        try PlanEditor(plan: plan, asOf: day)
    }

    /// Makes `change`, then shows, writes and commits it as the flags say. `registers` gives
    /// the files outside the plan's model the change also rewrites (owners registers).
    func run(_ editor: PlanEditor, _ change: (inout Plan) throws -> Void,
             registers: [OwnerRegister.Rewrite] = []) throws {
        let edit = try editor.edit(registers: registers, change)
        // Checked before the change is shown, so a refused -m shows no change as if made.
        var commit = try message.map { _ in try EditCommit(folder: editor.folder) }
        Output.line(DiffRenderer.text(edit.changes, labels: PlanEdit.labels, style: Output.colours ? DiffStyle.colour : { text, _ in text }))
        let registerPaths = registers.map { Selection.display($0.url) }
        if dryRun {
            for path in registerPaths { Output.line("would rename the owner in the owners register \(path)") }
            Output.humanDiagnostics(edit.warnings)
            Output.standardError("dry run: nothing was written")
            return
        }
        for register in registers {
            guard case .success(let now) = PlanDirectory.read(register.url), now == register.old else {
                throw WorkflowError(message: "\(Selection.display(register.url)) changed while the edit was made; nothing was written")
            }
            commit?.include(register.url)
        }
        try editor.write(edit)
        for (register, path) in zip(registers, registerPaths) {
            do {
                try FileWriter.writeAtomically(Data(register.new), to: register.url)
            } catch let error as PlanFileError {
                throw WorkflowError(message: "the plan was edited, but \(path) could not be written: \(error.message)")
            }
        }
        Output.humanDiagnostics(edit.warnings)
        Output.standardError("wrote " + (edit.files.map(\.displayPath) + registerPaths).joined(separator: ", "))
        if let commit, let message {
            let result = try commit.commit(message: message)
            Output.line(UnsafeCharacters.neutralised("[\(result.branch) \(result.id.short)] \(result.summary)", keepingLineBreaks: false))
        }
    }
}

/// Words for the values editing commands take.
enum EditWords {
    static func state(_ text: String) throws -> ActionState {
        if let state = ActionState(rawValue: text) ?? ActionState(words: text) { return state }
        throw WorkflowError(message: "'\(text)' is not a state; use one of: \(ActionState.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    static func status(_ text: String) throws -> Status {
        let lowered = text.lowercased()
        if let status = Status(rawValue: lowered) ?? Status.allCases.first(where: { $0.title.lowercased() == lowered }) { return status }
        throw WorkflowError(message: "'\(text)' is not a status; use one of: \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    static func category(_ text: String) throws -> ReasonCategory {
        if let category = ReasonCategory(rawValue: text.lowercased()) { return category }
        throw WorkflowError(message: "'\(text)' is not a reason category; use one of: \(ReasonCategory.allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
