"""Fonts of the documents: the standard official-document fonts where the system has them, else open
TrueType fonts shipped in ``resources/fonts/``.

Five roles: the title (小标宋), the body (仿宋), first-level headings (黑体), second-level headings (楷体)
and page numbers (宋体). For each role the system's font folders are searched for the standard files
(as on Windows office PCs: simfang.ttf, simhei.ttf, simkai.ttf, 方正小标宋简体, simsun.ttc); a font must
have TrueType outlines (reportlab cannot embed CFF outlines such as Noto CJK's) and the characters
documents use. reportlab embeds every TrueType font as a subset of the glyphs used.

:func:`font_report` says which font serves which role (for the settings page); :func:`metadata_line`
writes the same into a PDF's keywords.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xuncha_desktop.resources import resource_path

ROLES: dict[str, tuple[str, str]] = {
    "title": ("小标宋", "title"),
    "body": ("仿宋", "body"),
    "heading1": ("黑体", "first-level headings"),
    "heading2": ("楷体", "second-level headings"),
    "number": ("宋体", "page numbers"),
}

# (family shown to people, file names as installed). Searched in this order, case-insensitively.
_STANDARD: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "title": [("方正小标宋简体", ("FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXiaoBiaoSong-B05S.ttf", "FZXBSK.TTF",
                                 "方正小标宋_GBK.ttf", "FZXBSJW--GB1-0.ttf"))],
    "body": [("仿宋_GB2312", ("仿宋_GB2312.ttf", "FangSong_GB2312.ttf", "SIMFANG_GB2312.TTF")),
             ("仿宋", ("simfang.ttf",))],
    "heading1": [("黑体", ("simhei.ttf",))],
    "heading2": [("楷体_GB2312", ("楷体_GB2312.ttf", "KaiTi_GB2312.ttf")), ("楷体", ("simkai.ttf",))],
    "number": [("宋体", ("simsun.ttc", "simsun.ttf"))],
}

# Shipped fallbacks: (family, file, sub-font index, synthetic bold). See resources/fonts/README.md.
_SHIPPED: dict[str, tuple[str, str, int, bool]] = {
    "title": ("AR PL SungtiL GB（加粗，代小标宋）", "gbsn00lp.ttf", 0, True),
    "body": ("AR PL SungtiL GB（代仿宋）", "gbsn00lp.ttf", 0, False),
    "heading1": ("文泉驿微米黑（代黑体）", "wqy-microhei.ttc", 0, False),
    "heading2": ("AR PL KaitiM GB（楷体）", "gkai00mp.ttf", 0, False),
    "number": ("AR PL SungtiL GB（代宋体）", "gbsn00lp.ttf", 0, False),
}

# Characters every document needs: a font missing any of them is not used.
_NEEDED = "巡察反馈意见关于组织问题整改一二三（）、，。：；—0123456789年月日第页共"


@dataclass(frozen=True)
class FontChoice:
    role: str
    family: str            # what people call it
    path: Path
    subfont: int
    source: str            # "system" or "shipped"
    synthetic_bold: bool   # drawn with a stroke to thicken a regular face (the 小标宋 substitute)
    pdf_name: str          # the name registered with reportlab

    def describe(self) -> str:
        return f"{ROLES[self.role][0]}={self.family}（{'系统' if self.source == 'system' else '内置'}）"

    def to_json(self) -> dict[str, Any]:
        return {"role": self.role, "role_zh": ROLES[self.role][0], "role_en": ROLES[self.role][1],
                "family": self.family, "path": str(self.path), "source": self.source,
                "synthetic_bold": self.synthetic_bold}


def font_dirs() -> list[Path]:
    """The folders where the system and the user keep fonts (Windows, Linux/fontconfig, macOS)."""
    dirs: list[Path] = []
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
        dirs += [data_home / "fonts", Path.home() / ".fonts", Path("/usr/local/share/fonts"),
                 Path("/usr/share/fonts")]
    extra = os.environ.get("XUNCHA_FONT_DIRS")
    if extra:
        dirs = [Path(p) for p in extra.split(os.pathsep) if p] + dirs
    return [d for d in dirs if d.is_dir()]


def _index(dirs: list[Path]) -> dict[str, Path]:
    """Lower-cased file name → path, first found wins."""
    found: dict[str, Path] = {}
    for folder in dirs:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc", ".otf")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _usable(path: Path, subfont: int) -> bool:
    """TrueType outlines (reportlab refuses CFF) and every character documents need."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        font = TTFont(f"probe-{path.name}-{subfont}", str(path), subfontIndex=subfont)
    except (TTFError, OSError, ValueError, KeyError):
        return False
    cmap = font.face.charToGlyph
    return all(ord(c) in cmap for c in _NEEDED)


def choose_fonts(use_system: bool = True) -> dict[str, FontChoice]:
    """The font for each role: a standard system font when usable, else the shipped one."""
    index = _index(font_dirs()) if use_system else {}
    chosen: dict[str, FontChoice] = {}
    for role in ROLES:
        for family, names in _STANDARD[role] if use_system else []:
            path = next((index[n.lower()] for n in names if n.lower() in index), None)
            if path is not None and _usable(path, 0):
                chosen[role] = FontChoice(role, family, path, 0, "system", False, f"xuncha-{role}-system")
                break
        if role not in chosen:
            family, file, subfont, bold = _SHIPPED[role]
            chosen[role] = FontChoice(role, family, resource_path("fonts", file), subfont, "shipped", bold,
                                      f"xuncha-{role}-shipped")
    return chosen


_lock = threading.Lock()
_registered: dict[bool, dict[str, FontChoice]] = {}


def fonts(use_system: bool | None = None) -> dict[str, FontChoice]:
    """The chosen fonts, registered with reportlab (once per process).

    ``use_system`` defaults to true unless XUNCHA_SHIPPED_FONTS=1 (tests use the shipped fonts, so
    their results do not depend on the machine).
    """
    if use_system is None:
        use_system = os.environ.get("XUNCHA_SHIPPED_FONTS", "") not in ("1", "true", "yes")
    with _lock:
        if use_system not in _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            chosen = choose_fonts(use_system)
            shared: dict[tuple[Path, int], str] = {}
            for role, choice in list(chosen.items()):
                # One registration per file: the subset then holds the glyphs of every role it serves.
                key = (choice.path, choice.subfont)
                if key in shared:
                    chosen[role] = FontChoice(choice.role, choice.family, choice.path, choice.subfont,
                                              choice.source, choice.synthetic_bold, shared[key])
                    continue
                if choice.pdf_name not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(TTFont(choice.pdf_name, str(choice.path), subfontIndex=choice.subfont))
                shared[key] = choice.pdf_name
            _registered[use_system] = chosen
        return _registered[use_system]


def font_report(use_system: bool | None = None) -> list[dict[str, Any]]:
    """Which font serves which role, for the settings page."""
    return [choice.to_json() for choice in fonts(use_system).values()]


def metadata_line(chosen: dict[str, FontChoice]) -> str:
    """The fonts in one line for the PDF's keywords (``字体：小标宋=…；仿宋=…``)."""
    return "字体 fonts：" + "；".join(choice.describe() for choice in chosen.values())


def ascent_descent(pdf_name: str) -> tuple[float, float]:
    """The font's ascent and descent in thousandths of the size (descent negative)."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(pdf_name)
    face = font.face
    return float(face.ascent), float(face.descent)
