import Foundation
import Testing

/// Hostile input and odd environments met through the binary: damaged DOCX packages, an alias
/// bomb in `.plantool.yaml`, `-o` at device nodes, FIFOs and links, files named on the command
/// line that are not plan files, and gitlinks in revisions and the index. Each run has a timeout,
/// so a hang fails rather than blocks.
@Suite("hostile environments")
struct HostileEnvironmentTests {
    static let quick: Double = 30

    // MARK: DOCX parts damaged

    /// A ZIP whose only entry, `_rels/.rels`, is deflated (method 8) as one stored block that
    /// claims 65,535 bytes and holds 15: 140 bytes in all.
    static func cutShortRelationshipsZIP() -> [UInt8] {
        let name = Array("_rels/.rels".utf8)
        let data: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<Relationships>".utf8)
        var entry = ZipEntry(name: name, method: 8, crc: 0, uncompressedSize: 65_535, data: data)
        entry.offset = 0
        return ZipEntry.archive([entry])
    }

    /// One entry of a ZIP archive, as the tests rebuild one.
    struct ZipEntry {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var uncompressedSize: UInt32
        var data: [UInt8]
        var offset = 0

        static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
        static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

        /// The entries of an archive without data descriptors, read through its central directory.
        static func entries(of zip: [UInt8]) -> [ZipEntry] {
            func u16(_ at: Int) -> Int { Int(zip[at]) | Int(zip[at + 1]) << 8 }
            func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
            var end = zip.count - 22
            while end > 0, !(zip[end] == 0x50 && zip[end + 1] == 0x4B && zip[end + 2] == 5 && zip[end + 3] == 6) { end -= 1 }
            var at = u32(end + 16)
            var result: [ZipEntry] = []
            for _ in 0..<u16(end + 10) {
                let nameLength = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32)
                let local = u32(at + 42)
                let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
                result.append(ZipEntry(name: Array(zip[(at + 46)..<(at + 46 + nameLength)]), method: UInt16(u16(at + 10)),
                                       crc: UInt32(u32(at + 16)), uncompressedSize: UInt32(u32(at + 24)),
                                       data: Array(zip[dataStart..<(dataStart + u32(at + 20))])))
                at += 46 + nameLength + extra + comment
            }
            return result
        }

