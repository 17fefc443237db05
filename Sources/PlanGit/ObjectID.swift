import CLibGit2

/// A git object id (SHA-1), held as a value.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    /// The 20 raw bytes.
    public let bytes: [UInt8]

    init(_ oid: git_oid) {
        var copy = oid
        bytes = withUnsafeBytes(of: &copy.id) { Array($0) }
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

    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
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
