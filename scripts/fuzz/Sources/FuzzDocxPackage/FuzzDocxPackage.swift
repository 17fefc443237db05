import Foundation
import FuzzSupport
import PlanImport
import PlanKit

/// A whole DOCX package made from its parts, through `DocxReader.read` and `PlanImporter.interpret`:
/// refused with an error, or a plan whose files the canonical writer writes and the reader reads
/// back without errors. The input lists the parts (`DocxParts`), so mutations reach every part
/// the reader may open (`_rels/.rels` and the main part it names, `[Content_Types].xml`, styles,
/// anything) as XML, their names, and how each is stored (stored, deflated, cut short, or with
/// a wrong checksum), while the ZIP around them stays well formed; `FuzzDocx` damages the ZIP.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let zip = DocxParts.zip(DocxParts.parts(bytes))
    guard let document = try? DocxReader.read(Data(zip)),
          let result = try? PlanImporter.interpret(document) else { return 0 }
    FuzzChecks.writesAndReadsBack(result.plan)
    return 0
}

/// The executable's entry point, as SwiftPM names it (see FuzzDriver).
@_cdecl("FuzzDocxPackage_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
