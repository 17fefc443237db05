import Foundation
import PlanKit

/// `export --format ics`: the calendar of targets, with the owners the register gives an e-mail
/// address invited to their actions' events, and `--owner` keeping one owner's actions.
public enum TargetCalendar {
    /// The calendar of the plan `export` loaded.
    /// An `--owner` that matches no open action is refused, as `form export` refuses it: an
    /// empty calendar would only hide the misspelt name.
    public static func bytes(of plan: Plan, loadedBy export: PlanExport, owner: String?) throws -> [UInt8] {
        if let owner, !plan.recommendations.flatMap(\.actions).contains(where: { $0.currentState.isOpen && ICSExport.owns($0, owner) }) {
            throw WorkflowError(message: "no open actions have an owner whose name contains \"\(owner)\"; nothing was written", exitCode: 1)
        }
        return Array(ICSExport.render(plan, owner: owner, addresses: try addresses(for: export)).utf8)
    }

    /// The register's addresses, read from `.plantool.yaml` where the plan is read from (the
    /// working tree, the index or the revision); an invalid configuration is refused, as lint does.
    static func addresses(for export: PlanExport) throws -> ICSExport.Addresses {
        let configuration: LintConfiguration?
        let problems: [Diagnostic]
        if export.source == .workingTree {
            guard let folder = try Selection.resolve(plan: export.plan, paths: [], allowAll: true).plans.first else { return [:] }
            (configuration, problems) = LintTargets.configuration(forPlan: folder)
        } else {
            let git = try GitSelection.open(readingOnly: true)
            guard let folder = try git.plans(named: export.plan, in: export.source).first else { return [:] }
            (configuration, problems) = LintTargets.configuration(forRelativePlan: folder, git: git, source: export.source)
        }
        guard let configuration else {
            let list = problems.map { "  \($0.path): \($0.message)" }.joined(separator: "\n")
            throw WorkflowError(message: "the configuration is not valid, so the owners register cannot be read; nothing was written:\n\(list)")
        }
        return configuration.ownerEmails
    }
}
