"""Setting Chinese text on the GB/T 9704-2012 grid: A4, type area 156 × 225 mm at 28 mm from the left and
37 mm from the top, 22 lines of 28 characters of 三号 (16 pt).

A full-width character advances exactly one grid cell (156 mm / 28); lines are broken with the usual
rules (no line begins with a closing mark or ends with an opening one: 避头尾) and justified, except the
last line of a paragraph. Every grid flowable is a whole number of lines tall, so the text stays on the
grid across headings and pages; the first line's characters start exactly at the type area's top.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from xuncha_desktop.reports.fonts import FontChoice, ascent_descent

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 28 * mm
TOP = 37 * mm
TYPE_WIDTH = 156 * mm
TYPE_HEIGHT = 225 * mm
LINES = 22
CHARS = 28
PITCH = TYPE_HEIGHT / LINES          # 10.23 mm between lines
CELL = TYPE_WIDTH / CHARS            # 5.57 mm per character
BODY_SIZE = 16.0                     # 三号
TITLE_SIZE = 22.0                    # 二号
NUMBER_SIZE = 14.0                   # 四号
NUMBER_GAP = 7 * mm                  # page number below the type area
BOTTOM = PAGE_HEIGHT - TOP - TYPE_HEIGHT

NO_LINE_START = set("，。、；：？！）》」』】〕”’…—%％·,.;:?!)]}")
NO_LINE_END = set("（《「『【〔“‘([{")


# Punctuation Unicode calls ambiguous in width, which Chinese text sets in a full cell: the glyph
# sits at the cell's right (opening marks), left (closing marks) or centre.
OPENING = set("“‘")
CLOSING = set("”’")
CENTRED = set("—…·")


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F") or char in OPENING or char in CLOSING or \
        char in CENTRED


@dataclass(frozen=True)
class Line:
    text: str
    x: float          # from the left edge of the type area
    char_space: float  # extra space after each character (negative on the standard grid)


class Setter:
    """Breaks text into grid lines for one font and size; ``cell`` is the advance of a wide character."""

    def __init__(self, font: FontChoice, size: float, cell: float | None = None) -> None:
        self.font = font
        self.size = size
        self.cell = cell if cell is not None else size
        self.space = self.cell - size
        self._widths: dict[str, float] = {}
        _ascent, descent = ascent_descent(font.pdf_name)
        # pdfminer (pdfplumber) puts a character's box from baseline + descent to that plus the size.
        self.baseline_drop = size * (1 + descent / 1000)

    def advance(self, char: str) -> float:
        width = self._widths.get(char)
        if width is None:
            width = self.size if is_wide(char) else pdfmetrics.stringWidth(char, self.font.pdf_name, self.size)
            self._widths[char] = width
        return width + self.space

    def pad(self, char: str) -> tuple[float, float]:
        """Space before and after the glyph of a full-cell mark whose glyph is narrower than the cell."""
        if char not in OPENING and char not in CLOSING and char not in CENTRED:
            return 0.0, 0.0
        spare = self.size - pdfmetrics.stringWidth(char, self.font.pdf_name, self.size)
        if spare <= 0.01:
            return 0.0, 0.0
        if char in OPENING:
            return spare, 0.0
        if char in CLOSING:
            return 0.0, spare
        return spare / 2, spare / 2

    def width(self, text: str) -> float:
        return sum(self.advance(c) for c in text)

    def break_text(self, text: str, width: float, first_indent: float = 0.0, justify: bool = True,
                   align: str = "left", indent: float = 0.0) -> list[Line]:
        """Lines of ``text`` within ``width`` (after ``indent``); the first line indented ``first_indent`` more."""
        lines: list[Line] = []
        rest = text
        first = True
        while rest:
            offset = indent + (first_indent if first else 0.0)
            room = width - offset
            used = 0.0
            count = 0
            for char in rest:
                step = self.advance(char)
                # A full line of 28 is 28 cells: the last character needs no space after it.
                if count > 0 and used + step - max(self.space, 0.0) > room + 0.01:
                    break
                used += step
                count += 1
            if count < len(rest):
                count = self._kinsoku(rest, count)
            piece, rest = rest[:count], rest[count:]
            natural = self.width(piece) - self.space
            space = self.space
            x = offset
            if rest and justify and len(piece) > 1:
                space += (room - natural) / (len(piece) - 1)
            elif align == "center":
                x = offset + (room - natural) / 2
            elif align == "right":
                x = offset + room - natural
            lines.append(Line(piece, x, space))
            first = False
        return lines or [Line("", indent + first_indent, self.space)]

    def break_balanced(self, text: str, width: float) -> list[Line]:
        """Centred lines of nearly equal length (for titles: no short last line)."""
        lines = self.break_text(text, width, justify=False, align="center")
        if len(lines) < 2:
            return lines
        per = -(-len(text) // len(lines))
        pieces: list[str] = []
        rest = text
        while rest:
            count = min(per, len(rest))
            if count < len(rest):
                count = self._kinsoku(rest, count)
            pieces.append(rest[:count])
            rest = rest[count:]
        if len(pieces) != len(lines):
            return lines
        result = []
        for piece in pieces:
            natural = self.width(piece) - self.space
            result.append(Line(piece, (width - natural) / 2, self.space))
        return result

    @staticmethod
    def _kinsoku(text: str, count: int) -> int:
        """Moves the break so no line starts with a closing mark or ends with an opening one,
        and a run of Latin letters and digits is not split."""
        original = count
        while count > 1 and (text[count] in NO_LINE_START or text[count - 1] in NO_LINE_END):
            count -= 1
        while count > 1 and text[count].isascii() and text[count].isalnum() and \
                text[count - 1].isascii() and text[count - 1].isalnum():
            count -= 1
        return count if count > original // 2 else original


class GridText(Flowable):  # type: ignore[misc]
    """Lines on the grid: ``lines_each`` grid lines per text line, ``before`` blank grid lines first."""

    def __init__(self, setter: Setter, lines: list[Line], before: int = 0, lines_each: int = 1,
                 synthetic_bold: bool = False, keep_with_next: bool = False, pitch: float = PITCH) -> None:
        super().__init__()
        self.pitch = pitch
        self.setter = setter
        self.lines = lines
        self.before = before
        self.lines_each = lines_each
        self.synthetic_bold = synthetic_bold
        self.keepWithNext = keep_with_next

    def grid_lines(self) -> int:
        return self.before + len(self.lines) * self.lines_each

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.grid_lines() * self.pitch
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = int((avail_height + 0.5) // self.pitch) - self.before
        fit = room // self.lines_each
        if fit < 1 or fit >= len(self.lines):
            return []
        head = GridText(self.setter, self.lines[:fit], self.before, self.lines_each, self.synthetic_bold,
                        pitch=self.pitch)
        tail = GridText(self.setter, self.lines[fit:], 0, self.lines_each, self.synthetic_bold,
                        bool(self.keepWithNext), pitch=self.pitch)
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        setter = self.setter
        for index, line in enumerate(self.lines):
            top = self.height - (self.before + index * self.lines_each) * self.pitch
            for x, piece in self._segments(line):
                text = canvas.beginText(x, top - setter.baseline_drop)
                text.setFont(setter.font.pdf_name, setter.size)
                text.setCharSpace(line.char_space)
                if self.synthetic_bold:
                    text.setTextRenderMode(2)
                    canvas.setLineWidth(setter.size * 0.035)
                text.textOut(piece)
                canvas.drawText(text)

    def _segments(self, line: Line) -> list[tuple[float, str]]:
        """Runs of the line that can be drawn as one string, with their x; full-cell marks are placed
        in their cell."""
        setter = self.setter
        segments: list[tuple[float, str]] = []
        x = line.x
        start = x
        run = ""
        for char in line.text:
            before, after = setter.pad(char)
            if before or after:
                if run:
                    segments.append((start, run))
                segments.append((x + before, char))
                x += before + pdfmetrics.stringWidth(char, setter.font.pdf_name, setter.size) + after + \
                    line.char_space
                start, run = x, ""
                continue
            run += char
            x += setter.advance(char) - setter.space + line.char_space
        if run:
            segments.append((start, run))
        return segments


class BlankLines(Flowable):  # type: ignore[misc]
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, min(self.count * PITCH, avail_height)


    def draw(self) -> None:
        pass


def text_block(setter: Setter, text: str, width: float, pitch: float, indent_chars: float = 2) -> GridText:
    """A paragraph set with the same rules as the grid, at any line pitch (for the other documents)."""
    lines = setter.break_text(text, width, first_indent=indent_chars * setter.cell)
    return GridText(setter, lines, pitch=pitch)


def page_number_painter(number_font: FontChoice, fmt: Callable[[int], str] = lambda n: f"— {n} —"
                        ) -> Callable[[Any, Any], None]:
    """Draws "— n —" in 四号 7 mm below the type area: odd pages right, even pages left, one character in."""
    setter = Setter(number_font, NUMBER_SIZE)

    def paint(canvas: Any, _doc: Any) -> None:
        page = canvas.getPageNumber()
        label = fmt(page)
        width = pdfmetrics.stringWidth(label, number_font.pdf_name, NUMBER_SIZE)
        top = BOTTOM - NUMBER_GAP
        x = LEFT + TYPE_WIDTH - NUMBER_SIZE - width if page % 2 else LEFT + NUMBER_SIZE
        canvas.saveState()
        canvas.setFont(number_font.pdf_name, NUMBER_SIZE)
        canvas.drawString(x, top - setter.baseline_drop, label)
        canvas.restoreState()

    return paint


class CellText(GridText):
    """A paragraph for a table cell: broken (避头尾, justified) to whatever width the cell gives it."""

    def __init__(self, setter: Setter, text: str, pitch: float, align: str = "justify") -> None:
        super().__init__(setter, [], pitch=pitch)
        self.text = text
        self.align = align

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self.lines and avail_width == getattr(self, "_wrapped_width", None):  # tables wrap cells repeatedly
            return self.width, self.height
        self._wrapped_width = avail_width
        if self.align == "justify":
            self.lines = self.setter.break_text(self.text, avail_width)
        else:
            self.lines = self.setter.break_text(self.text, avail_width, justify=False, align=self.align)
        self.width = avail_width
        self.height = len(self.lines) * self.pitch
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        # Lines sit in their pitch with the glyph box centred, so cell padding looks even.
        shift = (self.pitch - self.setter.size) / 2
        self.height -= shift
        try:
            super().draw()
        finally:
            self.height += shift
