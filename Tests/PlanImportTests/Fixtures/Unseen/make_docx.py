#!/usr/bin/env python3
"""Writes NAME.docx beside each NAME.txt here: the same plan as a Word document, made with
python-docx the way a person types it in Word. Lines with tabs are table rows (two blank lines
start a new table); other lines are paragraphs. In a cell, <p> and <li> make paragraphs (a Word
list reads back as plain paragraphs), <br> a line break, and entities are decoded."""
import glob
import html
import os
import re
import sys

import docx


def cell_paragraphs(text):
    text = re.sub(r"<br\s*/?>", "\n", text)
    parts = re.split(r"</?(?:p|li|ul|ol)[^>]*>", text)
    return [html.unescape(p).strip() for p in parts if p.strip()]


def make(path):
    document = docx.Document()
    table, width, blanks = None, 0, 0
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines:
        if not line.strip():
            blanks += 1
            continue
        if "\t" in line:
            cells = line.split("\t")
            if table is None or blanks >= 2 or len(cells) > width:
                width = max(len(cells), 2)
                table = document.add_table(rows=0, cols=width)
            row = table.add_row()
            for i, text in enumerate(cells[:width]):
                paragraphs = cell_paragraphs(text)
                cell = row.cells[i]
                cell.paragraphs[0].text = paragraphs[0] if paragraphs else ""
                for more in paragraphs[1:]:
                    cell.add_paragraph(more)
        else:
            table = None
            document.add_paragraph(line.strip())
        blanks = 0
    document.save(os.path.splitext(path)[0] + ".docx")


if __name__ == "__main__":
    folder = os.path.dirname(os.path.abspath(__file__))
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))) if len(sys.argv) < 2 else sys.argv[1:]:
        make(path)
