import Foundation

/// Writes files so that a reader, or a crash, never sees half of one: the new content goes to a
/// temporary file beside the target, which then replaces it in one rename.
public enum FileWriter {
    public static func writeAtomically(_ text: String, to url: URL) throws {
        try writeAtomically(Data(text.utf8), to: url)
    }

    public static func writeAtomically(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).plantool-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw PlanFileError("cannot write \(url.lastPathComponent) in \(directory.path)")
        }
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw PlanFileError("cannot write \(url.lastPathComponent): \(error.localizedDescription)")
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
           let permissions = attributes[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PlanFileError("cannot replace \(url.path): \(reason)")
        }
    }
}
