import Foundation
import Testing
@testable import PlanImport
@testable import PlanKit

/// The XML reader on libxml2 (loaded on first use), on its own.
@Suite struct XMLEventsTests {
    /// The events of `xml` written as short strings: "<name ns a=1>", "</name>", "'text'".
    static func events(_ xml: String) throws -> [String] {
        var out: [String] = []
        try XMLEvents.read(Data(xml.utf8)) { event in
            switch event {
            case .start(let name, let namespace, let attributes):
                let attributeText = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
                out.append("<\(name)\(namespace.map { " {\($0)}" } ?? "")\(attributeText)>")
            case .end(let name, _):
                out.append("</\(name)>")
            case .text(let text):
                out.append("'\(text)'")
            }
        }
        return out
    }

    static func failure(_ xml: String) -> XMLEvents.Failure? {
        do {
            _ = try events(xml)
            return nil
        } catch let failure as XMLEvents.Failure {
            return failure
        } catch {
            Issue.record("not a Failure: \(error)")
            return nil
        }
    }

    @Test("a document of a few bytes (which Data keeps inline) is read whole, an empty element as a start and an end")
    func tinyDocuments() throws {
        #expect(try Self.events("<a/>") == ["<a>", "</a>"])
        #expect(try Self.events("<a>x</a>") == ["<a>", "'x'", "</a>"])
    }

    @Test("names are local, namespaces given, attributes keyed by local name, namespace declarations left out")
    func namesAndAttributes() throws {
        let xml = #"<w:p xmlns:w="urn:w" xmlns:o="urn:o" w:val="2" o:type="page" plain="1"><w:t>a</w:t></w:p>"#
        #expect(try Self.events(xml) == ["<p {urn:w} plain=1 type=page val=2>", "<t {urn:w}>", "'a'", "</t>", "</p>"])
    }

    @Test("entities and character references are replaced; CDATA and whitespace come as text")
    func textForms() throws {
        let xml = "<t>a &amp; b &#x2011; <![CDATA[<c>]]>   </t>"
        #expect(try Self.events(xml).joined() == "<t>'a & b \u{2011} ''<c>''   '</t>")
    }

    @Test("libxml2's error code and place: empty, cut short, mismatched tag, undeclared prefix, undeclared entity")
    func failures() {
        #expect(Self.failure("") == XMLEvents.Failure(code: 4, line: 1, column: 1))
        // The streaming reader reports a document that stops inside an element as ended early,
        // with the same code (XML_ERR_DOCUMENT_END) as content after the root element.
        #expect(Self.failure("<a>")?.code == 5)
        #expect(Self.failure("<a/>\n<b/>") == XMLEvents.Failure(code: 5, line: 2, column: 1))
        #expect(Self.failure("<a>\n<b>\n</a>") == XMLEvents.Failure(code: 76, line: 3, column: 5))
        #expect(Self.failure("<w:a/>")?.code == 201)
        #expect(Self.failure("<a>&nope;</a>")?.code == 26)
    }

    @Test("bytes the encoding converter cannot decode fail with the converter's error, from the start or part way")
    func undecodable() throws {
        let nul = Data([0, 0, 0, 0]) + Data("<a/>".utf8)
        let declared = Data(#"<?xml version="1.0" encoding="EUC-JP"?><a>"#.utf8) + Data([0xFF, 0xFE, 0x80]) + Data("</a>".utf8)
        // Four NULs read as UCS-4 give no document at all; the declared EUC-JP is refused by the
        // converter (XML_I18N_CONV_FAILED).
        for (data, code) in [(nul, 4), (declared, 6003)] {
            do {
                try XMLEvents.read(data) { _ in }
                Issue.record("read: \(Array(data))")
            } catch let failure as XMLEvents.Failure {
                #expect(failure.code == code && failure.line == 1, "\(failure)")
            }
        }
    }
}
