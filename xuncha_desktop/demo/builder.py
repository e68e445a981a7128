"""The demo workspace: a city inspection office's year (娄底市, 2020), built through the services.

Everything comes from a seeded random generator and a story clock, so two builds hold the same records
(compare their canonical dumps). The published figures of domain.md are not stored anywhere: they
come out of the records through ``services.stats``:

- rounds 8 and 9 of regular inspection cover 32 municipal units;
- the special inspection of property-title petitions by 市委第六巡察组 (16 problem projects, 1,263
  person-times of petitions, with repeats);
- the elevated cross inspection of the county propaganda, united-front and political-legal departments,
  whose problem list has 101 problems, 98 rectified;
- the rectification supervision of 23 units of rounds 8 and 9: 962 problems fed back, 70 found not yet
  rectified, 64 new, 134 in all, 132 handed over for immediate rectification, 127 of those rectified.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from xuncha_desktop.db.enums import ClueStatus, ProblemOrigin
from xuncha_desktop.db.seed import default_rule_id
from xuncha_desktop.demo import corpus
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import feedback_drafts, links, permissions
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.interviews import service as interview_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.petitions import service as petition_service
from xuncha_desktop.services.records import Filter
from xuncha_desktop.services.stats import round_figures
from xuncha_desktop.workspace import Workspace, is_workspace

DEMO_PASSPHRASE = "xuncha-demo-2020"
DEMO_DEVICE = uuid.UUID("6f1c3f1e-2020-4d5a-9c1b-000000000001")
SEED = 2020
CHINA = dt.timezone(dt.timedelta(hours=8), "CST")

# The published figures of the supervision (domain.md).
SUPERVISED_UNITS = 23
FED_BACK = 962
NOT_RECTIFIED = 70
NEW_FOUND = 64
HANDED_OVER = 132
RECTIFIED_SINCE = 127
COUNTY_PROBLEMS = 101
COUNTY_RECTIFIED = 98
SPECIAL_PETITIONS = 1263

Progress = Callable[[str], None]


class StoryClock:
    """The demo's wall clock: set to the moment a thing happens; each reading advances a millisecond."""

    def __init__(self, start: dt.datetime) -> None:
        self._millis = int(start.timestamp() * 1000)

    def set(self, moment: dt.datetime) -> None:
        self._millis = int(moment.timestamp() * 1000)

    def __call__(self) -> int:
        self._millis += 1
        return self._millis


@dataclass
class _Round:
    id: str
    name: str
    start: dt.date
    end: dt.date
    units: list[tuple[str, str]] = field(default_factory=list)   # (unit id, unit name)
    members: dict[str, list[str]] = field(default_factory=dict)  # unit id -> members of its group


def _seeded_ids(rng: random.Random) -> Callable[[], uuid.UUID]:
    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)
    return new_id


def _at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=CHINA)


