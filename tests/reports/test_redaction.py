"""Redaction that holds (issue 15): generated identities, spelled every way people type them into the free
text of problems, working papers and notes, never reach a document for the units; and the ordinary words
that look like name parts stay (王府井, 党风廉政建设, 东方红, 向某公司)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reports.helpers import STATEMENT, add, make_workspace
from tests.reports.test_redaction_leaks import strings
from xuncha_desktop.services import documents
from xuncha_desktop.services.feedback import feedback_data
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.ledgers import ledger
from xuncha_desktop.services.redaction import FUNCTION_SURNAMES, HONORIFICS, MARKS, redactor

# Surnames that are not function words (their titled forms are struck out) and given-name characters that
# make no word of the filler text nor a compound surname, so that a form found afterwards is a leak.
SINGLE_SURNAMES = [c for c in "王李张刘陈杨黄赵吴周徐孙胡朱林郭罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶"
                   if c not in FUNCTION_SURNAMES]
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "皇甫", "尉迟", "慕容", "令狐", "宇文", "司徒", "夏侯", "轩辕", "端木",
            "呼延"]
GIVEN_CHARS = "晓峰秀英桂兰娟燕俊杰婷涵梓萱浩宇欣怡泽琪骏薇莹昊睿"
FILLER = [STATEMENT, "严格落实主体责任，健全制度机制。", "局党组书记", "已召开专题民主生活会。", "调阅招标档案。"]
assert not set(GIVEN_CHARS) & set("".join(FILLER))


@dataclass(frozen=True)
class Person:
    surname: str
    given: str
    phone: str | None       # as recorded in the contact (None: not there)
    id_number: str | None
    role: str  # petition / petition_no_round / petition_deleted / interview / interview_deleted
    recorded_contact: str

    @property
    def name(self) -> str:
        return self.surname + self.given

    def must_not_appear(self) -> set[str]:
        """Skeletons that would say who this is."""
        found = {self.name, *(n.lower() for n in (self.phone, self.id_number) if n)}
        found |= {self.surname + t for t in HONORIFICS + MARKS}
        if len(self.given) >= 2:
            found.add(self.given)
        if len(self.surname) == 2:
            found.add(self.surname)
        return found


def spellings(person: Person) -> list[str]:
    """How people type this identity into a text."""
    s, g, p, i = person.surname, person.given, person.phone, person.id_number
    names = [s + g, f"{s} {g}", f"{s}·{g}", f"{s}\u3000{g}", " ".join(s + g), f"{s}\u200b{g}",
             *(s + t for t in HONORIFICS + MARKS), f"姓{s}的群众", f"{s} 先生"]
    if len(g) >= 2:
        names += [g, f"{g}同志"]
    if len(s) == 2:
        names.append(s)
    if p:
        wide = p.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
        names += [p, f"{p[:3]}-{p[3:7]}-{p[7:]}", f"{p[:3]} {p[3:7]} {p[7:]}", f"+86 {p}", f"+86-{p[:3]}-{p[3:]}",
                  f"0086{p}", f"({p[:3]}){p[3:7]}-{p[7:]}", wide, f"{p[:3]}.{p[3:7]}.{p[7:]}"]
    if i:
        names += [i, i.lower(), f"{i[:6]} {i[6:14]} {i[14:]}", f"{i[:6]}-{i[6:14]}-{i[14:]}"]
    return names


def skeleton(text: str) -> str:
    """The test's own normalisation: struck-out marks kept as a wall, separators dropped."""
    text = unicodedata.normalize("NFKC", text.replace("×××", "#")).casefold()
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Zs", "Pd", "Cc"))
    return re.sub(r"[·・.()+_/\s]", "", text)


phones = st.builds(lambda second, rest: f"1{second}{rest:09d}", st.sampled_from("3456789"),
                   st.integers(0, 10**9 - 1))
ids = st.builds(lambda region, day, seq, check: f"{region}{day:%Y%m%d}{seq:03d}{check}",
                st.sampled_from(["431302", "110105", "430102"]),
                st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2005, 12, 31)),
                st.integers(0, 999), st.sampled_from("0123456789X"))


