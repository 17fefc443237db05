import PlanKit

/// An owner's form: the open actions of one owner, a row each, for them to fill in with their
/// progress. `FormDocx` and `FormCSV` write it; `FilledForm` reads it back.
public struct OwnerForm: Sendable {
    /// The header cells, exactly as the form writes them and as a filled form must still have them.
    public static let headers = ["Action", "Action text", "Current target", "Current state",
                                 "Progress update", "New state", "New target date"]

    /// The names of the document's custom properties (`docProps/custom.xml`).
    enum Property {
        static let form = "plantool.form"
        static let plan = "plantool.plan"
        static let identity = "plantool.plan-identity"
        static let commit = "plantool.commit"
        static let owner = "plantool.owner"
        static let actions = "plantool.actions"
    }

    /// The owner the form is for, as the plan names them (or as `--owner` gave them, when it
    /// matched several spellings).
    public var owner: String
    /// The plan's folder in the repository ("" at its top), its title and `ICSExport.planIdentity`.
    public var planFolder: String
    public var planTitle: String
    public var planIdentity: String
    /// The commit the form was made from, in full.
    public var commit: String
    /// The recommendations with open actions of the owner, each with those actions.
    public var groups: [(recommendation: Recommendation, actions: [Action])]

    public var actionIDs: [String] { groups.flatMap { $0.actions.map(\.id) } }

    /// The cells of an action's row before the owner fills it in.
    static func cells(of action: Action) -> [String] {
        [action.id, action.text, action.currentTarget.map(DateWords.words) ?? "", action.currentState.words, "", "", ""]
    }

    /// The open actions of `plan` that `belongs` keeps, grouped by recommendation; with `dueBy`,
    /// only those whose current target ends by then (overdue ones included, those without a
    /// target left out).
    static func openActions(of plan: Plan, dueBy: Day?, _ belongs: (Action) -> Bool) -> [(recommendation: Recommendation, actions: [Action])] {
        plan.recommendations.compactMap { recommendation in
            let actions = recommendation.actions.filter { action in
                guard action.currentState.isOpen, belongs(action) else { return false }
                guard let dueBy else { return true }
                return action.currentTarget.map { $0.lastDay <= dueBy } ?? false
            }
            return actions.isEmpty ? nil : (recommendation, actions)
        }
    }

    /// A file name for an owner's form: their words in lower case joined by hyphens.
    static func fileStem(for owner: String) -> String {
        let words = owner.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let stem = words.joined(separator: "-")
        return stem.isEmpty ? "owner" : String(stem.prefix(80))
    }
}
