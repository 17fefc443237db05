/// A Python script that reads a DOCX's text as Word shows it after "Accept all" (`accept`),
/// "Reject all" (`reject`) or as it is (`plain`): `python3 -c SOURCE MODE FILE` prints the
/// body's paragraphs and tables (each cell's paragraphs joined by line breaks, a list item
/// opening with "• ") as JSON. Accepting drops every deleted row, run (`w:del`, `w:delText`) and
/// paragraph left empty by a deleted mark, unwraps insertions, and leaves comments out.
enum DocxRevisionsScript {
    static let source = #"""
import json, sys, zipfile
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def resolve(root, mode):
    if mode == "plain":
        return
    gone, kept = ("del", "ins") if mode == "accept" else ("ins", "del")
    parents = {c: p for p in root.iter() for c in p}
    for tr in list(root.iter(W + "tr")):
        marks = tr.find(W + "trPr")
        if marks is not None and marks.find(W + gone) is not None:
            parents[tr].remove(tr)
    for p in root.iter(W + "p"):
        marks = p.find(W + "pPr/" + W + "rPr")
        if marks is not None and marks.find(W + gone) is not None:
            p.set("markGone", "1")
    parents = {c: p for p in root.iter() for c in p}
    for el in list(root.iter(W + gone)):
        if len(el) > 0:
            parents[el].remove(el)
    parents = {c: p for p in root.iter() for c in p}
    for el in list(root.iter(W + kept)):
        parent = parents[el]
        if len(el) == 0:
            continue
        i = list(parent).index(el)
        parent.remove(el)
        for j, child in enumerate(list(el)):
            parent.insert(i + j, child)
    for t in root.iter(W + "delText"):
        t.tag = W + "t"

def text(p):
    out = ""
    for el in p.iter():
        if el.tag == W + "t":
            out += el.text or ""
        elif el.tag == W + "tab":
            out += "\t"
        elif el.tag == W + "br":
            out += "\n"
    if p.find(W + "pPr/" + W + "numPr") is not None:
        out = "\u2022 " + out
    return out

def paragraphs(ps):
    return [text(p) for p in ps if not (p.get("markGone") and text(p) == "")]

with zipfile.ZipFile(sys.argv[2]) as z:
    root = ET.fromstring(z.read("word/document.xml"))
resolve(root, sys.argv[1])
blocks = []
for child in root.find(W + "body"):
    if child.tag == W + "p":
        blocks += [["p", t] for t in paragraphs([child])]
    elif child.tag == W + "tbl":
        blocks.append(["table", [["\n".join(paragraphs(tc.findall(W + "p"))) for tc in tr.findall(W + "tc")]
                                 for tr in child.findall(W + "tr")]])
json.dump(blocks, sys.stdout, ensure_ascii=False, indent=0)
"""#
}