@st.composite
def people(draw: st.DrawFn) -> Person:
    surname = draw(st.one_of(st.sampled_from(SINGLE_SURNAMES), st.sampled_from(COMPOUND)))
    given = "".join(draw(st.lists(st.sampled_from(GIVEN_CHARS), min_size=1, max_size=2, unique=True)))
    phone, id_number = draw(phones), draw(ids)
    role = draw(st.sampled_from(["petition", "petition_no_round", "petition_deleted", "interview",
                                 "interview_deleted"]))
    style = draw(st.sampled_from([
        "{p}", "{p3}-{p4}-{p4b}", "{p3} {p4} {p4b}", "电话：{p}，身份证号{i}", "手机{p}；住址：城东路七号",
        "{i}", "+86 {p}", "联系电话 {p3} {p4} {p4b}（本人）"]))
    recorded = style.format(p=phone, p3=phone[:3], p4=phone[3:7], p4b=phone[7:], i=id_number)
    if not role.startswith("petition"):  # an interview records no contact
        return Person(surname, given, None, None, role, "")
    # only what was recorded can be struck out
    return Person(surname, given, phone if "{p" in style else None, id_number if "{i}" in style else None, role,
                  recorded)


@st.composite
def texts(draw: st.DrawFn, persons: list[Person], fields: int) -> list[str]:
    """``fields`` texts of filler with spellings of the persons typed in (each spelling at least once)."""
    spelled = [sp for person in persons for sp in spellings(person)]
    chosen = draw(st.lists(st.sampled_from(spelled), min_size=fields, max_size=fields * 3))
    out = [draw(st.sampled_from(FILLER)) for _ in range(fields)]
    for index, spelling in enumerate(chosen):
        where = index % fields
        joint = draw(st.sampled_from(["据{}反映，", "{}", "（{}）", "{}。", "经{}确认，"]))
        out[where] = out[where] + joint.format(spelling)
    return out


def leaks(text: str, persons: list[Person]) -> list[str]:
    plain = skeleton(text)
    return [form for person in persons for form in person.must_not_appear() if skeleton(form) in plain]


# ---- the redactor alone: many examples, fast ----------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(people(), min_size=1, max_size=4).flatmap(lambda ps: st.tuples(st.just(ps), texts(ps, 3))))
def test_no_spelling_survives_the_redactor(case: tuple[list[Person], list[str]]) -> None:
    persons, written = case
    redact = redactor([p.name for p in persons], [p.recorded_contact for p in persons])
    for text in written:
        assert not leaks(redact(text), persons), (text, redact(text))


# ---- through the services: every document's data ------------------------------------------------------

@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, Any]]]:
    ws = make_workspace(tmp_path_factory.mktemp("redaction") / "ws")
    with ws.transaction() as s:
        regular = add(s, "round", name="五届市委第十轮巡察", kind="regular", start_date="2022-04-07",
                      end_date="2022-06-30")
        other = add(s, "round", name="五届市委第十一轮巡察", kind="regular", start_date="2022-09-01")
        supervision = add(s, "round", name="2022年度巡察整改督查", kind="supervision", start_date="2022-11-02",
                          supervised_round_ids=[str(regular.id)])
        ids = {"regular": str(regular.id), "other": str(other.id), "supervision": str(supervision.id)}
    yield ws, ids
    ws.close()


counter = itertools.count(1)


def record(s: Any, ids: dict[str, Any], unit_id: str, person: Person) -> None:
    """The person's record: a petition or an interview, in this round, another, none, or deleted."""
    when = "2022-04-20T10:00+08:00"
    kind = "petition" if person.role.startswith("petition") else "interview"
    if kind == "petition":
        round_id = None if person.role == "petition_no_round" else ids["regular"]
        row = add(s, "petition", round_id=round_id, unit_id=unit_id, channel="letter", received_at=when,
                  petitioner_name=person.name, petitioner_contact=person.recorded_contact, summary="反映招标不规范。")
    else:
        row = add(s, "interview", round_id=ids["other"], unit_id=unit_id, interviewee_name=person.name,
                  interviewee_post="科员", interviewee_category="leadership", started_at=when,
                  interviewers=["赵刚", "孙丽"])
    if person.role.endswith("deleted"):
        KINDS[kind].delete(s, row.id)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(people(), min_size=1, max_size=3).flatmap(lambda ps: st.tuples(st.just(ps), texts(ps, 12))))
