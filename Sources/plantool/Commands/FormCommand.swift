import ArgumentParser
import Foundation
import PlanKit
import PlanWorkflow

extension Plantool {
    struct FormCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "form",
            abstract: "Send owners their open actions as a Word (or CSV) form, and record the filled forms as updates.",
            discussion: """
                form export makes a form per owner from the plan as HEAD holds it: a table per \
                recommendation with the columns Action, Action text, Current target, Current state, \
                Progress update, New state and New target date, one row per open action. form import \
                records each filled row as a dated update on a draft branch and commits it.
                """,
            subcommands: [FormExportCommand.self, FormImportCommand.self]
        )
    }
}

extension Plantool.FormCommand {
    struct FormExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write an owner's form (-o FILE.docx or FILE.csv), or a form per owner into a folder.",
            discussion: """
                With --owner, one form for the open actions one of whose current owners contains \
                the text (any case), written to -o FILE (.docx or .csv). Without it, -o names a \
                folder, and each owner of an open action gets a form there, named after them \
                (--format csv for spreadsheets). The form records the plan, its identity and the \
                commit it was made from in the document's custom properties. --due-within keeps \
                the actions whose current target ends within that many months (overdue ones too).
                """
        )

        @OptionGroup var planOption: PlanOption

        @Option(help: ArgumentHelp("One owner: the actions with an owner whose name contains this text (any case).", valueName: "text"))
        var owner: String?

        @Option(name: .customLong("due-within"), help: ArgumentHelp("Only actions due within this many months (and overdue ones).", valueName: "months"))
        var dueWithin: Int?

        @Option(help: ArgumentHelp("docx or csv, for a folder of forms (default: docx; a file's extension decides for one form).", valueName: "format"))
        var format: FormExport.Format?

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The form's file with --owner, else the folder for the forms.", valueName: "path"))
        var output: String

        func validate() throws {
            if let dueWithin, !(0...120).contains(dueWithin) { throw ValidationError("--due-within must be between 0 and 120 months; got \(dueWithin)") }
            if let owner, owner.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--owner must not be empty") }
            if owner != nil, format == nil, FormExport.Format(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) == nil {
                throw ValidationError("cannot tell the form's format from '\(output)': name a .docx or .csv file")
            }
            // A CSV named .docx (or a DOCX named .csv) would not open, nor import: the
            // extension is how both Word and `form import` tell the format.
            if owner != nil, let format, let named = FormExport.Format(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()), named != format {
                throw ValidationError("--format \(format.rawValue) writes a .\(format.rawValue) file, but '\(output)' is named .\(named.rawValue)")
            }
        }

        func run() throws {
            let written = try FormExport(plan: planOption.plan, owner: owner, dueWithinMonths: dueWithin, output: output,
                                         format: format, today: Day.today()).run()
            for form in written {
                Output.line("wrote \(form.path): \(Wording.count(form.actions, "open action")) of \(form.owner)")
            }
        }
    }
}

extension FormExport.Format: ExpressibleByArgument {}
