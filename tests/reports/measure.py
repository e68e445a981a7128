"""Measuring a 公文 as printed: lines on the GB/T 9704 grid read back from a PDF (ours, or LibreOffice's
rendering of our .docx), and content checks any document test can use (孤字, nested brackets, gapped
figures, a signature page without body text).

``render_docx`` runs LibreOffice headless with a private profile (parallel runs do not collide) and a
fontconfig file that maps the standard font names (仿宋_GB2312, 黑体 …) to the shipped fonts, so glyph
widths are those of full-width CJK fonts, as on an office PC.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xuncha_desktop.reports.layout import NO_LINE_END, NO_LINE_START

MM = 72 / 25.4
TYPE_TOP, TYPE_LEFT, TYPE_WIDTH, TYPE_HEIGHT = 37.0, 28.0, 156.0, 225.0
TYPE_RIGHT, TYPE_BOTTOM = TYPE_LEFT + TYPE_WIDTH, TYPE_TOP + TYPE_HEIGHT
FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
ALIASES = {"仿宋_GB2312": "AR PL SungtiL GB", "仿宋": "AR PL SungtiL GB", "宋体": "AR PL SungtiL GB",
           "方正小标宋简体": "AR PL SungtiL GB", "黑体": "WenQuanYi Micro Hei", "楷体_GB2312": "AR PL KaitiM GB",
           "楷体": "AR PL KaitiM GB"}
PUNCTUATION = set("，。、；：？！）》」』】〕”’…—·（《「『【〔“‘．,.;:?!()%％")


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is not installed: run build_spec/install-system-packages.sh"
    return found


def _fontconfig(folder: Path) -> Path:
    matches = "".join(
        f'<match target="pattern"><test name="family"><string>{name}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{family}</string></edit></match>'
        for name, family in ALIASES.items())
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONTS}</dir><cachedir>{folder / 'cache'}</cachedir>{matches}</fontconfig>", encoding="utf-8")
    return conf


def render_docx(docx: Path, outdir: Path) -> Path:
    """The PDF LibreOffice makes of ``docx`` (``outdir``/<stem>.pdf)."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        env = dict(os.environ, FONTCONFIG_FILE=str(_fontconfig(Path(profile))), SAL_USE_VCLPLUGIN="svp")
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir), str(docx)], check=True, capture_output=True, env=env, timeout=240)
    pdf = outdir / f"{docx.stem}.pdf"
    assert pdf.exists(), f"LibreOffice made no PDF of {docx}"
    return pdf


@dataclass
class PrintedLine:
    page: int          # from 1
    top: float         # mm, the top of the characters' boxes
    size: float        # pt, the largest character
    chars: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def left(self) -> float:
        return float(self.chars[0]["x0"]) / MM

    @property
    def right(self) -> float:
        return float(self.chars[-1]["x1"]) / MM

    @property
    def full(self) -> bool:
        """Reaches from the type area's left to its right edge (a justified line, not a paragraph's last)."""
        return self.right > TYPE_RIGHT - 1.2 and self.left < TYPE_LEFT + 12


def printed_lines(pdf: Path, in_tables: bool = False) -> list[list[PrintedLine]]:
    """Per page, the lines inside the type area (characters grouped by their top, within 1 mm), top to
    bottom; characters inside ruled tables are left out unless ``in_tables``."""
    import pdfplumber

    pages: list[list[PrintedLine]] = []
    with pdfplumber.open(str(pdf)) as document:
        for number, page in enumerate(document.pages, 1):
            boxes = [] if in_tables else [t.bbox for t in page.find_tables()]
            chars = [c for c in page.chars if c["text"].strip() and TYPE_TOP - 3 < c["top"] / MM < TYPE_BOTTOM
                     and not any(x0 - 1 <= c["x0"] <= x1 + 1 and y0 - 1 <= c["top"] <= y1 + 1
                                 for x0, y0, x1, y1 in boxes)]
            chars.sort(key=lambda c: (c["top"], c["x0"]))
            lines: list[PrintedLine] = []
            for char in chars:
                top = char["top"] / MM
                if lines and abs(lines[-1].top - top) < 1.0:
                    lines[-1].chars.append(char)
                    lines[-1].size = max(lines[-1].size, char["size"])
                else:
                    lines.append(PrintedLine(number, top, char["size"], [char]))
            for line in lines:
                line.chars.sort(key=lambda c: c["x0"])
                # the line's place from its Chinese characters: Latin ones may come from another font
                # (a proportional serif in the .docx) whose boxes stand a little higher or lower
                wide = [c["top"] / MM for c in line.chars if not c["text"].isascii()]
                if wide:
                    line.top = min(wide)
            pages.append(lines)
    return pages


