import FuzzSupport
import PlanImport
import PlanKit

/// The CSV table: refused with an error, or recommendations the canonical writer writes and the
/// reader reads back without errors.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = String(validating: bytes, as: UTF8.self),
          let recommendations = try? CSVPlanReader.readRecommendations(text) else { return 0 }
    for rec in recommendations {
        let parsed = PlanFormat.parseRecommendation(Array(CanonicalWriter.write(rec).utf8), path: "recommendations/01.yaml")
        precondition(!parsed.diagnostics.contains { $0.severity == .error },
                     "a recommendation read from CSV did not read back: \(parsed.diagnostics)")
    }
    return 0
}

/// The executable's entry point, as SwiftPM names it (see FuzzDriver).
@_cdecl("FuzzCSV_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
