"""Petitioners' and interviewees' identities struck out of the free text of documents for the units.

Statements, requirements, notes and the like are typed by people, and people type names: "据欧阳 秘密人反映",
"欧阳先生来电", "电话 139-1234-5678". :func:`identities` gathers every identity the workspace holds (all
petitions and interviews, deleted ones and those of no round included: a name does not stop being secret
when its record is deleted or moved) and :class:`Redactor` replaces each written form of them by ``×××``.

Matching is done on a *skeleton* of the text: NFKC (full-width digits and letters become ASCII), case
folded, and without the characters people put inside a name or a number (spaces, middle dots, dashes,
brackets, quotes, a plus sign, commas between digits). So "欧阳 秘密人", "欧阳·秘密人", "139 1234 5678",
"(139)1234-5678" and "+86 13912345678" all hold the skeleton of the recorded identity. Clause punctuation
(，。；：、) is kept, so words of two clauses never run together into a name.

What counts as a written form of a name (see docs/reports.md, "Identities never leave"):

- the full name; for a name written with a middle dot (阿不都·热合曼) each part of 2+ characters too;
- the given name alone when it has 2+ characters, unless it is an ordinary word (建设, 文明, 国庆…): those
  are struck out only with a title (建设同志), or "党风廉政建设" would lose its last word;
- a compound surname (欧阳, 司马, 诸葛… from :data:`COMPOUND_SURNAMES`) alone, unless it is an ordinary word
  too (东方, 第五, 百里…);
- the surname with a title or a mark of anonymity: 欧阳先生, 王女士, 王同志, 王老师, 王某, 王某某, 王姓,
  姓王. A single-character surname alone is never struck out (王 in 王府井), and for the few surnames that
  are also common function words (向, 和, 经, 原, 老…) these forms are skipped, since "向某公司",
  "和同志们", "原先生产" and "老师傅" are ordinary text.

A contact is struck out whole, and so is each phone or ID number found in it (7+ digits, after any
+86/0086 country code, and the local part of a landline) and each segment of it after a label (住址：…).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.models import Interview
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.services import identities as identity_store

REDACTED = "×××"

# Characters people put inside a name or a number. Clause punctuation is deliberately absent: dropping
# "，" would join "姓王，明天" into a match for 王明.
_INSIDE = frozenset(" ·・•‧∙⋅.．_＿/／\\()（）[]［］【】〔〕<>＜＞《》〈〉「」『』'\"‘’“”`+＋*＊~～")
_DROPPED_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Pd", "Pc"})  # spaces, zero-width, dashes

COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "宇文", "长孙", "司徒",
    "司空", "夏侯", "轩辕", "端木", "南宫", "西门", "独孤", "呼延", "赫连", "澹台", "公冶", "宗政", "濮阳",
    "淳于", "单于", "太叔", "申屠", "仲孙", "钟离", "闻人", "万俟", "百里", "东郭", "南门", "羊舌", "微生",
    "公羊", "梁丘", "左丘", "东门", "第五", "拓跋", "纳兰", "完颜", "亓官", "司寇", "巫马", "乐正", "壤驷",
    "公良", "漆雕", "谷梁", "段干", "子车", "颛孙", "鲜于", "闾丘", "归海"
})

# Name parts that are also words of ordinary (official) text: struck out only with a title or within the
# full name. A given name not listed here is struck out alone, whatever its two characters.
ORDINARY_WORDS = frozenset({
    # compound surnames that are words
    "东方", "第五", "百里", "西门", "南宫", "长孙", "濮阳", "公孙", "南门", "东门", "司空", "单于",
    # given names that are words of the documents
    "建设", "建国", "国庆", "文明", "和平", "解放", "卫国", "保国", "爱国", "爱民", "为民", "利民", "惠民",
    "人民", "群众", "民主", "法治", "发展", "改革", "开放", "创新", "振兴", "富强", "自强", "团结", "统一",
    "前进", "进步", "先进", "胜利", "成功", "光明", "光荣", "和谐", "安全", "平安", "红旗", "红星", "中华",
    "华夏", "国家", "文化", "教育", "科技", "经济", "纪律", "廉洁", "清廉", "廉政", "公正", "公平", "正义",
    "诚信", "敬业", "友善", "学习", "思想", "理论", "政治", "组织", "领导", "干部", "党建", "基层", "监督",
    "整改", "落实", "责任", "制度", "工作", "规划", "环境", "生态", "卫生", "健康", "幸福", "繁荣", "昌盛",
    "建业", "立业", "建功", "立功", "长江", "黄河", "长城", "江山", "山河", "海洋", "阳光", "春风", "新华",
    "世界", "天下", "长春", "长安", "永久", "永远", "跃进", "援朝", "抗美", "兴旺", "兴盛", "立新", "建新",
    "志愿", "服务", "管理", "保障", "民生", "小康", "美丽", "富裕", "国强", "国民", "军民", "建军", "红军",
    "卫东", "向东", "东风", "朝阳", "晓东", "文华", "国华", "中国", "中央", "全面", "从严", "主体", "规范",
})

HONORIFICS = ("先生", "女士", "小姐", "同志", "老师", "师傅", "大爷", "大妈", "阿姨", "大姐", "大哥")
# A surname with these is still the person's surname: 王某 and 王姓群众 say which 王 wrote.
MARKS = ("某某", "某", "姓")
SURNAME_PREFIXES = ("姓",)
# Surnames that are also common function words: their titled forms are ordinary text (向某公司, 和同志们).
FUNCTION_SURNAMES = frozenset("向于从和经由为以同及其百名与将原老")

# Contacts that identify nobody.
_PLACEHOLDERS = frozenset({"无", "不详", "未知", "匿名", "未留", "略", "暂无", "无联系方式", "未提供", "不愿透露"})
_NUMBER = re.compile(r"\d(?:[\s\-‐‑‒–—―－.·()（）/,]*\d)*(?:[\s\-]*[xX](?!\w))?")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"^0\d{2,3}(\d{7,8})$")
_NAME_SEPARATORS = re.compile(r"[、,，;；|]")
_CONTACT_SEGMENTS = re.compile(r"[、,，;；|。\n]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MIN_DIGITS = 7  # fewer digits (an extension, a house number) identify nobody and would strike out amounts

_CHAR_CACHE: dict[str, str] = {}


def _char_skeleton(char: str) -> str:
    """What one character contributes to the skeleton ("" for a character inside a name or number)."""
    cached = _CHAR_CACHE.get(char)
    if cached is None:
        normal = unicodedata.normalize("NFKC", char).casefold()
        cached = "".join(c for c in normal if c not in _INSIDE and unicodedata.category(c) not in _DROPPED_CATEGORIES)
        _CHAR_CACHE[char] = cached
    return cached


def skeleton(text: str) -> tuple[str, list[int]]:
    """The text as matched, and for each of its characters the index of the character of ``text`` it came
    from (so a match is struck out of the text as written, separators inside it included)."""
    out: list[str] = []
    origin: list[int] = []
    last = len(text) - 1
    for index, char in enumerate(text):
        if char == "," and out and out[-1].isdigit() and index < last and text[index + 1].isdigit():
            continue  # 13,912,345,678: a thousands separator, not the end of a clause
        for piece in _char_skeleton(char):
            out.append(piece)
            origin.append(index)
    return "".join(out), origin


def _plain(text: str) -> str:
    return skeleton(text)[0]


def name_forms(name: str | None) -> set[str]:
    """Every skeleton that names this person (see the module's docstring)."""
    forms: set[str] = set()
    for written in _NAME_SEPARATORS.split(name or ""):
        full = _plain(written)
        if len(full) < 2:
            continue  # a lone character (王) would strike out every 王府井
        if not _CJK.search(full):
            if len(full) >= 4:  # a name in Latin letters, as a whole; "li" would strike out "policy"
                forms.add(full)
            continue
        forms.add(full)
        for part in re.split(r"[·・•‧∙⋅.．]", unicodedata.normalize("NFKC", written)):
            part = _plain(part)
            if len(part) >= 2 and part != full and part not in ORDINARY_WORDS:
                forms.add(part)
        surname = full[:2] if len(full) >= 3 and full[:2] in COMPOUND_SURNAMES else full[:1]
        given = full[len(surname):]
        if len(given) >= 2 and given in ORDINARY_WORDS:
            forms.update(given + title for title in HONORIFICS)
        elif len(given) >= 2:
            forms.add(given)
        if len(surname) == 2 and surname not in ORDINARY_WORDS:
            forms.add(surname)
        if surname not in FUNCTION_SURNAMES:
            forms.update(surname + title for title in HONORIFICS + MARKS)
            forms.update(p + surname for p in SURNAME_PREFIXES)
    return forms


def contact_forms(contact: str | None) -> set[str]:
    """Every skeleton of a contact: the whole of it, its phone and ID numbers, its labelled segments."""
    text = unicodedata.normalize("NFKC", contact or "")
    forms: set[str] = set()
    whole = _plain(text)
    if len(whole) >= 2 and whole not in _PLACEHOLDERS and not (whole.isdigit() and len(whole) < MIN_DIGITS):
        forms.add(whole)
    for match in _NUMBER.finditer(text):
        digits = re.sub(r"[^\dx]", "", match.group().casefold())
        candidates = {digits, *re.findall(rf"\d{{{MIN_DIGITS},}}", match.group())}
        if len(digits) not in (15, 18):  # an ID number holds 1[3-9] followed by nine digits by chance
            candidates.update(_MOBILE.findall(digits))
        for prefix in ("0086", "86"):
            if digits.startswith(prefix) and len(digits) > len(prefix) + MIN_DIGITS:
                candidates.add(digits[len(prefix):])
        if landline := _LANDLINE.match(digits):
            candidates.add(landline.group(1))
        forms.update(c for c in candidates if sum(ch.isdigit() for ch in c) >= MIN_DIGITS)
    for segment in _CONTACT_SEGMENTS.split(text):
        value = _plain(re.split(r"[:：]", segment, maxsplit=1)[-1])
        if len(value) >= 3 and value not in _PLACEHOLDERS and not value.isdigit():
            forms.add(value)
    return forms


@dataclass(frozen=True)
class Redactor:
    """Strikes every form of the identities it was made from out of a text: ``redactor(text)``.

    The forms are indexed by their first two characters, so a text is scanned once whatever their number
    (a workspace holds thousands); at each place the longest form wins (张三丰 is not left as ×××丰)."""

    forms: frozenset[str]
    _index: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[str]] = {}
        for form in self.forms:
            if len(form) >= 2:
                index.setdefault(form[:2], []).append(form)
        object.__setattr__(self, "_index", {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()})

    def __call__(self, text: str | None) -> str:
        if not text:
            return ""
        plain, origin = skeleton(text)
        index = self._index
        spans: list[tuple[int, int]] = []
        position, end = 0, len(plain) - 1
        while position < end:
            step = 1
            for form in index.get(plain[position:position + 2], ()):
                if plain.startswith(form, position):
                    spans.append((origin[position], origin[position + len(form) - 1] + 1))
                    step = len(form)
                    break
            position += step
        if not spans:
            return text
        pieces: list[str] = []
        written = 0
        for start, stop in spans:
            pieces += [text[written:start], REDACTED]
            written = stop
        pieces.append(text[written:])
        return "".join(pieces)


