/// The whole plan as one JSON document, for other programs: the same field names and values as
/// the YAML files, so the format's documentation and schemas describe it.
///
/// ```json
/// {"format": 1, "plan": {…plan.yaml…}, "recommendations": [{…recommendations/NN.yaml…}, …]}
/// ```
///
/// `format` is this export's version (1). `plan` holds plan.yaml's fields, `recommendations`
/// each recommendation file's fields, in number order. Dates are their ISO strings ("2021-07",
/// "2021-12-07", "2022-Q1"); a field the plan does not give is absent (never `null`); an
/// action's `state` and a recommendation's `actions` are always written, as the canonical YAML
/// writer writes them; an action's `owners` only when it has some (absent means none), an
/// update's only when it sets them. Keys are sorted and the output indented (plantool's
/// `JSONOutput`), so the same plan always gives the same bytes. Described by
/// `schema/export.schema.json`, which refers to `plan.schema.json` and
/// `recommendation.schema.json`.
public enum PlanJSON {
    /// The export format's version.
    public static let format = 1

    public static func render(_ plan: Plan) -> String {
        JSONOutput.encode(Export(plan))
    }

    // MARK: The document

    struct Export: Encodable {
        var format = PlanJSON.format
        var plan: PlanFile
        var recommendations: [RecommendationFile]

        init(_ plan: Plan) {
            self.plan = PlanFile(plan.info)
            recommendations = plan.recommendations.map(RecommendationFile.init)
        }
    }

    struct PlanFile: Encodable {
        var format: Int
        var title: String
        var organisation: String
        var inspectorate: String
        var report: ReportFields
        var submitted: String?
        var revisions: [RevisionFields]?
        var summary: SummaryFields?
        var introduction: String?
        /// The words the plan gives, by their key (sorted as every key is).
        var vocabulary: [String: String]?

        init(_ info: PlanInfo) {
            format = info.format
            title = info.title
            organisation = info.organisation
            inspectorate = info.inspectorate
            report = ReportFields(title: info.report.title, published: info.report.published?.description, url: info.report.url)
            submitted = info.submitted?.description
            revisions = info.revisions.isEmpty ? nil : info.revisions.map { RevisionFields(submitted: $0.submitted.description, title: $0.title) }
            summary = info.summary.map { SummaryFields(agreed: $0.agreed, partlyAgreed: $0.partlyAgreed, notAgreed: $0.notAgreed) }
            introduction = info.introduction
            let given = info.vocabulary.given
            vocabulary = given.isEmpty ? nil : Dictionary(uniqueKeysWithValues: given.map { ($0.key, $0.word) })
        }
    }

    struct ReportFields: Encodable {
        var title: String
        var published: String?
        var url: String?
    }

    struct RevisionFields: Encodable {
        var submitted: String
        var title: String
    }

    struct SummaryFields: Encodable {
        var agreed: Int
        var partlyAgreed: Int
        var notAgreed: Int

        enum CodingKeys: String, CodingKey {
            case agreed
            case partlyAgreed = "partly-agreed"
            case notAgreed = "not-agreed"
        }
    }

    struct RecommendationFile: Encodable {
        var number: Int
        var reference: String?
        var kind: String?
        var addressee: String
        var theme: String?
        var text: String
        var status: String
        var implementedPart: String?
        var reason: ReasonFields?
        var response: String?
        var actions: [ActionFields]

        enum CodingKeys: String, CodingKey {
            case number, reference, kind, addressee, theme, text, status
            case implementedPart = "implemented-part"
            case reason, response, actions
        }

        init(_ rec: Recommendation) {
            number = rec.number
            reference = rec.reference
            kind = rec.kind == .recommendation ? nil : rec.kind.rawValue
            addressee = rec.addressee
            theme = rec.theme
            text = rec.text
            status = rec.status.rawValue
            implementedPart = rec.implementedPart
            reason = rec.reason.map { ReasonFields(categories: $0.categories.map(\.rawValue), text: $0.text) }
            response = rec.response
            actions = rec.actions.map(ActionFields.init)
        }
    }

    struct ReasonFields: Encodable {
        var categories: [String]
        var text: String
    }

    struct ActionFields: Encodable {
        var id: String
        var text: String
        var owners: [String]?
        var target: String?
        var state: String
        var note: String?
        var updates: [UpdateFields]?

        init(_ action: Action) {
            id = action.id
            text = action.text
            owners = action.owners.isEmpty ? nil : action.owners
            target = action.target?.description
            state = action.state.rawValue
            note = action.note
            updates = action.updates.isEmpty ? nil : action.updates.map {
                UpdateFields(date: $0.date.description, text: $0.text, state: $0.state?.rawValue,
                             target: $0.target?.description, owners: $0.owners)
            }
        }
    }

    struct UpdateFields: Encodable {
        var date: String
        var text: String
        var state: String?
        var target: String?
        var owners: [String]?
    }
}
