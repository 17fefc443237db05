import PlanKit

/// A problem of the tool's own (a missing folder, a file it cannot write, a refused draft
/// finish), as opposed to findings in a plan. The command line prints it as
/// `plantool: error: MESSAGE`, after `diagnostics` (the findings that explain it, if any), and
/// exits with `exitCode`.
public struct WorkflowError: Error {
    public var message: String
    public var exitCode: Int32
    /// Findings to show before the message (a plan that has errors, say), already sorted out
    /// for display; empty for most errors.
    public var diagnostics: [Diagnostic]

    public init(message: String, exitCode: Int32 = 2, diagnostics: [Diagnostic] = []) {
        self.message = message
        self.exitCode = exitCode
        self.diagnostics = diagnostics
    }

    /// Files that could not be read leave a comparison incomplete: exit 2 after showing the
    /// rest (a file that does not parse is a change shown, not an error).
    public static func incomplete(_ count: Int) -> WorkflowError {
        WorkflowError(message: "\(count == 1 ? "1 file" : "\(count) files") could not be read, so the comparison above lacks their changes (a missing object means a damaged repository: `git fsck` names it)")
    }
}

extension LoadedPlan {
    /// The plan, or an error holding its errors and `message(errorCount)`: for the workflows
    /// that need the whole model (export, status).
    public func modelOrErrors(_ message: (Int) -> String) throws -> Plan {
        if let plan { return plan }
        let errors = diagnostics.filter { $0.severity == .error }
        throw WorkflowError(message: message(errors.count), exitCode: 1, diagnostics: Selection.shortened(errors))
    }
}
