import Foundation
import PlanGit
import PlanKit

/// `diff --format docx`: who made the changes between A and B, and when. Each recommendation
/// file's changes are the latest commit's (from B back to the merge base of A and B, on the
/// first-parent line) that touched that file; `plan.yaml`'s likewise. Anything else, and a
/// side that is not a commit (the working tree, the index), is the user's own, undated.
public enum RedlineAuthorship {
    /// The stamps for the plan named (or the one B holds).
    public static func stamps(plan: String?, old: PlanSource?, new: PlanSource) throws -> RedlineStamps {
        let git = try GitSelection.open(readingOnly: true)
        let repository = git.repository
        guard case .revision(let b) = new else {
            let you = try? Identity.resolve(.author, repository: repository)
            return RedlineStamps(fallback: RevisionStamp(author: you?.name ?? "plantool", date: nil))
        }
        let end = try repository.commit(b)
        var stop: ObjectID?
        if case .revision(let a) = old { stop = try repository.mergeBase(try repository.commit(a).id, end.id) }
        let folder = try git.plans(named: plan, in: new).first ?? ""
        let prefix = folder.isEmpty ? "" : folder + "/"
        let recommendations = prefix + PlanDirectory.recommendationsFolder + "/", planFile = prefix + PlanDirectory.planFileName
        var stamps = RedlineStamps(fallback: stamp(end.author))
        for id in try repository.firstParentHistory(from: end.id) {
            if id == stop { break }
            let commit = try repository.commitInfo(id)
            let paths = try commit.parents.first.map { try repository.changedPaths(from: $0, to: id) }
                ?? Set(try repository.allPaths(ofTree: commit.tree))
            for path in paths {
                if path == planFile, stamps.plan == nil { stamps.plan = stamp(commit.author) }
                guard path.hasPrefix(recommendations),
                      let number = PlanLoader.number(fromFileName: String(path.dropFirst(recommendations.count))),
                      stamps.recommendations[number] == nil else { continue }
                stamps.recommendations[number] = stamp(commit.author)
            }
        }
        return stamps
    }

    /// The author's name and the commit's author date in UTC, as Word dates a revision.
    static func stamp(_ person: Person) -> RevisionStamp {
        let date = Date(timeIntervalSince1970: TimeInterval(person.time))
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime]
        format.timeZone = TimeZone(identifier: "UTC")
        return RevisionStamp(author: person.name, date: format.string(from: date))
    }
}
