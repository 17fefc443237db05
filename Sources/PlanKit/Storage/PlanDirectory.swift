import Foundation

/// Plans in folders on disk: finding them and reading their files.
public enum PlanDirectory {
    public static let planFileName = "plan.yaml"
    public static let recommendationsFolder = "recommendations"

    /// The plan around `directory`: the nearest folder, going up, that holds a plan.yaml.
    /// Stops at the top of the repository (a folder holding `.git`).
    public static func enclosingPlan(of directory: URL) -> URL? {
        var current = directory.standardizedFileURL
        while true {
            if isPlan(current) { return current }
            if exists(current.appendingPathComponent(".git")) { return nil }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// The top of the repository around `directory` (the folder holding `.git`), if any.
    public static func repositoryRoot(of directory: URL) -> URL? {
        var current = directory.standardizedFileURL
        while true {
            if exists(current.appendingPathComponent(".git")) { return current }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    public static func isPlan(_ directory: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent(planFileName).path,
                                              isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Every plan at or below `root`, skipping hidden folders and build folders; sorted by path.
    public static func plans(under root: URL) -> [URL] {
        var found: [URL] = []
        var queue = [root.standardizedFileURL]
        let skipped: Set<String> = ["node_modules", recommendationsFolder]
        while let folder = queue.popLast() {
            if isPlan(folder) {
                found.append(folder)
                continue  // plans do not nest
            }
            guard let entries = try? FileManager.default.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey]) else { continue }
            for entry in entries {
                let name = entry.lastPathComponent
                guard !name.hasPrefix("."), !skipped.contains(name),
                      let values = try? entry.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey]),
                      values.isDirectory == true, values.isSymbolicLink != true else { continue }
                queue.append(entry)
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Reads a plan folder's files. Links and non-regular files are reported, never followed.
    public static func files(of plan: URL, displayRoot: String) -> PlanFiles {
        let planURL = plan.appendingPathComponent(planFileName)
        let planFile: PlanFiles.File? = exists(planURL)
            ? PlanFiles.File(path: planFileName, contents: read(planURL)) : nil
        var recommendationFiles: [PlanFiles.File] = []
        let folder = plan.appendingPathComponent(recommendationsFolder)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: folder.path),  // lstat: a link is not followed
           attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            recommendationFiles = [PlanFiles.File(path: recommendationsFolder, contents: .failure(PlanFileError(
                "is a symbolic link; the recommendations folder must be a real folder (links are not followed)")))]
        } else if let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let wanted = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            recommendationFiles = ParallelMap.map(wanted) { name in
                PlanFiles.File(path: recommendationsFolder + "/" + name, contents: read(folder.appendingPathComponent(name)))
            }
        }
        return PlanFiles(displayRoot: displayRoot, planFile: planFile, recommendationFiles: recommendationFiles)
    }

    /// A regular file's bytes, refusing links, folders and files over the size limit. Links are
    /// never followed: the file is opened with O_NOFOLLOW and checked with fstat.
    public static func read(_ url: URL) -> Result<[UInt8], PlanFileError> {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)  // a FIFO must not block
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP {
                return .failure(PlanFileError("is a symbolic link; plan files must be regular files (links are not followed)"))
            }
            return .failure(PlanFileError("cannot read the file: \(String(cString: strerror(code)))"))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(PlanFileError("cannot read the file: \(String(cString: strerror(errno)))"))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(PlanFileError("is a folder, not a file"))
        default: return .failure(PlanFileError("is not a regular file"))
        }
        let size = Int(status.st_size)
        if size > Limits.maxFileBytes {
            return .failure(PlanFileError("file is \(size) bytes, larger than the \(Limits.maxFileBytes) bytes a plan file may have", rule: .fileTooLarge))
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        while total < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + total, size - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(PlanFileError("cannot read the file: \(String(cString: strerror(errno)))"))
            }
            if count == 0 { break }
            total += count
        }
        if total < size { bytes.removeLast(size - total) }
        // A file that grew while being read is read to its end, within the limit.
        var extra = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = extra.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, 4096) }
            if count <= 0 { break }
            bytes += extra[0..<count]
            if bytes.count > Limits.maxFileBytes {
                return .failure(PlanFileError("file is larger than the \(Limits.maxFileBytes) bytes a plan file may have", rule: .fileTooLarge))
            }
        }
        return .success(bytes)
    }

    static func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }
}
