"""公文 in GB/T 9704-2012 form: what a document issued by the office is made of (:class:`OfficialDocument`:
marking, title, 主送, numbered paragraphs, 落款 and date, annexes with their tables) and its two writers,
PDF on the standard grid and .docx with the same grid for editing before issue.

Every 公文 the program issues (巡察反馈意见, 整改督查报告, 巡察情况报告, 移交函) is composed by its own module
into an :class:`OfficialDocument` and set here, so the layout rules live in one place.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from xuncha_desktop.reports import fonts as font_registry
from xuncha_desktop.reports.common import PdfTarget, target
from xuncha_desktop.reports.layout import (
    BODY_SIZE,
    CELL,
    LEFT,
    NO_LINE_END,
    NO_LINE_START,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TITLE_SIZE,
    TOP,
    TYPE_HEIGHT,
    TYPE_WIDTH,
    BlankLines,
    GridText,
    Line,
    Setter,
    page_number_painter,
)


@dataclass(frozen=True)
class Para:
    """One paragraph of the document: ``role`` is title, addressee, body, heading1, heading2, marking,
    annex_note, signature, date, blank."""

    role: str
    text: str = ""


@dataclass(frozen=True)
class Annex:
    """An annex on its own pages: 附件 (numbered when there are several), its title, and a table whose
    header repeats on every page. ``widths`` are relative column widths; ``align`` per column is
    "center", "left" or "justify"."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    widths: tuple[float, ...]
    align: tuple[str, ...]
    label: str = "附件"
    # PDF only: flowables (charts) set after the table, or alone when ``header`` is empty.
    flowables: tuple[Any, ...] = ()
    group_by: int | None = None

    def table(self) -> tuple[tuple[str, ...], list[tuple[str, ...]], tuple[float, ...], tuple[str, ...]]:
        """Header, rows, widths and alignments as set: with ``group_by``, that column leaves the table and
        each change of its value becomes a group row (a 1-tuple, spanning the table) before its rows.
        A 1-tuple among ``rows`` is a group row too."""
        if self.group_by is None:
            return self.header, self.rows, self.widths, self.align
        column = self.group_by

        def drop(values: tuple[Any, ...]) -> tuple[Any, ...]:
            return values[:column] + values[column + 1:]

        rows: list[tuple[str, ...]] = []
        current: str | None = None
        for row in self.rows:
            if len(row) == 1:
                rows.append(row)
                continue
            if row[column] != current:
                current = row[column]
                rows.append((current,))
            rows.append(drop(row))
        return drop(self.header), rows, drop(self.widths), drop(self.align)


@dataclass(frozen=True)
class OfficialDocument:
    """A 公文 ready to set: ``paragraphs`` run from the marking to the date (see :class:`Para`);
    ``subject`` and ``author`` go into the file's metadata."""

    title: str
    paragraphs: list[Para]
    author: str
    subject: str
    annexes: list[Annex] = field(default_factory=list)
    draft: bool = False
    classification: str = ""

    def items(self) -> list[Para]:
        """The paragraphs as set: ``classification`` (机密, 内部 …) as the marking on the first line when
        the paragraphs carry none, and "（征求意见稿）" under the title of a ``draft``."""
        items = list(self.paragraphs)
        if self.classification and not any(p.role == "marking" for p in items):
            items[:0] = [Para("marking", self.classification), Para("blank")]
        if self.draft:
            at = max((i for i, p in enumerate(items) if p.role == "title"), default=-1) + 1
            items.insert(at, Para("draft", DRAFT_MARK))
        return items


DRAFT_MARK = "（征求意见稿）"


# ---- PDF -------------------------------------------------------------------------------------------

