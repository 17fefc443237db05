/// One export format: its name, the file extensions it is chosen by, and the bytes of a plan in
/// it. Every format the `export` command offers conforms, and is listed in `PlanExporters.all`.
public protocol PlanExporter {
    /// The name `--format` takes: "markdown".
    static var formatName: String { get }
    /// The extensions (lower case, without the dot) that choose this format from `-o`'s file
    /// name; the first is the one to suggest: ["md", "markdown"].
    static var fileExtensions: [String] { get }
    /// Whether the output is text that may be written to a terminal (DOCX is not).
    static var isText: Bool { get }
    /// The plan in this format.
    static func export(_ plan: Plan) throws -> [UInt8]
}

extension PlanExporter {
    public static var isText: Bool { true }
}

/// The export formats, in the order help and messages list them.
public enum PlanExporters {
    public static var all: [any PlanExporter.Type] {
        [MarkdownExport.self, HTMLExport.self, CSVExport.self, DocxWriter.self, PlanJSON.self, ICSExport.self]
    }

    /// The format named `name` (as `--format` gives it, any case), if there is one.
    public static func named(_ name: String) -> (any PlanExporter.Type)? {
        all.first { $0.formatName == name.lowercased() }
    }

    /// The format a file extension (without the dot, any case) chooses, if any.
    public static func forExtension(_ fileExtension: String) -> (any PlanExporter.Type)? {
        all.first { $0.fileExtensions.contains(fileExtension.lowercased()) }
    }
}

extension MarkdownExport: PlanExporter {
    public static let formatName = "markdown"
    public static let fileExtensions = ["md", "markdown"]
    public static func export(_ plan: Plan) -> [UInt8] { Array(render(OfficialDocument(plan)).utf8) }
}

extension HTMLExport: PlanExporter {
    public static let formatName = "html"
    public static let fileExtensions = ["html", "htm"]
    public static func export(_ plan: Plan) -> [UInt8] { Array(render(OfficialDocument(plan), title: plan.info.title).utf8) }
}

extension DocxWriter: PlanExporter {
    public static let formatName = "docx"
    public static let fileExtensions = ["docx"]
    public static let isText = false
    public static func export(_ plan: Plan) throws -> [UInt8] { Array(try write(OfficialDocument(plan), title: plan.info.title)) }
}

extension PlanJSON: PlanExporter {
    public static let formatName = "json"
    public static let fileExtensions = ["json"]
    public static func export(_ plan: Plan) -> [UInt8] { Array(render(plan).utf8) }
}
