"""Setting Chinese text on the GB/T 9704-2012 grid: A4, type area 156 × 225 mm at 28 mm from the left and
37 mm from the top, 22 lines of 28 characters of 三号 (16 pt).

A full-width character advances exactly one grid cell (156 mm / 28); lines are broken with the usual
rules (no line begins with a closing mark or ends with an opening one: 避头尾) and justified, except the
last line of a paragraph. Every grid flowable is a whole number of lines tall, so the text stays on the
grid across headings and pages; the first line's characters start exactly at the type area's top.
"""

from __future__ import annotations

import bisect
import itertools
import re
import struct
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


# Narrow points drawn at the width of their ink when the font sets them in a monospaced half cell.
TIGHT_POINTS = set(".,:;")
# Adjacent punctuation squeezed into one cell: a mark whose glyph sits left, then an opening mark.
SQUEEZE_AFTER = set("．，。、；：？！”’）》」』】〕")
SQUEEZE_OPEN = set("“‘（《「『【〔")
PUNCTUATION = NO_LINE_START | NO_LINE_END | set("．")


def lone(text: str) -> bool:
    """A paragraph's last line of a single character, punctuation aside (孤字)."""
    return sum(1 for c in text if c not in PUNCTUATION) <= 1


_INK: dict[tuple[str, str], tuple[float, float] | None] = {}


def glyph_ink(font_name: str, char: str) -> tuple[float, float] | None:
    """Left and right edge of a TrueType glyph's ink in ems (from the glyph's bounding box), or None."""
    key = (font_name, char)
    if key not in _INK:
        _INK[key] = None
        face = getattr(pdfmetrics.getFont(font_name), "face", None)
        glyph = face.charToGlyph.get(ord(char)) if face is not None else None
        if face is not None and glyph is not None and "glyf" in face.table:
            start, end = face.glyphPos[glyph], face.glyphPos[glyph + 1]
            if end > start:
                at = face.table["glyf"]["offset"] + start
                _contours, x_min, _y_min, x_max, _y_max = struct.unpack(">hhhhh", face._ttf_data[at:at + 10])
                _INK[key] = (x_min / face.unitsPerEm, x_max / face.unitsPerEm)
    return _INK[key]


@dataclass(frozen=True)
class Line:
    text: str
    x: float          # from the left edge of the type area
    char_space: float  # extra space after each character (negative on the standard grid)


