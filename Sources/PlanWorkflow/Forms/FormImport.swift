import Foundation
import PlanGit
import PlanKit

/// `form import`: a filled owner's form recorded as updates on a draft branch, one commit that
/// names the owner. Everything is checked before a branch moves: the form (`FormCheck`), the
/// identity to commit with, a clean working tree. The edit itself goes through `PlanEditor`
/// (written as `fmt` writes, refused when it would not lint); when it or the commit fails, the
/// files, HEAD and the branches are put back as they were.
public struct FormImport {
    /// FORM as the command line gave it.
    public var file: String
    public var plan: String?
    /// The draft's name (`--draft`), else `forms-YYYY-MM` for `today`.
    public var draft: String?
    public var force: Bool
    public var today: Day

    public init(file: String, plan: String?, draft: String?, force: Bool, today: Day) {
        self.file = file
        self.plan = plan
        self.draft = draft
        self.force = force
        self.today = today
    }

    public struct Result {
        public var owner: String
        public var actions: [String]
        public var day: Day
        /// The draft's name, and whether this import started it (from `base`).
        public var draft: String
        public var started: Bool
        public var base: String
        public var commit: Committer.Result
    }

    public var draftName: String { draft ?? "forms-" + today.description.prefix(7) }

    public func run() throws -> Result {
        let url = FormExport.url(file)
        let data = try ImportJob(file: file, source: url, target: nil, replace: false, dryRun: true).readInput()
        let form = try FilledForm.read(data, csv: url.pathExtension.lowercased() == "csv")
        try Drafts.validate(draftName)
        let git = try GitSelection.open()
        let repository = git.repository
        let drafts = Drafts(git: git)
        try drafts.refuseIfDirty(doing: "import the form")
        return try git.run("import the form") {
            guard let head = try repository.headCommit(), let current = try repository.currentBranch() else {
                throw WorkflowError(message: "cannot import the form: \(repository.isHeadUnborn ? "the repository has no commits yet" : "HEAD is detached; switch to a branch first"). Nothing was committed")
            }
            let folder = try plan.map { try git.singlePlan(named: $0) } ?? Self.recordedFolder(form) ?? git.singlePlan(named: nil)
            let branchName = Drafts.prefix + draftName
            let existing = try repository.branch(branchName)
            let base = try load(folder, at: existing?.tip ?? head.id, git)
            if let identity = form.properties[OwnerForm.Property.identity], identity != ICSExport.planIdentity(base.info) {
                throw WorkflowError(message: "the form was made for another plan than \(folder.isEmpty ? "the plan" : folder) (\"\(base.info.title)\"); nothing was committed")
            }
            let made = try form.properties[OwnerForm.Property.commit].map { commit in
                guard let id = ObjectID(hex: commit), (try? repository.commitInfo(id)) != nil else {
                    throw WorkflowError(message: "the form was made from commit \(commit.prefix(12)), which this repository does not have; nothing was committed")
                }
                return try load(folder, at: id, git)
            }
            let updates = try FormCheck(form: form, made: made, base: base, force: force).updates(on: form.saved ?? today)
            // One line, whatever the document says: it goes into the commit's subject.
            let owner = UnsafeCharacters.neutralised(form.properties[OwnerForm.Property.owner] ?? Self.owner(of: updates.map(\.actionID), in: base),
                                                     keepingLineBreaks: false)
            do {
                _ = try Identity.resolve(.author, repository: repository, override: nil)
                _ = try Identity.resolve(.committer, repository: repository, override: nil)
            } catch let error as GitError {
                throw WorkflowError(message: "\(error.message); nothing was committed")
            }
            try git.refuseIfLocked()

            // Onto the draft: switch to it, or start it here.
            var started = false
            if current != branchName {
                if let existing {
                    try drafts.switchTo(existing)
                } else {
                    try repository.createBranch(branchName, at: head.id)
                    started = true
                    try repository.setHead(toBranch: branchName)
                    try repository.setConfig(Drafts.baseKey(branchName), current.hasPrefix(Drafts.prefix) ? try drafts.base(of: current) : current)
                }
            }
            func putBack() {
                guard current != branchName else { return }
                try? repository.checkout(commit: head.id)
                try? repository.setHead(toBranch: current)
                if started { try? repository.deleteBranch(branchName) }
            }
            do {
                let editor = try PlanEditor(folder: git.top.appendingPathComponent(folder), asOf: today)
                let edit = try editor.edit { plan in for update in updates { try plan.apply(update) } }
                try editor.write(edit)
                let ids = updates.map(\.actionID)
                let message = "Progress from \(owner): \(ids.count == 1 ? "action" : "actions") \(ids.joined(separator: ", ")) (form of \(DateWords.words(form.saved ?? today)))"
                do {
                    // Only the recommendation files take the updates: a form saved in the plan's folder stays out.
                    let scope = folder.isEmpty ? PlanDirectory.recommendationsFolder : folder + "/" + PlanDirectory.recommendationsFolder
                    let commit = try Committer(git: git).commit(folder: scope, message: message, author: nil)
                    return Result(owner: owner, actions: ids, day: form.saved ?? today, draft: draftName, started: started, base: current, commit: commit)
                } catch {
                    for change in edit.files { try? FileWriter.writeAtomically(Data(change.old), to: editor.folder.appendingPathComponent(change.path)) }
                    throw error
                }
            } catch {
                putBack()
                throw error
            }
        }
    }

    /// The plan folder a Word form records, relative to the top of the repository; one that
    /// would lead outside it is refused.
    static func recordedFolder(_ form: FilledForm) throws -> String? {
        guard let folder = form.properties[OwnerForm.Property.plan] else { return nil }
        if folder.hasPrefix("/") || folder.split(separator: "/").contains("..") || folder.contains("\\") {
            throw WorkflowError(message: "the form names the plan folder \"\(UnsafeCharacters.neutralised(folder, keepingLineBreaks: false))\", which is not inside the repository; name the plan with --plan DIR. Nothing was committed")
        }
        return folder
    }

    /// The plan in `folder` as a commit holds it; a plan with errors there is refused.
    func load(_ folder: String, at commit: ObjectID, _ git: GitSelection) throws -> Plan {
        try PlanLoader.load(try git.files(of: folder, from: .revision(commit.description))).modelOrErrors { count in
            "the plan at \(commit.short) has \(Wording.count(count, "error")); nothing was committed"
        }
    }

    /// For a form that does not say whose it is (a CSV): the owner all its actions share, else all their owners.
    static func owner(of ids: [String], in plan: Plan) -> String {
        let actions = plan.recommendations.flatMap(\.actions).filter { ids.contains($0.id) }
        let shared = actions.dropFirst().reduce(Set(actions.first?.currentOwners ?? [])) { $0.intersection($1.currentOwners) }
        if let one = actions.first?.currentOwners.first(where: shared.contains) { return one }
        var all: [String] = []
        for name in actions.flatMap(\.currentOwners) where !all.contains(name) { all.append(name) }
        return all.isEmpty ? "the owners" : all.joined(separator: "; ")
    }
}
