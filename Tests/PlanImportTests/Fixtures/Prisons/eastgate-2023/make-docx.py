"""Writes source.docx: an action plan in the layout HMPPS uses since May 2022 to answer the
priority and key concerns of an HM Inspectorate of Prisons report. Run with python-docx."""
from docx import Document

doc = Document()
for line in ["HM Prison & Probation Service", "Action Plan Submitted: 9 November 2023",
             "A Response to: HMI Prisons: Report on an unannounced inspection of HMP Eastgate",
             "Report Published: 3 October 2023", "ACTION PLAN: HMP Eastgate"]:
    doc.add_paragraph(line)

header = ["Concern No", "Concern", "Accepted/ Partly Accepted/ Rejected", "Response Action Taken/Planned",
          "Responsible Owner", "Target Date"]
rows = [
    ("section", "Priority concerns"),
    ("1", "Too many prisoners spent more than 22 hours a day locked in their cells.", ["Accepted"],
     ["1.1 A revised core day will give every prisoner at least four hours out of cell each weekday."], ["Head of Operations"], ["January 2024"]),
    ("2", "Illicit drugs were too easy to obtain.", ["Accepted"],
     ["2.1 A drug strategy will be published, with monthly testing targets."], ["Head of Security"], ["December 2023"]),
    ("", "", [], ["2.2 Body scanners will be used on every new arrival."], ["Head of Reception"], ["March 2024"]),
    ("section", "Key concerns"),
    ("3", "Prisoners waited too long to see a GP.", ["Partly Accepted",
     "Health care is commissioned by NHS England, not by the prison; the prison will support the provider."],
     ["3.1 The prison will give the health care provider escorts for every clinic."], ["Head of Residence"], ["February 2024"]),
    ("4", "Complaints were not answered on time.", ["Rejected",
     "Complaints are already answered within the national policy's time limits."],
     [], [], []),
]
table = doc.add_table(rows=1, cols=6)
for cell, text in zip(table.rows[0].cells, header):
    cell.text = text
for row in rows:
    cells = table.add_row().cells
    if row[0] == "section":
        merged = cells[0].merge(cells[5])
        merged.text = row[1]
        continue
    number, text, status, response, owners, targets = row
    cells[0].text = number
    cells[1].text = text
    for cell, paragraphs in zip(cells[2:], [status, response, owners, targets]):
        if paragraphs:
            cell.text = paragraphs[0]
            for paragraph in paragraphs[1:]:
                cell.add_paragraph(paragraph)
doc.save("source.docx")