class Setter:
    """Breaks text into grid lines for one font and size; ``cell`` is the advance of a wide character.

    A wide (CJK) character advances one cell; Latin letters and digits keep their own widths and the
    runs they form are never letter-spaced when a line is justified, and a point or comma in a font whose
    figures are monospaced takes the width of its ink, so "2053.37" reads as one figure. A full-width
    point, comma or closing mark followed by an opening mark ("10．“第一议题”") is squeezed: the pair
    takes one cell, the way Chinese typesetting compresses adjacent punctuation (标点挤压)."""

    def __init__(self, font: FontChoice, size: float, cell: float | None = None) -> None:
        self.font = font
        self.size = size
        self.cell = cell if cell is not None else size
        self.space = self.cell - size
        self._widths: dict[str, float] = {}
        self._narrow: dict[str, tuple[float, float]] = {}
        self._glyphs: dict[str, float] = {}
        _ascent, descent = ascent_descent(font.pdf_name)
        # pdfminer (pdfplumber) puts a character's box from baseline + descent to that plus the size.
        self.baseline_drop = size * (1 + descent / 1000)

    def advance(self, char: str) -> float:
        width = self._widths.get(char)
        if width is None:
            width = self.size + self.space if is_wide(char) else self.narrow(char)[0]
            self._widths[char] = width
        return width

    def narrow(self, char: str) -> tuple[float, float]:
        """Advance of a narrow character and where its glyph is drawn from (0, or left of the pen for a
        point whose box is wider than its ink)."""
        found = self._narrow.get(char)
        if found is None:
            width = pdfmetrics.stringWidth(char, self.font.pdf_name, self.size)
            found = (width, 0.0)
            if char in TIGHT_POINTS and width >= 0.4 * self.size:
                ink = glyph_ink(self.font.pdf_name, char)
                if ink is not None:
                    left, right = ink[0] * self.size, ink[1] * self.size
                    side = 0.06 * self.size
                    found = (right - left + 2 * side, side - left)
            self._narrow[char] = found
        return found

    def glyph(self, char: str) -> float:
        """The width of the character's glyph box in the font (no grid spacing)."""
        width = self._glyphs.get(char)
        if width is None:
            width = self._glyphs[char] = pdfmetrics.stringWidth(char, self.font.pdf_name, self.size)
        return width

    def step(self, previous: str, char: str) -> float:
        """The advance of ``char`` after ``previous`` (a squeezed opening mark gives back a whole size)."""
        if char in SQUEEZE_OPEN and previous in SQUEEZE_AFTER:
            return self.advance(char) - self.size
        return self.advance(char)

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
        total = 0.0
        previous = ""
        for char in text:
            total += self.step(previous, char)
            previous = char
        return total

    def natural(self, piece: str) -> float:
        """The width of ``piece`` set without justification, up to the last glyph's edge."""
        if not piece:
            return 0.0
        return self.width(piece) - (self.space if is_wide(piece[-1]) else 0.0)

    def justified(self, piece: str, x: float, room: float, natural: float | None = None) -> Line:
        """``piece`` spread over ``room``: the spare room goes into the gaps beside wide characters, none
        inside a run of Latin letters and figures."""
        if _SPECIAL.search(piece):
            gaps = sum(1 for a, b in itertools.pairwise(piece) if is_wide(a) or is_wide(b))
        else:
            gaps = len(piece) - 1
        space = self.space
        if gaps:
            space += (room - (self.natural(piece) if natural is None else natural)) / gaps
        return Line(piece, x, space)

    def steps(self, text: str) -> list[float]:
        """The advance of each character of ``text`` in its context (see :meth:`step`)."""
        known = self._widths
        size = self.size
        result = []
        previous = ""
        for char in text:
            width = known.get(char)
            if width is None:
                width = self.advance(char)
            if char in SQUEEZE_OPEN and previous in SQUEEZE_AFTER:
                width -= size
            result.append(width)
            previous = char
        return result

    def break_text(self, text: str, width: float, first_indent: float = 0.0, justify: bool = True,
                   align: str = "left", indent: float = 0.0, hang: bool = False) -> list[Line]:
        """Lines of ``text`` within ``width`` (after ``indent``); the first line indented ``first_indent`` more.
        A justified paragraph never ends on a line of one character (孤字): the line before gives it
        company (one or a few characters carried over, the line before spread a little). With ``hang``
        (narrow table cells), a comma, point or closing mark that would start the next line ends this one
        in half a cell (its blank half hangs into the cell's padding) instead of pushing a character down
        and letter-spacing the line; the 孤字 rule is for body paragraphs and left out there."""
        lines: list[Line] = []
        steps = self.steps(text)
        acc = [0.0, *itertools.accumulate(steps)]
        n = len(text)
        # A full line of 28 is 28 cells: the last character needs no space after it.
        slack = 0.01 + max(self.space, 0.0)
        pos = 0
        while pos < n:
            offset = indent + (first_indent if pos == 0 else 0.0)
            room = width - offset
            # a line's first character is not squeezed against the last of the line before
            lift = self.size if pos and text[pos] in SQUEEZE_OPEN and text[pos - 1] in SQUEEZE_AFTER else 0.0
            base = acc[pos] - lift
            end = max(bisect.bisect_right(acc, base + room + slack, pos + 1) - 1, pos + 1)
            hung = hang and end < n and text[end] in SQUEEZE_AFTER and \
                acc[end + 1] - base - self.size / 2 <= room + slack
            if hung:
                end += 1
            count = end - pos
            if end < n:
                count = self._kinsoku(text[pos:pos + count + 1], count)
            piece = text[pos:pos + count]
            natural = acc[pos + count] - base - (self.space if is_wide(piece[-1]) else 0.0)
            if hung and count == end - pos:
                natural -= self.size / 2
            pos += count
            x = offset
            if pos < n and justify and len(piece) > 1:
                lines.append(self.justified(piece, x, room, natural))
            else:
                if align == "center":
                    x = offset + (room - natural) / 2
                elif align == "right":
                    x = offset + room - natural
                lines.append(Line(piece, x, self.space))
        if justify and not hang and len(lines) >= 2 and lone(lines[-1].text):  # body paragraphs, not cells
            self._keep_company(lines, width, indent)
        return lines or [Line("", indent + first_indent, self.space)]

    def _keep_company(self, lines: list[Line], width: float, indent: float) -> None:
        """Carries characters from the line before to a lone last character, if the line before stays
        at least 80 % full; else leaves the lines as they are."""
        before, last = lines[-2], lines[-1]
        joined = before.text + last.text
        count = len(before.text) - 1
        while count > 1 and (joined[count] in NO_LINE_START or joined[count - 1] in NO_LINE_END or (
                joined[count].isascii() and joined[count].isalnum() and joined[count - 1].isascii()
                and (joined[count - 1].isalnum() or joined[count - 1] in TIGHT_POINTS))):
            count -= 1
        room = width - before.x
        head, tail = joined[:count], joined[count:]
        if count < 2 or self.natural(head) < 0.8 * room:
            return
        lines[-2] = self.justified(head, before.x, room)
        lines[-1] = Line(tail, indent, self.space)

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
        return [self.centred(piece, width) for piece in pieces]

    def centred(self, piece: str, width: float) -> Line:
        return Line(piece, (width - self.natural(piece)) / 2, self.space)

    @staticmethod
    def _kinsoku(text: str, count: int) -> int:
        """Moves the break so no line starts with a closing mark or ends with an opening one,
        and a run of Latin letters and digits is not split."""
        original = count
        # one loop for both rules: stepping back out of "2012" can land just after an opening "（"
        while count > 1 and (text[count] in NO_LINE_START or text[count - 1] in NO_LINE_END or (
                text[count].isascii() and text[count].isalnum() and text[count - 1].isascii()
                and text[count - 1].isalnum())):
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
        if not self.lines:
            return
        canvas = self.canv
        setter = self.setter
        # One text object for all the lines: each run is placed by its own text origin.
        text = canvas.beginText()
        text.setFont(setter.font.pdf_name, setter.size)
        if self.synthetic_bold:
            text.setTextRenderMode(2)
            canvas.setLineWidth(setter.size * 0.035)
        for index, line in enumerate(self.lines):
            top = self.height - (self.before + index * self.lines_each) * self.pitch
            for x, piece, char_space in self._segments(line):
                text.setTextOrigin(x, top - setter.baseline_drop)
                text.setCharSpace(char_space)
                text.textOut(piece)
        canvas.drawText(text)

    def _segments(self, line: Line) -> list[tuple[float, str, float]]:
        """Runs of the line that can be drawn as one string with one character spacing, with their x:
        wide characters spaced by the line's spacing, Latin and figure runs at their own widths, full-cell
        marks placed in their cell, squeezed marks moved in."""
        return segments(self.setter, line)


