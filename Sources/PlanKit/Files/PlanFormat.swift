/// The result of reading one plan file: the value when it is valid, every problem found, and
/// where each field stands in the file.
public struct ParsedFile<Value: Sendable>: Sendable {
    /// The value; nil when the file has errors.
    public var value: Value?
    public var diagnostics: [Diagnostic]
    public var sourceMap: SourceMap
    /// The editor modeline on the first line, kept by the writer.
    public var modeline: String?
    /// The comments (the modeline excluded). Only plantool's own directives
    /// (`# plantool: disable=RULE`, `# plantool: conflict ...`) are allowed; any other is a
    /// `comment` error, so a file with one has no value.
    public var comments: [Comment]

    /// `# plantool: disable=...` and `disable-file=...` directives among the comments.
    public var directives: [LintDirective] { comments.compactMap(LintDirective.init) }
}

/// Reading plan files: bytes in, model and diagnostics out. Never throws, never stops at the first
/// problem of a well-formed file.
public enum PlanFormat {
    public static let planKeys = ["format", "title", "organisation", "inspectorate", "report", "submitted",
                                  "revisions", "summary", "introduction", "vocabulary"]
    public static let reportKeys = ["title", "published", "url"]
    public static let revisionKeys = ["submitted", "title"]
    public static let summaryKeys = ["agreed", "partly-agreed", "not-agreed"]
    /// `vocabulary`: the plan's words for each status and the headings of each kind.
    public static let vocabularyKeys = ["agreed", "partly-agreed", "not-agreed", "priority-concerns", "key-concerns",
                                        "recommendations", "concerns", "numbers"]
    public static let recommendationKeys = ["number", "reference", "kind", "addressee", "theme", "text", "status", "implemented-part",
                                            "reason", "response", "actions"]
    public static let reasonKeys = ["categories", "text"]
    public static let actionKeys = ["id", "text", "owners", "target", "state", "note", "updates"]
    public static let updateKeys = ["date", "text", "state", "target", "owners"]

    /// Reads `plan.yaml`.
    /// `keepsPlaces: false` leaves the source map empty, for readers that want the value only.
    public static func parsePlanInfo(_ bytes: [UInt8], path: String, keepsPlaces: Bool = true) -> ParsedFile<PlanInfo> {
        parse(bytes, path: path, keepsPlaces: keepsPlaces, keys: planKeys, what: "plan.yaml", read: readPlanInfo)
    }

    /// Reads a `recommendations/NN.yaml` file.
    /// `keepsPlaces: false` leaves the source map empty, for readers that want the value only.
    public static func parseRecommendation(_ bytes: [UInt8], path: String, keepsPlaces: Bool = true) -> ParsedFile<Recommendation> {
        parse(bytes, path: path, keepsPlaces: keepsPlaces, keys: recommendationKeys, what: "a recommendation", read: readRecommendation)
    }

    /// A file's mapping read field by field with `read`; `keys` are the fields it may have.
    private static func parse<T>(_ bytes: [UInt8], path: String, keepsPlaces: Bool, keys: [String], what: String,
                                 read: (Fields, inout FieldReader) -> T?) -> ParsedFile<T> {
        let document = YAMLDocument(bytes: bytes, path: path)
        var reader = FieldReader(path: path, keepsPlaces: keepsPlaces)
        var value: T? = nil
        if let root = document.root, let fields = reader.fields(of: root, at: "", known: keys, what: what) {
            value = read(fields, &reader)
        }
        return finish(value, document, reader)
    }

    private static func finish<T>(_ value: T?, _ document: YAMLDocument, _ reader: FieldReader) -> ParsedFile<T> {
        let diagnostics = FindingCap.perRule(document.diagnostics + reader.diagnostics)
        return ParsedFile(value: diagnostics.hasErrors ? nil : value, diagnostics: diagnostics,
                          sourceMap: reader.sourceMap, modeline: document.modeline, comments: document.comments)
    }

    // MARK: plan.yaml

