import FuzzSupport
import PlanKit

/// `PlanDiffer.compare` (what `plantool diff` calls) of two versions of one recommendation file,
/// split from one input (old, new). When both read, the diff is empty exactly when the canonical
/// writer writes the two the same; when a side does not read, the diff says so (a change of kind
/// `unreadable`) rather than saying nothing changed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let parts = FuzzInputs.split(bytes, into: 2)
    let path = "recommendations/01.yaml"
    func side(_ contents: [UInt8]) -> PlanDiffer.Side {
        let files = PlanFiles(displayRoot: "plan", planFile: nil,
                              recommendationFiles: [PlanFiles.File(path: path, contents: .success(contents))],
                              requiresPlanFile: false)
        return PlanDiffer.Side(listing: PlanListing(files: files)) { _ in .success(contents) }
    }
    let comparison = PlanDiffer.compare(old: side(parts[0]), new: side(parts[1]))
    let old = PlanFormat.parseRecommendation(parts[0], path: path).value
    let new = PlanFormat.parseRecommendation(parts[1], path: path).value
    if let old, let new {
        let same = CanonicalWriter.write(old) == CanonicalWriter.write(new)
        precondition(comparison.changes.isEmpty == same,
                     same ? "equal canonical files, and the diff says \(comparison.changes.map(\.summary))"
                          : "different canonical files, and the diff is empty")
    } else if parts[0] != parts[1] {
        precondition(!comparison.changes.isEmpty || !comparison.diagnostics.isEmpty,
                     "a side does not read, and the diff says nothing")
    }
    return 0
}

/// The executable's entry point, as SwiftPM names it (see FuzzDriver).
@_cdecl("FuzzDiff_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