        /// An archive of `entries`, in order.
        static func archive(_ entries: [ZipEntry]) -> [UInt8] {
            var out: [UInt8] = []
            var placed = entries
            for index in placed.indices {
                let e = placed[index]
                placed[index].offset = out.count
                out += [0x50, 0x4B, 3, 4] + le16(20) + le16(0) + le16(e.method) + le16(0) + le16(0x21)
                out += le32(e.crc) + le32(UInt32(e.data.count)) + le32(e.uncompressedSize)
                out += le16(UInt16(e.name.count)) + le16(0) + e.name + e.data
            }
            let directoryStart = out.count
            for e in placed {
                out += [0x50, 0x4B, 1, 2] + le16(20) + le16(20) + le16(0) + le16(e.method) + le16(0) + le16(0x21)
                out += le32(e.crc) + le32(UInt32(e.data.count)) + le32(e.uncompressedSize)
                out += le16(UInt16(e.name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
                out += le32(UInt32(e.offset)) + e.name
            }
            let directorySize = out.count - directoryStart
            out += [0x50, 0x4B, 5, 6] + le16(0) + le16(0) + le16(UInt16(placed.count)) + le16(UInt16(placed.count))
            out += le32(UInt32(directorySize)) + le32(UInt32(directoryStart)) + le16(0)
            return out
        }
    }

    /// Imports `docx` into a new folder: it must end promptly, non-zero, with an error, writing nothing.
    static func expectRefusedImport(_ docx: URL, in dir: URL, mentioning part: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        let target = dir.appendingPathComponent("imported-\(UUID().uuidString)")
        let result = run(["import", docx.path, "--into", target.path], in: dir, timeout: quick)
        #expect(result.status == 2, "\(result)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("killed after"), "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(part), "\(result)", sourceLocation: sourceLocation)
        #expect(!exists(target), "nothing written: \(result)", sourceLocation: sourceLocation)
    }

    @Test("import of a 140-byte ZIP whose _rels/.rels is a deflate stream cut short ends promptly with an error")
    func cutShortRelationshipsPart() throws {
        try withTemporaryDirectory { dir in
            let bytes = Self.cutShortRelationshipsZIP()
            #expect(bytes.count == 140)
            let docx = try writeBytes(bytes, to: "bomb.docx", in: dir)
            Self.expectRefusedImport(docx, in: dir, mentioning: "_rels/.rels")
        }
    }

    /// Each deflated part of a real exported DOCX, cut to half its compressed bytes in an
    /// otherwise sound archive: every part the reader opens is refused promptly.
    @Test("a real DOCX with any of its parts cut short is refused promptly, naming the part, writing nothing")
    func everyPartCutShort() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("recall-culture-2020", into: dir)
            let exported = dir.appendingPathComponent("plan.docx")
            let export = run(["export", "--format", "docx", "-o", exported.path], in: plan)
            #expect(export.status == 0, "\(export)")
            let original = try #require(bytes(of: exported))
            let entries = ZipEntry.entries(of: original)
            let names = entries.map { String(decoding: $0.name, as: UTF8.self) }
            #expect(names.contains("_rels/.rels") && names.contains("word/document.xml"), "\(names)")
            // The parts the reader opens: the package's relationships and the main document.
            for part in ["_rels/.rels", "word/document.xml"] {
                var damaged = entries
                let index = try #require(names.firstIndex(of: part))
                #expect(damaged[index].method == 8, "\(part) is deflated")
                damaged[index].data = Array(damaged[index].data.prefix(damaged[index].data.count / 2))
                let docx = try writeBytes(ZipEntry.archive(damaged), to: "cut-\(index).docx", in: dir)
                Self.expectRefusedImport(docx, in: dir, mentioning: part)
            }
            // The same, stored (method 0) and cut short: its bytes are all there is.
            var stored = entries
            let rels = try #require(names.firstIndex(of: "_rels/.rels"))
            stored[rels].method = 0
            stored[rels].data = Array("<Relationships".utf8)
            let docx = try writeBytes(ZipEntry.archive(stored), to: "stored.docx", in: dir)
            Self.expectRefusedImport(docx, in: dir, mentioning: "_rels/.rels")
            // The rebuilt archive itself is sound: unchanged, it imports.
            let sound = try writeBytes(ZipEntry.archive(entries), to: "sound.docx", in: dir)
            let imported = run(["import", sound.path, "--into", dir.appendingPathComponent("sound").path], in: dir, timeout: Self.quick)
            #expect(imported.status == 0, "\(imported)")
        }
    }

    // MARK: An alias bomb in .plantool.yaml

    /// Nine anchors, each a flow list of nine aliases of the one before, the last used as a key.
    static let aliasBomb: String = {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text + "? *a8\n: off\n"
    }()

    @Test("an alias bomb in .plantool.yaml is refused at once by lint, lint --staged and commit: path:line:column [configuration]")
    func aliasBombInConfiguration() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            try write(Self.aliasBomb, to: ".plantool.yaml", in: repo)
            try gitOK(["add", ".plantool.yaml"], in: repo)  // lint --staged reads it from the index
            let plan = repo.appendingPathComponent("plan")
            for args in [["lint"], ["lint", "--staged"]] {
                // A hang guard: a run still going after `quick` seconds is killed and fails below.
                let result = run(args, in: plan, timeout: Self.quick)
                #expect(result.status == 1, "\(args): \(result)")
                #expect(result.stdout.contains("../.plantool.yaml:1:5: error: not valid YAML: anchor '&a0'"), "\(args): \(result)")
                #expect(result.stdout.contains("[configuration]"), "\(args): \(result)")
            }
            let commit = run(["commit", "-m", "Bomb"], in: plan, timeout: Self.quick)
            #expect(commit.status != 0 && !commit.stderr.contains("killed after"), "\(commit)")
        }
    }

    @Test("the configuration holds plan files' limits: control characters, duplicate keys, one document, tags",
          arguments: [
            ("rules:\n  action-overdue: off\u{7}\n", "control character"),
            ("rules:\n  action-overdue: off\nrules:\n  action-overdue: error\n", "duplicate key 'rules'"),
            ("rules:\n  action-overdue: off\n---\nrules:\n  action-overdue: off\n", "one YAML document"),
            ("owners: !!seq [a]\n", "tags"),
          ])
    func configurationLimits(_ text: String, _ words: String) throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": Fixture.recommendationWithAction(1)])
            try write(text, to: ".plantool.yaml", in: plan)
            let result = run(["lint"], in: plan, timeout: Self.quick)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout.contains(".plantool.yaml:") && result.stdout.contains("[configuration]"), "\(result)")
            #expect(result.stdout.contains(words), "\(result)")
        }
    }

    @Test("a .plantool.yaml that is there but cannot be read (a link, a FIFO) is an error, never taken as no configuration")
    func unreadableConfiguration() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": Fixture.recommendationWithAction(1)])
            let elsewhere = try write("rules:\n  action-overdue: off\n", to: "elsewhere.yaml", in: dir)
            let config = plan.appendingPathComponent(".plantool.yaml").path
            try FileManager.default.createSymbolicLink(atPath: config, withDestinationPath: elsewhere.path)
            let linked = run(["lint"], in: plan, timeout: Self.quick)
            #expect(linked.status == 1, "\(linked)")
            #expect(linked.stdout.contains(".plantool.yaml: error: is a symbolic link") && linked.stdout.contains("[configuration]"), "\(linked)")
            try FileManager.default.removeItem(atPath: config)
            #expect(mkfifo(config, 0o644) == 0)
            let fifo = run(["lint"], in: plan, timeout: Self.quick)
            #expect(fifo.status == 1 && fifo.stdout.contains(".plantool.yaml: error: is not a regular file"), "\(fifo)")
        }
    }

    @Test("a link or gitlink at .plantool.yaml in the index is an error in lint --staged, never taken as no configuration",
          arguments: ["120000", "160000"])
    func configurationNotAFileInTheIndex(_ mode: String) throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)
            let target = try write("elsewhere.yaml", to: "link-target.txt", in: dir)
            let blob = try gitOK(["hash-object", "-w", target.path], in: repo)
            try gitOK(["update-index", "--add", "--cacheinfo", "\(mode),\(mode == "160000" ? head : blob),.plantool.yaml"], in: repo)
            let result = run(["lint", "--staged"], in: repo.appendingPathComponent("plan"), timeout: Self.quick)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout.contains(".plantool.yaml: error: is a ") && result.stdout.contains("[configuration]"), "\(result)")
        }
    }

    // MARK: -o at devices, FIFOs and links

    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode : nil
    }

    @Test("-o at a character device writes into it in place; the device stays a device (root only)",
          arguments: [["export", "--format", "json"], ["status"]])
    func outputToCharacterDevice(_ command: [String]) throws {
        guard getuid() == 0 else {
            print("skipped: making a device node (mknod) needs root")
            return
        }
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("recall-culture-2020", into: dir)
            let device = dir.appendingPathComponent("o/null").path
            try FileManager.default.createDirectory(atPath: dir.appendingPathComponent("o").path, withIntermediateDirectories: true)
            // /dev/null: major 1, minor 3 (Linux encodes small numbers as major << 8 | minor).
            #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0, "mknod: \(String(cString: strerror(errno)))")
            let result = run(command + ["-o", device], in: plan, timeout: Self.quick)
            #expect(result.status == 0, "\(result)")
            #expect(Self.mode(device).map { $0 & S_IFMT } == S_IFCHR, "still a character device")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("o").path) == ["null"],
                    "no temporary file left beside it")
        }
    }

    @Test("-o /dev/null and -o /dev/stdout write in place, never replacing the device")
    func outputToDevNullAndStdout() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("recall-culture-2020", into: dir)
            let before = Self.mode("/dev/null")
            let null = run(["export", "--format", "json", "-o", "/dev/null"], in: plan, timeout: Self.quick)
            #expect(null.status == 0, "\(null)")
            #expect(Self.mode("/dev/null") == before && before.map { $0 & S_IFMT } == S_IFCHR)
            let stdout = run(["status", "--format", "json", "-o", "/dev/stdout"], in: plan, timeout: Self.quick)
            #expect(stdout.status == 0, "\(stdout)")
            #expect(stdout.stdout.hasPrefix("{"), "\(stdout)")
        }
    }

    @Test("-o at a FIFO writes into it, for the reader at the other end")
    func outputToFIFO() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("recall-culture-2020", into: dir)
            let fifo = dir.appendingPathComponent("pipe").path
            #expect(mkfifo(fifo, 0o644) == 0)
            let reader = Process()
            reader.executableURL = URL(fileURLWithPath: "/bin/cat")
            reader.arguments = [fifo]
            let pipe = Pipe()
            reader.standardOutput = pipe
            try reader.run()
            let result = run(["export", "--format", "json", "-o", fifo], in: plan, timeout: Self.quick)
            // Were the FIFO replaced, the reader would wait on it for ever: it is stopped after a while.
            let deadline = Date().addingTimeInterval(5)
            while reader.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if reader.isRunning { kill(reader.processIdentifier, SIGKILL) }
            let read = pipe.fileHandleForReading.readDataToEndOfFile()
            reader.waitUntilExit()
            #expect(result.status == 0, "\(result)")
            #expect(String(decoding: read, as: UTF8.self).hasPrefix("{"), "the reader got the export")
            #expect(Self.mode(fifo).map { $0 & S_IFMT } == S_IFIFO, "still a FIFO")
        }
    }

    @Test("-o at a link replaces the link with a regular file of a new file's mode, not the link's rwxrwxrwx",
          arguments: [["export", "--format", "json"], ["status"]])
    func outputAtLink(_ command: [String]) throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("recall-culture-2020", into: dir)
            let target = try write("kept\n", to: "target.txt", in: dir)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
            let link = dir.appendingPathComponent("out.json").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
            let result = run(command + ["-o", link], in: plan, timeout: Self.quick)
            #expect(result.status == 0, "\(result)")
            let mode = try #require(Self.mode(link))
            #expect(mode & S_IFMT == S_IFREG, "the link is replaced by a file")
            let mask = umask(0o022)
            umask(mask)
            #expect(mode & 0o777 == 0o666 & ~mask, "a new file's mode: \(String(mode & 0o777, radix: 8))")
            #expect(GitFixture.text(of: target) == "kept\n", "never written through")
        }
    }

    @Test("-o at a socket is refused, leaving it in place")
    func outputAtSocket() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample("recall-culture-2020", into: dir)
            let path = dir.appendingPathComponent("s.sock").path
            let socketFD = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(socketFD) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (i, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[i] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            try #require(bound == 0, "bind: \(String(cString: strerror(errno)))")
            let result = run(["export", "--format", "json", "-o", path], in: plan, timeout: Self.quick)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("it is a socket, not a file"), "\(result)")
            #expect(Self.mode(path).map { $0 & S_IFMT } == S_IFSOCK)
        }
    }

    // MARK: Files named on the command line

    @Test("check, lint and fmt refuse a named file that is not a plan file, never count it as checked clean",
          arguments: ["check", "lint", "fmt"])
    func namedFileThatIsNotAPlanFile(_ command: String) throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": Fixture.recommendationWithAction(1)])
            try write(Fixture.recommendationWithAction(1), to: "notes.txt", in: plan)
            let txt = run([command, "notes.txt"], in: plan, timeout: Self.quick)
            #expect(txt.status == 1, "\(txt)")
            #expect(txt.stdout.contains("notes.txt: error: is not a plan file"), "\(txt)")
            // A character device: refused without reading it (not counted clean, no hang).
            let zero = run([command, "/dev/zero"], in: plan, timeout: Self.quick)
            #expect(zero.status == 1, "\(zero)")
            #expect(!zero.stderr.contains("killed after") && zero.stdout.contains("/dev/zero: error: "), "\(zero)")
            // A FIFO named as a plan file: refused, without waiting for a writer.
            #expect(mkfifo(plan.appendingPathComponent("pipe.yaml").path, 0o644) == 0)
            let fifo = run([command, "pipe.yaml"], in: plan, timeout: Self.quick)
            #expect(fifo.status == 1, "\(fifo)")
            #expect(fifo.stdout.contains("pipe.yaml: error: is not a regular file"), "\(fifo)")
            // A missing file and a folder that holds no plan are usage errors.
            let missing = run([command, "absent.yaml"], in: plan, timeout: Self.quick)
            #expect(missing.status != 0 && missing.stderr.contains("absent.yaml: no such file or folder"), "\(missing)")
            try FileManager.default.createDirectory(at: plan.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
            let folder = run([command, "folder.yaml"], in: plan, timeout: Self.quick)
            #expect(folder.status != 0 && folder.stderr.contains("folder.yaml: no plan here"), "\(folder)")
        }
    }

    // MARK: Gitlinks in revisions and the index

    /// The example repository with a commit where `path` (under plan/) is a gitlink.
    static func repositoryWithGitlink(at path: String, in dir: URL) throws -> URL {
        let repo = try GitFixture.repository(in: dir)
        let head = try gitOK(["rev-parse", "HEAD"], in: repo)
        try gitOK(["rm", "-r", "-q", "--cached", "plan/" + path], in: repo)
        try gitOK(["update-index", "--add", "--cacheinfo", "160000,\(head),plan/\(path)"], in: repo)
        try gitOK(["commit", "-q", "-m", "Gitlink at \(path)"], in: repo)
        return repo
    }

    @Test("a gitlink at recommendations, plan.yaml or a recommendation file is unreadable-file in check --rev, --staged, export --rev and diff",
          arguments: ["recommendations", "plan.yaml", "recommendations/01.yaml"])
    func gitlinkInRevision(_ path: String) throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repositoryWithGitlink(at: path, in: dir)
            #expect(try gitOK(["ls-tree", "HEAD", "plan/\(path)"], in: repo).hasPrefix("160000 commit "))
            let shown = "plan/\(path)"
            for args in [["check", "--rev", "HEAD"], ["check", "--staged"], ["lint", "--rev", "HEAD"]] {
                let result = run(args, in: repo, timeout: Self.quick)
                #expect(result.status == 1, "\(args): \(result)")
                #expect(result.stdout.contains("\(shown): error: is a gitlink"), "\(args): \(result)")
                #expect(result.stdout.contains("[unreadable-file]"), "\(args): \(result)")
            }
            let export = run(["export", "--rev", "HEAD", "--format", "json"], in: repo, timeout: Self.quick)
            #expect(export.status == 1 && export.stderr.contains("nothing was written"), "\(export)")
            #expect((export.stdout + export.stderr).contains("is a gitlink"), "\(export)")
            // diff stops with the error (exit 2) rather than comparing against an empty folder.
            let diff = run(["diff", "HEAD~1", "HEAD"], in: repo, timeout: Self.quick)
            #expect(diff.status == 2, "\(diff)")
            #expect(diff.stdout.contains("! \(shown) cannot be read: is a gitlink"), "\(diff)")
            // Its recommendations are unknown, not removed.
            #expect(!diff.stdout.contains("removed"), "\(diff)")
        }
    }
}
