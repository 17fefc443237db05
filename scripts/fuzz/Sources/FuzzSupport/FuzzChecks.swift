import Glibc
import PlanKit

/// Checks the importer targets share.
public enum FuzzChecks {
    /// The processor time this thread has used, in seconds: unlike the wall clock, it does not
    /// count the time other processes on a loaded machine take.
    public static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// An imported plan's files, as the canonical writer writes them, read back without errors.
    public static func writesAndReadsBack(_ plan: Plan) {
        let info = PlanFormat.parsePlanInfo(Array(CanonicalWriter.write(plan.info).utf8), path: "plan.yaml")
        precondition(!info.diagnostics.contains { $0.severity == .error },
                     "an imported plan.yaml did not read back: \(info.diagnostics)")
        for rec in plan.recommendations {
            let parsed = PlanFormat.parseRecommendation(Array(CanonicalWriter.write(rec).utf8), path: "recommendations/01.yaml")
            precondition(!parsed.diagnostics.contains { $0.severity == .error },
                         "an imported recommendation did not read back: \(parsed.diagnostics)")
        }
    }
}