def body_pages(pages: list[list[PrintedLine]], size: float = 16.0) -> list[list[PrintedLine]]:
    """Only the lines in the body size (三号), per page."""
    return [[line for line in lines if abs(line.size - size) < 0.6] for lines in pages]


def widest(pages: list[list[PrintedLine]]) -> int:
    """The most characters on one line that contains no Latin letters or digits."""
    return max((len(line.text) for lines in pages for line in lines if line.text.isascii() is False
                and not any(c.isascii() for c in line.text)), default=0)


def lone_chars(pages: list[list[PrintedLine]]) -> list[str]:
    """Paragraphs' last lines holding a single character (punctuation aside) after a full line: 孤字."""
    found = []
    flat = [line for lines in pages for line in lines]
    for before, line in itertools.pairwise(flat):
        letters = [c for c in line.text if c not in PUNCTUATION]
        if before.full and len(letters) == 1 and line.left < TYPE_LEFT + 1 and not line.full:
            found.append(f"p.{line.page}: …{before.text[-6:]} / {line.text}")
    return found


def gapped_figures(pages: list[list[PrintedLine]], points: bool = True) -> list[str]:
    """Places where two neighbouring digits or a digit and a decimal point stand apart by more than a
    quarter of the type size, or (``points``) a decimal point takes as much room as a figure (from the
    figure before it to the figure after more than 1.6 figures' width: "2053. 37" in a font of
    monospaced figures)."""
    found = []
    for lines in pages:
        for line in lines:
            chars = line.chars
            for a, b in itertools.pairwise(chars):
                pair = a["text"] + b["text"]
                if re.fullmatch(r"[0-9.][0-9.]", pair) and b["x0"] - a["x1"] > a["size"] * 0.25:
                    found.append(f"p.{line.page}: {line.text}")
            for a, point, b in zip(chars, chars[1:], chars[2:], strict=False) if points else ():
                if a["text"].isdigit() and point["text"] == "." and b["text"].isdigit():
                    figure = a["x1"] - a["x0"]
                    if b["x0"] - a["x0"] > 1.6 * figure:
                        found.append(f"p.{line.page}: {line.text} (the point as wide as a figure)")
    return found


def quote_gaps(pages: list[list[PrintedLine]]) -> list[str]:
    """A full-width point or comma followed by an opening quote with more than half a character between
    their glyphs ("10．  “第一议题”")."""
    found = []
    for lines in pages:
        for line in lines:
            for a, b in itertools.pairwise(line.chars):
                if a["text"] in "．，。、；：" and b["text"] in "“‘" and b["x0"] - a["x0"] > a["size"] * 1.25:
                    found.append(f"p.{line.page}: {line.text}")
    return found


def nested_brackets(text: str) -> list[str]:
    """Brackets opened inside an open bracket: "（…（…）…）" (公文 use （〔〕） for a second level)."""
    found = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in "（(":
            if depth == 0:
                start = index
            depth += 1
            if depth == 2:
                found.append(text[start:text.find("）", index) + 1 or None])
        elif char in "）)" and depth:
            depth -= 1
    return found


def kinsoku_breaks(pages: list[list[PrintedLine]]) -> list[str]:
    """Lines that begin with a closing mark or end with an opening one (避头尾)."""
    return [f"p.{line.page}: {line.text}" for lines in pages for line in lines
            if line.text and (line.text[0] in NO_LINE_START or line.text[-1] in NO_LINE_END)]
