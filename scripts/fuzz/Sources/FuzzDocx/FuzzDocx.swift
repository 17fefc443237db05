import Foundation
import FuzzSupport
import PlanImport
import PlanKit

/// A DOCX (a ZIP archive) through DocxReader and PlanImporter: refused with an error, or a plan
/// whose files the canonical writer writes and the reader reads back without errors.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? Data() : Data(bytes: data!, count: size)
    guard let document = try? DocxReader.read(bytes),
          let result = try? PlanImporter.interpret(document) else { return 0 }
    FuzzChecks.writesAndReadsBack(result.plan)
    return 0
}

/// The executable's entry point, as SwiftPM names it (see FuzzDriver).
@_cdecl("FuzzDocx_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
