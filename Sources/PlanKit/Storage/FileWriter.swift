import Foundation

/// Writes files so that a reader, or a crash, never sees half of one: the new content goes to a
/// temporary file beside the target, which then replaces it in one rename.
///
/// What is at the target decides how: a regular file is replaced and keeps its mode; a link is
/// replaced by a regular file with a new file's mode (never the link's `rwxrwxrwx`), and not
/// written through unless it leads to a device or FIFO or is the system's (see
/// `writesThrough`); a character device or FIFO (`-o /dev/stdout`, `-o /dev/null`, a pipe) is
/// written in place, never replaced (as root, a rename would replace the device node itself); a
/// folder, socket or block device is refused.
public enum FileWriter {
    public static func writeAtomically(_ text: String, to url: URL) throws {
        try writeAtomically(Data(text.utf8), to: url)
    }

    public static func writeAtomically(_ data: Data, to url: URL) throws {
        var status = stat()
        let exists = lstat(url.path, &status) == 0
        let type = status.st_mode & S_IFMT
        if exists, type == S_IFCHR || type == S_IFIFO {
            return try writeInPlace(data, to: url)
        }
        if exists, type == S_IFLNK, writesThrough(link: url) {
            return try writeInPlace(data, to: url)
        }
        if exists, type != S_IFREG, type != S_IFLNK {
            let what = type == S_IFDIR ? "a folder" : type == S_IFSOCK ? "a socket" : type == S_IFBLK ? "a block device" : "not a file"
            throw PlanFileError("cannot write \(url.path): it is \(what), not a file")
        }
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
        // Only a regular file's mode is kept: a link's mode (0777) is not the file's.
        if exists, type == S_IFREG {
            _ = chmod(temporary.path, status.st_mode & 0o7777)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PlanFileError("cannot replace \(url.path): \(reason)")
        }
    }

    /// Whether a link is written through rather than replaced: one to a character device or
    /// FIFO (`/dev/stdout` is a link to `/proc/self/fd/1`, a pipe or a terminal), and any in
    /// `/dev` or `/proc`, which stand for open files and devices and are never replaced (as root,
    /// `-o /dev/stdout` with standard output redirected to a file would otherwise replace the
    /// system's link with a file).
    static func writesThrough(link url: URL) -> Bool {
        let path = url.standardizedFileURL.path
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return true }
        var target = stat()
        guard stat(path, &target) == 0 else { return false }
        let type = target.st_mode & S_IFMT
        return type == S_IFCHR || type == S_IFIFO
    }

    /// Writes into a character device or FIFO as a shell's `>` does, without creating, replacing
    /// or truncating anything.
    private static func writeInPlace(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw PlanFileError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        // Through a link such as /dev/stdout to a regular file (standard output redirected), the
        // shell has opened the file already: write after what is there, as `>>` and `>` both leave it.
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
            lseek(descriptor, 0, SEEK_END)
        }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw PlanFileError("cannot write \(url.path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }
}
