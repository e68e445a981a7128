"""巡察情况报告: the group's report on a unit to the 巡察工作领导小组 after 进驻, composed as a 公文
(:func:`document`) and set by :mod:`xuncha_desktop.reports.official` as PDF or .docx.

Parts: the marking the caller chose (机密 / 内部 …) at the top left, title, 主送 市委巡察工作领导小组,
一、基本情况 (figures only as recorded: one the group never recorded is left out, not printed as 0),
二、发现的主要问题 by category with their counts, 三、问题线索及处置建议, 四、意见建议 (the group's own text,
left out while it has written none), 特此报告, 落款 and date. No brackets are nested: the round's name is
not put in brackets, and clue details follow in sentences.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from xuncha_desktop.reports import official
from xuncha_desktop.reports.common import PdfTarget
from xuncha_desktop.reports.data import SituationData, chinese_date, work_figures
from xuncha_desktop.reports.official import OfficialDocument, Para

CHINESE_NUMERALS = "一二三四五六七八九十"
ADDRESSEE = "市委巡察工作领导小组"


def numeral(n: int) -> str:
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CHINESE_NUMERALS[tens - 1]) + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？；…" else text + "。"


def work_done(data: SituationData) -> str:
    """巡察期间… with only the figures the group recorded."""
    figures = work_figures(data.interviews, data.petitions, data.documents)
    return f"巡察期间，巡察组共{'，'.join(figures)}。" if figures else ""


def paragraphs(data: SituationData) -> list[Para]:
    items: list[Para] = []
    if data.marking:
        items += [Para("marking", data.marking), Para("blank")]
    items += [Para("title", data.title), Para("blank"), Para("addressee", f"{ADDRESSEE}：")]
    when = f"于{chinese_date(data.start)}至{chinese_date(data.end)}" if data.start and data.end else ""
    items.append(Para("body", (
        f"根据市委巡察工作统一部署，按照{data.round_name}安排，{data.group_name}{when}对{data.party_org}"
        f"开展了{data.round_kind}。{work_done(data)}现将巡察情况报告如下。")))
    items.append(Para("heading1", "一、基本情况"))
    items.append(Para("body", (
        f"巡察组紧扣被巡察党组织职能责任，围绕{data.unit_name}贯彻落实党的路线方针政策和党中央决策部署、"
        "落实全面从严治党主体责任和监督责任、领导班子和干部队伍建设、巡视巡察和审计等监督发现问题整改等情况"
        "开展监督检查。")))
    if data.overview:
        items.append(Para("body", _sentence(data.overview)))
    items.append(Para("heading1", "二、发现的主要问题"))
    if not data.areas:
        items.append(Para("body", "巡察未发现需要报告的问题。"))
    else:
        spread = "、".join(f"{area.label}方面{area.count}个" for area in data.areas)
        items.append(Para("body", f"巡察共发现问题{data.problems}个，其中{spread}。"))
    for index, area in enumerate(data.areas, 1):
        items.append(Para("heading2", f"（{numeral(index)}）{area.label}方面"))
        for number, statement in enumerate(area.statements, 1):
            items.append(Para("body", f"{number}．{_sentence(statement)}"))
    items.append(Para("heading1", "三、问题线索及处置建议"))
    if not data.clues:
        items.append(Para("body", "巡察未发现问题线索。"))
    else:
        proposed = Counter(c.disposition for c in data.clues if c.disposition)
        spread = "、".join(f"拟{kind}{count}件" for kind, count in proposed.items())
        undecided = len(data.clues) - sum(proposed.values())
        tail = f"，尚待研判{undecided}件" if undecided else ""
        intro = f"巡察共发现问题线索{len(data.clues)}件" + (f"，其中{spread}{tail}。" if spread else f"{tail}。")
        items.append(Para("body", intro))
        for number, clue in enumerate(data.clues, 1):
            parts = [f"{number}．{_sentence(clue.summary)}"]
            details = [f"线索来源：{clue.source}"]
            if clue.category:
                details.insert(0, f"类别：{clue.category}")
            details.append(f"拟处置方式：{clue.disposition or '待研判'}")
            parts.append("；".join(details) + "。")
            items.append(Para("body", "".join(parts)))
    if data.suggestions:
        items.append(Para("heading1", "四、意见建议"))
        items += [Para("body", _sentence(text)) for text in data.suggestions]
    items.append(Para("body", "特此报告。"))
    items += [Para("blank"), Para("signature", data.group_name), Para("date", chinese_date(data.issued_on))]
    return items


def document(data: SituationData) -> OfficialDocument:
    return OfficialDocument(title=data.title, paragraphs=paragraphs(data), author=data.group_name,
                            subject=f"巡察情况报告 {data.unit_name} {data.round_name}")


def write_pdf(data: SituationData, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    return official.write_pdf(document(data), out, use_system_fonts)


def write_docx(data: SituationData, out: Path) -> Path:
    return official.write_docx(document(data), out)
