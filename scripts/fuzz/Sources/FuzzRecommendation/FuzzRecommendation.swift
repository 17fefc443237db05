import FuzzSupport
import PlanKit

/// A recommendation file: the reader answers with a model or an error, and a model it gives
/// back reads again unchanged after the canonical writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = PlanFormat.parseRecommendation(bytes, path: "recommendations/01.yaml")
    if let rec = parsed.value {
        let again = PlanFormat.parseRecommendation(Array(CanonicalWriter.write(rec).utf8), path: "recommendations/01.yaml")
        precondition(again.value == rec, "a recommendation did not read back after writing")
    } else {
        precondition(parsed.diagnostics.contains { $0.severity == .error }, "no value and no error")
    }
    return 0
}

/// The executable's entry point, as SwiftPM names it (see FuzzDriver).
@_cdecl("FuzzRecommendation_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
