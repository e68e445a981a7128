"""巡察反馈意见: the written feedback to an inspected unit, composed as a 公文 (:func:`document`) and set by
:mod:`xuncha_desktop.reports.official` as PDF or .docx, so the two hold the same words.
"""

from __future__ import annotations

from pathlib import Path

from xuncha_desktop.reports import official
from xuncha_desktop.reports.common import PdfTarget
from xuncha_desktop.reports.data import FeedbackData, FeedbackEntry, chinese_date, work_figures
from xuncha_desktop.reports.official import Annex, OfficialDocument, Para

CHINESE_NUMERALS = "一二三四五六七八九十"

ANNEX_HEADER = ("序号", "类别", "问题表述", "整改要求", "责任单位/责任人", "整改时限")


def numeral(n: int) -> str:
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    if n < 20:
        return "十" + CHINESE_NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return CHINESE_NUMERALS[tens - 1] + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")


# Brackets of either width: a round's name that holds some is not put inside another pair.
_OPENING = "（("
_CLOSING = "）)"


def round_phrase(kind: str, name: str) -> str:
    """What the opening says was carried out: 常规巡察（五届市委第八轮巡察）. A name that holds brackets of
    its own is never bracketed again: said alone when it names a 巡察, else its own brackets become 〔〕."""
    if not any(c in name for c in _OPENING + _CLOSING):
        return f"{kind}（{name}）"
    if "巡察" in name:
        return name
    inner = name.translate(str.maketrans("（(）)", "〔〔〕〕"))
    return f"{kind}（{inner}）"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？" else text.rstrip("；，、") + "。"


def _after_finding(statement: str, summary: str) -> str:
    """The statement without the finding the summary already says (so it is not said twice)."""
    lead = summary.strip().rstrip("。；，：")
    text = statement.strip()
    if lead and text.startswith(lead):
        return text[len(lead):].lstrip("，。；：、 ")
    return text


def item_text(entry: FeedbackEntry) -> str:
    """One item as the body says it: the summary, then what its problems found (each said once; several
    joined by semicolons), without repeating the finding the summary opens with."""
    summary = _sentence(entry.summary)
    details = [d for d in dict.fromkeys(_after_finding(p.statement, summary) for p in entry.problems) if d]
    # Details that open alike (固定资产账实不符，2019年…；固定资产账实不符，2020年…) say the opening once.
    openings = {d.split("，", 1)[0] for d in details if "，" in d}
    if len(details) > 1 and len(openings) == 1 and all("，" in d for d in details):
        details = [details[0], *(d.split("，", 1)[1] for d in details[1:])]
    if len(details) > 1:
        said = "；".join(d.strip().rstrip("。；") for d in details) + "。"
    else:
        said = _sentence(details[0]) if details else ""
    return summary + said


def work_done(data: FeedbackData) -> str:
    """巡察组共开展个别谈话N人次，…: only the figures recorded (never a 0 for what nobody counted)."""
    parts = work_figures(data.interviews, data.petitions, data.documents)
    return f"巡察组共{'，'.join(parts)}，" if parts else "巡察组"


