import Foundation
import PlanKit

/// The elements and text of an XML document, read with the system's libxml2 (its streaming
/// `xmlTextReader`), which is loaded only when the first document is read.
///
/// Only the DOCX reader needs XML. Linking libxml2 (as FoundationXML's `XMLParser` does) would
/// make every plantool process load it and ICU with it, about a millisecond and a half of
/// start-up for every commit hook and every `plantool diff`; loading it here, on first use,
/// keeps that cost to `plantool import`.
///
/// The document is read namespace-aware, with no network access, no DTD loaded and no entity
/// but XML's own expanded; libxml2's default limits apply (nesting depth, text size). A
/// document that is not well-formed gives an `XMLEvents.Failure` with libxml2's error code and
/// place.
enum XMLEvents {
    enum Event {
        /// An element starts; `attributes` by local name (namespace declarations left out).
        case start(name: String, namespace: String?, attributes: [String: String])
        /// An element ends (an empty element gives a start and an end).
        case end(name: String, namespace: String?)
        /// Character data: text, whitespace or a CDATA section, entities and character
        /// references already replaced.
        case text(String)
    }

    /// Where and why a document is not well-formed: libxml2's error code (its `xmlParserErrors`,
    /// the same codes as FoundationXML's `XMLParser`), 1-based line and column.
    struct Failure: Error, Equatable {
        var code: Int
        var line: Int
        var column: Int
    }

    /// libxml2 could not be loaded.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `data`, handing each event to `handle`, in document order.
    static func read(_ data: Data, _ handle: (Event) -> Void) throws {
        let library = try LibXML2.shared.get()
        guard !data.isEmpty else { throw Failure(code: 4, line: 1, column: 1) }  // XML_ERR_DOCUMENT_EMPTY
        guard data.count <= Int(Int32.max) else { throw Failure(code: 1, line: 1, column: 1) }
        // libxml2 reads the bytes in place, without a copy: the whole read happens while they are
        // lent (a small Data lends a copy that lives only that long).
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> Void in
            let errors = ErrorRecorder()
            try withExtendedLifetime(errors) {
                let recorder = Unmanaged.passUnretained(errors).toOpaque()
                let record: LibXML2.ErrorHandler = { context, error in
                    guard let context, let error else { return }
                    Unmanaged<ErrorRecorder>.fromOpaque(context).takeUnretainedValue().record(error)
                }
                // Errors raised outside the parser (bytes the encoding converter cannot decode,
                // found as soon as the reader is made) go to this thread's handler, which would
                // print them: they come here too, until the reader is freed.
                library.setThreadErrorHandler(recorder, record)
                defer { library.setThreadErrorHandler(nil, nil) }
                guard let base = bytes.baseAddress,
                      let reader = library.readerForMemory(base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, LibXML2.options)
                else { throw errors.first ?? Failure(code: 1, line: 1, column: 1) }
                defer { library.freeReader(reader) }
                library.setErrorHandler(reader, record, recorder)
                try events(of: reader, library, errors, handle)
            }
        }
    }

    /// The reader's nodes as events, until the end of the document or its first error.
    private static func events(of reader: OpaquePointer, _ library: LibXML2, _ errors: ErrorRecorder, _ handle: (Event) -> Void) throws {
        while true {
            let status = library.read(reader)
            if status == 0 { return }
            guard status == 1, errors.first == nil else {
                throw errors.first ?? Failure(code: 1, line: Int(library.lineNumber(reader)), column: Int(library.columnNumber(reader)))
            }
            switch library.nodeType(reader) {
            case LibXML2.elementNode:
                let name = LibXML2.string(library.localName(reader)) ?? ""
                let namespace = LibXML2.string(library.namespaceURI(reader))
                let empty = library.isEmptyElement(reader) == 1
                var attributes: [String: String] = [:]
                while library.moveToNextAttribute(reader) == 1 {
                    guard LibXML2.string(library.namespaceURI(reader)) != LibXML2.xmlnsNamespace,
                          let key = LibXML2.string(library.localName(reader)) else { continue }
                    attributes[key] = LibXML2.string(library.value(reader)) ?? ""
                }
                _ = library.moveToElement(reader)
                handle(.start(name: name, namespace: namespace, attributes: attributes))
                if empty { handle(.end(name: name, namespace: namespace)) }
            case LibXML2.endElementNode:
                handle(.end(name: LibXML2.string(library.localName(reader)) ?? "", namespace: LibXML2.string(library.namespaceURI(reader))))
            case LibXML2.textNode, LibXML2.cdataNode, LibXML2.whitespaceNode, LibXML2.significantWhitespaceNode:
                handle(.text(LibXML2.string(library.value(reader)) ?? ""))
            default:
                break
            }
        }
    }

    /// Keeps libxml2's first error (later ones follow from it).
    private final class ErrorRecorder: @unchecked Sendable {
        var first: Failure?

        func record(_ error: UnsafeMutableRawPointer) {
            // libxml2's xmlError: int domain; int code; char *message; int level; char *file;
            // int line; char *str1, *str2, *str3; int int1; int int2 (the column); ...
            guard first == nil, error.load(fromByteOffset: LibXML2.errorLevelOffset, as: Int32.self) >= LibXML2.errorLevel else { return }
            let code = error.load(fromByteOffset: 4, as: Int32.self)
            let line = error.load(fromByteOffset: LibXML2.errorLineOffset, as: Int32.self)
            let column = error.load(fromByteOffset: LibXML2.errorColumnOffset, as: Int32.self)
            first = Failure(code: Int(code), line: max(1, Int(line)), column: max(1, Int(column)))
        }
    }
}