    private static func readPlanInfo(_ f: Fields, _ r: inout FieldReader) -> PlanInfo? {
        let format = r.integer(f, "format", required: true, range: 0...Limits.maxNumber)
        if let format, format != PlanInfo.currentFormat {
            r.report(.unsupportedFormat, at: f["format"].flatMap { FieldReader.location($0.1) },
                     "format \(format) is not supported; this plantool reads format \(PlanInfo.currentFormat)")
        }
        let title = r.text(f, "title", required: true)
        let organisation = r.text(f, "organisation", required: true)
        let inspectorate = r.text(f, "inspectorate", required: true)
        var report: Report? = nil
        if let rf = r.mapping(f, "report", required: true, known: reportKeys) {
            let reportTitle = r.text(rf, "title", required: true)
            let published = r.day(rf, "published", required: false)
            let url = r.text(rf, "url", required: false)
            if let reportTitle { report = Report(title: reportTitle, published: published, url: url) }
        }
        let submitted = r.day(f, "submitted", required: false)
        var revisions: [Revision] = []
        for (index, node) in (r.list(f, "revisions", required: false) ?? []).enumerated() {
            guard let rf = r.fields(of: node, at: "revisions[\(index)]", known: revisionKeys, what: "a revision") else { continue }
            let day = r.day(rf, "submitted", required: true)
            let title = r.text(rf, "title", required: true)
            if let day, let title { revisions.append(Revision(submitted: day, title: title)) }
        }
        var summary: Summary? = nil
        if let sf = r.mapping(f, "summary", required: false, known: summaryKeys) {
            let agreed = r.integer(sf, "agreed", required: true, range: 0...Limits.maxNumber)
            let partly = r.integer(sf, "partly-agreed", required: true, range: 0...Limits.maxNumber)
            let not = r.integer(sf, "not-agreed", required: true, range: 0...Limits.maxNumber)
            if let agreed, let partly, let not { summary = Summary(agreed: agreed, partlyAgreed: partly, notAgreed: not) }
        }
        let introduction = r.text(f, "introduction", required: false)
        let vocabulary = r.mapping(f, "vocabulary", required: false, known: vocabularyKeys).map { readVocabulary($0, &r) }
        guard let format, let title, let organisation, let inspectorate, let report else { return nil }
        return PlanInfo(format: format, title: title, organisation: organisation, inspectorate: inspectorate,
                        report: report, submitted: submitted, revisions: revisions, summary: summary,
                        introduction: introduction, vocabulary: vocabulary ?? .standard)
    }

    /// How a plan prints its numbers, in `vocabulary`'s `numbers`.
    enum NumberStyle: String, CaseIterable {
        case references
    }

    private static func readVocabulary(_ f: Fields, _ r: inout FieldReader) -> PlanWords {
        var words = PlanWords()
        for status in Status.allCases {
            words.statuses[status] = r.text(f, status.rawValue, required: false)
        }
        for kind in RecommendationKind.allCases {
            words.headings[kind] = r.text(f, kind.rawValue + "s", required: false)
        }
        words.concerns = r.text(f, "concerns", required: false)
        words.numbersAreReferences = r.choice(f, PlanWords.numbersKey, required: false, as: NumberStyle.self) == .references
        return words
    }

    // MARK: recommendations/NN.yaml

    private static func readRecommendation(_ f: Fields, _ r: inout FieldReader) -> Recommendation? {
        let number = r.integer(f, "number", required: true, range: 1...Limits.maxNumber)
        let reference = r.text(f, "reference", required: false)
        let kind = r.choice(f, "kind", required: false, as: RecommendationKind.self) ?? .recommendation
        let addressee = r.text(f, "addressee", required: true)
        let theme = r.text(f, "theme", required: false)
        let text = r.text(f, "text", required: true)
        let status = r.choice(f, "status", required: true, as: Status.self)
        let implementedPart = r.text(f, "implemented-part", required: false)
        var reason: Reason? = nil
        if let rf = r.mapping(f, "reason", required: false, known: reasonKeys) {
            // The categories may be missing or empty: lint's reason-required names what is
            // missing, and import records an explanation whose category it cannot find.
            let categories = rf["categories"] == nil ? [] : readCategories(rf, &r)
            let reasonText = r.text(rf, "text", required: true)
            if let categories, let reasonText { reason = Reason(categories: categories, text: reasonText) }
        }
        let response = r.text(f, "response", required: false)
        var actions: [Action] = []
        for (index, node) in (r.list(f, "actions", required: false) ?? []).enumerated() {
            if let action = readAction(node, path: "actions[\(index)]", &r) { actions.append(action) }
        }
        guard let number, let addressee, let text, let status else { return nil }
        return Recommendation(number: number, addressee: addressee, theme: theme, text: text, status: status,
                              implementedPart: implementedPart, reason: reason, response: response, actions: actions,
                              kind: kind, reference: reference)
    }

