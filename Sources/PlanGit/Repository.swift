import CLibGit2
import Foundation

/// An open git repository. Owns its libgit2 handle and frees it exactly once; every object read
/// from it is copied out into values, so nothing borrowed outlives a call.
public final class Repository {
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_repository_free(pointer)
    }

    // MARK: Opening

    /// The repository around `directory`, as git finds it: through a `.git` folder or file
    /// (linked worktrees), and, inside a git hook, from `GIT_DIR`, `GIT_WORK_TREE` and
    /// `GIT_INDEX_FILE`. libgit2 1.5 refuses to open from the environment when `GIT_WORK_TREE`
    /// is set, so the environment is applied here instead. `environment` stands in for the
    /// process's variables (tests); nil reads the process's.
    public static func discover(from directory: String, environment: [String: String]? = nil) throws -> Repository {
        Git.ensureInitialised()
        let variable = ProcessEnvironment.reader(environment)
        var handle: OpaquePointer?
        let base = URL(fileURLWithPath: directory)
        if let gitDir = variable("GIT_DIR"), !gitDir.isEmpty {
            let path = URL(fileURLWithPath: gitDir, relativeTo: base).standardizedFileURL.path
            try check(git_repository_open_ext(&handle, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
                      "open the repository at \(gitDir) (GIT_DIR)")
        } else {
            let code = git_repository_open_ext(&handle, base.standardizedFileURL.path, 0, nil)
            if code == GIT_ENOTFOUND.rawValue {
                git_error_clear()
                throw GitError(operation: "find a git repository",
                               message: "\(directory) is not inside a git repository")
            }
            try check(code, "open the git repository around \(directory)")
        }
        guard let handle else { throw GitError(operation: "open a repository", message: "libgit2 returned no repository") }
        let repository = Repository(pointer: handle)
        if let workTree = variable("GIT_WORK_TREE"), !workTree.isEmpty {
            let path = URL(fileURLWithPath: workTree, relativeTo: base).standardizedFileURL.path
            try check(git_repository_set_workdir(handle, path, 0), "use \(workTree) as the working tree (GIT_WORK_TREE)")
        }
        if let indexFile = variable("GIT_INDEX_FILE"), !indexFile.isEmpty {
            let path = URL(fileURLWithPath: indexFile, relativeTo: base).standardizedFileURL.path
            var index: OpaquePointer?
            try check(git_index_open(&index, path), "open the index \(indexFile) (GIT_INDEX_FILE)")
            defer { git_index_free(index) }
            try check(git_repository_set_index(handle, index), "use the index \(indexFile)")
        }
        return repository
    }

    /// Opens the repository at exactly `path` (a working tree or a `.git` folder).
    public static func open(at path: String) throws -> Repository {
        Git.ensureInitialised()
        var handle: OpaquePointer?
        try check(git_repository_open_ext(&handle, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
                  "open the repository at \(path)")
        guard let handle else { throw GitError(operation: "open a repository", message: "libgit2 returned no repository") }
        return Repository(pointer: handle)
    }

    /// Creates a repository whose first branch is `initialBranch` (git's default without
    /// configuration would be `master`).
    public static func create(at path: String, initialBranch: String = "main") throws -> Repository {
        Git.ensureInitialised()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
                  "prepare repository options")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        var handle: OpaquePointer?
        try initialBranch.withCString { head in
            options.initial_head = head
            try check(git_repository_init_ext(&handle, path, &options), "create a git repository in \(path)")
        }
        guard let handle else { throw GitError(operation: "create a repository", message: "libgit2 returned no repository") }
        return Repository(pointer: handle)
    }

    // MARK: Facts

    /// The top of the working tree, with no trailing slash; nil for a bare repository.
    public var workingDirectory: String? {
        guard let path = git_repository_workdir(pointer) else { return nil }
        let text = String(cString: path)
        return text.hasSuffix("/") && text.count > 1 ? String(text.dropLast()) : text
    }

    /// The `.git` folder (for a linked worktree, its own folder under `.git/worktrees`).
    public var gitDirectory: String {
        let text = String(cString: git_repository_path(pointer))
        return text.hasSuffix("/") && text.count > 1 ? String(text.dropLast()) : text
    }

    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// Whether HEAD names a branch that has no commit yet.
    public var isHeadUnborn: Bool { git_repository_head_unborn(pointer) == 1 }

    public var isHeadDetached: Bool { git_repository_head_detached(pointer) == 1 }

    /// The short name of the branch HEAD names (`main`), also when it has no commit yet;
    /// nil when HEAD is detached.
    public func currentBranch() throws -> String? {
        if isHeadDetached { return nil }
        var reference: OpaquePointer?
        try check(git_reference_lookup(&reference, pointer, "HEAD"), "read HEAD")
        defer { git_reference_free(reference) }
        guard let target = git_reference_symbolic_target(reference) else { return nil }
        let name = String(cString: target)
        return name.hasPrefix("refs/heads/") ? String(name.dropFirst("refs/heads/".count)) : name
    }

    /// A path inside the working tree, relative to its top (`examples/plan`); nil when outside.
    public func relativePath(of absolute: String) -> String? {
        guard let top = workingDirectory else { return nil }
        let target = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: top).standardizedFileURL.resolvingSymlinksInPath().path
        if target == root { return "" }
        guard target.hasPrefix(root + "/") else { return nil }
        return String(target.dropFirst(root.count + 1))
    }
}

extension Repository {
    /// The folder shared by all worktrees (where hooks, refs and objects live).
    public var commonDirectory: String {
        let text = String(cString: git_repository_commondir(pointer))
        return text.hasSuffix("/") && text.count > 1 ? String(text.dropLast()) : text
    }

    /// Where git runs hooks from: `core.hooksPath` (relative to the top of the working tree, `~/`
    /// expanded) when set, else the `hooks` folder of the common git folder. libgit2 does not
    /// resolve this itself.
    public func hooksDirectory() throws -> String {
        if let configured = try config("core.hooksPath"), !configured.isEmpty {
            var path = configured
            if path.hasPrefix("~/") {
                path = (ProcessEnvironment.value("HOME") ?? "") + String(path.dropFirst())
            }
            if path.hasPrefix("/") { return path }
            let base = workingDirectory ?? gitDirectory
            return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base + "/")).standardizedFileURL.path
        }
        return commonDirectory + "/hooks"
    }

    /// Whether `core.hooksPath` names one folder that other repositories use too: an absolute
    /// (or `~/`) path set outside the repository's own configuration (the user's ~/.gitconfig,
    /// or the system's). A relative path names a folder inside each repository.
    public func hooksPathIsShared() throws -> Bool {
        let config = try ConfigSnapshot(repository: self)
        guard let path = config.string("core.hooksPath"), path.hasPrefix("/") || path.hasPrefix("~") else { return false }
        return config.isSetByRepository("core.hooksPath") == false
    }
}
