"""Where two versions of a text differ, for the sync page's conflicts: sentences first, then characters, so a
long one-paragraph record is marked finely; and the marking of those spans in a QTextEdit."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")


def _pieces(text: str) -> list[str]:
    """Sentences (Chinese and Western ends, line ends), so long one-paragraph records diff finely."""
    return [p for p in _SENTENCE_END.split(text) if p]


def diff_spans(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (start, end) spans of ``a`` and of ``b`` that differ: sentences first, then characters."""
    pa, pb = _pieces(a), _pieces(b)
    oa, ob = [0], [0]
    for piece in pa:
        oa.append(oa[-1] + len(piece))
    for piece in pb:
        ob.append(ob[-1] + len(piece))
    spans_a: list[tuple[int, int]] = []
    spans_b: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, pa, pb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        sa, ea, sb, eb = oa[i1], oa[i2], ob[j1], ob[j2]
        if tag == "replace" and (ea - sa) * (eb - sb) <= 4_000_000:
            chars = difflib.SequenceMatcher(None, a[sa:ea], b[sb:eb], autojunk=False)
            for t, x1, x2, y1, y2 in chars.get_opcodes():
                if t == "equal":
                    continue
                if x2 > x1:
                    spans_a.append((sa + x1, sa + x2))
                if y2 > y1:
                    spans_b.append((sb + y1, sb + y2))
        else:
            if ea > sa:
                spans_a.append((sa, ea))
            if eb > sb:
                spans_b.append((sb, eb))
    return spans_a, spans_b


def utf16_positions(text: str) -> Callable[[int], int]:
    """Qt's position (UTF-16 units) of the ``index``-th character of ``text``."""
    if all(ord(ch) <= 0xFFFF for ch in text):
        return lambda index: index
    positions = [0]
    for ch in text:
        positions.append(positions[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return lambda index: positions[index]


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def flat(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def show_marked(edit: QTextEdit, text: str, spans: list[tuple[int, int]], colour: str) -> None:
    """Shows ``text`` in ``edit`` with the ``spans`` on a coloured ground (and underlined, for print)."""
    edit.setPlainText(text)
    marked = QTextCharFormat()
    marked.setBackground(QColor(colour))
    marked.setFontUnderline(True)
    cursor = QTextCursor(edit.document())
    position = utf16_positions(text)
    for start, end in spans:
        cursor.setPosition(position(start))
        cursor.setPosition(position(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(marked)
    edit.moveCursor(QTextCursor.MoveOperation.Start)