    private static func readCategories(_ f: Fields, _ r: inout FieldReader) -> [ReasonCategory]? {
        guard let items = r.list(f, "categories", required: false) else { return nil }
        var categories: [ReasonCategory] = []
        var ok = true
        for item in items {
            guard case .scalar(let scalar) = item else {
                r.report(.wrongType, at: FieldReader.location(item), "each category must be a word, found \(FieldReader.describe(item))")
                ok = false
                continue
            }
            if r.holdsUnsafeCharacter(scalar.string, key: "categories", at: FieldReader.location(item)) {
                ok = false
                continue
            }
            guard let category = r.choice(scalar.string, key: "categories", at: FieldReader.location(item), as: ReasonCategory.self) else {
                ok = false
                continue
            }
            if categories.contains(category) {
                r.report(.invalidValue, at: FieldReader.location(item), "category '\(category.rawValue)' is listed twice")
                ok = false
                continue
            }
            categories.append(category)
        }
        return ok ? categories : nil
    }

    private static func readAction(_ node: YAMLNode, path: String, _ r: inout FieldReader) -> Action? {
        r.record(path, key: nil, value: FieldReader.location(node))
        guard let f = r.fields(of: node, at: path, known: actionKeys, what: "an action") else { return nil }
        let id = readID(f, &r)
        let text = r.text(f, "text", required: true)
        let owners = r.textList(f, "owners") ?? []
        let target = r.planDate(f, "target", required: false, quarters: true)
        let state = r.choice(f, "state", required: false, as: ActionState.self) ?? .planned
        let note = r.text(f, "note", required: false)
        var updates: [Update] = []
        for (index, item) in (r.list(f, "updates", required: false) ?? []).enumerated() {
            let updatePath = "\(path).updates[\(index)]"
            r.record(updatePath, key: nil, value: FieldReader.location(item))
            guard let uf = r.fields(of: item, at: updatePath, known: updateKeys, what: "an update") else { continue }
            let date = r.planDate(uf, "date", required: true, quarters: false)
            let updateText = r.text(uf, "text", required: true)
            let updateState = r.choice(uf, "state", required: false, as: ActionState.self)
            let updateTarget = r.planDate(uf, "target", required: false, quarters: true)
            let updateOwners = r.textList(uf, "owners")
            if let date, let updateText {
                updates.append(Update(date: date, text: updateText, state: updateState, target: updateTarget, owners: updateOwners))
            }
        }
        guard let id, let text else { return nil }
        return Action(id: id, text: text, owners: owners, target: target, state: state, note: note, updates: updates)
    }

    /// Action ids are text ("1.10" is not 1.1), written as dot-separated whole numbers.
    private static func readID(_ f: Fields, _ r: inout FieldReader) -> String? {
        guard let (_, node) = f["id"] else {
            r.missing(f, "id")
            return nil
        }
        guard case .scalar(let scalar) = node else {
            r.report(.wrongType, at: FieldReader.location(node), "'id' must be text such as \"3.1\", found \(FieldReader.describe(node))")
            return nil
        }
        let id = scalar.string
        if r.holdsUnsafeCharacter(id, key: "id", at: FieldReader.location(node)) { return nil }
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard !id.isEmpty, parts.count <= 8, parts.allSatisfy({ Int.digitsOnly($0) != nil }) else {
            r.report(.invalidID, at: FieldReader.location(node),
                     "action id '\(id)' must be dot-separated whole numbers, such as \"3.1\" or \"1.1.2\"")
            return nil
        }
        if scalar.style == .plain, YAMLScalars.nonStringReading(id) != nil {
            r.report(.ambiguousScalar, at: FieldReader.location(node),
                     "id \(id) is read as the text \"\(id)\", but other YAML readers read it as a number; write id: \"\(id)\"")
        }
        return id
    }
}
