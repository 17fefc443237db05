import Foundation
import PlanGit

/// The pre-commit hook plantool installs: `plantool lint --staged`, after any hook that was
/// there before (kept beside it and run first, never overwritten).
public struct PreCommitHook {
    public static let marker = "# plantool pre-commit hook"
    public static let chainedName = "pre-commit.plantool-chained"

    public let directory: URL
    public var hook: URL { directory.appendingPathComponent("pre-commit") }
    public var chained: URL { directory.appendingPathComponent(Self.chainedName) }

    /// Whether core.hooksPath names an absolute folder from outside the repository's own
    /// configuration: the folder then serves every repository of the user (or the machine).
    public let isShared: Bool

    public init(repository: Repository) throws {
        directory = URL(fileURLWithPath: try repository.hooksDirectory())
        isShared = try repository.hooksPathIsShared()
    }

    /// The running plantool's own path, for the hook to call.
    public static var executablePath: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }

    public static func script(plantool: String) -> String {
        """
        #!/bin/sh
        \(marker): lints the staged plan before each commit.
        # Installed by `plantool hook install`; `plantool hook uninstall` removes it. A hook that was
        # here before is kept as \(chainedName) and runs first.
        hook_dir=$(dirname "$0")
        if [ -x "$hook_dir/\(chainedName)" ]; then
          "$hook_dir/\(chainedName)" "$@" || exit $?
        fi
        plantool='\(plantool.replacingOccurrences(of: "'", with: "'\\''"))'
        [ -x "$plantool" ] || plantool=plantool
        # A commit whose index holds no plan has nothing to lint: let it through (a hooks folder
        # shared by several repositories runs this hook in all of them).
        if \(Self.holdsPlan); then
          exec "$plantool" lint --staged
        fi

        """
    }

    /// A shell condition: the index holds a plan (a plan.yaml outside hidden folders, as
    /// plantool finds plans).
    public static let holdsPlan = #"git ls-files --full-name -- ':(top,glob)**/plan.yaml' | grep -qvE '(^|/)\.'"#

    /// What to add by hand to a hook that plantool does not install.
    public static let invocation = "if \(holdsPlan); then plantool lint --staged || exit 1; fi"

    public func isOurs(_ url: URL) -> Bool {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return false }
        return text.contains(Self.marker)
    }

    public func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }

    /// Installs (or refreshes) the hook; returns what was done. Refuses a hooks folder that
    /// core.hooksPath names from the user's or the system's configuration: every repository
    /// using it would run the hook.
    public func install() throws -> String {
        if isShared {
            throw WorkflowError(message: """
                core.hooksPath is set in your global or system git configuration: \(directory.path) holds \
                the hooks of every repository that does not set its own, so plantool did not install \
                its hook there. Either give this repository its own hooks folder (git then runs none \
                of the shared hooks here):
                  git config core.hooksPath .git/hooks && plantool hook install
                or add this line to \(hook.path) yourself (commits of repositories without a plan go through):
                  \(Self.invocation)
                """)
        }
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        var kept = ""
        if exists(hook) && !isOurs(hook) {
            if exists(chained) {
                throw WorkflowError(message: "\(hook.path) is not plantool's and \(chained.path) already exists; nothing was changed. Merge them by hand")
            }
            try manager.moveItem(at: hook, to: chained)
            kept = "; the existing hook is kept as \(Self.chainedName) and runs first"
        }
        let script = Self.script(plantool: Self.executablePath)
        let temporary = directory.appendingPathComponent(".pre-commit.plantool-\(UUID().uuidString)")
        guard manager.createFile(atPath: temporary.path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755]) else {
            throw WorkflowError(message: "cannot write the hook in \(directory.path)")
        }
        if rename(temporary.path, hook.path) != 0 {
            try? manager.removeItem(at: temporary)
            throw WorkflowError(message: "cannot install the hook at \(hook.path): \(String(cString: strerror(errno)))")
        }
        return "installed the pre-commit hook at \(hook.path)\(kept)"
    }

    /// Removes plantool's hook and puts back the one it chained.
    public func uninstall() throws -> String {
        let manager = FileManager.default
        guard exists(hook) else { return "no pre-commit hook at \(hook.path); nothing to do" }
        guard isOurs(hook) else {
            throw WorkflowError(message: "\(hook.path) is not plantool's hook; it was left alone")
        }
        try manager.removeItem(at: hook)
        if exists(chained) {
            try manager.moveItem(at: chained, to: hook)
            return "removed plantool's pre-commit hook; restored the previous hook"
        }
        return "removed plantool's pre-commit hook"
    }
}