def _weekday(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    span = max(0, (end - start).days)
    for _ in range(20):
        day = start + dt.timedelta(days=rng.randint(0, span))
        if day.weekday() < 5:
            return day
    return start


def _split(rng: random.Random, total: int, parts: int, spread: int) -> list[int]:
    """``parts`` whole numbers around total/parts that add up to ``total`` exactly."""
    base, extra = divmod(total, parts)
    shares = [base + (1 if i < extra else 0) for i in range(parts)]
    for _ in range(parts * 2):
        a, b = rng.randrange(parts), rng.randrange(parts)
        move = rng.randint(0, spread)
        if a != b and shares[a] - move > 5:
            shares[a] -= move
            shares[b] += move
    rng.shuffle(shares)
    return shares


class _Builder:
    def __init__(self, ws: Workspace, clock: StoryClock, rng: random.Random, progress: Progress) -> None:
        self.ws = ws
        self.clock = clock
        self.rng = rng
        self.progress = progress
        self.unit_ids: dict[str, str] = {}
        self.orgs = {name: org for name, org, _kind in [*corpus.MUNICIPAL_UNITS, *corpus.COUNTY_DEPARTMENTS]}
        self.evidence_dir = Path(tempfile.mkdtemp(prefix="xuncha-demo-evidence-"))

    # ---- helpers --------------------------------------------------------------------------------
    def add(self, session: Session, kind: str, data: dict[str, Any]) -> Any:
        return KINDS[kind].create(session, data)

    def step(self, session: Session, kind: str, record_id: Any, status: str, when: dt.datetime,
             **needs: Any) -> None:
        self.clock.set(when)
        KINDS[kind].set_status(session, record_id, status, **needs)

    def group(self, session: Session, the_round: _Round, name: str, units: Sequence[tuple[str, str]]) -> None:
        rng = self.rng
        people = [corpus.person_name(rng) for _ in range(rng.randint(5, 7))]
        roles = ["组长", "副组长"] + ["组员"] * (len(people) - 3) + ["联络员"]
        posts = ["市委巡察组组长（正处级）", "市委巡察组副组长", *["抽调干部"] * (len(people) - 3), "巡察办干部"]
        self.add(session, "group", {
            "round_id": the_round.id, "name": name, "signing_org": signing_org(name), "unit_ids": [u for u, _ in units],
            "members": [{"name": p, "role": r, "post": post} for p, r, post in zip(people, roles, posts, strict=True)],
        })
        for unit_id, _name in units:
            the_round.members[unit_id] = people
        the_round.units.extend(units)

    # ---- the story ------------------------------------------------------------------------------
    def build(self) -> None:
        rng = self.rng
        self.progress("被巡察单位 / units")
        with self.ws.transaction() as s:
            self.clock.set(_at(dt.date(2020, 3, 2)))
            county_names = {name for name, _org, _kind in corpus.COUNTY_DEPARTMENTS}
            for name, org, kind in [*corpus.MUNICIPAL_UNITS, *corpus.COUNTY_DEPARTMENTS]:
                unit = self.add(s, "unit", {
                    "name": name, "party_org": org, "party_org_kind": kind,
                    "level": "县级部门" if name in county_names else "市直单位",
                    "contact_person": corpus.person_name(rng),
                    "contact_phone": f"0738-{rng.randint(8200000, 8899999)}"})
                self.unit_ids[name] = str(unit.id)
        municipal = [(self.unit_ids[n], n) for n, _o, _k in corpus.MUNICIPAL_UNITS]
        counties = [(self.unit_ids[n], n) for n, _o, _k in corpus.COUNTY_DEPARTMENTS]

        self.progress("巡察轮次与巡察组 / rounds and groups")
        with self.ws.transaction() as s:
            r8 = self.round(s, "五届市委第八轮巡察", "regular", 8, dt.date(2020, 4, 7), dt.date(2020, 6, 30))
            r9 = self.round(s, "五届市委第九轮巡察", "regular", 9, dt.date(2020, 7, 6), dt.date(2020, 9, 30))
            special = self.round(s, "五届市委第十轮巡察（房地产办证信访突出问题专项巡察）", "special", 10,
                                 dt.date(2020, 9, 8), dt.date(2020, 12, 18), notes=(
                                     "市委第六巡察组聚焦房地产办证信访突出问题开展专项巡察，梳理问题项目16个，"
                                     "推动59个无籍房项目完成首次登记，21626户办理转移登记，11个棚改项目完成首次登记，"
                                     "1148户办理分户登记，追缴税款10228万元。"))
            cross = self.round(s, "五届市委提级交叉巡察（县市区宣传、统战、政法部门）", "elevated", None,
                               dt.date(2020, 10, 12), dt.date(2020, 12, 25))
            for number, chunk in enumerate((municipal[0:4], municipal[4:8], municipal[8:12], municipal[12:16]), 1):
                self.group(s, r8, f"市委第{'一二三四'[number - 1]}巡察组", chunk)
            for number, chunk in enumerate((municipal[16:20], municipal[20:24], municipal[24:28],
                                            municipal[28:32]), 1):
                self.group(s, r9, f"市委第{'一二三四'[number - 1]}巡察组", chunk)
            title_units = [u for u in municipal if any(k in u[1] for k in ("自然资源", "住房", "税务"))][:3] \
                or municipal[:3]
            self.group(s, special, "市委第六巡察组", title_units)
            for number in range(3):
                self.group(s, cross, f"市委第{'五七八'[number]}巡察组", counties[number * 5:(number + 1) * 5])

        for the_round in (r8, r9):
            self.progress(f"{the_round.name}：谈话、信访、线索 / interviews, petitions, clues")
            for unit_id, unit_name in the_round.units:
                with self.ws.transaction() as s:
                    self.fieldwork(s, the_round, unit_id, unit_name, interviews=rng.randint(8, 14),
                                   petitions=rng.randint(2, 7), clues=rng.randint(1, 5))
        self.progress("巡察发现问题与整改 / problems and rectification of rounds 8 and 9")
        supervised = rng.sample([*r8.units, *r9.units], SUPERVISED_UNITS)
        carried = self.regular_problems(r8, r9, supervised)
        self.progress("专项巡察 / the special inspection")
        self.special(special)
        self.progress("提级交叉巡察 / the elevated cross inspection")
        self.county(cross)
        self.progress("整改督查 / rectification supervision")
        self.supervision(r8, r9, supervised, carried)
        self.progress("证据材料与底稿 / evidence and working papers")
        self.evidence_and_papers([r8, r9, special])
        self.progress("反馈意见稿 / feedback drafts")
        self.feedback_drafts([r8, r9, special, cross])
        shutil.rmtree(self.evidence_dir, ignore_errors=True)

    def round(self, session: Session, name: str, kind: str, number: int | None, start: dt.date, end: dt.date,
              notes: str | None = None, supervised: Sequence[str] = ()) -> _Round:
        self.clock.set(_at(start - dt.timedelta(days=14)))
        record = self.add(session, "round", {
            "name": name, "kind": kind, "term": "五届市委", "number": number, "start_date": start.isoformat(),
            "end_date": end.isoformat(), "notes": notes, "supervised_round_ids": list(supervised)})
        return _Round(str(record.id), name, start, end)

    def fieldwork(self, s: Session, the_round: _Round, unit_id: str, unit_name: str, interviews: int,
                  petitions: int, clues: int) -> None:
        rng = self.rng
        members = the_round.members[unit_id]
        on_site_end = min(the_round.end, the_round.start + dt.timedelta(days=30))
        categories = ["principal"] + ["leadership"] * 3 + ["middle"] * 4 + ["staff"] * 3 + ["retired", "public"]
        made_interviews: list[Any] = []
        for number in range(interviews):
            category = categories[number] if number < len(categories) else rng.choice(categories[1:])
            day = _weekday(rng, the_round.start, on_site_end)
            start = _at(day, *rng.choice([(9, 0), (10, 30), (14, 30), (16, 0)]))
            end = start + dt.timedelta(minutes=rng.randint(40, 120))
            interviewers = rng.sample(members[:-1], 2)
            name = corpus.person_name(rng)
            self.clock.set(start)
            record = self.add(s, "interview", {
                "round_id": the_round.id, "unit_id": unit_id, "number": f"谈-{len(made_interviews) + 1:03d}",
                "kind": "required" if category in ("principal", "leadership") else rng.choice(
                    ["required", "voluntary", "named", "supplementary"]),
                "interviewee_name": name,
                "interviewee_unit": unit_name if category != "public" else None,
                "interviewee_post": rng.choice(corpus.POSTS[category]),
                "interviewee_political_status": "中共党员" if category != "public" else rng.choice(
                    ["群众", "中共党员"]),
                "interviewee_category": category, "started_at": start.isoformat(), "ended_at": end.isoformat(),
                "place": rng.choice(corpus.PLACES), "interviewers": interviewers, "recorder": interviewers[1],
                "outline": f"{corpus.INTERVIEWEE_CATEGORIES[category]}谈话提纲",
                "record_text": corpus.interview_record(rng, category, unit_name, interviewers[0], name)})
            if rng.random() < 0.9:
                self.clock.set(end + dt.timedelta(minutes=10))
                interview_service.sign(s, record.id, end + dt.timedelta(minutes=10))
            made_interviews.append(record)
        made_petitions: list[Any] = []
        for _ in range(petitions):
            when = _at(_weekday(rng, the_round.start, on_site_end), rng.randint(8, 17), rng.randint(0, 59))
            self.clock.set(when)
            anonymous = rng.random() < 0.35
            made_petitions.append(self.add(s, "petition", {
                "round_id": the_round.id, "unit_id": unit_id, "number": f"信-{len(made_petitions) + 1:03d}",
                "channel": rng.choice(["letter", "call", "visit", "online", "box"]),
                "received_at": when.isoformat(), "anonymous": anonymous,
                "petitioner_name": None if anonymous else corpus.person_name(rng),
                "petitioner_contact": None if anonymous else f"1{rng.randint(3, 9)}{rng.randint(0, 10**9 - 1):09d}",
                "subject_names": corpus.person_name(rng), "subject_unit": unit_name,
                "summary": corpus.petition_summary(rng, None, unit_name),
                "category": rng.choice(["eight_rules", "personnel", "construction", "funds", "conduct"]),
                "in_remit": rng.random() < 0.85, "handling": rng.choice(["forward", "assign", "transfer", "file"])}))
        for number in range(clues):
            source = rng.choice(["interview", "interview", "petition", "document_review", "visit"])
            person = corpus.person_name(rng)
            when = _at(_weekday(rng, the_round.start, on_site_end), 17)
            self.clock.set(when)
            clue = self.add(s, "clue", {
                "round_id": the_round.id, "unit_id": unit_id, "number": f"线-{number + 1:03d}",
                "source_kind": source, "persons_involved": person,
                "description": corpus.clue_description(rng, unit_name, person),
                "category": rng.choice(["eight_rules", "personnel", "construction", "funds", "conduct"]),
                "sealed": rng.random() < 0.1})
            if source == "interview" and made_interviews:
                links.link(s, "interview", rng.choice(made_interviews).id, "clue", clue.id)
            if source == "petition" and made_petitions:
                links.link(s, "petition", rng.choice(made_petitions).id, "clue", clue.id)
            self.walk_clue(s, clue.id, when)

    def walk_clue(self, s: Session, clue_id: Any, when: dt.datetime) -> None:
        """Moves a clue along its path to a stage drawn at random, so every status occurs."""
        rng = self.rng
        S = ClueStatus
        target = rng.choice([S.REGISTERED, S.VERIFYING, S.ANALYSING, S.TALK_INQUIRY, S.PRELIMINARY_CHECK,
                             S.PENDING, S.CLOSED_OFF, S.TRANSFERRED, S.ASSIGNED, S.IMMEDIATE, S.DONE, S.DONE])
        path = [S.VERIFYING, S.ANALYSING]
        if target in (S.REGISTERED, S.VERIFYING, S.ANALYSING):
            path = path[: [S.REGISTERED, S.VERIFYING, S.ANALYSING].index(target)]
        elif target == S.DONE:
            path += [rng.choice([S.TRANSFERRED, S.ASSIGNED, S.IMMEDIATE, S.CLOSED_OFF, S.TALK_INQUIRY]), S.DONE]
        else:
            path.append(target)
        bodies = {S.TRANSFERRED: "市纪委监委", S.ASSIGNED: rng.choice(["市委组织部", "被巡察单位党组", "市审计局"])}
        for number, status in enumerate(path, 1):
            needs: dict[str, Any] = {}
            if status in bodies:
                needs["receiving_body"] = bodies[status]
            if status == S.DONE:
                needs["result"] = rng.choice([
                    "经初步核实，反映问题部分属实，已对相关责任人进行诫勉谈话。",
                    "经核查，反映问题不属实，予以了结，并向被反映人反馈。",
                    "已立案审查调查，相关款项已全部追缴。",
                    "被巡察单位已立行立改，清退违规发放款项并完善制度。"])
            self.step(s, "clue", clue_id, status, when + dt.timedelta(days=7 * number), **needs)

    def problem(self, s: Session, the_round: _Round, unit_id: str, unit_name: str, number: int,
                in_feedback: bool = True, origin: str = ProblemOrigin.INSPECTION.value,
                statement: str | None = None, handed_over: bool = False, category: str | None = None) -> Any:
        rng = self.rng
        category = category or rng.choice(list(corpus.PROBLEM_CATEGORIES))
        self.clock.set(_at(min(the_round.end - dt.timedelta(days=10), the_round.start + dt.timedelta(days=25)), 15))
        return self.add(s, "problem", {
            "round_id": the_round.id, "unit_id": unit_id, "number": f"{number:03d}", "category": category,
            "statement": statement or corpus.problem_statement(rng, category, unit_name),
            "severity": rng.choice(["ordinary", "ordinary", "serious", "grave"]), "origin": origin,
            "in_feedback": in_feedback, "handed_over": handed_over,
            "requirement": corpus.rectification_requirement(rng, category),
            "responsible": responsible_head(self.orgs.get(unit_name, f"{unit_name}党组")),
            "deadline": (the_round.end + dt.timedelta(days=60)).isoformat()})

    def rectify(self, s: Session, problem_id: Any, start: dt.date, outcome: str) -> dt.datetime:
        """open → in_progress → outcome (rectified / not_rectified / ongoing / in_progress); returns when."""
        rng = self.rng
        measure = corpus.rectification_measure(rng)
        when = _at(start + dt.timedelta(days=rng.randint(3, 20)), 10)
        self.step(s, "problem", problem_id, "in_progress", when, measures=measure, recorded_by="被巡察单位整改联络员")
        if outcome == "in_progress":
            return when
        when = _at(start + dt.timedelta(days=rng.randint(30, 75)), 16)
        needs: dict[str, Any] = {"recorded_by": "被巡察单位整改联络员"}
        if outcome == "rectified":
            needs["proof"] = rng.choice(["整改情况报告、新修订制度文件及会议纪要", "退缴款项凭证及整改销号审批表",
                                         "相关责任人处理决定及整改台账", "项目验收资料及整改前后对比照片"])
        self.step(s, "problem", problem_id, outcome, when, **needs)
        return when

    def regular_problems(self, r8: _Round, r9: _Round, supervised: list[tuple[str, str]]
                         ) -> list[tuple[str, Any]]:
        """Problems of rounds 8 and 9; returns the (unit, problem) pairs found not rectified."""
        rng = self.rng
        supervised_ids = {u for u, _ in supervised}
        shares = dict(zip([u for u, _ in supervised], _split(rng, FED_BACK, SUPERVISED_UNITS, 8), strict=True))
        not_rectified = set(rng.sample(range(FED_BACK), NOT_RECTIFIED))
        fed_number = 0
        carried: list[tuple[str, Any]] = []
        for the_round in (r8, r9):
            for unit_id, unit_name in the_round.units:
                count = shares.get(unit_id) or rng.randint(25, 45)
                with self.ws.transaction() as s:
                    for number in range(1, count + 1):
                        problem = self.problem(s, the_round, unit_id, unit_name, number)
                        outcome = "rectified" if rng.random() < 0.94 else "ongoing"
                        if unit_id in supervised_ids:
                            if fed_number in not_rectified:
                                outcome = "not_rectified"
                                carried.append((unit_id, problem))
                            fed_number += 1
                        self.rectify(s, problem.id, the_round.end, outcome)
                    for number in range(count + 1, count + 1 + rng.randint(1, 3)):
                        # Small matters settled on the spot: not in the feedback.
                        minor = self.problem(s, the_round, unit_id, unit_name, number, in_feedback=False)
                        self.rectify(s, minor.id, the_round.start + dt.timedelta(days=10), "rectified")
        assert fed_number == FED_BACK and len(carried) == NOT_RECTIFIED
        return carried

    def special(self, special: _Round) -> None:
        rng = self.rng
        units = special.units
        with self.ws.transaction() as s:
            for number, project in enumerate(corpus.REAL_ESTATE_PROJECTS, 1):
                unit_id, unit_name = units[number % len(units)]
                trouble = rng.choice(["长期未办理不动产首次登记", "因开发商欠缴土地出让金导致业主无法办证",
                                      "存在规划红线重叠问题致使分户登记受阻", "税费清缴不到位导致转移登记停滞"])
                problem = self.problem(s, special, unit_id, unit_name, number, category="line_policy",
                                       statement=f"{project}{trouble}，涉及群众{rng.randint(120, 980)}户，"
                                                 "群众反映强烈。")
                self.rectify(s, problem.id, special.end, "rectified")
            for unit_id, unit_name in units:
                self.fieldwork(s, special, unit_id, unit_name, interviews=7, petitions=0, clues=2)
        # 1,263 person-times of letters, calls and visits; people came back about the same matter.
        made = 0
        with self.ws.transaction() as s:
            while made < SPECIAL_PETITIONS:
                size = min(SPECIAL_PETITIONS - made, rng.choice([1, 1, 1, 2, 2, 3, 4, 6]))
                project = rng.choice(corpus.REAL_ESTATE_PROJECTS)
                unit_id, unit_name = rng.choice(units)
                anonymous = rng.random() < 0.25
                person = None if anonymous else corpus.person_name(rng)
                contact = None if anonymous else f"13{rng.randint(0, 10**9 - 1):09d}"
                summary = corpus.petition_summary(rng, project, unit_name)
                earlier = None
                for _ in range(size):
                    made += 1
                    when = _at(_weekday(rng, special.start, special.end - dt.timedelta(days=5)),
                               rng.randint(8, 17), rng.randint(0, 59))
                    self.clock.set(when)
                    petition = self.add(s, "petition", {
                        "round_id": special.id, "unit_id": unit_id, "number": f"专信-{made:04d}",
                        "channel": rng.choices(["visit", "call", "letter", "online", "box"], [40, 30, 15, 10, 5])[0],
                        "received_at": when.isoformat(), "anonymous": anonymous, "petitioner_name": person,
                        "petitioner_contact": contact, "subject_unit": project, "summary": summary,
                        "category": "property_title", "handling": "assign",
                        "result": "已交办相关部门限期办理，并向信访人反馈。"})
                    if earlier is not None:
                        petition_service.mark_repeat(s, petition.id, earlier)
                    earlier = petition.id

    def county(self, cross: _Round) -> None:
        rng = self.rng
        shares = _split(rng, COUNTY_PROBLEMS, len(cross.units), 2)
        not_done = set(rng.sample(range(COUNTY_PROBLEMS), COUNTY_PROBLEMS - COUNTY_RECTIFIED))
        counter = 0
        for (unit_id, unit_name), share in zip(cross.units, shares, strict=True):
            with self.ws.transaction() as s:
                self.fieldwork(s, cross, unit_id, unit_name, interviews=3, petitions=rng.randint(0, 2), clues=1)
                for number in range(1, share + 1):
                    problem = self.problem(s, cross, unit_id, unit_name, number)
                    self.rectify(s, problem.id, cross.end,
                                 rng.choice(["ongoing", "not_rectified"]) if counter in not_done else "rectified")
                    counter += 1

    def supervision(self, r8: _Round, r9: _Round, supervised: list[tuple[str, str]],
                    carried: list[tuple[str, Any]]) -> None:
        rng = self.rng
        with self.ws.transaction() as s:
            sup = self.round(s, "2020年度巡察整改督查（三督二查一评估）", "supervision", None, dt.date(2020, 11, 2),
                             dt.date(2020, 12, 31), supervised=[r8.id, r9.id],
                             notes="对八轮、九轮巡察的23个单位开展整改督查，采取督方案、督台账、督进度，查资料、查现场，"
                                   "开展整改成效评估。")
            KINDS["round"].update(s, sup.id, {"analysis": corpus.SUPERVISION_ANALYSIS,
                                              "next_steps": corpus.SUPERVISION_NEXT_STEPS})
            for number, chunk in enumerate((supervised[:8], supervised[8:16], supervised[16:])):
                self.group(s, sup, f"整改督查第{'一二三'[number]}组", chunk)
        names = dict(supervised)
        handed = set(rng.sample(range(NOT_RECTIFIED + NEW_FOUND), HANDED_OVER))
        rectified = set(rng.sample(sorted(handed), RECTIFIED_SINCE))
        items: list[tuple[str, Any | None]] = [*carried, *[(rng.choice(supervised)[0], None)
                                                            for _ in range(NEW_FOUND)]]
        with self.ws.transaction() as s:
            for index, (unit_id, original) in enumerate(items):
                is_handed = index in handed
                if original is not None:
                    statement = f"巡察反馈问题整改不到位：{original.statement}"
                    origin = ProblemOrigin.CARRIED_OVER.value
                else:
                    statement = corpus.problem_statement(rng, rng.choice(list(corpus.PROBLEM_CATEGORIES)),
                                                         names[unit_id])
                    origin = ProblemOrigin.NEW_FOUND.value
                problem = self.problem(s, sup, unit_id, names[unit_id], index + 1, in_feedback=is_handed,
                                       origin=origin, statement=statement, handed_over=is_handed,
                                       category=original.category if original is not None else None)
                KINDS["problem"].update(s, problem.id, {"supervision_remarks": corpus.supervision_remark(
                    rng, index in rectified)})
                if original is not None:
                    links.link(s, "problem", problem.id, "problem", original.id)
                if not is_handed:
                    continue
                outcome = "rectified" if index in rectified else "in_progress"
                when = self.rectify(s, problem.id, sup.start + dt.timedelta(days=30), outcome)
                if original is not None and outcome == "rectified":
                    self.step(s, "problem", original.id, "rectified", when + dt.timedelta(days=1),
                              proof="经整改督查复核，已整改到位。", remark="整改督查交办后完成整改")

    def evidence_and_papers(self, rounds: list[_Round]) -> None:
        rng = self.rng
        files = [self.make_pdf(n) if n % 3 else self.make_image(n) for n in range(24)]
        with self.ws.transaction() as s:
            for index, the_round in enumerate(rounds):
                for unit_id, unit_name in the_round.units[:6]:
                    problems = KINDS["problem"].find(s, [_f("unit_id", unit_id), _f("round_id", the_round.id),
                                                         _f("in_feedback", "true")], limit=2)
                    for problem in problems:
                        path = rng.choice(files)
                        title = rng.choice(corpus.EVIDENCE_TITLES)
                        when = _at(the_round.start + dt.timedelta(days=rng.randint(3, 25)), 11)
                        self.clock.set(when)
                        record = evidence_service.add_file(s, self.ws.evidence, path, {
                            "title": title, "round_id": the_round.id, "unit_id": unit_id,
                            "evidence_type": "photo" if path.suffix == ".png" else rng.choice(
                                ["document", "minutes"]),
                            "source": unit_name, "provider": corpus.person_name(rng),
                            "obtained_how": "photo" if path.suffix == ".png" else rng.choice(["review", "copy"]),
                            "obtained_at": when.isoformat(), "pages": 1 if path.suffix == ".png" else 2},
                            link_to=[("problem", problem.id)])
                        members = the_round.members[unit_id]
                        evidence_service.add_custody(s, record.id, "received", members[2],
                                                     note=f"自{unit_name}调取")
                        self.clock.set(when + dt.timedelta(days=1))
                        paper = self.add(s, "paper", {
                            "round_id": the_round.id, "unit_id": unit_id, "problem_id": str(problem.id),
                            "title": corpus.paper_title(unit_name, problem.statement),
                            "number": f"底稿-{index + 1}-{problem.number}", "date": when.date().isoformat(),
                            "source": rng.choice(["个别谈话", "调阅资料", "信访举报", "下沉走访"]),
                            "summary": corpus.paper_summary(rng, problem.statement),
                            "how_found": corpus.paper_how_found(rng), "drafted_by": members[2],
                            # drawn without the story's generator, so the records after it stay the same
                            **corpus.unit_response(len(problem.statement))})
                        links.link(s, "paper", paper.id, "evidence", record.id)
                        for rule in corpus.rules_cited(problem.statement):
                            links.link(s, "paper", paper.id, "rule", default_rule_id(*rule))
                        if rng.random() < 0.8:
                            # the deputy checks and the leader signs off, each in their own name
                            with permissions.acting_as(s, User(members[1], Role.DEPUTY)):
                                self.step(s, "paper", paper.id, "checked", when + dt.timedelta(days=3))
                            if rng.random() < 0.8:
                                with permissions.acting_as(s, User(members[0], Role.LEADER)):
                                    self.step(s, "paper", paper.id, "approved", when + dt.timedelta(days=5))

    def feedback_drafts(self, rounds: list[_Round]) -> None:
        """A feedback draft per unit, composed from its problems as a group would: the items proposed (the same
        finding once), a requirement written for each item, a 总体评价 and the documents reviewed; taken
        through the reviews so that every status occurs and the first unit's is 定稿."""
        rng = self.rng
        statuses = ["final"] + ["office_reviewed"] * 4 + ["leader_reviewed"] * 8
        counter = 0
        for the_round in rounds:
            for unit_id, unit_name in the_round.units:
                members = the_round.members[unit_id]
                org = self.orgs.get(unit_name, unit_name).removeprefix("中共")
                with self.ws.transaction() as s:
                    self.clock.set(_at(the_round.end - dt.timedelta(days=5), 10))
                    with permissions.acting_as(s, User(members[2], Role.MEMBER)):
                        draft = feedback_drafts.create_from_problems(
                            s, unit_id, the_round.id, assessment=rng.choice(ASSESSMENTS).format(org=org),
                            documents_reviewed=rng.randint(180, 650))
                        for item in feedback_drafts.items(s, draft.id):
                            finding = item.summary.rstrip("。")
                            lead = f"针对{finding}的问题，" if finding else ""
                            feedback_drafts.update_item(s, item.id, requirement=lead + rng.choice(REQUIREMENT_ENDINGS))
                    status = statuses[counter] if counter < len(statuses) else "draft"
                    counter += 1
                    if status == "draft":
                        continue
                    path = ["leader_reviewed", "office_reviewed", "final"]
                    for days, step in zip((3, 1, 0), path[: path.index(status) + 1], strict=False):
                        self.clock.set(_at(the_round.end - dt.timedelta(days=days), 11))
                        # the leader reviews; the office reviews and makes it final
                        user = User(members[0], Role.LEADER) if step == "leader_reviewed" else OFFICE_USER
                        with permissions.acting_as(s, user):
                            feedback_drafts.step(s, draft.id, step)

    def make_pdf(self, number: int) -> Path:
        """A one-page document 'scan': deterministic bytes (reportlab's invariant mode)."""
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas

        rng = self.rng
        if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        path = self.evidence_dir / f"scan-{number:03d}.pdf"
        page = canvas.Canvas(str(path), pagesize=A4, invariant=True)
        page.setFont("STSong-Light", 16)
        title = rng.choice(corpus.EVIDENCE_TITLES)
        page.drawCentredString(A4[0] / 2, A4[1] - 90, title)
        page.setFont("STSong-Light", 11)
        text = corpus.paper_summary(rng, corpus.problem_statement(rng, "strict_governance", "本单位"))
        y = A4[1] - 140
        for start in range(0, len(text), 36):
            page.drawString(70, y, text[start:start + 36])
            y -= 20
        page.drawString(A4[0] - 200, 120, "（复印件，与原件核对一致）")
        page.showPage()
        page.save()
        return path

    def make_image(self, number: int) -> Path:
        """A 'site photo': shapes and a timestamp, as PNG (no metadata, so deterministic)."""
        from PIL import Image, ImageDraw

        rng = self.rng
        image = Image.new("RGB", (640, 480), (rng.randint(150, 200), rng.randint(170, 210), rng.randint(190, 230)))
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 300, 640, 480), fill=(rng.randint(90, 130), rng.randint(100, 130), 90))
        for _ in range(rng.randint(3, 7)):
            x, w, h = rng.randint(0, 560), rng.randint(40, 120), rng.randint(80, 250)
            draw.rectangle((x, 300 - h, x + w, 300), fill=(rng.randint(120, 220),) * 3, outline=(60, 60, 60))
            for wy in range(300 - h + 10, 290, 22):
                for wx in range(x + 8, x + w - 10, 18):
                    draw.rectangle((wx, wy, wx + 8, wy + 10), fill=(70, 90, 120))
        draw.text((470, 455), f"2020-{rng.randint(4, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(8, 17):02d}:"
                              f"{rng.randint(0, 59):02d}", fill=(255, 200, 0))
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        path = self.evidence_dir / f"photo-{number:03d}.png"
        path.write_bytes(buffer.getvalue())
        return path


