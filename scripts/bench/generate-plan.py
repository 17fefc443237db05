#!/usr/bin/env python3
"""Generates a large, valid, realistic action plan for benchmarks.

    python3 scripts/bench/generate-plan.py OUT_DIR --recommendations 2000 [--seed 1]
    python3 scripts/bench/generate-plan.py OUT_DIR --recommendations 30 --history 200
    python3 scripts/bench/generate-plan.py OUT_DIR --recommendations 2000 --history 200 \
        --last-commit-changes 50 --busy 1

writes OUT_DIR/plan.yaml and OUT_DIR/recommendations/NN.yaml (01.yaml ... 99.yaml, 100.yaml ...),
in plantool's canonical layout (what `plantool fmt` writes: quoted ids and full dates, long text
folded at 80 columns with `>-`, multi-paragraph text as `|-`), so that

    plantool lint OUT_DIR --as-of 2024-01-01   reports no error (some warnings, as real plans have)
    plantool fmt --check OUT_DIR               finds nothing to change

The output depends only on the arguments: the same seed gives the same bytes. With --history N,
OUT_DIR also becomes a git repository of N commits: the first adds the plan, each later one makes
the kind of change a plan's revision makes (an update added to an action, an action completed, a
target moved, a response reworded), every commit a valid plan, with pinned dates and identity.
Each of those commits changes one recommendation file; --last-commit-changes K makes the last one
change K files at once (an update added to an open action of each of K recommendations, the
response reworded where none is open), and --busy NUMBER makes every fourth commit change
recommendation NUMBER (a recommendation with a long history, for `plantool log`). Without these
two options the history is what it was before they existed.

Only the Python standard library is used.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys

WIDTH = 80  # CanonicalWriter.width

# ---------------------------------------------------------------------------------------------
# The canonical writer, as Sources/PlanKit/Format/CanonicalWriter.swift and YAMLScalars.swift
# define it (for the text this generator produces: single spaces, printable characters).

BOOLEANS = {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
            "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"}


def plain_safe(ch):
    v = ord(ch)
    return (0x20 <= v <= 0x7E or 0xA0 <= v <= 0x2027 or 0x202A <= v <= 0xD7FF
            or 0xE000 <= v <= 0xFEFE or 0xFF00 <= v <= 0xFFFD or 0x10000 <= v <= 0x10FFFF)


def looks_numeric(s):
    body = s[1:] if s[:1] in "+-" and s else s
    if body in (".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"):
        return True
    if not body or not (body[0].isdigit() and body[0].isascii() or body[0] == "."):
        return False
    if body[:2] in ("0x", "0o", "0b"):
        return len(body) > 2 and all(c in "0123456789abcdefABCDEF_" for c in body[2:])
    saw_digit, previous = False, None
    for c in body:
        if "0" <= c <= "9":
            saw_digit = True
        elif c in "._:":
            pass
        elif c in "eE":
            if not saw_digit:
                return False
        elif c in "+-":
            if previous not in ("e", "E"):
                return False
        else:
            return False
        previous = c
    return saw_digit


def looks_like_timestamp(s):
    if len(s) < 8 or not s[:4].isdigit() or not s[:4].isascii() or s[4] != "-":
        return False
    i = 5
    while i < len(s) and s[i] in "0123456789":
        i += 1
    if not 1 <= i - 5 <= 2 or i >= len(s) or s[i] != "-":
        return False
    i += 1
    day = i
    while i < len(s) and s[i] in "0123456789":
        i += 1
    if not 1 <= i - day <= 2:
        return False
    return i == len(s) or s[i] in "Tt \t"


def can_be_plain(s):
    if not s or not all(plain_safe(c) for c in s):
        return False
    if s[0] == " " or s[-1] == " " or s[-1] == ":":
        return False
    if s[0] in "-?:,[]{}#&*!|>'\"%@`":
        return False
    if ": " in s or " #" in s:
        return False
    if s in ("", "~", "null", "Null", "NULL") or s in BOOLEANS or s in ("<<", "="):
        return False
    return not looks_numeric(s) and not looks_like_timestamp(s)


def double_quoted(s):
    out = ['"']
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        else:
            assert plain_safe(c), repr(c)
            out.append(c)
    out.append('"')
    return "".join(out)


def fold(value, width):
    words = value.split(" ")
    lines, current = [], ""
    for word in words:
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


class Emitter:
    def __init__(self, modeline):
        self.lines = [modeline] if modeline else []

    @staticmethod
    def prefix(key, indent, item):
        return " " * indent + ("- " if item else "") + key + ":"

    def open(self, key, indent):
        self.lines.append(self.prefix(key, indent, False))

    def scalar(self, key, value, indent, item=False):
        self.lines.append(self.prefix(key, indent, item) + " " + value)

    def date(self, key, value, indent, item=False):
        self.scalar(key, value if can_be_plain(value) else double_quoted(value), indent, item)

    def list(self, key, items, indent):
        self.open(key, indent)
        for entry in items:
            self.lines.append(" " * (indent + 2) + "- " + (entry if can_be_plain(entry) else double_quoted(entry)))

    def text(self, key, value, indent, item=False):
        assert "  " not in value.replace("\n", "") and value == value.strip(), repr(value)
        head = self.prefix(key, indent, item)
        content = " " * (indent + (4 if item else 2))
        if "\n" in value:
            self.lines.append(head + " |-")
            for line in value.split("\n"):
                self.lines.append(content + line if line else "")
            return
        fits = len(head) + 1 + len(value) <= WIDTH
        if can_be_plain(value) and fits:
            self.lines.append(head + " " + value)
        elif not fits:
            self.lines.append(head + " >-")
            self.lines.extend(content + line for line in fold(value, WIDTH - len(content)))
        else:
            self.lines.append(head + " " + double_quoted(value))

    def output(self):
        return "\n".join(self.lines) + "\n"


PLAN_MODELINE = "# yaml-language-server: $schema=schema/plan.schema.json"
RECOMMENDATION_MODELINE = "# yaml-language-server: $schema=../schema/recommendation.schema.json"


def write_plan(plan):
    w = Emitter(PLAN_MODELINE)
    w.scalar("format", "1", 0)
    w.text("title", plan["title"], 0)
    w.text("organisation", plan["organisation"], 0)
    w.text("inspectorate", plan["inspectorate"], 0)
    w.open("report", 0)
    w.text("title", plan["title"], 2)
    w.date("published", plan["published"], 2)
    w.date("submitted", plan["submitted"], 0)
    w.open("revisions", 0)
    for submitted, title in plan["revisions"]:
        w.date("submitted", submitted, 2, item=True)
        w.text("title", title, 4)
    w.open("summary", 0)
    for key in ("agreed", "partly-agreed", "not-agreed"):
        w.scalar(key, str(plan["summary"][key]), 2)
    w.text("introduction", plan["introduction"], 0)
    return w.output()


def write_recommendation(rec):
    w = Emitter(RECOMMENDATION_MODELINE)
    w.scalar("number", str(rec["number"]), 0)
    w.text("addressee", rec["addressee"], 0)
    if rec.get("theme"):
        w.text("theme", rec["theme"], 0)
    w.text("text", rec["text"], 0)
    w.scalar("status", rec["status"], 0)
    if rec.get("implemented-part"):
        w.text("implemented-part", rec["implemented-part"], 0)
    if rec.get("reason"):
        w.open("reason", 0)
        w.scalar("categories", "[" + ", ".join(rec["reason"]["categories"]) + "]", 2)
        w.text("text", rec["reason"]["text"], 2)
    if rec.get("response"):
        w.text("response", rec["response"], 0)
    if not rec["actions"]:
        w.scalar("actions", "[]", 0)
    else:
        w.open("actions", 0)
        for action in rec["actions"]:
            w.text("id", action["id"], 2, item=True)
            w.text("text", action["text"], 4)
            if action.get("owners"):
                w.list("owners", action["owners"], 4)
            if action.get("target"):
                w.date("target", action["target"], 4)
            w.scalar("state", action["state"], 4)
            if action.get("note"):
                w.text("note", action["note"], 4)
            if action.get("updates"):
                w.open("updates", 4)
                for update in action["updates"]:
                    w.date("date", update["date"], 6, item=True)
                    w.text("text", update["text"], 8)
                    if update.get("state"):
                        w.scalar("state", update["state"], 8)
                    if update.get("target"):
                        w.date("target", update["target"], 8)
                    if update.get("owners"):
                        w.list("owners", update["owners"], 8)
    return w.output()


def file_name(number):
    return "%02d.yaml" % number


# ---------------------------------------------------------------------------------------------
# The plan's content: word lists in the style of HM Inspectorate of Probation action plans.

PUBLISHED = "2023-03-14"
SUBMITTED = "2023-05-02"
UPDATE_MONTHS = ["2023-06", "2023-07", "2023-09", "2023-10", "2023-11", "2023-12"]

ADDRESSEES = [
    (60, "HM Prison and Probation Service"),
    (15, "The Ministry of Justice"),
    (8, "HM Prison and Probation Service and the Ministry of Justice"),
    (6, "Probation Regional Directors"),
    (5, "Her Majesty's Prison and Probation Service, together with the Community Rehabilitation Companies"),
    (3, "The Parole Board"),
    (3, "Purple Futures"),
]

THEMES = ["Leadership", "Staff", "Services", "Information and facilities", "Partnerships",
          "Risk management", "Sentence management", "Quality assurance", "Court work",
          "Resettlement", "Victims", "Diversity and inclusion"]

REC_VERBS = ["Review and revise", "Ensure that", "Introduce", "Develop and implement", "Strengthen",
             "Improve", "Make sure that", "Establish", "Analyse", "Put in place", "Evaluate"]

REC_OBJECTS = [
    "the quality of risk assessment and risk management planning for people released on licence",
    "the arrangements for sharing domestic abuse and safeguarding information with the police and local authorities",
    "the process for issuing licence warnings, including guidance on thresholds and the recording of management decisions",
    "the use, accessibility and effectiveness of alternatives to recall, including approved premises",
    "the workload measurement tool, so that it reflects the time that practitioners need to manage cases well",
    "the induction, training and supervision of newly qualified probation officers",
    "the provision of accommodation for people leaving custody, particularly those released at short notice",
    "the information on recalls, to identify significant variations in practice between and within regions",
    "management oversight of high-risk cases through the Touch Points model",
    "the consistency of executive release decisions across all regions",
    "the availability of interventions and accredited programmes for people on licence",
    "the recruitment and retention of probation staff in the regions with the highest vacancy rates",
    "the estate, so that every probation office provides safe and suitable space to meet people under supervision",
    "the case management system, so that practitioners can record and find risk information quickly",
    "the arrangements with courts for pre-sentence reports, including the use of short format reports",
    "the engagement of people on probation in the design and review of services",
    "the understanding of diversity needs, including the needs of women and of black, Asian and minority ethnic people",
    "the quality assurance framework, so that regional leaders have accurate information on practice",
]

REC_QUALIFIERS = [
    "", "", "",
    "so that practitioners can identify and respond to changes in risk",
    "and report progress to the regional leadership team",
    "in line with the national standards",
    "across all probation regions",
    "before the new contracts begin",
    "with clear timescales and responsibilities",
    "and monitor its effect on outcomes for service users",
]

OWNERS = [
    "Deputy Director, Public Protection Group",
    "Deputy Director, Effective Practice and Service Improvement Group",
    "Deputy Director, Residential and Accommodation Support Services",
    "Senior Responsible Officer, Probation Reform Programme",
    "Executive Director, Probation Workforce and Recovery Programme",
    "Head of Estates, Business Strategy and Change",
    "Chief Property Officer, MoJ Estates",
    "Director of Operations & Delivery, MoJ People Group",
    "Deputy Director of Business Strategy and Change",
    "Probation Deputy Director, Courts",
    "Deputy Director Prisons, Director General Prisons",
    "Head of Sentence Management Policy",
    "Head of Performance and Quality, Probation Operations",
    "Regional Probation Directors",
    "Quality, Policy and Performance Unit",
    "Head of Interventions Delivery, Probation Operations",
    "Chief Digital and Information Officer, MoJ Digital",
    "Head of Learning and Development, HMPPS",
    "Executive Director, Wales",
    "Deputy Director, Women's Policy Team",
]

TEAMS = ["The Public Protection Group (PPG)", "The Effective Practice and Service Improvement Group",
         "HMPPS", "The Probation Reform Programme", "Each Regional Probation Director", "MoJ Estates",
         "The Quality and Effective Practice Team", "The Interventions Team", "MoJ Digital",
         "The Women's Policy Team", "The Learning and Development Team", "The Courts Team"]

DELIVERABLES = [
    "revised guidance on {topic}", "a national framework for {topic}", "a training package on {topic}",
    "a quarterly performance report on {topic}", "a practice toolkit on {topic}",
    "an audit of {topic} in every region", "a dashboard of management information on {topic}",
    "a policy instruction on {topic}", "an evaluation of {topic}", "a learning pathway on {topic}",
]

TOPICS = ["licence warnings", "recall decisions", "risk management planning", "domestic abuse enquiries",
          "safeguarding checks", "home detention curfew address checks", "approved premises referrals",
          "management oversight", "executive release", "pre-sentence reports", "workload measurement",
          "staff supervision", "accommodation on release", "accredited programmes", "case recording"]

ACTION_VERBS = ["develop and publish", "issue", "deliver", "introduce", "produce", "establish",
                "complete", "roll out", "agree and publish"]

MEASURES = [
    "Progress will be reported quarterly to the Probation Performance Board.",
    "All regions will have implemented it by {month} {year}.",
    "At least 90 per cent of practitioners will have completed it by {month} {year}.",
    "The results will be reported to the regional leadership teams each month.",
    "Compliance will be measured through the quarterly case audit.",
    "The first report will be published by {month} {year}, and each quarter after it.",
    "",
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

UPDATE_TEXTS = [
    "The {deliverable} has been completed and was issued to all regions in {month} {year}.",
    "Work on the {deliverable} is under way; a draft has been shared with the regions for comment and the final version is expected shortly.",
    "The {deliverable} was delayed by the unification of probation services. Drafting has resumed and the target has been revised.",
    "The {deliverable} is being piloted in two regions. The pilot will be evaluated before national roll-out.",
    "The {deliverable} has been published on EQUIP and briefed to senior leaders. Regions are now embedding it in local practice.",
    "A project board has been established to oversee the {deliverable}, and it meets monthly.",
]

REASON_TEXTS = {
    "affordability": "resourcing need and affordability will need to be balanced against other priorities in the spending review period",
    "operational": "the operational pressures on the probation service mean that this cannot be delivered in full within the timescale proposed",
    "policy": "the recommendation conflicts with the current policy on {topic}, which has been agreed by ministers",
    "commissioning": "the services concerned are commissioned through the Dynamic Framework, and the contracts cannot be changed before they are renewed",
}

PARTS = ["The review of {topic}", "The revision of the guidance on {topic}",
         "The training of staff on {topic}", "The publication of data on {topic}"]

RESPONSES = [
    "HMPPS welcomes this recommendation. Much of the work is already under way as part of the Probation Reform Programme.",
    "The response below sets out the actions that will be taken nationally; regions will add local actions to their business plans.",
    "This recommendation will be delivered alongside the response to the inspection of {topic}.",
]

INTRODUCTION = (
    "Her Majesty's Inspectorate of Probation is the independent inspector of youth offending and "
    "probation services in England and Wales. It reports on the effectiveness of probation and youth "
    "offending service work with adults and children.\n\n"
    "In response to the report, HMPPS/MoJ are required to draft a robust and timely action plan to "
    "address the recommendations. The action plan confirms whether recommendations are agreed, partly "
    "agreed or not agreed. Where a recommendation is agreed or partly agreed, the action plan provides "
    "specific steps and actions to address these. Actions are clear, measurable, achievable and "
    "relevant with the owner and timescale of each step clearly identified. Action plans are published "
    "on the HMI Probation website. Progress against the implementation and delivery of the action "
    "plans will be monitored by HMPPS/MoJ and reviewed annually by HMI Probation."
)


def sentence(text):
    text = " ".join(text.split())
    return text[0].upper() + text[1:]


def month_index(month):
    year, m = month.split("-")
    return int(year) * 12 + int(m) - 1


def month_of(index):
    return "%04d-%02d" % (index // 12, index % 12 + 1)


class Generator:
    def __init__(self, count, seed):
        self.count = count
        self.rng = random.Random(seed)

    def weighted(self, pairs):
        total = sum(w for w, _ in pairs)
        pick = self.rng.uniform(0, total)
        for weight, value in pairs:
            pick -= weight
            if pick <= 0:
                return value
        return pairs[-1][1]

    def target(self):
        # Targets run from a month after publication to two years on; those before 2024 are overdue
        # on --as-of 2024-01-01 when still open (a warning, as in real plans).
        first = month_index("2023-04")
        index = first + self.rng.randrange(0, 30)
        if self.rng.random() < 0.08:
            return "%04d-Q%d" % (index // 12, (index % 12) // 3 + 1)
        return month_of(index)

    def deliverable(self):
        return self.rng.choice(DELIVERABLES).format(topic=self.rng.choice(TOPICS))

    def measure(self):
        year = self.rng.choice([2023, 2024, 2024, 2025])
        return self.rng.choice(MEASURES).format(month=self.rng.choice(MONTHS), year=year)

    def action_text(self, references):
        team = self.rng.choice(TEAMS)
        deliverable = self.deliverable()
        verb = self.rng.choice(ACTION_VERBS)
        roll = self.rng.random()
        if roll < 0.03:
            # The vague kind a reviewer flags (action-specific / action-measurable warnings).
            return sentence(f"continue to work with partners on {self.rng.choice(TOPICS)}")
        text = f"{team} will {verb} {deliverable}."
        if self.rng.random() < 0.5:
            text += f" This will set out the expectations of practitioners and managers on {self.rng.choice(TOPICS)}."
        text += " " + self.measure()
        if references and self.rng.random() < 0.15:
            text += f" (See {self.rng.choice(references)} above.)"
        return sentence(text)

    def updates(self, state, target):
        count = self.weighted([(45, 0), (40, 1), (15, 2)])
        months = sorted(self.rng.sample(UPDATE_MONTHS, count), key=month_index)
        updates = []
        for index, date in enumerate(months):
            last = index == count - 1
            update = {"date": date,
                      "text": sentence(self.rng.choice(UPDATE_TEXTS).format(
                          deliverable=self.deliverable().split(" ", 1)[1], month=self.rng.choice(MONTHS[:11]), year=2023))}
            if last:
                choice = self.weighted([(45, "completed"), (35, "in-progress"), (10, "ongoing"), (10, None)])
                if choice:
                    update["state"] = choice
                if choice in ("in-progress", None) and self.rng.random() < 0.5:
                    update["target"] = month_of(month_index(date) + self.rng.randrange(3, 15))
                if self.rng.random() < 0.05:
                    update["owners"] = [self.rng.choice(OWNERS)]
            elif self.rng.random() < 0.5:
                update["state"] = "in-progress"
            updates.append(update)
        return updates

    def action(self, number, index, open_allowed, references):
        action = {"id": f"{number}.{index}", "text": self.action_text(references)}
        owners = self.weighted([(80, 1), (17, 2), (3, 0 if open_allowed else 1)])
        if owners:
            action["owners"] = self.rng.sample(OWNERS, owners)
        if open_allowed:
            action["target"] = self.target()
            action["state"] = "planned"
            if self.rng.random() < 0.05:
                action["note"] = self.rng.choice(["Subject to funding being agreed", "Review date agreed with the Parole Board",
                                                  "Dependent on the new case management system"])
            action["updates"] = self.updates(action["state"], action["target"])
        else:
            action["state"] = self.rng.choice(["dropped", "completed"])
            action["updates"] = []
        return action

    def recommendation(self, number, references):
        rec = {"number": number, "addressee": self.weighted(ADDRESSEES)}
        if self.rng.random() < 0.7:
            rec["theme"] = self.rng.choice(THEMES)
        text = f"{self.rng.choice(REC_VERBS)} {self.rng.choice(REC_OBJECTS)} {self.rng.choice(REC_QUALIFIERS)}"
        if number > 1 and self.rng.random() < 0.05:
            text += f". This should build on the response to recommendation {self.rng.randrange(1, number)}"
        rec["text"] = sentence(text)
        status = self.weighted([(85, "agreed"), (11, "partly-agreed"), (4, "not-agreed")])
        rec["status"] = status
        topic = self.rng.choice(TOPICS)
        if status != "agreed":
            categories = sorted(self.rng.sample(list(REASON_TEXTS), self.weighted([(80, 1), (20, 2)])),
                                key=list(REASON_TEXTS).index)
            reason = REASON_TEXTS[categories[0]].format(topic=topic)
            if status == "partly-agreed":
                rec["implemented-part"] = self.rng.choice(PARTS).format(topic=topic)
                reason = "This recommendation is partly agreed as " + reason
            else:
                reason = "This recommendation is not agreed as " + reason
            rec["reason"] = {"categories": categories, "text": reason + "."}
        roll = self.rng.random()
        if roll < 0.12:
            rec["response"] = self.rng.choice(RESPONSES).format(topic=topic)
        elif roll < 0.15:
            rec["response"] = (self.rng.choice(RESPONSES).format(topic=topic) + "\n\n"
                               + "Progress will be reported to the Probation Performance Board, and the plan updated each year.")
        if status == "not-agreed":
            count = self.weighted([(60, 0), (40, 1)])
            rec["actions"] = [self.action(number, i + 1, False, references) for i in range(count)]
        else:
            count = self.weighted([(45, 1), (40, 2), (15, 3)])
            rec["actions"] = [self.action(number, i + 1, True, references) for i in range(count)]
        return rec

    def plan(self):
        recs, references = [], []
        for number in range(1, self.count + 1):
            rec = self.recommendation(number, references[-40:])
            references.extend(a["id"] for a in rec["actions"])
            recs.append(rec)
        summary = {key: sum(1 for r in recs if r["status"] == key) for key in ("agreed", "partly-agreed", "not-agreed")}
        plan = {
            "title": "A Thematic Inspection of Probation Risk Management and Recall (benchmark plan)",
            "organisation": "HM Prison and Probation Service",
            "inspectorate": "HM Inspectorate of Probation",
            "published": PUBLISHED,
            "submitted": SUBMITTED,
            "revisions": [("2023-12-05", "Action Plan Update")],
            "summary": summary,
            "introduction": INTRODUCTION,
        }
        return plan, recs


# ---------------------------------------------------------------------------------------------
# Writing, and the optional git history.

def write_file(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def write_plan_folder(out, plan, recs):
    os.makedirs(os.path.join(out, "recommendations"), exist_ok=True)
    write_file(os.path.join(out, "plan.yaml"), write_plan(plan))
    for rec in recs:
        write_file(os.path.join(out, "recommendations", file_name(rec["number"])), write_recommendation(rec))
    # The JSON Schemas the modelines point to, as `plantool init` writes them.
    schema = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schema")
    os.makedirs(os.path.join(out, "schema"), exist_ok=True)
    for name in ("plan.schema.json", "recommendation.schema.json"):
        source = os.path.join(schema, name)
        if os.path.exists(source):
            shutil.copyfile(source, os.path.join(out, "schema", name))


def git(out, *args, env=None):
    subprocess.run(["git", "-C", out, *args], check=True, env=env, stdout=subprocess.DEVNULL)


def make_history(out, gen, plan, recs, commits, last_changes=1, busy=None):
    """A repository of `commits` commits: the plan, then one revision-like change per commit.

    With last_changes > 1 the last commit changes that many recommendation files at once (a
    quarterly update); with busy, recommendation `busy` is the one changed in every fourth commit.
    With the defaults the random draws, and so the bytes, are those of the plain history."""
    base = 1_700_000_000  # 2023-11-14, one hour between commits
    identity = {"GIT_AUTHOR_NAME": "Plan Author", "GIT_AUTHOR_EMAIL": "author@example.invalid",
                "GIT_COMMITTER_NAME": "Plan Author", "GIT_COMMITTER_EMAIL": "author@example.invalid"}

    def env(i):
        stamp = "@%d +0000" % (base + 3600 * i)
        return {**os.environ, **identity, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}

    subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
    git(out, "config", "core.autocrlf", "false")
    git(out, "add", "-A")
    git(out, "commit", "-q", "--no-verify", "-m", "Start the action plan", env=env(0))
    rng = gen.rng

    def open_actions_of(rec):
        return [a for a in rec["actions"] if a["state"] != "dropped" and a.get("target")]

    def add_update(open_actions):
        action = rng.choice(open_actions)
        updates = action.setdefault("updates", [])
        last = updates[-1]["date"] if updates else "2023-05"
        date = month_of(min(month_index("2023-12"), month_index(last) + rng.randrange(0, 3)))
        update = {"date": date, "text": sentence(rng.choice(UPDATE_TEXTS).format(
            deliverable=gen.deliverable().split(" ", 1)[1], month=rng.choice(MONTHS[:11]), year=2023))}
        if rng.random() < 0.5:
            update["state"] = rng.choice(["in-progress", "completed"])
        else:
            update["target"] = month_of(month_index(date) + rng.randrange(2, 12))
        updates.append(update)
        return action

    def reword(rec, i):
        rec["response"] = rng.choice(RESPONSES).format(topic=rng.choice(TOPICS)) + f" (Revision {i}.)"

    def save(rec):
        write_file(os.path.join(out, "recommendations", file_name(rec["number"])), write_recommendation(rec))

    busy_rec = next(r for r in recs if r["number"] == busy) if busy else None
    for i in range(1, commits):
        if i == commits - 1 and last_changes > 1:
            # A quarterly update: an update added to one open action of each of last_changes
            # recommendations (the response reworded where none is open).
            for rec in sorted(rng.sample(recs, last_changes), key=lambda r: r["number"]):
                open_actions = open_actions_of(rec)
                if open_actions:
                    add_update(open_actions)
                else:
                    reword(rec, i)
                save(rec)
            git(out, "commit", "-q", "--no-verify", "-a", "-m",
                f"Quarterly update of {last_changes} recommendations", env=env(i))
            break
        rec = rng.choice(recs)
        if busy_rec is not None and i % 4 == 0:
            rec = busy_rec
        open_actions = open_actions_of(rec)
        kind = rng.random()
        if open_actions and kind < 0.6:
            action = add_update(open_actions)
            message = f"Update to action {action['id']}"
        elif open_actions and kind < 0.8:
            action = rng.choice(open_actions)
            target = month_of(month_index("2023-04") + rng.randrange(0, 30))
            while target == action["target"]:
                # The same month again would leave nothing to commit: draw again (only then, so
                # the histories that never drew the same month keep their bytes).
                target = month_of(month_index("2023-04") + rng.randrange(0, 30))
            action["target"] = target
            message = f"Move the target of action {action['id']} to {action['target']}"
        else:
            reword(rec, i)
            message = f"Reword the response to recommendation {rec['number']}"
        save(rec)
        git(out, "commit", "-q", "--no-verify", "-a", "-m", message, env=env(i))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", metavar="OUT_DIR", help="folder to write the plan into (created; must not hold a plan)")
    parser.add_argument("--recommendations", type=int, default=2000, metavar="N", help="number of recommendations (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--history", type=int, default=0, metavar="N",
                        help="also make OUT_DIR a git repository with N commits of plan revisions")
    parser.add_argument("--last-commit-changes", type=int, default=1, metavar="K",
                        help="with --history: the last commit changes K recommendation files at once (default 1)")
    parser.add_argument("--busy", type=int, metavar="NUMBER",
                        help="with --history: recommendation NUMBER is the one changed in every fourth commit")
    args = parser.parse_args()
    if args.recommendations < 1:
        parser.error("--recommendations must be at least 1")
    if args.last_commit_changes < 1 or args.last_commit_changes > args.recommendations:
        parser.error("--last-commit-changes must be between 1 and the number of recommendations")
    if args.busy is not None and not 1 <= args.busy <= args.recommendations:
        parser.error("--busy must be the number of one of the recommendations")
    if (args.last_commit_changes > 1 or args.busy is not None) and args.history < 2:
        parser.error("--last-commit-changes and --busy need --history 2 or more")
    if os.path.exists(os.path.join(args.out, "plan.yaml")):
        parser.error(f"{args.out} already holds a plan.yaml")
    gen = Generator(args.recommendations, args.seed)
    plan, recs = gen.plan()
    write_plan_folder(args.out, plan, recs)
    if args.history > 0:
        make_history(args.out, gen, plan, recs, args.history, args.last_commit_changes, args.busy)
    print(f"generated {args.out}: plan.yaml and {len(recs)} recommendations "
          f"({plan['summary']['agreed']} agreed, {plan['summary']['partly-agreed']} partly agreed, "
          f"{plan['summary']['not-agreed']} not agreed; "
          f"{sum(len(r['actions']) for r in recs)} actions)"
          + (f", {args.history} commits" if args.history > 0 else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
