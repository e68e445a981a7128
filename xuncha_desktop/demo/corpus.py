"""Chinese text corpus for the deterministic demo workspace (娄底市, 2020 inspection year).

The texts themselves (unit names, real-estate projects, interview topics and outlines, templates of
问题表述, 整改要求, 谈话记录, 信访摘要, 问题线索, 底稿摘要, evidence titles, places) are data in
``resources/demo/corpus.json``, read once here and checked to have the shapes below. This module keeps
the small pure functions that assemble believable inspection texts from them. Every function takes a
``random.Random`` and draws only from it, so the same seed always gives the same text. All people,
companies and projects are fictional.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from typing import Any, Final, NamedTuple

from xuncha_desktop.resources import resource_path


class _Topic(NamedTuple):
    """One interview topic: its questions, short answers, and the sentences of a long answer."""

    questions: tuple[str, ...]
    short: tuple[str, ...]
    sentences: tuple[str, ...]


# ---- reading the data ----------------------------------------------------------------------------------
def _load() -> dict[str, Any]:
    with resource_path("demo", "corpus.json").open(encoding="utf-8") as source:
        data = json.load(source)
    if not isinstance(data, dict):
        raise ValueError("demo corpus: not a JSON object")
    return data


_DATA: Final[dict[str, Any]] = _load()


def _texts(value: Any, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"demo corpus: {name} is not a list of texts")
    return value


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"demo corpus: {name} is not a text")
    return value


def _list(name: str) -> list[str]:
    return _texts(_DATA[name], name)


def _labels(name: str) -> dict[str, str]:
    value = _DATA[name]
    if not isinstance(value, dict):
        raise ValueError(f"demo corpus: {name} is not an object")
    return {key: _text(item, f"{name}.{key}") for key, item in value.items()}


def _lists(name: str) -> dict[str, list[str]]:
    value = _DATA[name]
    if not isinstance(value, dict):
        raise ValueError(f"demo corpus: {name} is not an object")
    return {key: _texts(item, f"{name}.{key}") for key, item in value.items()}


def _units(name: str) -> list[tuple[str, str, str]]:
    """Rows of (unit name, its Party organisation, the organisation's kind)."""
    rows = []
    for row in _DATA[name]:
        unit, org, kind = _texts(row, name)
        rows.append((unit, org, kind))
    return rows


def _pair(name: str) -> tuple[str, str]:
    first, second = _list(name)
    return first, second


def _topics(name: str) -> list[_Topic]:
    return [_Topic(tuple(_texts(topic["questions"], name)), tuple(_texts(topic["short"], name)),
                   tuple(_texts(topic["sentences"], name))) for topic in _DATA[name]]


# -- Categories and units ----------------------------------------------------------------------------
PROBLEM_CATEGORIES: Final[dict[str, str]] = _labels("problem_categories")
MUNICIPAL_UNITS: Final[list[tuple[str, str, str]]] = _units("municipal_units")
COUNTY_DEPARTMENTS: Final[list[tuple[str, str, str]]] = _units("county_departments")
REAL_ESTATE_PROJECTS: Final[list[str]] = _list("real_estate_projects")
_SHORT_NAMES: Final[dict[str, str]] = _labels("short_names")  # other "娄底市××" units are called "市××"
_DEFAULT_DEPTS: Final[list[str]] = _list("default_depts")
# (keyword in the unit's name, its business areas, its internal departments)
_PROFILES: Final[list[tuple[str, list[str], list[str]]]] = [
    (_text(keyword, "profiles"), _texts(business, "profiles"), _texts(departments, "profiles"))
    for keyword, business, departments in _DATA["profiles"]
]
_PARTY_ORGS: Final[dict[str, tuple[str, str]]] = {
    name: (org, kind) for name, org, kind in MUNICIPAL_UNITS + COUNTY_DEPARTMENTS
}

# -- Names -------------------------------------------------------------------------------------------
_SURNAMES: Final[list[str]] = _list("surnames")
# given-name characters by position: (first of two, second of two or single) for men and for women
_GIVEN_MALE: Final[tuple[str, str]] = _pair("given_male")
_GIVEN_FEMALE: Final[tuple[str, str]] = _pair("given_female")
_FAMOUS: Final[frozenset[str]] = frozenset(_list("famous"))  # real people's names the demo avoids

# -- Words the templates' placeholders draw from -----------------------------------------------------
_COMPANY_WORDS: Final[list[str]] = _list("company_words")
_COMPANY_KINDS: Final[list[str]] = _list("company_kinds")
_WORKS: Final[list[str]] = _list("works")
_VENUES: Final[list[str]] = _list("venues")
_ALLOWANCES: Final[list[str]] = _list("allowances")
_INCOMES: Final[list[str]] = _list("incomes")
_SUBSIDIES: Final[list[str]] = _list("subsidies")
_POLICY_REPEATS: Final[list[str]] = _list("policy_repeats")
_POVERTY_PROJECTS: Final[list[str]] = _list("poverty_projects")
_COUNTIES: Final[list[str]] = _list("counties")
_AREAS: Final[list[str]] = _list("areas")
_ADJACENT: Final[list[str]] = _list("adjacent")
_FEES: Final[list[str]] = _list("fees")
_SERVICES: Final[list[str]] = _list("services")

# -- Problems and rectification ----------------------------------------------------------------------
_PROBLEM_TEMPLATES: Final[dict[str, list[str]]] = _lists("problem_templates")
_REQUIREMENTS: Final[dict[str, list[str]]] = _lists("requirements")
_MEASURES: Final[list[str]] = _list("measures")
_REMARKS_DONE: Final[list[str]] = _list("remarks_done")
_REMARKS_OPEN: Final[list[str]] = _list("remarks_open")

# -- Interviews --------------------------------------------------------------------------------------
INTERVIEWEE_CATEGORIES: Final[dict[str, str]] = _labels("interviewee_categories")
POSTS: Final[dict[str, list[str]]] = _lists("posts")
INTERVIEW_OUTLINES: Final[dict[str, list[str]]] = _lists("interview_outlines")
PLACES: Final[list[str]] = _list("places")
_LEADER_TOPICS: Final[list[_Topic]] = _topics("leader_topics")
_CADRE_TOPICS: Final[list[_Topic]] = _topics("cadre_topics")
_RETIRED_TOPICS: Final[list[_Topic]] = _topics("retired_topics")
_PUBLIC_TOPICS: Final[list[_Topic]] = _topics("public_topics")
_CLUES_INSIDE: Final[list[str]] = _list("clues_inside")
_CLUES_PUBLIC: Final[list[str]] = _list("clues_public")
_FOLLOW_UP_Q: Final[list[str]] = _list("follow_up_q")
_FOLLOW_UP_A: Final[list[str]] = _list("follow_up_a")
_OPENERS: Final[dict[str, list[str]]] = _lists("openers")
_CLOSERS: Final[dict[str, list[str]]] = _lists("closers")
_FILLERS: Final[dict[str, list[str]]] = _lists("fillers")
_DETAILS: Final[dict[str, list[str]]] = _lists("details")
# anecdotes told at length: "time，story。"; the "|"-separated times go with any story
_ANECDOTES: Final[dict[str, tuple[str, list[str]]]] = {
    perspective: (_text(times, "anecdotes"), _texts(stories, "anecdotes"))
    for perspective, (times, stories) in _DATA["anecdotes"].items()
}
# leaders quote their own self-check report: the problem category of each leader topic, in order
_SELF_CHECK: Final[dict[_Topic, str]] = dict(zip(_LEADER_TOPICS, _list("self_check"), strict=False))
_SELF_CHECK_LEADS: Final[list[str]] = _list("self_check_leads")
_CONNECTORS: Final[list[str]] = _list("connectors")
_PERSPECTIVES: Final[dict[str, str]] = _labels("perspectives")  # interviewee category → perspective
_OPENING_Q: Final[list[str]] = _list("opening_q")
_OPENING_Q_PUBLIC: Final[list[str]] = _list("opening_q_public")
_OPENING_A: Final[list[str]] = _list("opening_a")
_OPENING_A_PUBLIC: Final[list[str]] = _list("opening_a_public")
_INTRO_Q: Final[dict[str, list[str]]] = _lists("intro_q")
_INTRO_A: Final[dict[str, list[str]]] = _lists("intro_a")
_EXTRA_Q: Final[list[str]] = _list("extra_q")
_EXTRA_A: Final[list[str]] = _list("extra_a")
_CLOSING_Q: Final[list[str]] = _list("closing_q")
_CLOSING_A: Final[list[str]] = _list("closing_a")
_SIGN_OFF: Final[list[str]] = _list("sign_off")

# -- Petitions and clues -----------------------------------------------------------------------------
PETITION_CATEGORIES: Final[dict[str, str]] = _labels("petition_categories")
_PETITIONS_PROJECT: Final[list[str]] = _list("petitions_project")
_PETITIONS_UNIT: Final[list[str]] = _list("petitions_unit")
_CLUES: Final[list[str]] = _list("clues")

# -- Evidence and working papers ---------------------------------------------------------------------
EVIDENCE_TITLES: Final[list[str]] = _list("evidence_titles")
_HOW_FOUND: Final[list[str]] = _list("how_found")
_SUMMARY_PREFIXES: Final[list[str]] = _list("summary_prefixes")
_SUMMARY_ROLES: Final[list[str]] = _list("summary_roles")
_SUMMARY_SUFFIXES: Final[list[str]] = _list("summary_suffixes")
# (keywords in the statement, rule it breaks, documents reviewed), first match wins
_REGULATIONS: Final[list[tuple[tuple[str, ...], str, str]]] = [
    (tuple(_texts(keys, "regulations")), _text(rule, "regulations"), _text(documents, "regulations"))
    for keys, rule, documents in _DATA["regulations"]
]


# ---- assembling texts ----------------------------------------------------------------------------------
def _short_name(unit_name: str) -> str:
    if unit_name in _SHORT_NAMES:
        return _SHORT_NAMES[unit_name]
    if unit_name.startswith("中共"):
        return unit_name.removeprefix("中共").replace("政法委员会", "政法委")
    if unit_name.startswith("娄底市"):
        return "市" + unit_name.removeprefix("娄底市")
    return unit_name or "该单位"


def _org_body(unit_name: str) -> str:
    """The leading collective's short name: 党组, 党委, 党工委, 机关党委, 部务会 or 委务会."""
    if "政法委员会" in unit_name:
        return "委务会"
    if unit_name.startswith("中共") and unit_name.endswith("部"):
        return "部务会"
    kind = _PARTY_ORGS.get(unit_name, ("", "党组"))[1]
    return kind


def _meeting(unit_name: str) -> str:
    body = _org_body(unit_name)
    return body if body.endswith("务会") else body + "会议"


def _study_group(unit_name: str) -> str:
    body = _org_body(unit_name)
    if body in ("党组", "党委", "党工委"):
        return body + "理论学习中心组"
    return "理论学习中心组"


def _profile(unit_name: str) -> tuple[list[str], list[str]]:
    for keyword, biz, depts in _PROFILES:
        if keyword in unit_name:
            return biz, depts + _DEFAULT_DEPTS[:4]
    return ["行业监管", "专项资金管理", "行政审批"], list(_DEFAULT_DEPTS)


def person_name(rng: random.Random) -> str:
    """A plausible, fictional 2- or 3-character Chinese full name."""
    name = ""
    for _ in range(30):
        surname = rng.choice(_SURNAMES)
        firsts, seconds = _GIVEN_MALE if rng.random() < 0.6 else _GIVEN_FEMALE
        if len(surname) == 2 or rng.random() < 0.25:
            name = surname + rng.choice(seconds)
        else:
            first, second = rng.choice(firsts), rng.choice(seconds)
            if first == second:
                continue
            name = surname + first + second
        if name not in _FAMOUS:
            return name
    return name


# -- Placeholder filling -----------------------------------------------------------------------------


_Gen = Callable[["_Filler"], str]


class _Filler:
    """Fills ``{name}`` placeholders; a name keeps its value within one filler."""

    def __init__(self, rng: random.Random, unit_name: str = "", values: dict[str, str] | None = None) -> None:
        self.rng = rng
        self.unit_name = unit_name
        self.values: dict[str, str] = dict(values or {})

    def get(self, key: str) -> str:
        if key not in self.values:
            self.values[key] = _GENERATORS[key](self)
        return self.values[key]

    def num(self, key: str) -> int:
        return int(self.get(key))

    def fill(self, template: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self.get(m.group(1)), template)


_PLACEHOLDER: Final[re.Pattern[str]] = re.compile(r"\{([a-z0-9_]+)\}")


def _ri(lo: int, hi: int) -> _Gen:
    return lambda f: str(f.rng.randint(lo, hi))


def _pick(items: list[str]) -> _Gen:
    return lambda f: f.rng.choice(items)


def _money(lo: int, hi: int, places: int) -> _Gen:
    scale = 10**places
    return lambda f: f"{f.rng.randint(lo * scale, hi * scale) / scale:.{places}f}"


def _company(kinds: list[str]) -> _Gen:
    return lambda f: f"湖南{f.rng.choice(_COMPANY_WORDS)}{f.rng.choice(kinds)}"


def _plate(f: _Filler) -> str:
    return f"湘K{f.rng.choice('ABCDEFGHJ')}{f.rng.randint(1000, 9999)}"


_GENERATORS: Final[dict[str, _Gen]] = {
    # years: any, a span ya < yb, previous round, joined work (leader / middle cadre / staff), retired
    "y": _ri(2018, 2020), "ya": _ri(2018, 2019), "yb": lambda f: str(f.rng.randint(f.num("ya") + 1, 2020)),
    "yp": _ri(2018, 2019), "yw": _ri(1986, 2000), "ym": _ri(1995, 2010), "yy": _ri(2006, 2017),
    "ry": _ri(2010, 2019), "mon": _ri(1, 12),
    # counts (k < n, kn < nn), years, ages and percentages
    "n": _ri(3, 9), "k": lambda f: str(f.rng.randint(1, f.num("n") - 1)), "n1": _ri(1, 2), "n2": _ri(2, 8),
    "nn": _ri(12, 68), "kn": _ri(2, 9), "nt": _ri(60, 220), "nnn": _ri(120, 980),
    "hund": lambda f: str(f.rng.randint(2, 12) * 100), "lt": _ri(2, 6), "lt2": _ri(5, 10), "age": _ri(46, 52),
    "pct": _ri(12, 58), "pct2": _ri(52, 86), "pct3": _ri(8, 24),
    # amounts: 万元 (bigm threshold, m medium, mlow < m, mm large, ms small), 元, square metres
    "bigm": _pick(["5", "10", "20", "30", "50"]), "m": _money(3, 98, 1),
    "mlow": lambda f: f"{float(f.get('m')) * f.rng.uniform(0.1, 0.5):.1f}", "mm": _money(100, 2500, 2),
    "ms": lambda f: f"{f.rng.randint(3, 98) / 10:.1f}", "yuan": lambda f: str(f.rng.randint(8, 60) * 100),
    "sqm": _money(10, 99, 2),
    # people, the unit and its Party organisation
    "person": lambda f: person_name(f.rng), "surname": _pick(_SURNAMES[:40]),
    "unit": lambda f: f.unit_name or "该单位", "short": lambda f: _short_name(f.unit_name),
    "party": lambda f: _PARTY_ORGS.get(f.unit_name, (f.unit_name + "党组织", ""))[0],
    "org": lambda f: _org_body(f.unit_name), "meeting": lambda f: _meeting(f.unit_name),
    "zxz": lambda f: _study_group(f.unit_name),
    "biz": lambda f: f.rng.choice(_profile(f.unit_name)[0]),
    "dept": lambda f: f.rng.choice(_profile(f.unit_name)[1]),
    # things
    "proj": _pick(REAL_ESTATE_PROJECTS), "work": _pick(_WORKS), "hotel": _pick(_VENUES),
    "co": _company(_COMPANY_KINDS), "cco": _company(_COMPANY_KINDS[:4]),  # any / construction
    "sco": _company(_COMPANY_KINDS[4:6] + _COMPANY_KINDS[9:]),  # supplier
    "allow": _pick(_ALLOWANCES), "inc": _pick(_INCOMES), "subsidy": _pick(_SUBSIDIES),
    "rep": _pick(_POLICY_REPEATS), "fp": _pick(_POVERTY_PROJECTS), "county": _pick(_COUNTIES),
    "area": _pick(_AREAS), "adj": _pick(_ADJACENT), "fee": _pick(_FEES), "svc": _pick(_SERVICES),
    "plate": _plate,
}


def _fill_in_range(
    rng: random.Random,
    templates: list[str],
    unit_name: str,
    lo: int,
    hi: int,
    values: dict[str, str] | None = None,
) -> str:
    """Fill a random template; retry a few times until the length lies within [lo, hi]."""
    text = ""
    for _ in range(12):
        text = _Filler(rng, unit_name, values).fill(rng.choice(templates)).strip()
        if lo <= len(text) <= hi:
            return text
    if len(text) > hi:
        text = text[: hi - 1].rstrip("，、；") + "。"
    return text


# -- Problems and rectification ----------------------------------------------------------------------


def _check_category(category: str) -> None:
    if category not in PROBLEM_CATEGORIES:
        raise ValueError(f"unknown problem category: {category!r}")


def problem_statement(rng: random.Random, category: str, unit_name: str) -> str:
    """One 问题表述 of a feedback opinion (40–160 characters, ends with "。")."""
    _check_category(category)
    return _fill_in_range(rng, _PROBLEM_TEMPLATES[category], unit_name, 40, 160)


def rectification_requirement(rng: random.Random, category: str) -> str:
    """One 整改要求 for a problem of the category (20–80 characters)."""
    _check_category(category)
    return rng.choice(_REQUIREMENTS[category])


def rectification_measure(rng: random.Random) -> str:
    """One 整改措施 reported by the inspected unit (30–120 characters)."""
    return _fill_in_range(rng, _MEASURES, "", 30, 120)


def supervision_remark(rng: random.Random, rectified: bool) -> str:
    """One 督查意见 of the rectification supervision (20–80 characters)."""
    return _fill_in_range(rng, _REMARKS_DONE if rectified else _REMARKS_OPEN, "", 20, 80)


# -- Interviews --------------------------------------------------------------------------------------


_TOPICS_BY_PERSPECTIVE: Final[dict[str, list[_Topic]]] = {
    "leader": _LEADER_TOPICS, "cadre": _CADRE_TOPICS, "retired": _RETIRED_TOPICS, "public": _PUBLIC_TOPICS,
}


class _Talk:
    """Builds the answers of one interview; no sentence is used twice in a record."""

    def __init__(self, rng: random.Random, unit_name: str, persp: str, base: dict[str, str]) -> None:
        self.rng = rng
        self.unit_name = unit_name
        self.persp = persp
        self.base = base
        self.used: set[str] = set()

    def filler(self) -> _Filler:
        return _Filler(self.rng, self.unit_name, self.base)

    def pick(self, templates: tuple[str, ...] | list[str], count: int) -> list[str]:
        """Up to ``count`` unused templates, each filled with its own values."""
        fresh = [t for t in templates if t not in self.used]
        chosen = self.rng.sample(fresh, min(count, len(fresh)))
        self.used.update(chosen)
        return [self.filler().fill(t) for t in chosen]

    def anecdote(self) -> list[str]:
        """A story not yet told in this record, with a random time, or nothing."""
        times, stories = _ANECDOTES[self.persp]
        story = self.pick_raw(stories)
        if story is None:
            return []
        return [self.filler().fill(self.rng.choice(times.split("|")) + "，" + story + "。")]

    def pick_raw(self, templates: list[str]) -> str | None:
        fresh = [t for t in templates if t not in self.used]
        if not fresh:
            return None
        chosen = self.rng.choice(fresh)
        self.used.add(chosen)
        return chosen

    def self_check(self, topic: _Topic) -> list[str]:
        """A leader citing a problem from the unit's own self-check, if the topic has a category."""
        category = _SELF_CHECK.get(topic)
        template = self.pick_raw(_PROBLEM_TEMPLATES[category]) if category else None
        if template is None:
            return []
        return [self.rng.choice(_SELF_CHECK_LEADS) + self.filler().fill(template)]

    def clue(self) -> tuple[str, _Filler]:
        f = self.filler()
        return f.fill(self.rng.choice(_CLUES_PUBLIC if self.persp == "public" else _CLUES_INSIDE)), f

    def long(self, topic: _Topic, clue_p: float, target: int = 200) -> tuple[str, _Filler | None]:
        """A long answer (200–600 characters) and, if it carries a clue, the clue's values."""
        rng, persp = self.rng, self.persp
        lead = [] if topic.sentences[0] in self.used else self.pick(topic.sentences[:1], 1)
        parts = lead + self.pick(topic.sentences, rng.randint(2, 5))
        clue, clue_filler = self.clue() if rng.random() < clue_p else ("", None)
        opener = self.filler().fill(rng.choice(_OPENERS[persp])) if rng.random() < 0.7 else ""
        closer = rng.choice(_CLOSERS[persp]) if rng.random() < 0.5 else ""
        others = [s for t in _TOPICS_BY_PERSPECTIVE[persp] if t is not topic for s in t.sentences]
        steps: list[Callable[[], list[str]]] = [
            lambda: self.pick(topic.sentences, 1),
            lambda: self.pick(_DETAILS[persp], 1),
            lambda: self.self_check(topic),
            self.anecdote,
            lambda: self.pick(_FILLERS[persp], 1),
            lambda: self.pick(_DETAILS[persp], 1),
            lambda: self.self_check(topic),
            self.anecdote,
        ]

        def join() -> str:
            return opener + "".join(parts) + clue + closer

        goal = max(200, min(target, 560))
        for step in steps:
            if len(join()) >= goal:
                break
            parts += step()
        for _ in range(2):  # borrow from other topics, at most twice
            extra = self.pick(others, 1) if len(join()) < goal else []
            if not extra:
                break
            parts.append((rng.choice(_CONNECTORS) if parts else "") + extra[0])
        while len(join()) > 600 and len(parts) > 1:
            parts.pop()
        return join(), clue_filler

    def medium(self, topic: _Topic) -> str:
        lead = self.pick(topic.sentences[:1], 1) if self.rng.random() < 0.6 else []
        parts = lead + self.pick(topic.sentences, self.rng.randint(1, 2) - len(lead))
        parts = parts or self.pick(topic.short, 1)
        opener = self.filler().fill(self.rng.choice(_OPENERS[self.persp])) if self.rng.random() < 0.3 else ""
        return opener + "".join(parts)

    def short(self, topic: _Topic) -> str:
        return self.filler().fill(self.rng.choice(topic.short))


def interview_record(
    rng: random.Random, category: str, unit_name: str, interviewer: str, interviewee: str
) -> str:
    """The text of a 谈话记录: opening, 4–14 question/answer pairs, closing and sign-off line."""
    if category not in _PERSPECTIVES:
        raise ValueError(f"unknown interviewee category: {category!r}")
    persp = _PERSPECTIVES[category]
    biz, depts = _profile(unit_name)
    my_n = rng.randint(4, 12)
    base = {
        "er": interviewer, "ee": interviewee, "mydept": rng.choice(depts), "mybiz": rng.choice(biz),
        "myproj": rng.choice(REAL_ESTATE_PROJECTS), "myn": str(my_n), "myk": str(rng.randint(2, my_n - 1)),
    }
    talk_ = _Talk(rng, unit_name, persp, base)
    talk = rng.random()  # how talkative the interviewee is
    p_long = 0.05 + 0.85 * talk * talk
    p_short = max(0.03, 0.5 - 0.55 * talk)
    clue_p = (0.15 if persp == "leader" else 0.4) * (0.5 + talk)
    slots = max(4, min(14, round(4 + 10 * rng.triangular(0, 1, talk)))) - 2  # without opening and closing

    opening = _OPENING_Q_PUBLIC if persp == "public" else _OPENING_Q
    answers = _OPENING_A_PUBLIC if persp == "public" else _OPENING_A
    head = [(talk_.filler().fill(rng.choice(opening)), rng.choice(answers))]
    if slots >= 2 and rng.random() < 0.8:
        fi = talk_.filler()
        head.append((fi.fill(rng.choice(_INTRO_Q[persp])), fi.fill(rng.choice(_INTRO_A[category]))))
        slots -= 1
    extra: list[tuple[str, str]] = []
    if slots >= 2 and rng.random() < 0.6:
        answer = talk_.clue()[0] if rng.random() < clue_p else rng.choice(_EXTRA_A)
        extra.append((rng.choice(_EXTRA_Q), answer))
        slots -= 1

    topics = list(_TOPICS_BY_PERSPECTIVE[persp])
    rng.shuffle(topics)
    candidates = [(t, rng.choice(t.questions)) for t in topics]
    candidates += [(t, q) for t in topics for q in t.questions if (t, q) not in candidates]

    # body items: (question, answer, topic or None for a follow-up question)
    body: list[tuple[str, str, _Topic | None]] = []
    while candidates and len(body) < slots:
        topic, question = candidates.pop(0)
        question = talk_.filler().fill(question)
        r = rng.random()
        if r < p_short:
            body.append((question, talk_.short(topic), topic))
        elif r > 1 - p_long:
            target = rng.randint(200 + int(250 * talk), 200 + int(420 * talk))
            answer, clue_values = talk_.long(topic, clue_p, target)
            body.append((question, answer, topic))
            if clue_values is not None and len(body) < slots and rng.random() < 0.7:
                body.append((rng.choice(_FOLLOW_UP_Q), clue_values.fill(rng.choice(_FOLLOW_UP_A)), None))
        else:
            body.append((question, talk_.medium(topic), topic))

    tail = [(talk_.filler().fill(rng.choice(_CLOSING_Q)), rng.choice(_CLOSING_A))]
    # The interviewee writes the confirmation by hand on the printed record (reports/interview.py), so the
    # typed record does not hold it; the draw stays, so the rest of the story stays the same.
    rng.choice(_SIGN_OFF)

    def render() -> str:
        lines: list[str] = []
        for q, a in head + [(q, a) for q, a, _ in body] + extra + tail:
            lines += ["问：" + q, "答：" + a]
        return "\n".join(lines)

    text = render()
    for _ in range(20):  # too short: lengthen the shortest answer, or add a long one
        if len(text) >= 600:
            break
        short = [i for i, (_, a, t) in enumerate(body) if t is not None and len(a) < 200]
        if short:
            i = min(short, key=lambda j: len(body[j][1]))
            q, _, topic_or_none = body[i]
            topic = topic_or_none or topics[0]
            body[i] = (q, talk_.long(topic, 0.0)[0], topic)
        else:
            topic, question = candidates.pop(0) if candidates else (topics[0], topics[0].questions[0])
            body.append((talk_.filler().fill(question), talk_.long(topic, 0.0)[0], topic))
        text = render()
    for _ in range(30):  # too long: shorten the longest answer
        if len(text) <= 6000:
            break
        i = max(range(len(body)), key=lambda j: len(body[j][1]))
        q, _, topic_or_none = body[i]
        body[i] = (q, talk_.medium(topic_or_none or topics[0]), topic_or_none)
        text = render()
    return text


# -- Petitions and clues -----------------------------------------------------------------------------


def petition_summary(rng: random.Random, project: str | None, unit_name: str) -> str:
    """反映内容摘要 of a petition (40–200 characters): about a project's title certificates, or the unit."""
    if project is not None:
        return _fill_in_range(rng, _PETITIONS_PROJECT, unit_name, 40, 200, {"proj": project})
    return _fill_in_range(rng, _PETITIONS_UNIT, unit_name, 40, 200)


def clue_description(rng: random.Random, unit_name: str, person: str) -> str:
    """问题线索 description (50–200 characters) naming the person concerned."""
    return _fill_in_range(rng, _CLUES, unit_name, 50, 200, {"person": person})


# -- Evidence and working papers ---------------------------------------------------------------------


def paper_how_found(rng: random.Random) -> str:
    """How a problem was found (发现方式), 20–80 characters."""
    return _fill_in_range(rng, _HOW_FOUND, "", 20, 80)


def paper_summary(rng: random.Random, statement: str) -> str:
    """底稿摘要 built around a problem statement, 80–300 characters."""
    core = statement.strip().rstrip("。；;.") + "。"
    reg, docs = "全面从严治党", "相关会议记录|有关文件资料|工作台账"
    for keys, rule, documents in _REGULATIONS:
        if any(k in core for k in keys):
            reg, docs = rule, documents
            break
    f = _Filler(rng)
    chosen = "、".join(f.fill(d) for d in rng.sample(docs.split("|"), 2))
    role = rng.choice(_SUMMARY_ROLES)
    prefix = rng.choice(_SUMMARY_PREFIXES).replace("{docs}", chosen).replace("{roles}", role)
    suffix = rng.choice(_SUMMARY_SUFFIXES).replace("{reg}", reg)
    text = prefix + core + suffix
    if len(text) < 80:
        text += "详见所附证据材料清单和谈话记录摘录。"
    if len(text) > 300:
        text = prefix + core
    if len(text) > 300:
        text = prefix + core[: 300 - len(prefix) - 3] + "……。"
    return text


# -- Working papers: titles, the unit's response, the rules cited ------------------------------------------

def paper_title(unit_name: str, statement: str) -> str:
    """关于<unit><the statement's first clause>的问题底稿: a whole clause, never cut inside one."""
    clause = re.split(r"[，。；：]", statement.strip(), maxsplit=1)[0]
    for name in (unit_name, _short_name(unit_name)):
        clause = clause.removeprefix(name)
    return f"关于{unit_name}{clause.removesuffix('的问题').removesuffix('问题')}的问题底稿"


_RESPONSES: Final[list[tuple[str, str]]] = [
    ("agrees", "对底稿所列事实无异议，表示将立即研究整改措施，明确责任人和完成时限，举一反三完善制度。"),
    ("agrees", "经核对，对上述事实无异议，已安排专人对照问题清单逐项整改，并建立长效机制。"),
    ("partly", "对主要事实无异议，对个别事项的时间和金额提出说明，已补充提供相关资料供巡察组核实。"),
]


def unit_response(seed: int) -> dict[str, str]:
    """A working paper's 被巡察单位意见, chosen by ``seed`` (not by the story's generator)."""
    agrees, text = _RESPONSES[seed % len(_RESPONSES)]
    return {"unit_agrees": agrees, "unit_response": text}


_EIGHT_RULES = "《十八届中央政治局关于改进工作作风、密切联系群众的八项规定》"
_NORMS_RULES = "《关于新形势下党内政治生活的若干准则》"
# (words in a statement, the shipped rules it cites), first match wins.
_CITED: Final[list[tuple[tuple[str, ...], list[tuple[str, str]]]]] = [
    (("八项规定", "公款", "公车", "接待", "津补贴", "吃喝"), [(_EIGHT_RULES, "第八项")]),
    (("选人用人", "提拔", "干部", "人事"), [(_NORMS_RULES, "八、坚持正确选人用人导向（摘录）")]),
    (("民主集中制", "三重一大", "集体研究", "议事"), [(_NORMS_RULES, "六、坚持民主集中制原则（摘录）")]),
    (("组织生活", "三会一课", "支部", "民主生活会"), [(_NORMS_RULES, "九、严格党的组织生活制度（摘录）")]),
    (("批评", "整改"), [(_NORMS_RULES, "十、开展批评和自我批评（摘录）")]),
    (("形式主义", "调研", "会议", "文件"), [(_EIGHT_RULES, "第一项"), (_EIGHT_RULES, "第二项")]),
]


def rules_cited(statement: str) -> list[tuple[str, str]]:
    """The shipped 定性依据 (document, article) a problem of this statement cites."""
    for words, rules in _CITED:
        if any(word in statement for word in words):
            return rules
    return [(_NORMS_RULES, "一、坚定理想信念（摘录）")]


SUPERVISION_ANALYSIS = (
    "从督查情况看，被督查单位整改工作总体有序推进，但仍存在一些问题：一是个别单位党组织对整改工作重视不够，"
    "主体责任压得不实，存在“重部署、轻落实”现象；二是部分问题整改标准不高，满足于建章立制，长效机制建设滞后；"
    "三是少数单位整改台账管理不规范，整改佐证材料不完整。\n"
    "究其原因，主要是个别单位主要负责人第一责任人职责履行不到位，对巡察整改的严肃性认识不足，日常监督跟进不及时。")
SUPERVISION_NEXT_STEPS = (
    "一是压实整改责任，对暂未整改到位的问题实行挂牌督办，逐项明确责任人和完成时限。\n"
    "二是强化跟踪问效，将巡察整改情况纳入党风廉政建设责任制考核和领导班子年度考核。\n"
    "三是健全长效机制，推动被督查单位举一反三、建章立制，防止问题反弹回潮。\n"
    "四是对整改不力、敷衍整改的，按照有关规定严肃追责问责。")
