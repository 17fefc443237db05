import FuzzSupport
import PlanKit

/// plan.yaml: a model or an error, and a model reads back unchanged after the canonical writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = PlanFormat.parsePlanInfo(bytes, path: "plan.yaml")
    if let info = parsed.value {
        let again = PlanFormat.parsePlanInfo(Array(CanonicalWriter.write(info).utf8), path: "plan.yaml")
        precondition(again.value == info, "plan.yaml did not read back after writing")
    } else {
        precondition(parsed.diagnostics.contains { $0.severity == .error }, "no value and no error")
    }
    return 0
}

/// The executable's entry point, as SwiftPM names it (see FuzzDriver).
@_cdecl("FuzzPlanInfo_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