def redactor(names: Iterable[str | None] = (), contacts: Iterable[str | None] = ()) -> Redactor:
    """A redactor of these names and contacts (every form of each)."""
    forms: set[str] = set()
    for name in names:
        forms |= name_forms(name)
    for contact in contacts:
        forms |= contact_forms(contact)
    return Redactor(frozenset(forms))


def identities(session: Session) -> Redactor:
    """The redactor of every identity in the workspace: petitioners' names, contacts, ID numbers and
    addresses (opened from the sealed store, one audited look) and interviewees' names of all petitions and
    interviews, deleted ones and those of no round included.

    Not limited to a round or a unit: a petitioner of one round is named in another's statements, and a
    petition entered before its round was chosen still has a petitioner. Documents for a unit are made only
    by a role that may read identities: for any other, XunchaError ``identity_redaction_refused`` (a document
    whose redaction could not know the names must not be made)."""
    if not identity_store.can_read(session):
        raise XunchaError("identity_redaction_refused", role=identity_store.role_name(session))
    petitioners = identity_store.all_identities(session, "redaction")
    interviewees = session.scalars(select(Interview.interviewee_name)).all()
    return redactor([p.name for p in petitioners] + list(interviewees),
                    [value for p in petitioners for value in (p.contact, p.id_number, p.address)])
