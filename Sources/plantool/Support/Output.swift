import Foundation
import PlanGit
import PlanKit
import PlanWorkflow
// Rainbow keeps its settings in global variables, set once at start-up (Plantool.main) and only
// read afterwards.
@preconcurrency import Rainbow

/// Where plantool writes: findings and results to standard output, errors and summaries to
/// standard error.
enum Output {
    static func line(_ text: String) {
        write(text + "\n")
    }

    static func standardError(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { write($0, to: STDERR_FILENO) }
    }

    /// Writes `text` to standard output as it is.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0, to: STDOUT_FILENO) }
    }

    /// Writes `bytes` to standard output as they are (a document, an export).
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0, to: STDOUT_FILENO) }
    }

    /// Writes all of `bytes`, again after an interrupted or partial write. A write that fails (a
    /// full disk, a pipe closed while SIGPIPE is ignored) ends plantool with exit status 2 and
    /// the reason on standard error: output cut short is never taken for success.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written >= 0 {
                offset += written
            } else if errno != EINTR {
                let reason = String(cString: strerror(errno))
                if descriptor != STDERR_FILENO {
                    error("cannot write to standard output: \(reason)")
                }
                Plantool.exit(2)
            }
        }
    }

    /// Whether colours reach standard output: a terminal (or FORCE_COLOR), and no NO_COLOR.
    /// Otherwise Rainbow still takes each styled string apart before giving it back plain, so
    /// callers that style many lines skip the styling.
    static var colours: Bool {
        // Rainbow finds its settings by copying the whole environment, twice. Output that is no
        // terminal is coloured only with FORCE_COLOR, so without it Rainbow is not asked.
        guard colourForced || isatty(STDOUT_FILENO) != 0 else { return false }
        return Rainbow.enabled && Rainbow.outputTarget == .console
    }

    /// FORCE_COLOR asks for colour even when output is not a terminal (Rainbow otherwise
    /// colours a terminal only, and NO_COLOR turns colour off).
    static let colourForced: Bool = {
        guard let force = ProcessEnvironment.value("FORCE_COLOR") else { return false }
        return !force.isEmpty && force != "0"
    }()

    static func error(_ message: String) {
        standardError("plantool: error: \(message)")
    }

    /// Diagnostics, sorted, at most `Limits.maxFindingsPerFile` for a file (`FindingCap`).
    static func diagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        line(FindingCap.apply(diagnostics).map(\.description).joined(separator: "\n"))
    }

    /// Diagnostics as `path:line:col: severity: message [rule]`, coloured on a terminal (Rainbow
    /// leaves text plain when output is not a terminal or NO_COLOR is set).
    static func humanDiagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        line(diagnostics.sorted().map { d in
            let severity: String
            switch d.severity {
            case .error: severity = "error".red.bold
            case .warning: severity = "warning".yellow.bold
            case .info: severity = "info".cyan
            }
            return "\(d.place.bold): \(severity): \(d.singleLineMessage) \("[\(d.rule)]".dim)"
        }.joined(separator: "\n"))
    }
}
