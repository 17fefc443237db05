import CFuzzDriver

/// Starts libFuzzer. SwiftPM renames an executable's `main` on Linux (to `<module>_main`, so that
/// tests can import executables), which hides libFuzzer's own `main`; each target therefore
/// defines `<module>_main` and hands over to libFuzzer's driver here.
public enum FuzzDriver {
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    public static func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                           _ test: TestOneInput) -> Int32 {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, test)
    }
}
