/// Every lint rule, in the order `--list-rules` shows them.
public enum RuleRegistry {
    public static let all: [any LintRule] = [
        // The template's categories
        AgreedHasActions(),
        PartlyAgreedStatesPart(),
        PartlyAgreedHasActions(),
        ReasonRequired(),
        NotAgreedNoPlannedActions(),
        // SMART
        ActionSpecific(),
        ActionMeasurable(),
        ActionHasTarget(),
        TargetWording(),
        ActionHasOwner(),
        OwnerNotPlaceholder(),
        OwnerNamesRole(),
        OwnerKnown(),
        ActionOverdue(),
        // Plan consistency
        NumbersContiguous(),
        ActionIDUnique(),
        ActionIDPrefix(),
        CrossReference(),
        UpdateOrder(),
        UpdateInFuture(),
        UpdateAfterRevision(),
        UpdateTargetBeforeDate(),
        TargetBeforePublication(),
        SummaryMatches(),
        PlanDates(),
        MergeConflictMarker(),
        // History: compared with a base revision (off without one)
        TargetMovedWithoutUpdate(),
        TargetMovedEarlier(),
        CompletedReopened(),
        ActionRemovedWithoutTrace(),
        StatusDowngraded(),
        UpdateRewritten(),
    ]

    public static func rule(_ id: String) -> (any LintRule)? {
        all.first { $0.id == id }
    }

    /// Every rule id plantool knows: the reader's and the linter's.
    public static var allIDs: [String] {
        FormatRule.allCases.map(\.id) + all.map(\.id)
    }
}
