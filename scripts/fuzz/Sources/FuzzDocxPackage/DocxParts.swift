import CFuzzZlib

/// A DOCX package as a fuzz input: parts one after another, each a header line
/// `@@part M NAME` and the part's bytes up to the next header. M says how it is stored:
/// `d` deflated, `s` stored, `c` deflated and cut to half its compressed bytes, `x` deflated with
/// a wrong CRC-32. `run.sh` writes the seeds this way from exported DOCX files.
enum DocxParts {
    struct Part {
        var name: [UInt8]
        var method: UInt8
        var contents: [UInt8]
    }

    static let header: [UInt8] = Array("@@part ".utf8)

    static func parts(_ bytes: [UInt8]) -> [Part] {
        var starts: [Int] = []
        var i = 0
        while i + header.count <= bytes.count {
            if (i == 0 || bytes[i - 1] == 0x0A), bytes[i] == header[0], Array(bytes[i..<i + header.count]) == header {
                starts.append(i)
            }
            i += 1
        }
        return starts.enumerated().map { n, start in
            let end = n + 1 < starts.count ? starts[n + 1] - 1 : bytes.count  // the line end before the next header
            let line = bytes[(start + header.count)..<max(start + header.count, end)]
            let lineEnd = line.firstIndex(of: 0x0A) ?? line.endIndex
            let words = line[line.startIndex..<lineEnd]
            let method = words.first ?? UInt8(ascii: "d")
            let name = Array(words.dropFirst(2))
            let contents = lineEnd < line.endIndex ? Array(line[(lineEnd + 1)...]) : []
            return Part(name: name, method: method, contents: contents)
        }
    }

    /// The parts as a ZIP archive: local headers, data, central directory, end record.
    static func zip(_ parts: [Part]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ to: inout [UInt8]) { to += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32, _ to: inout [UInt8]) { for s in [0, 8, 16, 24] { to.append(UInt8(v >> UInt32(s) & 0xFF)) } }
        for part in parts.prefix(0xFFFF) {
            var crc = part.contents.withUnsafeBufferPointer { fuzz_crc32($0.baseAddress, $0.count) }
            var data = part.contents
            var method = 0
            if part.method != UInt8(ascii: "s") {
                var compressed = [UInt8](repeating: 0, count: part.contents.count + part.contents.count / 100 + 64)
                let n = part.contents.withUnsafeBufferPointer { input in
                    compressed.withUnsafeMutableBufferPointer { fuzz_deflate_raw(input.baseAddress, input.count, $0.baseAddress, $0.count) }
                }
                if n >= 0 {
                    data = Array(compressed.prefix(n))
                    method = 8
                    if part.method == UInt8(ascii: "c") { data = Array(data.prefix(data.count / 2)) }
                }
            }
            if part.method == UInt8(ascii: "x") { crc ^= 0x5A5A_5A5A }
            let name = Array(part.name.prefix(0xFFFF))
            let offset = UInt32(truncatingIfNeeded: out.count)
            var common: [UInt8] = []
            u16(20, &common); u16(0, &common); u16(method, &common); u16(0, &common); u16(0x21, &common)
            u32(crc, &common); u32(UInt32(data.count), &common); u32(UInt32(part.contents.count), &common)
            u16(name.count, &common); u16(0, &common)
            u32(0x0403_4B50, &out); out += common; out += name; out += data
            u32(0x0201_4B50, &central); u16(20, &central); central += common
            u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central); central += name
        }
        let centralOffset = out.count
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out)
        u16(min(parts.count, 0xFFFF), &out); u16(min(parts.count, 0xFFFF), &out)
        u32(UInt32(central.count), &out); u32(UInt32(truncatingIfNeeded: centralOffset), &out); u16(0, &out)
        return out
    }
}
