"""问题线索移交函 with its annex 问题线索移交清单, composed as a 公文 (:func:`document`) and set by
:mod:`xuncha_desktop.reports.official` as PDF or .docx.

The letter is addressed to the 纪委监委 or the 组织部 (the transfer's 主送机关); the annex lists each clue:
序号, 线索编号, 涉及人员 (named: the receiving body needs them), 主要内容, 线索来源, 拟处置方式
(谈话函询 / 初步核实 / 暂存待查 / 予以了结) and 证据材料 (numbered ①②…). Petitioners are never named: the
service strikes their identities out of every text before it reaches this module.
"""

from __future__ import annotations

from pathlib import Path

from xuncha_desktop.reports import official
from xuncha_desktop.reports.common import PdfTarget
from xuncha_desktop.reports.data import TransferLetterData, chinese_date
from xuncha_desktop.reports.official import Annex, OfficialDocument, Para

ANNEX_TITLE = "问题线索移交清单"
ANNEX_HEADER = ("序号", "线索编号", "涉及人员", "主要内容", "线索来源", "拟处置方式", "证据材料")
HANDLING = {"纪委监委": "依规依纪依法处置", "组织部": "按照干部管理权限处理"}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def evidence_list(titles: list[str]) -> str:
    if not titles:
        return "无"
    return "；".join(f"{CIRCLED[i] if i < len(CIRCLED) else f'{i + 1}.'}{title}" for i, title in enumerate(titles))


def paragraphs(data: TransferLetterData) -> list[Para]:
    items: list[Para] = []
    if data.marking:
        items += [Para("marking", data.marking), Para("blank")]
    if data.number:
        items.append(Para("addressee", data.number))
    items += [Para("title", data.title), Para("blank"), Para("addressee", f"{data.addressee}：")]
    count = len(data.items)
    disposition = HANDLING.get(data.recipient_kind, "依规处理")
    items.append(Para("body", (
        f"按照{data.round_name}安排，{data.group_name}对{data.unit_name}开展巡察期间，发现问题线索{count}件。"
        f"根据巡察工作有关规定，现将上述问题线索移交你单位，请{disposition}，"
        "并于3个月内将办理情况反馈市委巡察工作领导小组办公室。")))
    items.append(Para("body", "问题线索涉及人员及内容，请严格按照保密规定管理使用。"))
    items += [Para("blank"), Para("annex_note", f"附件：{ANNEX_TITLE}"), Para("blank"),
              Para("signature", data.group_name), Para("date", chinese_date(data.issued_on))]
    return items


def annex_rows(data: TransferLetterData) -> list[tuple[str, ...]]:
    return [(str(item.index), item.number, item.persons, item.summary, item.source, item.disposition or "待研判",
             evidence_list(item.evidence)) for item in data.items]


def document(data: TransferLetterData) -> OfficialDocument:
    annex = Annex(title=ANNEX_TITLE, header=ANNEX_HEADER, rows=annex_rows(data), widths=(34, 56, 60, 104, 56, 68, 64),
                  align=("center", "center", "left", "left", "center", "center", "left"))
    return OfficialDocument(title=data.title, paragraphs=paragraphs(data), author=data.group_name,
                            subject=f"问题线索移交 {data.unit_name} {data.round_name}", annexes=[annex])


def write_pdf(data: TransferLetterData, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    return official.write_pdf(document(data), out, use_system_fonts)


def write_docx(data: TransferLetterData, out: Path) -> Path:
    return official.write_docx(document(data), out)
