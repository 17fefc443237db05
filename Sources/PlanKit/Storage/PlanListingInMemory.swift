/// Reading a listing made from files in memory (`PlanListing(files:)`), so that two versions of
/// a plan that were never committed (an edit's before and after) can be compared as `diff`
/// compares revisions.
extension PlanListing {
    public static func inMemoryContents(of entry: Entry) -> Result<[UInt8], PlanFileError> {
        entry.bytes ?? .failure(PlanFileError("has no content"))
    }
}
