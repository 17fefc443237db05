import FuzzSupport
import Glibc
import PlanKit

/// `.plantool.yaml`, through `LintConfiguration.parse`: a configuration and no error, or no
/// configuration and at least one error, every diagnostic placed inside the file; an anchor or
/// an alias is never accepted; and no input takes more than a second of processor time (an alias
/// bomb of 400 bytes took 42 s before the reader refused aliases). Processor time, not libFuzzer's
/// `-timeout` on the wall clock, which a loaded machine trips with inputs that take milliseconds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let started = FuzzChecks.processorSeconds()
    let (configuration, diagnostics) = LintConfiguration.parse(bytes, path: LintConfiguration.fileName)
    let seconds = FuzzChecks.processorSeconds() - started
    precondition(seconds < 1, "reading \(bytes.count) bytes took \(seconds) s of processor time")
    let errors = diagnostics.filter { $0.severity == .error }
    if let configuration {
        precondition(errors.isEmpty, "a configuration and errors: \(errors)")
        // What looks like an anchor or alias must be text inside a value read (a plain
        // scalar may hold "x, *y"), never a node's anchor or an alias.
        let texts = (configuration.configuredOwners ?? []) + (configuration.configuredVaguePhrases ?? [])
        for token in FuzzChecks.anchorsAndAliases(bytes) {
            precondition(texts.contains { $0.lowercased().contains(token.lowercased()) },
                         "a configuration with an anchor or alias '\(token)' was accepted")
        }
    } else {
        precondition(!errors.isEmpty, "no configuration and no error")
    }
    FuzzChecks.placedInside(diagnostics, bytes)
    return 0
}

/// The executable's entry point, as SwiftPM names it (see FuzzDriver).
@_cdecl("FuzzConfiguration_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
