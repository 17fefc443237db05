import FuzzSupport
import PlanKit

/// The merge driver's merge (`PlanFileMerge.merge`, what `plantool merge-driver` calls) of three
/// recommendation files split from one input: base, ours, theirs (an empty base is none, as git
/// gives when both sides added the file). A side that cannot be read, a refusal or conflicts are
/// answers; a clean merge must read back without errors and keep every action and every update
/// a side added relative to the base (theirs' action under its new id when it was renumbered).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let parts = FuzzInputs.split(bytes, into: 3)
    let path = "recommendations/01.yaml"
    let base: [UInt8]? = parts[0].isEmpty ? nil : parts[0]
    let outcome = PlanFileMerge.merge(base: base, ours: parts[1], theirs: parts[2], kind: .recommendation, path: path)
    guard case .merged(let text, let conflicts, _) = outcome, conflicts.isEmpty else { return 0 }
    let merged = PlanFormat.parseRecommendation(Array(text.utf8), path: path)
    precondition(!merged.diagnostics.contains { $0.severity == .error } && merged.value != nil,
                 "a clean merge does not read back: \(merged.diagnostics)")
    func read(_ bytes: [UInt8]) -> Recommendation? { PlanFormat.parseRecommendation(bytes, path: path).value }
    guard let result = merged.value, let ours = read(parts[1]), let theirs = read(parts[2]) else {
        preconditionFailure("a side of a clean merge does not read")
    }
    MergeChecks.keepsAdditions(base: base.flatMap(read), ours: ours, theirs: theirs, result: result)
    return 0
}

/// The executable's entry point, as SwiftPM names it (see FuzzDriver).
@_cdecl("FuzzMerge_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