/// The part of libxml2 that `XMLEvents` calls, looked up once in the library loaded with
/// `dlopen`. libxml2's soname (`libxml2.so.2`) names its ABI: these signatures and the layout
/// of `xmlError` read above are those of every libxml2 2.x.
private struct LibXML2: @unchecked Sendable {
    typealias Reader = OpaquePointer
    typealias ErrorHandler = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void

    let readerForMemory: @convention(c) (UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32) -> Reader?
    let freeReader: @convention(c) (Reader?) -> Void
    let read: @convention(c) (Reader?) -> Int32
    let nodeType: @convention(c) (Reader?) -> Int32
    let localName: @convention(c) (Reader?) -> UnsafePointer<UInt8>?
    let namespaceURI: @convention(c) (Reader?) -> UnsafePointer<UInt8>?
    let value: @convention(c) (Reader?) -> UnsafePointer<UInt8>?
    let isEmptyElement: @convention(c) (Reader?) -> Int32
    let moveToNextAttribute: @convention(c) (Reader?) -> Int32
    let moveToElement: @convention(c) (Reader?) -> Int32
    let lineNumber: @convention(c) (Reader?) -> Int32
    let columnNumber: @convention(c) (Reader?) -> Int32
    let setErrorHandler: @convention(c) (Reader?, ErrorHandler?, UnsafeMutableRawPointer?) -> Void
    /// xmlSetStructuredErrorFunc: the calling thread's handler of errors raised outside a parser.
    let setThreadErrorHandler: @convention(c) (UnsafeMutableRawPointer?, ErrorHandler?) -> Void

    // xmlReaderTypes
    static let elementNode: Int32 = 1
    static let textNode: Int32 = 3
    static let cdataNode: Int32 = 4
    static let whitespaceNode: Int32 = 13
    static let significantWhitespaceNode: Int32 = 14
    static let endElementNode: Int32 = 15

    /// XML_PARSE_NOERROR | XML_PARSE_NOWARNING (libxml2 prints nothing: errors come to the
    /// handler) | XML_PARSE_NONET (no network access) | XML_PARSE_NOCDATA is not set (CDATA
    /// comes as its own node) and neither is XML_PARSE_NOENT (entities are not substituted
    /// from a DTD) nor XML_PARSE_DTDLOAD.
    static let options: Int32 = (1 << 5) | (1 << 6) | (1 << 11)

    static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

