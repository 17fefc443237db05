/// `diff --format json`, written directly: the text `JSONOutput.encode` gives for the diff
/// (`DiffRenderer.JSONDiff`: indented, keys sorted, slashes as they are, absent values left out,
/// unsafe characters escaped), without building the encoder's tree of values first. Each type's
/// keys are written in sorted order, as the encoder sorts them; a test holds the two texts equal.
enum DiffJSON {
    static func encode(_ diff: DiffRenderer.JSONDiff) -> String {
        var json = PrettyJSON()
        json.object {
            $0.array("changes", diff.changes, change)
            $0.key("counts")
            $0.object { json in
                for (kind, count) in diff.counts.sorted(by: { $0.key < $1.key }) { json.field(kind, count) }
            }
            $0.field("new", diff.new)
            $0.field("old", diff.old)
            $0.field("parsedFiles", diff.parsedFiles)
            $0.field("tool", diff.tool)
            $0.field("version", diff.version)
        }
        return UnsafeCharacters.escapedInJSON(json.text)
    }

    private static func change(_ json: inout PrettyJSON, _ c: Change) {
        json.object {
            if let action = c.action { $0.field("action", action) }
            if let value = c.actionValue { $0.key("actionValue"); action(&$0, value) }
            if let added = c.added { $0.array("added", added) { $0.string($1) } }
            if let move = c.currentOwners { $0.key("currentOwners"); self.move(&$0, move) }
            if let move = c.currentState { $0.key("currentState"); self.move(&$0, move) }
            if let move = c.currentTarget { $0.key("currentTarget"); self.move(&$0, move) }
            if let field = c.field { $0.field("field", field) }
            $0.field("kind", c.kind.rawValue)
            if let months = c.months { $0.field("months", months) }
            if let new = c.new { $0.field("new", new) }
            if let old = c.old { $0.field("old", old) }
            if let oldNumber = c.oldNumber { $0.field("oldNumber", oldNumber) }
            if let path = c.path { $0.field("path", path) }
            if let number = c.recommendation { $0.field("recommendation", number) }
            if let kind = c.recommendationKind { $0.field("recommendationKind", kind.rawValue) }
            if let value = c.recommendationValue { $0.key("recommendationValue"); recommendation(&$0, value) }
            if let removed = c.removed { $0.array("removed", removed) { $0.string($1) } }
            $0.field("summary", c.summary)
            if let update = c.update { $0.field("update", update) }
            if let value = c.updateValue { $0.key("updateValue"); self.update(&$0, value) }
            if let words = c.words {
                $0.array("words", words) { json, segment in
                    json.object {
                        $0.field("kind", segment.kind.rawValue)
                        $0.field("text", segment.text)
                    }
                }
            }
        }
    }

    private static func move(_ json: inout PrettyJSON, _ move: Move) {
        json.object {
            if let new = move.new { $0.field("new", new) }
            if let old = move.old { $0.field("old", old) }
        }
    }

    private static func recommendation(_ json: inout PrettyJSON, _ r: RecommendationValue) {
        json.object {
            $0.array("actions", r.actions, action)
            $0.field("addressee", r.addressee)
            if let part = r.implementedPart { $0.field("implemented-part", part) }
            if let kind = r.kind { $0.field("kind", kind) }
            $0.field("number", r.number)
            if let reason = r.reason {
                $0.key("reason")
                $0.object {
                    $0.array("categories", reason.categories) { $0.string($1) }
                    $0.field("text", reason.text)
                }
            }
            if let reference = r.reference { $0.field("reference", reference) }
            if let response = r.response { $0.field("response", response) }
            $0.field("status", r.status)
            $0.field("text", r.text)
            if let theme = r.theme { $0.field("theme", theme) }
        }
    }

    private static func action(_ json: inout PrettyJSON, _ a: ActionValue) {
        json.object {
            $0.field("id", a.id)
            if let note = a.note { $0.field("note", note) }
            $0.array("owners", a.owners) { $0.string($1) }
            $0.field("state", a.state)
            if let target = a.target { $0.field("target", target) }
            $0.field("text", a.text)
            $0.array("updates", a.updates, update)
        }
    }

    private static func update(_ json: inout PrettyJSON, _ u: UpdateValue) {
        json.object {
            $0.field("date", u.date)
            if let owners = u.owners { $0.array("owners", owners) { $0.string($1) } }
            if let state = u.state { $0.field("state", state) }
            if let target = u.target { $0.field("target", target) }
            $0.field("text", u.text)
        }
    }
}