def write_pdf(doc: OfficialDocument, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageBreak, PageTemplate

    chosen = font_registry.fonts(use_system_fonts)
    body = Setter(chosen["body"], BODY_SIZE, CELL)
    setters = {
        "body": body,
        "title": Setter(chosen["title"], TITLE_SIZE),
        "heading1": Setter(chosen["heading1"], BODY_SIZE, CELL),
        "heading2": Setter(chosen["heading2"], BODY_SIZE, CELL),
    }
    two = 2 * CELL
    story: list[Any] = []
    items = doc.items()
    for index, item in enumerate(items):
        role = item.role
        if role == "blank":
            story.append(BlankLines(1))
        elif role == "title":
            setter = setters["title"]
            lines = title_lines(setter, item.text)
            story.append(GridText(setter, lines, synthetic_bold=chosen["title"].synthetic_bold))
        elif role == "draft":
            setter = setters["heading2"]
            story.append(GridText(setter, [setter.centred(item.text, TYPE_WIDTH)]))
        elif role in ("marking", "addressee"):
            setter = setters["heading1"] if role == "marking" else body
            story.append(GridText(setter, setter.break_text(item.text, TYPE_WIDTH)))
        elif role in ("heading1", "heading2"):
            setter = setters[role]
            story.append(GridText(setter, setter.break_text(item.text, TYPE_WIDTH, first_indent=two),
                                  keep_with_next=True))
        elif role in ("body", "annex_note"):
            paragraph = GridText(body, body.break_text(item.text, TYPE_WIDTH, first_indent=two))
            paragraph.role = role
            story.append(paragraph)
        elif role == "signature":
            date_text = items[index + 1].text
            sig_right, date_right = indents(body.natural(item.text) / CELL, body.natural(date_text) / CELL)
            sig_x = TYPE_WIDTH - sig_right * CELL - body.natural(item.text)
            date_x = TYPE_WIDTH - date_right * CELL - body.natural(date_text)
            closing = [*_body_tail(story), GridText(body, [_at(body, item.text, sig_x)]),
                       GridText(body, [_at(body, date_text, date_x)])]
            story.append(KeepTogether(closing))
    # Each annex: 附件 in 黑体 at the top left, its title, then the table whose header repeats.
    for number, annex in enumerate(doc.annexes, 1):
        label = annex.label if len(doc.annexes) == 1 else f"{annex.label}{number}"
        story.append(PageBreak())
        story.append(GridText(setters["heading1"], setters["heading1"].break_text(label, TYPE_WIDTH)))
        story.append(BlankLines(1))
        title = setters["title"]
        story.append(GridText(title, title_lines(title, annex.title), synthetic_bold=chosen["title"].synthetic_bold))
        story.append(BlankLines(1))
        if annex.header:
            story.append(_pdf_table(annex, chosen))
        story.extend(annex.flowables)

    template = BaseDocTemplate(
        target(out), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=LEFT, topMargin=TOP,
        rightMargin=PAGE_WIDTH - LEFT - TYPE_WIDTH, bottomMargin=PAGE_HEIGHT - TOP - TYPE_HEIGHT,
        title=doc.title, author=doc.author, subject=doc.subject,
        keywords=font_registry.metadata_line(chosen), creator="xuncha-desktop 巡察外业桌面端")
    template.initialFontName = chosen["body"].pdf_name
    frame = Frame(LEFT, PAGE_HEIGHT - TOP - TYPE_HEIGHT, TYPE_WIDTH, TYPE_HEIGHT + 0.5, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0, id="type-area")
    template.addPageTemplates([PageTemplate("gb9704", [frame], onPage=page_number_painter(chosen["number"]))])
    template.build(story)
    return out


CLOSING_BODY_LINES = 2  # body lines that go with the 落款 to its page


def _body_tail(story: list[Any]) -> list[Any]:
    """Takes from the end of ``story`` what must share a page with the 落款 (GB/T 9704 7.3.5: the
    signature and date never stand on a page without body text): the blank lines and 附件说明 before it
    and the last lines of the body paragraph before those, which is split off if it is longer. When the
    落款 does not fit below the body, these lines go over with it (the adjustment 7.3.5.5 prescribes;
    "此页无正文" is not used)."""
    tail: list[Any] = []
    while story:
        item = story.pop()
        if getattr(item, "role", "") == "body" and len(item.lines) > CLOSING_BODY_LINES:
            keep = len(item.lines) - CLOSING_BODY_LINES
            story.append(GridText(item.setter, item.lines[:keep], item.before, pitch=item.pitch))
            item = GridText(item.setter, item.lines[keep:], pitch=item.pitch)
            item.role = "body"
        tail.insert(0, item)
        if getattr(item, "role", "") == "body" or not isinstance(item, BlankLines | GridText):
            break
    return tail


CELL_SIZE = 12.0
CELL_PITCH = 16.0
CELL_PAD = 4.0


def annex_widths(annex: Annex, header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float, ...],
                 align: tuple[str, ...], cell: Setter, head: Setter, total: float,
                 pad: float = 2 * CELL_PAD + 0.5) -> list[float]:
    """Column widths in points: the given proportions, but no column narrower than its header on at most
    two lines (a header of four characters or fewer on one: 序号 never breaks into 序/号) or than the
    longest entry of a centred or flush-left column, when that is short (a date, a number)."""
    floors = []
    for column, name in enumerate(header):
        if len(name) <= 4:
            floor = head.natural(name)
        else:
            cuts = [i for i, c in enumerate(name) if c in "/、"] or [(len(name) + 1) // 2]
            cut = min(cuts, key=lambda i: abs(2 * i - len(name)))
            cut = cut + 1 if name[cut] in "/、" else cut
            floor = max(head.natural(name[:cut]), head.natural(name[cut:]))
        if align[column] != "justify":
            entries = [cell.natural(row[column]) for row in rows if len(row) > 1 and row[column]]
            longest = max(entries, default=0.0)
            if longest <= 0.2 * total:
                floor = max(floor, longest)
        floors.append(floor + pad)
    share = sum(widths)
    result = [w * total / share for w in widths]
    fixed: set[int] = set()
    while True:
        short = [i for i in range(len(result)) if i not in fixed and result[i] < floors[i] - 0.01]
        if not short:
            return result
        fixed.update(short)
        rest = total - sum(floors[i] for i in fixed)
        free = sum(widths[i] for i in range(len(widths)) if i not in fixed)
        result = [floors[i] if i in fixed else widths[i] * rest / free for i in range(len(widths))]


def _cell_lines(setter: Setter, text: str, width: float, align: str) -> list[Any]:
    """A cell's lines; a column narrower than eight characters is set flush, never letter-spaced."""
    if align == "justify" and width >= 8 * setter.size:
        return setter.break_text(text, width, hang=True)
    return setter.break_text(text, width, justify=False, align="left" if align == "justify" else align, hang=True)


def _pdf_table(annex: Annex, chosen: dict[str, Any]) -> Any:
    """The annex table (see :class:`SplitTable`): header repeated on every page, group rows spanning the
    table, short entries in the middle of their row, long rows split across pages between lines."""
    header, rows, widths, align = annex.table()
    cell = Setter(chosen["body"], CELL_SIZE)
    head = Setter(chosen["heading1"], CELL_SIZE)
    columns = annex_widths(annex, header, rows, widths, align, cell, head, TYPE_WIDTH)
    inner = [w - 2 * CELL_PAD for w in columns]
    top = TableRow([head.break_text(h, w, justify=False, align="center") for h, w in zip(header, inner, strict=True)],
                   head, "head")
    body: list[TableRow] = []
    if not rows:
        rows = [("—",) + ("",) * (len(header) - 1)]
    for row in rows:
        if len(row) == 1:  # a group row
            lines = head.break_text(row[0], TYPE_WIDTH - 2 * CELL_PAD, justify=False)
            body.append(TableRow([lines] + [[] for _ in header[1:]], head, "group"))
            continue
        body.append(TableRow([_cell_lines(cell, text, w, a) for text, w, a in zip(row, inner, align, strict=True)],
                             cell, "row"))
    return SplitTable(top, body, columns, chosen["body"].pdf_name)


@dataclass
class TableRow:
    """A table row's cells as lines, or the part ``start``–``end`` of them when the row is split across
    pages (each cell's lines sit in the middle of the whole row's ``total`` lines)."""

    cells: list[list[Any]]
    setter: Setter
    kind: str  # head, group or row
    start: int = 0
    end: int = -1
    total: int = 0

    def __post_init__(self) -> None:
        if not self.total:
            self.total = max(max((len(lines) for lines in self.cells), default=1), 1)
        if self.end < 0:
            self.end = self.total

    @property
    def height(self) -> float:
        return (self.end - self.start) * CELL_PITCH + 2 * PAD_V

    def part(self, start: int, end: int) -> TableRow:
        return TableRow(self.cells, self.setter, self.kind, start, end, self.total)

    def flowables(self) -> list[Any]:
        result: list[Any] = []
        for lines in self.cells:
            offset = (self.total - len(lines)) // 2
            mine = lines[max(self.start - offset, 0):max(self.end - offset, 0)]
            # nothing of this cell in the part: an empty string is cheap to lay out and draw
            result.append(CellLines(self.setter, mine, CELL_PITCH, self.end - self.start,
                                    max(offset - self.start, 0)) if mine else "")
        return result


MIN_SPLIT_LINES = 2  # a row split across pages keeps at least two lines on each side


class SplitTable(Flowable):  # type: ignore[misc]
    """A ruled table that splits itself: it knows every row's height, so a page's part is found by adding
    heights (linear in the rows, where reportlab's Table re-measures the rest of the table at every page)
    and set as a reportlab Table with the header on top. A row that does not fit is split between lines
    when at least two of its lines fit and two remain, so a page ends at most a row of three lines short;
    a group row keeps with the row after it."""

    def __init__(self, head: TableRow, body: list[TableRow], columns: list[float], font: str) -> None:
        super().__init__()
        self.head, self.body, self.columns, self.font = head, body, columns, font

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.columns)
        self.height = self.head.height + sum(row.height for row in self.body)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        room = avail_height - self.head.height
        used = 0.0
        taken: list[TableRow] = []
        rest: list[TableRow] = []
        for index, row in enumerate(self.body):
            if used + row.height <= room + 0.01:
                taken.append(row)
                used += row.height
                continue
            fit = int((room - used - 2 * PAD_V + 0.01) // CELL_PITCH)
            lines = row.end - row.start
            if row.kind == "row" and fit >= MIN_SPLIT_LINES and lines - fit >= MIN_SPLIT_LINES:
                taken.append(row.part(row.start, row.start + fit))
                rest = [row.part(row.start + fit, row.end), *self.body[index + 1:]]
            else:
                rest = self.body[index:]
            break
        while taken and taken[-1].kind == "group":  # a group row goes over with its first row
            rest.insert(0, taken.pop())
        if not taken or not rest:
            return []
        return [_ruled_table([self.head, *taken], self.columns, self.font),
                SplitTable(self.head, rest, self.columns, self.font)]

    def draw(self) -> None:
        table = _ruled_table([self.head, *self.body], self.columns, self.font)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def _ruled_table(rows: list[TableRow], columns: list[float], font: str) -> Any:
    """A reportlab Table of ``rows`` (the first the header, shaded): ruled all round, group rows spanned
    and lightly shaded."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),  # else Helvetica, not embedded
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_V), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_V),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
    ]
    for index, row in enumerate(rows):
        if row.kind == "group":
            style += [("SPAN", (0, index), (-1, index)),
                      ("BACKGROUND", (0, index), (-1, index), colors.Color(0.96, 0.96, 0.96))]
    return Table([row.flowables() for row in rows], colWidths=columns, rowHeights=[row.height for row in rows],
                 style=TableStyle(style))


PAD_V = 3.0


class CellLines(GridText):
    """Some lines of a table cell, in a part of a row ``slots`` lines tall, ``top_blank`` lines down."""

    def __init__(self, setter: Setter, lines: list[Any], pitch: float, slots: int, top_blank: int) -> None:
        super().__init__(setter, lines, before=top_blank, pitch=pitch)
        self.slots = slots

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.slots * self.pitch
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        return []

    def draw(self) -> None:
        shift = (self.pitch - self.setter.size) / 2  # glyph boxes centred in their pitch
        self.height -= shift
        try:
            super().draw()
        finally:
            self.height += shift


def title_lines(setter: Setter, title: str) -> list[Line]:
    """A title's lines, centred: broken where :func:`title_breaks` says."""
    pieces = title_breaks(title, lambda piece: setter.natural(piece) <= TYPE_WIDTH + 0.01)
    return [setter.centred(piece, TYPE_WIDTH) for piece in pieces]


# Where a title may break: before these words (的反馈意见, 关于…, 情况的报告) or after these (an organisation's
# name ends, a list's comma). Elsewhere a break may cut a word, so it costs more; never inside a figure.
BREAK_BEFORE = ("关于", "开展", "情况", "工作", "问题", "整改", "专项", "线索", "移交", "报告", "意见", "通知")
BREAK_AFTER = ("、", "，", "党组", "党委", "党支部", "党总支", "党工委", "委员会", "局", "办公室", "政府", "公司",
               "中心", "巡察组", "领导小组", "机关", "学校", "医院", "集团", "单位", "）", "》", "”")
BAD_AFTER = ("关于", "对", "和", "及", "与", "的", "（", "《", "“")
VERBS = ("巡察", "移交", "开展", "督查")
BAD_BEFORE = ("党组", "党委", "党支部", "党总支", "党工委", "委员会", "办公室", "领导小组", "巡察组")


def break_cost(title: str, at: int) -> float:
    """The cost of breaking ``title`` before index ``at``: 0 before 的, low at a word boundary the lists
    know, high elsewhere (a word may be cut), prohibitive inside a figure or against 避头尾."""
    head, tail = title[:at], title[at:]
    if tail[0] in NO_LINE_START or head[-1] in NO_LINE_END:
        return 1000.0
    if head[-1].isascii() and tail[0].isascii() and head[-1].isalnum() and tail[0].isalnum():
        return 1000.0
    if head.endswith(BAD_AFTER) or tail.startswith(BAD_BEFORE):
        return 40.0
    if tail.startswith("的"):
        return 0.0
    if head.endswith(BREAK_AFTER) or tail.startswith(BREAK_BEFORE):
        return 1.0
    if head.endswith(VERBS) and tail[0] not in "组办工整的":  # 关于巡察|娄底市…, not 巡察|组
        return 2.0
    return 20.0


def title_breaks(title: str, fits: Callable[[str], bool]) -> list[str]:
    """The title's lines: as few as fit (``fits`` tells whether a piece fits one line), broken at the
    cheapest places (:func:`break_cost`) with lines of even length preferred (0.2 × the square of each
    line's shortfall from the longest, over the longest, counts too). One function serves the PDF and the
    .docx, so both break alike."""
    if not title or fits(title):
        return [title]
    n = len(title)
    for count in range(2, n + 1):
        candidates: list[tuple[float, list[str]]] = []

        def walk(start: int, left: int, cost: float, pieces: list[str],
                 found: list[tuple[float, list[str]]]) -> None:
            if left == 1:
                piece = title[start:]
                if fits(piece):
                    found.append((cost, [*pieces, piece]))
                return
            for end in range(start + 1, n - left + 2):
                piece = title[start:end]
                if not fits(piece):
                    break
                if len(title) - end <= 60 * (left - 1):
                    walk(end, left - 1, cost + break_cost(title, end), [*pieces, piece], found)

        walk(0, count, 0.0, [], candidates)
        if candidates:
            def score(item: tuple[float, list[str]]) -> float:
                longest = max(len(p) for p in item[1])
                return item[0] + 0.2 * sum((longest - len(p)) ** 2 for p in item[1]) / longest

            return min(candidates, key=score)[1]
    return [title]


def _at(setter: Setter, text: str, x: float) -> Line:
    return Line(text, x, setter.space)


# ---- DOCX ------------------------------------------------------------------------------------------

TITLE_CHARS = 20  # 二号 characters on a 156 mm line
# The line grid: 22 lines of 579 twips (12,738) fit the type area's 12,756 twips (225 mm rounded); 580
# would need 12,760, and LibreOffice then sets 21 lines.
LINE_TWIPS = 579
# 三号 runs condensed by 0.25 pt (w:spacing is in twentieths of a point): 28 × 15.75 pt = 441 pt fit the
# 442.2 pt line; -0.2 pt (28 × 15.8 = 442.4 pt) does not, and LibreOffice then sets 27 characters.
CONDENSE_TWIPS = -5
DOCX_CELL_PT = 16 + CONDENSE_TWIPS / 20
DOCX_FONTS = {"title": "方正小标宋简体", "body": "仿宋_GB2312", "heading1": "黑体", "heading2": "楷体_GB2312",
              "number": "宋体", "draft": "楷体_GB2312"}
DOCX_TOP_MM = 35.2
CELL_PT = 10.5
DOCX_CELL_MARGIN = 5.4  # Word's and LibreOffice's default cell margin, 108 twips
SHORT_ROW_LINES = 4  # rows of up to this many lines never split across pages (w:cantSplit)


class _CharMeasure:
    """Widths by character count (a Chinese character one size, a Latin letter or figure half), for
    laying out tables where the font's own metrics are not at hand."""

    def __init__(self, size: float) -> None:
        self.size = size

    def natural(self, text: str) -> float:
        # LibreOffice puts a quarter em between Chinese and figures whatever the file says (w:autoSpaceDE)
        boundaries = sum(1 for a, b in itertools.pairwise(text) if a.isascii() != b.isascii())
        return (_chars(text) + 0.25 * boundaries) * self.size


def write_docx(doc: OfficialDocument, out: Path) -> Path:
    """The same text and layout as a Word document, for editing before issue: A4, the same margins,
    a 22 × 28 document grid that LibreOffice and Word both hold, page numbers "— n —" odd right / even
    left, Chinese language and no automatic space between Chinese and figures, the 落款 kept on a page
    with the body's last lines, annex tables with a shaded repeating header, group rows, and rows that
    split across pages only when long."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, Twips

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    # The text area is exactly 22 grid lines tall (LibreOffice centres the grid in it), starting so that
    # the first line's characters stand where the PDF's do (0.2 mm above 37 mm): Word and LibreOffice set
    # a line's glyphs about 1.6 mm below the top of an exact 28.95 pt line, so the top margin is 35.2 mm
    # (within GB/T 9704's 37 ± 1 mm for the characters themselves) and the bottom margin takes the rest.
    top = Mm(DOCX_TOP_MM)
    section.top_margin, section.left_margin = top, Mm(28)
    section.right_margin = Mm(210 - 28 - 156)
    section.bottom_margin = Mm(297) - top - Twips(22 * LINE_TWIPS)
    section.footer_distance = Mm(297 - 37 - 225 - 7 - 5)
    section.start_type = WD_SECTION.NEW_PAGE
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_TWIPS))
    pitch = Twips(LINE_TWIPS)

    def child(parent: Any, tag: str) -> Any:
        element = parent.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            parent.append(element)
        return element

    # Document defaults: 三号, Chinese, no automatic spacing between Chinese and Latin or figures
    # (w:autoSpaceDE / w:autoSpaceDN: it would widen "2053.37万元" by a quarter character each side).
    defaults = child(document.styles.element, "w:docDefaults")
    run_props = child(child(defaults, "w:rPrDefault"), "w:rPr")
    for tag in ("w:sz", "w:szCs"):
        child(run_props, tag).set(qn("w:val"), "32")
    lang = child(run_props, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    para_props = child(child(defaults, "w:pPrDefault"), "w:pPr")
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        child(para_props, tag).set(qn("w:val"), "0")
    child(para_props, "w:kinsoku").set(qn("w:val"), "1")
    child(para_props, "w:widowControl").set(qn("w:val"), "1")
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = DOCX_FONTS["body"]
    normal_fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        normal_fonts.set(qn(attr), DOCX_FONTS["body"])
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
    footer_style = document.styles["Footer"]
    footer_style.font.size = Pt(14)
    footer_style.font.name = DOCX_FONTS["number"]

    def run_font(run: Any, family: str, size: float, bold: bool = False) -> None:
        run.font.name = family
        run.font.size = Pt(size)
        run.font.bold = bold
        props = run._element.get_or_add_rPr()
        fonts = props.get_or_add_rFonts()
        # One font for Chinese and figures alike: a Latin font beside it (Times New Roman for a narrower
        # point) moves the lines holding figures off the grid in LibreOffice (its exact line places the
        # baseline by each line's fonts): measured 0.5 mm.
        for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
            fonts.set(qn(attr), family)
        if size == 16:
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), str(CONDENSE_TWIPS))
            props.append(spacing)

    def paragraph(text: str, role: str, align: Any = None, indent_chars: float = 0.0,
                  right_chars: float = 0.0) -> Any:
        para = document.add_paragraph()
        fmt = para.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = pitch
        fmt.space_before = fmt.space_after = Pt(0)
        if indent_chars:
            fmt.first_line_indent = Pt(DOCX_CELL_PT * indent_chars)
        if right_chars:
            fmt.right_indent = Pt(DOCX_CELL_PT * right_chars)
        para.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
        _no_autospace(para)  # LibreOffice does not take it from the document defaults
        if text:
            size = 22.0 if role == "title" else 16.0
            run_font(para.add_run(text), DOCX_FONTS.get(role, DOCX_FONTS["body"]), size)
        return para

    items = doc.items()
    written: list[tuple[str, Any]] = []
    for index, item in enumerate(items):
        if item.role == "blank":
            written.append(("blank", paragraph("", "body")))
        elif item.role == "title":
            pieces = title_breaks(item.text, lambda piece: _chars(piece) <= TITLE_CHARS)
            title = paragraph(pieces[0], "title", WD_ALIGN_PARAGRAPH.CENTER)  # break where the PDF breaks
            for piece in pieces[1:]:
                title.runs[-1].add_break()
                run_font(title.add_run(piece), DOCX_FONTS["title"], 22)
            written.append(("title", title))
        elif item.role == "draft":
            written.append(("draft", paragraph(item.text, "draft", WD_ALIGN_PARAGRAPH.CENTER)))
        elif item.role in ("marking", "addressee"):
            written.append((item.role, paragraph(item.text, "heading1" if item.role == "marking" else "body",
                                                 WD_ALIGN_PARAGRAPH.LEFT)))
        elif item.role in ("heading1", "heading2"):
            heading = paragraph(item.text, item.role, indent_chars=2)
            heading.paragraph_format.keep_with_next = True
            written.append((item.role, heading))
        elif item.role in ("body", "annex_note"):
            written.append((item.role, paragraph(item.text, "body", indent_chars=2)))
        elif item.role == "signature":
            sig_right, date_right = signature_indents(item.text, items[index + 1].text)
            # The 落款 keeps with the body's last lines (widow control carries at least two of them).
            for role, para in reversed(written):
                para.paragraph_format.keep_with_next = True
                if role == "body":
                    para.paragraph_format.widow_control = True
                    break
            paragraph(item.text, "body", WD_ALIGN_PARAGRAPH.RIGHT,
                      right_chars=sig_right).paragraph_format.keep_with_next = True
            paragraph(items[index + 1].text, "body", WD_ALIGN_PARAGRAPH.RIGHT, right_chars=date_right)
    for number, annex in enumerate(doc.annexes, 1):  # each annex on a new page
        label = annex.label if len(doc.annexes) == 1 else f"{annex.label}{number}"
        page = paragraph("", "body", WD_ALIGN_PARAGRAPH.LEFT)
        page.add_run().add_break(WD_BREAK.PAGE)
        run_font(page.add_run(label), DOCX_FONTS["heading1"], 16)
        paragraph("", "body")
        pieces = title_breaks(annex.title, lambda piece: _chars(piece) <= TITLE_CHARS)
        annex_title = paragraph(pieces[0], "title", WD_ALIGN_PARAGRAPH.CENTER)
        for piece in pieces[1:]:
            annex_title.runs[-1].add_break()
            run_font(annex_title.add_run(piece), DOCX_FONTS["title"], 22)
        paragraph("", "body")
        if annex.header:  # an annex of PDF flowables only (charts) has no Word form beyond its title
            _docx_table(document, annex, run_font)
    # Page numbers: odd pages right, even pages left, one character in; every run of the field in 四号.
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
                                (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")):
        para = footer.paragraphs[0]
        para.alignment = align
        if side == "right":
            para.paragraph_format.right_indent = Pt(14)
        else:
            para.paragraph_format.left_indent = Pt(14)
        mark = child(para._p.get_or_add_pPr(), "w:rPr")  # the paragraph mark, in 四号 too
        for tag in ("w:sz", "w:szCs"):
            child(mark, tag).set(qn("w:val"), "28")
        run_font(para.add_run("— "), DOCX_FONTS["number"], 14)
        _page_field(para, run_font)
        run_font(para.add_run(" —"), DOCX_FONTS["number"], 14)
    core = document.core_properties
    core.title = doc.title
    core.author = doc.author
    core.subject = doc.subject
    document.save(str(out))
    return out


def _docx_table(document: Any, annex: Annex, run_font: Any) -> None:
    """The annex table in Word: the PDF's column widths, a shaded header row repeated on every page,
    cells centred vertically, group rows merged across, short rows kept on one page."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    header, rows, widths, align = annex.table()
    measure = _CharMeasure(CELL_PT)
    total = 156 * 72 / 25.4
    # Word's and LibreOffice's cell margins (108 twips a side) and a little room
    columns = annex_widths(annex, header, rows, widths, align, measure, measure, total,  # type: ignore[arg-type]
                           pad=2 * DOCX_CELL_MARGIN + 2)
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    sizes = [Mm(w * 25.4 / 72) for w in columns]
    for column, width in zip(table.columns, sizes, strict=True):
        column.width = width  # the table grid: programs other than Word read widths from it

    def shade(cell: Any, fill: str) -> None:
        props = cell._tc.get_or_add_tcPr()
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
        props.append(shading)

    def row_flag(row: Any, tag: str) -> None:
        flag = OxmlElement(tag)
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)

    def fill(cell: Any, text: str, family: str, alignment: Any) -> None:
        para = cell.paragraphs[0]
        run_font(para.add_run(text), family, CELL_PT)
        fmt = para.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(14)
        fmt.first_line_indent = Pt(0)
        fmt.widow_control = True  # a row split across pages leaves no line alone (LibreOffice honours it here)
        para.alignment = alignment
        snap = OxmlElement("w:snapToGrid")  # table text keeps its own leading, off the page's line grid
        snap.set(qn("w:val"), "0")
        para._p.get_or_add_pPr().append(snap)
        _no_autospace(para)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    alignments = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                  "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
    for cell, text, width in zip(table.rows[0].cells, header, sizes, strict=True):
        cell.width = width
        fill(cell, text, DOCX_FONTS["heading1"], WD_ALIGN_PARAGRAPH.CENTER)
        shade(cell, "EBEBEB")
    row_flag(table.rows[0], "w:tblHeader")
    row_flag(table.rows[0], "w:cantSplit")
    for values in rows or [("—",) + ("",) * (len(header) - 1)]:
        row = table.add_row()
        cells = row.cells
        for cell, width in zip(cells, sizes, strict=True):
            cell.width = width
        if len(values) == 1:  # a group row, merged across the table
            merged = cells[0].merge(cells[-1])
            fill(merged, values[0], DOCX_FONTS["heading1"], WD_ALIGN_PARAGRAPH.LEFT)
            shade(merged, "F5F5F5")
            row_flag(row, "w:cantSplit")
            continue
        lines = 1
        for cell, text, points, how in zip(cells, values, columns, align, strict=True):
            narrow = points - 2 * CELL_PAD < 8 * CELL_PT
            alignment = alignments["left" if how == "justify" and narrow else how]
            fill(cell, text, DOCX_FONTS["body"], alignment)
            per_line = max(int((points - 2 * DOCX_CELL_MARGIN) // CELL_PT), 1)
            lines = max(lines, -(-int(measure.natural(text) / CELL_PT + 0.99) // per_line))
        if lines <= SHORT_ROW_LINES:
            row_flag(row, "w:cantSplit")


def _no_autospace(para: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = para._p.get_or_add_pPr()
    # In the schema's order (LibreOffice ignores them elsewhere): before bidi, snapToGrid, spacing, ind, jc …
    later = {qn(f"w:{t}") for t in ("bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
                                    "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
                                    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr",
                                    "pPrChange")}
    anchor = next((c for c in props if c.tag in later), None)
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        if anchor is None:
            props.append(element)
        else:
            anchor.addprevious(element)


def _chars(text: str) -> float:
    """Width in characters of 三号: a Chinese character is one, a digit or Latin letter half."""
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def signature_indents(signature: str, date: str) -> tuple[float, float]:
    """Right indents (in characters) of the signature and the date (GB/T 9704-2012 7.3.5.2, a document
    without a seal): the signature two characters from the right, the date on the next line starting two
    characters right of the signature's start; when the date, so placed, would come closer than two
    characters to the right edge (it is longer than the signature less two), the date is set two from
    the right and the signature moves left to start two characters before it."""
    return indents(_chars(signature), _chars(date))


def indents(signature: float, date: float) -> tuple[float, float]:
    """:func:`signature_indents` on widths in characters."""
    if date + 2 > signature:
        return 2 + date + 2 - signature, 2.0
    return 2.0, 2 + signature - 2 - date


def _page_field(para: Any, run_font: Any) -> None:
    """A PAGE field as separate runs (begin, instruction, separator, result, end), each in 四号, so a
    program that re-computes the field keeps the size."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("result", "1"), ("end", None)):
        run = para.add_run()
        run_font(run, DOCX_FONTS["number"], 14)
        if kind in ("begin", "separate", "end"):
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif kind == "result":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def write(doc: OfficialDocument, out: Path, use_system_fonts: bool | None = None) -> Path:
    """PDF or Word by the file's suffix."""
    if out.suffix.lower() == ".docx":
        return write_docx(doc, out)
    write_pdf(doc, out, use_system_fonts)
    return out
