import CLibGit2

/// A git object id (SHA-1), held inline as a value (no allocation, cheap to compare and hash).
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    init(_ oid: git_oid) {
        var copy = oid
        var parts = (UInt64(0), UInt64(0), UInt32(0))
        withUnsafeBytes(of: &copy.id) { source in
            withUnsafeMutableBytes(of: &parts.0) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<8])) }
            withUnsafeMutableBytes(of: &parts.1) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[8..<16])) }
            withUnsafeMutableBytes(of: &parts.2) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[16..<20])) }
        }
        (high, middle, low) = parts
    }

    init(_ pointer: UnsafePointer<git_oid>) {
        self.init(pointer.pointee)
    }

    /// Reads 40 hexadecimal digits.
    public init?(hex: String) {
        guard hex.utf8.count == 40 else { return nil }
        var oid = git_oid()
        guard git_oid_fromstrn(&oid, hex, 40) == 0 else { return nil }
        self.init(oid)
    }

    /// The 20 raw bytes.
    public var bytes: [UInt8] {
        var parts = (high, middle, low)
        return withUnsafeBytes(of: &parts.0) { Array($0) } + withUnsafeBytes(of: &parts.1) { Array($0) }
            + withUnsafeBytes(of: &parts.2) { Array($0) }
    }

    var raw: git_oid {
        var oid = git_oid()
        let source = bytes
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            for (index, byte) in source.enumerated() { buffer[index] = byte }
        }
        return oid
    }

    /// 40 hexadecimal digits.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(40)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var short: String { String(description.prefix(7)) }

    /// The id git gives a blob of these bytes, without writing it anywhere.
    public static func hashBlob(_ data: [UInt8]) throws -> ObjectID {
        Git.ensureInitialised()
        var oid = git_oid()
        let code = data.withUnsafeBytes { buffer in
            git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB)
        }
        try check(code, "hash a blob")
        return ObjectID(oid)
    }
}