def paragraphs(data: FeedbackData) -> list[Para]:
    """The words of the feedback, in order, with their roles. (A document not yet 定稿 is marked
    （征求意见稿） under its title by :func:`document`.)"""
    items: list[Para] = []
    if data.marking:
        items += [Para("marking", data.marking), Para("blank")]
    items += [Para("title", data.title), Para("blank"), Para("addressee", f"中共{data.party_org}：")]
    when = ""
    if data.start and data.end:
        when = f"于{chinese_date(data.start)}至{chinese_date(data.end)}"
    closing = "现将巡察发现的主要问题和整改意见反馈如下。"
    opening = (f"根据市委巡察工作统一部署，{data.group_name}{when}对{data.party_org}开展了"
               f"{round_phrase(data.round_kind, data.round_name)}。巡察期间，{work_done(data)}深入了解"
               f"{data.unit_name}贯彻落实党的路线方针政策和党中央决策部署、落实全面从严治党责任等情况。")
    if data.assessment.strip():
        items += [Para("body", opening), Para("body", _sentence(data.assessment) + closing)]
    else:
        items.append(Para("body", opening + closing))
    items.append(Para("heading1", "一、巡察发现的主要问题"))
    if not data.categories:
        items.append(Para("body", "本次巡察未列入反馈的问题。"))
    for index, block in enumerate(data.categories, 1):
        items.append(Para("heading2", f"（{numeral(index)}）{block.label}方面"))
        for number, entry in enumerate(block.items, 1):
            items.append(Para("body", f"{number}．{item_text(entry)}"))
    items.append(Para("heading1", "二、整改意见"))
    for index, block in enumerate(data.categories, 1):
        items.append(Para("heading2", f"（{numeral(index)}）关于{block.label}方面的问题"))
        requirements = list(dict.fromkeys(_sentence(e.requirement) for e in block.items if e.requirement.strip()))
        if len(requirements) > 1:
            requirements = [f"{n}．{r}" for n, r in enumerate(requirements, 1)]
        for requirement in requirements or ["针对上述问题逐项制定整改措施，明确责任人和完成时限。"]:
            items.append(Para("body", requirement))
    items.append(Para("heading1", "三、有关要求"))
    items.append(Para("body", (
        f"{data.party_org}要认真研究巡察反馈意见，切实履行整改主体责任，党组织书记要履行第一责任人职责，"
        "对照问题清单逐项制定整改措施，明确责任人和整改时限，做到件件有着落、事事有回音。")))
    items.append(Para("body", (
        "请在收到本反馈意见后2个月内，将整改情况报告和主要负责人组织落实整改情况报告报送市委巡察工作领导小组"
        "办公室。整改情况将按有关规定在一定范围内公开，市委巡察办将会同有关部门对整改情况进行督查。")))
    items += [Para("blank"), Para("annex_note", "附件：问题清单"), Para("blank"),
              Para("signature", data.signed_by), Para("date", chinese_date(data.issued_on))]
    return items


def annex_rows(data: FeedbackData) -> list[tuple[str, ...]]:
    return [(str(p.number), p.category, p.statement, p.requirement, p.responsible, p.deadline)
            for p in data.problems]


def all_text(data: FeedbackData) -> list[str]:
    """Every piece of text the document holds (body, annex label, title and table), for tests."""
    texts = [p.text for p in paragraphs(data) if p.text]
    header, rows, _widths, _align = document(data).annexes[0].table()  # as set: the category as group rows
    texts += ["附件", "问题清单", *header]
    for row in rows:
        texts.extend(cell for cell in row if cell)
    return texts



def document(data: FeedbackData) -> OfficialDocument:
    """The feedback as a 公文: its paragraphs and the 问题清单 annex."""
    annex = Annex(title="问题清单", header=ANNEX_HEADER, rows=annex_rows(data), widths=(8, 20, 50, 44, 19, 21),
                  # Narrow columns are set flush left: justifying five characters a line leaves gaps.
                  align=("center", "left", "justify", "justify", "left", "center"),
                  group_by=1)  # the category heads its problems as a group row
    return OfficialDocument(title=data.title, paragraphs=paragraphs(data), author=data.signed_by,
                            subject=f"巡察反馈意见 {data.unit_name} {data.round_name}", annexes=[annex],
                            draft=data.for_comment)


def write_pdf(data: FeedbackData, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    return official.write_pdf(document(data), out, use_system_fonts)


def write_docx(data: FeedbackData, out: Path) -> Path:
    return official.write_docx(document(data), out)


def write(data: FeedbackData, out: Path, use_system_fonts: bool | None = None) -> Path:
    """PDF or Word by the file's suffix."""
    return official.write(document(data), out, use_system_fonts)
