import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanWorkflow

extension Plantool {
    struct MergeDriverCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge-driver",
            abstract: "Merge a plan file for git: plantool merge-driver %O %A %B %P.",
            discussion: """
                A git merge driver. With `plan.yaml merge=plantool` and `recommendations/*.yaml \
                merge=plantool` in .gitattributes and `git config merge.plantool.driver "plantool \
                merge-driver %O %A %B %P"`, git merge and git rebase merge plan files by structure: \
                fields merged one by one, actions matched by id, updates by date, additions on both \
                sides kept (a new action of theirs whose id ours gave to another new action is kept \
                under the next free id, and the driver says so). The result, written canonically into \
                %A with both sides' '# plantool:' directives, exits 0 when clean. When both sides \
                changed a field in different ways (or a group of fields that go together: status, \
                implemented-part and reason; an action's state, target and note), our value is kept, \
                a '# plantool: conflict' comment names the field and both values (plantool lint \
                reports it as merge-conflict), and the exit status is 1, so git stops. A file that is \
                not a plan file is merged as text as git would; a side that cannot be read, or that \
                holds a comment other than the modeline and '# plantool:' directives, is merged as \
                text too, and the driver exits 1 and says why.
                """
        )

        @Argument(help: "The common ancestor's version (git's %O).")
        var base: String

        @Argument(help: "Our version (git's %A); the result is written here.")
        var ours: String

        @Argument(help: "Their version (git's %B).")
        var theirs: String

        @Argument(help: "The file's path in the repository (git's %P).")
        var path: String

        func run() throws {
            let baseBytes = try read(base), ourBytes = try read(ours), theirBytes = try read(theirs)
            guard let kind = PlanFileMerge.kind(ofRepositoryPath: path) else {
                // Not a plan file: what git's own merge would do.
                let merged = try textMerge(baseBytes, ourBytes, theirBytes)
                if !merged.clean {
                    Output.standardError("plantool: \(path): conflict (merged as text: not a plan file)")
                    throw ExitCode(1)
                }
                return
            }
            // git gives an empty ancestor when both sides added the file.
            let ancestor: [UInt8]? = baseBytes.isEmpty ? nil : baseBytes
            switch PlanFileMerge.merge(base: ancestor, ours: ourBytes, theirs: theirBytes, kind: kind, path: path) {
            case .unreadable(let side, let error):
                let reason = error.map { "\($0.location.map { "\($0.line):\($0.column): " } ?? "")\($0.message)" } ?? "it has errors"
                _ = try textMerge(baseBytes, ourBytes, theirBytes)
                Output.standardError("plantool: \(path): conflict: \(side) version cannot be read as a plan file (\(reason)); merged as text, check the file")
                throw ExitCode(1)
            case .refused(let reasons):
                // Merged by structure, the file would lose something a side holds: git's text
                // merge keeps both sides' lines, and git stops so someone looks.
                _ = try textMerge(baseBytes, ourBytes, theirBytes)
                Output.standardError("plantool: \(path): conflict: merged as text, not by structure, so that nothing a side holds is lost; check the file:")
                for reason in reasons { Output.standardError("  " + reason.described()) }
                throw ExitCode(1)
            case .merged(let text, let conflicts, let renumbered):
                try write(Array(text.utf8))
                for move in renumbered {
                    let from = UnsafeCharacters.neutralised(move.from, keepingLineBreaks: false)
                    let to = UnsafeCharacters.neutralised(move.to, keepingLineBreaks: false)
                    Output.standardError("plantool: \(path): both sides added action \(from); theirs is kept as \(to)")
                }
                guard conflicts.isEmpty else {
                    Output.standardError("plantool: \(path): merge conflict; our value is kept and marked with '# plantool: conflict' (plantool lint reports it):")
                    for conflict in conflicts {
                        Output.standardError("  \(conflict.field): ours \(MergeConflict.show(conflict.ours)), theirs \(MergeConflict.show(conflict.theirs))")
                    }
                    throw ExitCode(1)
                }
            }
        }

        /// git's text merge, written into %A.
        private func textMerge(_ base: [UInt8], _ ours: [UInt8], _ theirs: [UInt8]) throws -> FileMerge {
            let merged: FileMerge
            do {
                merged = try FileMerge.merge(ancestor: base, ours: ours, theirs: theirs, path: path)
            } catch let error as GitError {
                throw WorkflowError(message: "\(path): cannot merge as text: \(error.message); \(self.ours) is left as it was", exitCode: 1)
            }
            try write(merged.bytes)
            return merged
        }

        private func read(_ file: String) throws -> [UInt8] {
            switch PlanDirectory.read(URL(fileURLWithPath: file)) {
            case .success(let bytes): return bytes
            case .failure(let error): throw WorkflowError(message: "\(file): \(error.message)", exitCode: 1)
            }
        }

        private func write(_ bytes: [UInt8]) throws {
            do {
                try FileWriter.writeAtomically(Data(bytes), to: URL(fileURLWithPath: ours))
            } catch let error as PlanFileError {
                throw WorkflowError(message: "\(error.message); \(ours) is left as it was", exitCode: 1)
            }
        }
    }
}