OFFICE_USER = User("巡察办演示", Role.OFFICE)
# 总体评价 as groups write them ({org}: the Party organisation without 中共).
ASSESSMENTS = (
    "巡察组认为，{org}能够认真贯彻落实党中央决策部署和省委、市委工作要求，全面从严治党工作取得一定成效，"
    "但对照新时代党的建设总要求，仍存在一些差距和不足",
    "巡察组认为，近年来{org}在推动中心工作、加强班子建设等方面做了大量工作，取得一定成效，"
    "但在落实管党治党政治责任、规范权力运行等方面还存在薄弱环节",
    "巡察组认为，{org}履行职能职责总体较好，各项工作稳步推进，但贯彻落实党中央决策部署有差距，"
    "全面从严治党“两个责任”落实还不够到位",
)
# How the group ends a requirement it writes for an item ("针对……的问题，" before it).
REQUIREMENT_ENDINGS = (
    "深入剖析问题根源，制定切实可行的整改措施，明确责任领导、责任科室和完成时限，确保按期整改到位。",
    "举一反三、建章立制，健全长效机制，坚决防止同类问题反弹回潮。",
    "逐项建立整改台账，实行清单化管理和销号制度，整改情况按要求报告市委巡察办。",
    "压实主体责任，主要负责人亲自抓、负总责，分管领导具体抓，确保问题整改不走过场。",
)


