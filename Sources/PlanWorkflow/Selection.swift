import Foundation
import PlanKit

/// What a command works on: whole plans, and single files named on the command line.
public struct Selection {
    public var plans: [URL] = []
    public var files: [URL] = []

    /// Resolves `--plan`, paths given on the command line, or else the plan around the current
    /// folder, or else every plan in the repository (or below the current folder).
    public static func resolve(plan: String?, paths: [String], allowAll: Bool) throws -> Selection {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var selection = Selection()
        if let plan {
            let url = URL(fileURLWithPath: plan, relativeTo: cwd).standardizedFileURL
            guard PlanDirectory.isPlan(url) else {
                throw WorkflowError(message: "\(plan): not a plan folder (no plan.yaml there)")
            }
            selection.plans = [url]
        }
        for path in paths {
            let url = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw WorkflowError(message: "\(path): no such file or folder")
            }
            if !isDirectory.boolValue {
                selection.files.append(url)
            } else if PlanDirectory.isPlan(url) {
                selection.plans.append(url)
            } else {
                let found = PlanDirectory.plans(under: url)
                guard !found.isEmpty else {
                    throw WorkflowError(message: "\(path): no plan here (no plan.yaml in it or below it)")
                }
                selection.plans += found
            }
        }
        if plan != nil || !paths.isEmpty { return selection }

        if let enclosing = PlanDirectory.enclosingPlan(of: cwd) {
            selection.plans = [enclosing]
        } else if allowAll {
            let root = PlanDirectory.repositoryRoot(of: cwd) ?? cwd
            selection.plans = PlanDirectory.plans(under: root)
        }
        guard !selection.plans.isEmpty else {
            throw WorkflowError(message: "no plan found: no plan.yaml here, above or below; create one with `plantool init` or name one with --plan DIR")
        }
        return selection
    }

    /// How a path is shown: relative to the current folder (with `..` where needed), as
    /// compilers do, so that editors and terminals can open it; absolute when the two share
    /// nothing but the root.
    public static func display(_ url: URL) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.pathComponents
        let target = url.standardizedFileURL.pathComponents
        var common = 0
        while common < cwd.count, common < target.count, cwd[common] == target[common] { common += 1 }
        guard common > 1 else { return url.standardizedFileURL.path }
        let ups = Array(repeating: "..", count: cwd.count - common)
        let parts = ups + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The diagnostics with their paths shown the shortest way from the current folder
    /// (`../recommendations/01.yaml` seen from inside recommendations/ is `01.yaml`).
    public static func shortened(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var shown: [String: String] = [:]
        return diagnostics.map { diagnostic in
            var copy = diagnostic
            if let known = shown[diagnostic.path] {
                copy.path = known
            } else {
                copy.path = display(URL(fileURLWithPath: diagnostic.path, relativeTo: cwd))
                shown[diagnostic.path] = copy.path
            }
            return copy
        }
    }
}
