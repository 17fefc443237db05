import Foundation
import PlanKit
import ZIPFoundation
internal import CLibZ

/// The DOCX package: a ZIP archive whose main part is found through its relationships and
/// inflated within a size limit, from its own bytes only.
extension DocxReader {
    static func openArchive(_ data: Data) throws -> Archive {
        let head = [UInt8](data.prefix(8))
        guard !head.isEmpty else { throw ImportError("the file is empty, not a DOCX document") }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ImportError("not a DOCX document: this is an older Word .doc file or a password-protected document; "
                              + "save it from Word as an unprotected .docx")
        }
        if head.starts(with: Array("{\\rtf".utf8)) {
            throw ImportError("not a DOCX document: this is an RTF file; save it from Word as .docx")
        }
        guard head.starts(with: [0x50, 0x4B]) else {
            throw ImportError("not a DOCX document: a DOCX is a ZIP archive, and this file is not one")
        }
        // Not `Archive(data:)`: ZIPFoundation's in-memory archive stops the program (a range
        // fault in its MemoryFile.readData) when an offset in the archive points past its end. A
        // file-backed archive reads such an offset as the end of the file and reports an error.
        // The bytes go to a temporary file, removed as soon as it is open.
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("plantool-docx-\(UUID().uuidString).zip")
        do {
            try data.write(to: url)
        } catch {
            throw ImportError("cannot read the DOCX document: no temporary file could be written (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw ImportError("not a DOCX document: the ZIP archive cannot be read (it may be damaged or cut short)")
        }
    }

    /// The main part the package's relationships name, else `word/document.xml`. A
    /// relationships part that is present but damaged (cut short, failing its checksum, too
    /// large) is an error: it is inflated by the same bounded reader as the document.
    static func mainPartName(_ archive: Archive, raw: Data) throws -> String {
        let fallback = "word/document.xml"
        guard let rels = archive["_rels/.rels"] else { return fallback }
        let xml = try extract(rels, named: "_rels/.rels", from: archive, limit: relationshipsSizeLimit, raw: raw)
        // The officeDocument relationship's target.
        var found: String?
        do {
            try XMLEvents.read(xml) { event in
                guard found == nil, case .start("Relationship", _, let attributes) = event,
                      let type = attributes["Type"], type.hasSuffix("/officeDocument") else { return }
                found = attributes["Target"]
            }
        } catch {
            return fallback
        }
        guard var target = found, !target.isEmpty else { return fallback }
        while target.hasPrefix("/") { target.removeFirst() }
        return target.removingPercentEncoding ?? target
    }

    static func notWordMessage(_ archive: Archive, missing partName: String) -> String {
        var message = "not a Word document: the ZIP archive has no \(partName)"
        if archive["xl/workbook.xml"] != nil {
            message += " (it looks like an Excel workbook)"
        } else if archive["ppt/presentation.xml"] != nil {
            message += " (it looks like a PowerPoint presentation)"
        } else if archive["content.xml"] != nil {
            message += " (it looks like an OpenDocument file; save it as .docx)"
        }
        return message
    }

    /// Reads an entry, refusing one that is, or turns out to be, larger than `limit`. Every part
    /// the reader opens comes through here.
    ///
    /// ZIPFoundation's inflate loop never ends on a deflate stream cut short (it keeps asking for
    /// input past the end of the file), so no part is read through ZIPFoundation: a compressed
    /// entry is inflated here, from its own bytes only, and a stream that stops before its end is
    /// reported as damage; a stored entry is its own bytes, which must lie inside the file.
    static func extract(_ entry: Entry, named name: String, from archive: Archive, limit: Int, raw: Data) throws -> Data {
        guard entry.type == .file else { throw ImportError("\(name) in the DOCX archive is not a file") }
        func tooLarge() -> ImportError {
            ImportError("\(name) is larger than \(limit >> 20 > 0 ? "\(limit >> 20) MiB" : "\(limit) bytes") uncompressed; "
                        + "plantool does not read a document that large")
        }
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge() }
        let data: Data
        if entry.isCompressed {
            data = try inflateEntry(entry, named: name, in: raw, limit: limit, tooLarge: tooLarge)
        } else {
            data = try compressedBytes(of: entry, named: name, in: raw)
            if data.count > limit { throw tooLarge() }
        }
        guard data.crc32(checksum: 0) == entry.checksum else {
            throw ImportError("\(name) in the DOCX archive is damaged (its checksum does not match)")
        }
        return data
    }

    /// The compressed bytes of `entry` in the archive's bytes: found through its local file
    /// header (signature, then the entry's name), and required to lie inside the file.
    static func compressedBytes(of entry: Entry, named name: String, in raw: Data) throws -> Data {
        let bytes = [UInt8](raw)
        let path = Array(entry.path.utf8)
        let damaged = ImportError("\(name) in the DOCX archive is damaged (its data is missing or cut short)")
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        var at = 0
        while at + 30 <= bytes.count {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x03, bytes[at + 3] == 0x04 {
                let nameLength = u16(at + 26), extraLength = u16(at + 28)
                let nameStart = at + 30
                if nameStart + nameLength <= bytes.count, Array(bytes[nameStart..<nameStart + nameLength]) == path {
                    let start = nameStart + nameLength + extraLength
                    guard entry.compressedSize <= UInt64(Int.max), start <= bytes.count,
                          Int(entry.compressedSize) <= bytes.count - start else { throw damaged }
                    return Data(bytes[start..<start + Int(entry.compressedSize)])
                }
            }
            at += 1
        }
        throw damaged
    }

    /// Inflates a raw deflate stream that must end within its bytes and within `limit`.
    static func inflateEntry(_ entry: Entry, named name: String, in raw: Data, limit: Int,
                             tooLarge: () -> ImportError) throws -> Data {
        var input = [UInt8](try compressedBytes(of: entry, named: name, in: raw))
        let damaged = ImportError("\(name) in the DOCX archive cannot be inflated (the archive is damaged)")
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw damaged }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = input.count
        return try input.withUnsafeMutableBufferPointer { inputPointer -> Data in
            stream.next_in = inputPointer.baseAddress
            stream.avail_in = UInt32(count)
            while true {
                let (result, produced) = buffer.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    let result = inflate(&stream, Z_NO_FLUSH)
                    return (result, out.count - Int(stream.avail_out))
                }
                output.append(contentsOf: buffer[0..<produced])
                if output.count > limit { throw tooLarge() }
                if result == Z_STREAM_END { return output }
                // No progress possible: the input is used up before the stream's end, or bad.
                guard result == Z_OK, produced > 0 || stream.avail_in > 0 else { throw damaged }
            }
        }
    }
}