# Characters that are narrow, placed inside their cell or squeezed: a line without any is drawn as one run.
_SPECIAL = re.compile("[\x00-\x7f" + re.escape("".join(sorted(OPENING | CLOSING | CENTRED | SQUEEZE_OPEN))) + "]")


def segments(setter: Setter, line: Line) -> list[tuple[float, str, float]]:
    """(x, text, character spacing) of each run of ``line`` (see :meth:`GridText._segments`)."""
    text = line.text
    if not _SPECIAL.search(text):  # only wide characters, none placed in its cell: one run
        return [(line.x, text, line.char_space)] if text else []
    extra = line.char_space - setter.space  # what justification added to each gap beside a wide character
    result: list[tuple[float, str, float]] = []
    x = line.x
    run = ""
    run_x = x
    run_space: float | None = None
    previous = ""
    for index, char in enumerate(text):
        following = text[index + 1] if index + 1 < len(text) else ""
        wide = is_wide(char)
        gap = extra if (wide or (following and is_wide(following))) else 0.0
        advance = setter.step(previous, char) + gap
        squeezed = char in SQUEEZE_OPEN and previous in SQUEEZE_AFTER
        before, _after = setter.pad(char)
        shift = before - setter.size if squeezed else (before if wide else setter.narrow(char)[1])
        glyph = setter.glyph(char)
        if shift or squeezed:
            if run:
                result.append((run_x, run, run_space or 0.0))
            result.append((x + shift, char, 0.0))
            run, run_space = "", None
        else:
            space = advance - glyph
            if run and run_space is not None and abs(space - run_space) > 1e-6:
                result.append((run_x, run, run_space))
                run = ""
            if not run:
                run_x, run_space = x, space
            run += char
        x += advance
        previous = char
    if run:
        result.append((run_x, run, run_space or 0.0))
    return result


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
