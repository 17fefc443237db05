import PlanKit
import Rainbow

/// How diff and log colour a change on a terminal.
enum DiffStyle {
    /// Slips in red, completions in green, additions and removals coloured as git does.
    static func colour(_ text: String, _ change: Change) -> String {
        if change.isSlip || change.kind == .unreadable { return text.red }
        if change.completes { return text.green }
        switch DiffRenderer.marker(change) {
        case "+": return text.green
        case "-": return text.red
        default: return text
        }
    }
}