def signing_org(group_name: str) -> str:
    """The group's 落款 in full: 市委第三巡察组 signs as 中共娄底市委第三巡察组."""
    if group_name.startswith("市委"):
        return f"中共娄底{group_name}"
    return f"中共娄底市委巡察工作领导小组办公室{group_name}"


def responsible_head(org: str) -> str:
    """Who answers for a unit's rectification, by its Party organisation: the secretary of its 党组 / 党委 /
    党工委…, the head of a party department (部务会: 部长)."""
    body = org.removeprefix("中共")
    if body.endswith("部务会"):
        return body.removesuffix("部务会") + "部长"
    if body.endswith("委务会"):
        return body.removesuffix("委务会") + "书记"
    return body + "书记"


def _f(name: str, value: str) -> Any:
    return Filter(name, "=", value)


def build_demo(path: Path, passphrase: str = DEMO_PASSPHRASE, kdf: KdfParams | None = None,
               progress: Progress | None = None) -> dict[str, Any]:
    """Builds the demo workspace at ``path`` (which must not hold a workspace) and returns its summary.

    It is built in a sibling folder and moved into place at the end, so an interrupted build leaves
    nothing half-made under ``path``.
    """
    if is_workspace(path):
        raise XunchaError("workspace_exists", path=str(path))
    report = progress or (lambda _step: None)
    staging = path.with_name(path.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    rng = random.Random(SEED)
    clock = StoryClock(_at(dt.date(2020, 3, 1)))
    try:
        with Workspace.create(staging, "娄底市委巡察办-演示", passphrase, kdf=kdf, user_name="巡察办演示",
                              device_id=DEMO_DEVICE, wall=clock, new_id=_seeded_ids(rng)) as ws:
            _Builder(ws, clock, rng, report).build()
            summary = summarise(ws)
        if path.exists():
            path.rmdir()  # an empty folder only: anything else was refused above or fails here
        staging.rename(path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    summary["workspace"] = str(path)
    return summary


def summarise(ws: Workspace) -> dict[str, Any]:
    with ws.transaction() as s:
        rounds = KINDS["round"].find(s, order=["start_date"])
        overall = round_figures(s, None, as_of=dt.date(2021, 1, 31))
        per_round = []
        for the_round in rounds:
            figures = round_figures(s, the_round.id, as_of=dt.date(2021, 1, 31))
            entry: dict[str, Any] = {"id": str(the_round.id), "name": the_round.name, "kind": the_round.kind,
                                     "units": figures.units, "interviews": figures.interviews,
                                     "petitions": figures.petitions, "clues": figures.clues,
                                     "problems": figures.problems, "in_feedback": figures.problems_in_feedback,
                                     "rectified": figures.problems_rectified}
            if figures.supervision is not None:
                entry["supervision"] = figures.supervision.__dict__
            per_round.append(entry)
    return {"device": ws.info.device_name, "units": overall.units, "interviews": overall.interviews,
            "petitions": overall.petitions, "clues": overall.clues, "problems": overall.problems,
            "rounds": per_round}