    /// Offsets in xmlError of `level`, `line` and `int2` (the column), for this platform's
    /// pointer size (every int before them is followed by a pointer, so padded to its size).
    private static let pointer = MemoryLayout<UnsafeRawPointer>.size
    static let errorLevelOffset = 8 + pointer
    static let errorLineOffset = 8 + 3 * pointer
    static let errorColumnOffset = 8 + 7 * pointer + 4
    /// xmlErrorLevel: XML_ERR_ERROR; warnings (1) are not failures.
    static let errorLevel: Int32 = 2

    static func string(_ pointer: UnsafePointer<UInt8>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Loaded on first use, once per process; the failure, if any, is kept too.
    static let shared: Result<LibXML2, XMLEvents.Unavailable> = load()

    private static func load() -> Result<LibXML2, XMLEvents.Unavailable> {
        let names = ["libxml2.so.2", "libxml2.2.dylib", "libxml2.dylib", "libxml2.so"]
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            return .failure(XMLEvents.Unavailable(description: "reading a DOCX document needs libxml2 (libxml2.so.2), which is not installed "
                                                  + "(on Debian or Ubuntu: apt-get install libxml2)"))
        }
        var missing: [String] = []
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let address = dlsym(handle, name) else {
                missing.append(name)
                return nil
            }
            return unsafeBitCast(address, to: type)
        }
        let initParser = symbol("xmlInitParser", as: (@convention(c) () -> Void).self)
        let library: LibXML2? = {
            guard let readerForMemory = symbol("xmlReaderForMemory", as: (@convention(c) (UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32) -> Reader?).self),
                  let freeReader = symbol("xmlFreeTextReader", as: (@convention(c) (Reader?) -> Void).self),
                  let read = symbol("xmlTextReaderRead", as: (@convention(c) (Reader?) -> Int32).self),
                  let nodeType = symbol("xmlTextReaderNodeType", as: (@convention(c) (Reader?) -> Int32).self),
                  let localName = symbol("xmlTextReaderConstLocalName", as: (@convention(c) (Reader?) -> UnsafePointer<UInt8>?).self),
                  let namespaceURI = symbol("xmlTextReaderConstNamespaceUri", as: (@convention(c) (Reader?) -> UnsafePointer<UInt8>?).self),
                  let value = symbol("xmlTextReaderConstValue", as: (@convention(c) (Reader?) -> UnsafePointer<UInt8>?).self),
                  let isEmptyElement = symbol("xmlTextReaderIsEmptyElement", as: (@convention(c) (Reader?) -> Int32).self),
                  let moveToNextAttribute = symbol("xmlTextReaderMoveToNextAttribute", as: (@convention(c) (Reader?) -> Int32).self),
                  let moveToElement = symbol("xmlTextReaderMoveToElement", as: (@convention(c) (Reader?) -> Int32).self),
                  let lineNumber = symbol("xmlTextReaderGetParserLineNumber", as: (@convention(c) (Reader?) -> Int32).self),
                  let columnNumber = symbol("xmlTextReaderGetParserColumnNumber", as: (@convention(c) (Reader?) -> Int32).self),
                  let setErrorHandler = symbol("xmlTextReaderSetStructuredErrorHandler", as: (@convention(c) (Reader?, ErrorHandler?, UnsafeMutableRawPointer?) -> Void).self),
                  let setThreadErrorHandler = symbol("xmlSetStructuredErrorFunc", as: (@convention(c) (UnsafeMutableRawPointer?, ErrorHandler?) -> Void).self)
            else { return nil }
            return LibXML2(readerForMemory: readerForMemory, freeReader: freeReader, read: read, nodeType: nodeType,
                           localName: localName, namespaceURI: namespaceURI, value: value, isEmptyElement: isEmptyElement,
                           moveToNextAttribute: moveToNextAttribute, moveToElement: moveToElement, lineNumber: lineNumber,
                           columnNumber: columnNumber, setErrorHandler: setErrorHandler, setThreadErrorHandler: setThreadErrorHandler)
        }()
        guard let library, let initParser else {
            return .failure(XMLEvents.Unavailable(description: "reading a DOCX document needs libxml2, and the one installed lacks "
                                                  + missing.joined(separator: ", ")))
        }
        // libxml2 2.9 must be initialised once before it is used from more than one thread.
        initParser()
        return .success(library)
    }
}
