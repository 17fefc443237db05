import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool.DraftCommand {
    struct DraftList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the drafts: commits ahead of and behind their base, and their last change."
        )

        func run() throws {
            let git = try GitSelection.open()
            let drafts = Drafts(git: git)
            let repository = git.repository
            try git.run("list the drafts") {
                let all = try drafts.all()
                guard !all.isEmpty else {
                    Output.line("no drafts; start one with `plantool draft start NAME`")
                    return
                }
                let current = try repository.currentBranch()
                let formatter = DateFormatter()
                formatter.dateFormat = "yyyy-MM-dd"
                formatter.timeZone = TimeZone(identifier: "UTC")
                for branch in all {
                    let name = String(branch.name.dropFirst(Drafts.prefix.count))
                    let base = try drafts.base(of: branch.name)
                    let last = try repository.commitInfo(branch.tip)
                    var counts = "base \(base) missing"
                    if let baseBranch = try repository.branch(base) {
                        let (ahead, behind) = try repository.aheadBehind(branch.tip, baseBranch.tip)
                        counts = "\(ahead) ahead, \(behind) behind \(base)"
                    }
                    let date = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(last.committer.time)))
                    let marker = current == branch.name ? "*" : " "
                    // The subject comes from git, unchecked: no control character reaches the terminal raw.
                    Output.line(UnsafeCharacters.neutralised("\(marker) \(name)  \(counts)  \(date) \(last.id.short) \(last.summary)",
                                                             keepingLineBreaks: false))
                }
            }
        }
    }
}
