/// `status --format json`, written directly: the text `JSONOutput.encode` gives for the report
/// (`ProgressRenderer.Report`: the day, the plans, the owners across them; indented, keys
/// sorted, slashes as they are, unsafe characters escaped), without building the encoder's tree
/// of values first, which was a tenth of a status on a plan of 2,000 recommendations. Each
/// type's keys are written in sorted order; a test holds the two texts equal.
public enum ProgressJSON {
    public static func encode(asOf: Day, plans: [PlanProgress], owners: [PlanProgress.OwnerLine]?) -> String {
        var json = PrettyJSON()
        json.object {
            $0.field("asOf", asOf.description)
            if let owners { $0.array("owners", owners, ownerLine) }
            $0.array("plans", plans, plan)
        }
        return UnsafeCharacters.escapedInJSON(json.text)
    }

    private static func plan(_ json: inout PrettyJSON, _ p: PlanProgress) {
        json.object {
            $0.array("actionsByState", p.actionsByState, stateCount)
            $0.field("asOf", p.asOf.description)
            $0.array("dueSoon", p.dueSoon, actionLine)
            $0.field("dueWithinMonths", p.dueWithinMonths)
            $0.array("overdue", p.overdue, actionLine)
            if let owner = p.owner { $0.field("owner", owner) }
            $0.array("owners", p.owners, ownerLine)
            $0.field("plan", p.plan)
            $0.key("recommendations")
            $0.object {
                $0.field("agreed", p.recommendations.agreed)
                $0.field("notAgreed", p.recommendations.notAgreed)
                $0.field("partlyAgreed", p.recommendations.partlyAgreed)
                $0.field("total", p.recommendations.total)
            }
            $0.array("slippage", p.slippage, slippage)
            $0.key("source")
            $0.object {
                if let commit = p.source.commit { $0.field("commit", commit) }
                if let date = p.source.date { $0.field("date", date.description) }
                $0.field("kind", p.source.kind)
                if let summary = p.source.summary { $0.field("summary", summary) }
            }
            $0.array("timeline", p.timeline) { json, point in
                json.object {
                    $0.array("counts", point.counts, stateCount)
                    $0.field("date", point.date.description)
                }
            }
            $0.field("title", p.title)
        }
    }

    private static func stateCount(_ json: inout PrettyJSON, _ count: PlanProgress.StateCount) {
        json.object {
            $0.field("count", count.count)
            $0.field("state", count.state.rawValue)
        }
    }

    private static func actionLine(_ json: inout PrettyJSON, _ line: PlanProgress.ActionLine) {
        json.object {
            $0.field("action", line.action)
            if let late = line.monthsLate { $0.field("monthsLate", late) }
            $0.array("owners", line.owners) { $0.string($1) }
            $0.field("recommendation", line.recommendation)
            $0.field("state", line.state.rawValue)
            $0.field("target", line.target.description)
            $0.field("text", line.text)
        }
    }

    private static func ownerLine(_ json: inout PrettyJSON, _ line: PlanProgress.OwnerLine) {
        json.object {
            $0.field("completed", line.completed)
            $0.field("open", line.open)
            $0.field("overdue", line.overdue)
            $0.field("owner", line.owner)
        }
    }

    private static func slippage(_ json: inout PrettyJSON, _ slip: PlanProgress.Slippage) {
        json.object {
            $0.field("action", slip.action)
            $0.field("currentTarget", slip.currentTarget.description)
            $0.field("firstTarget", slip.firstTarget.description)
            $0.field("monthsSlipped", slip.monthsSlipped)
            $0.array("moves", slip.moves) { json, move in
                json.object {
                    $0.field("from", move.from.description)
                    $0.field("how", move.how)
                    $0.field("to", move.to.description)
                    if let when = move.when { $0.field("when", when) }
                }
            }
            $0.array("owners", slip.owners) { $0.string($1) }
            $0.field("recommendation", slip.recommendation)
            $0.field("times", slip.times)
        }
    }
}