def test_no_identity_reaches_a_document(workspace: tuple[Any, dict[str, Any]],
                                        case: tuple[list[Person], list[str]]) -> None:
    ws, ids = workspace
    persons, t = case
    n = next(counter)
    with ws.transaction() as s:
        unit = add(s, "unit", name=f"娄底市第{n}局", party_org=f"中共娄底市第{n}局党组")
        for person in persons:
            record(s, ids, str(unit.id), person)
        problem = add(s, "problem", round_id=ids["regular"], unit_id=str(unit.id), number="001",
                      category="strict_governance", in_feedback=True, statement=t[0], requirement=t[1],
                      responsible=t[2], measures=t[3], supervision_remarks=t[4], sub_category=t[5][:60])
        evidence = add(s, "evidence", round_id=ids["regular"], unit_id=str(unit.id), title=t[6],
                       obtained_how="review", evidence_type="minutes")
        paper = add(s, "paper", round_id=ids["regular"], unit_id=str(unit.id), problem_id=str(problem.id),
                    title=t[7], number=f"底稿-{n}", date="2022-05-06", source=t[8], summary=t[9], how_found=t[10],
                    drafted_by="赵刚")
        from xuncha_desktop.services import links

        links.link(s, "paper", paper.id, "evidence", evidence.id)
        KINDS["round"].update(s, ids["supervision"], {"notes": t[11]})
    with ws.transaction() as s:
        made = {"feedback": feedback_data(s, unit.id, ids["regular"]),
                "ledger": ledger(s, ids["regular"], unit.id),
                "paper": documents.working_paper(s, paper.id),
                "supervision": documents.supervision_report(s, ids["supervision"])}
    for document, data in made.items():
        text = "\n".join(strings(data))
        assert not leaks(text, persons), (document, leaks(text, persons), text)


# ---- false positives: what is deliberately not struck out --------------------------------------------

@pytest.mark.parametrize(("names", "contacts", "text", "expected"), [
    # a single-character surname alone is no one: 王 of 王府井 stays, 王某 and 王先生 go
    (["王晓峰"], [], "在王府井召开座谈会，王某、王先生参加", "在王府井召开座谈会，×××、×××参加"),
    # a given name that is a word of the documents is struck out in the full name and with a title only
    (["王建设"], [], "党风廉政建设不力，王建设、建设同志反映", "党风廉政建设不力，×××、×××反映"),
    (["李文明"], [], "创建文明城市，李 文明反映", "创建文明城市，×××反映"),
    # a compound surname that is a word (东方) stays alone; the given name 白露 goes
    (["东方白露"], [], "东方红小区，东方先生，白露说", "东方红小区，×××，×××说"),
    (["欧阳秘密人"], [], "欧阳说，秘密人说，欧阳女士", "×××说，×××说，×××"),
    # surnames that are function words keep ordinary text ordinary
    (["向明华"], [], "向某公司输送利益，向明华", "向某公司输送利益，×××"),
    (["和平安"], [], "和同志们谈心", "和同志们谈心"),
    (["老建华"], [], "老师傅、老同志", "老师傅、老同志"),
    # short numbers and placeholders in the contact are no identity
    ([], ["分机8021"], "挪用资金8021万元", "挪用资金8021万元"),
    ([], ["不详"], "去向不详", "去向不详"),
    # numbers found inside free text, with their country code and as a landline's local part
    ([], ["电话：0738-8312345，住城东"], "打8312345或（0738）8312345", "打×××或（×××"),
    ([], ["手机+86 139 1234 5678"], "来电13912345678", "来电×××"),
    # clause punctuation is not a separator: 王，明天 is not 王明
    (["王明"], [], "找过王，明天再谈", "找过王，明天再谈"),
])
def test_choices(names: list[str], contacts: list[str], text: str, expected: str) -> None:
    assert redactor(names, contacts)(text) == expected


def test_names_in_latin_letters_and_short_ones() -> None:
    redact = redactor(["Zhang San", "Li"], [])
    assert redact("据 zhang  san 反映 policy") == "据 ××× 反映 policy"  # "Li" alone would strike out "policy"


def test_redaction_is_fast_for_a_workspace_of_identities(tmp_path: Path) -> None:
    import time

    redact = redactor([f"{s}{a}{b}" for s, a, b in itertools.islice(
        itertools.product(SINGLE_SURNAMES + COMPOUND, GIVEN_CHARS, GIVEN_CHARS), 3000)],
        [f"139{n:08d}" for n in range(2000)])
    texts_ = [STATEMENT * 2] * 2500  # 500 problems, five fields each
    start = time.perf_counter()
    for text in texts_:
        redact(text)
    assert time.perf_counter() - start < 2.0
