"""What the documents other than the GB/T 9704 feedback share: A4 pages, paragraph styles in the chosen
fonts, a canvas that knows the page count ("第 X 页 共 Y 页"), and the PDF's metadata."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from xuncha_desktop import files
from xuncha_desktop.reports import fonts as font_registry
from xuncha_desktop.reports.fonts import FontChoice

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 25 * mm
MARGIN_TOP = 25 * mm
MARGIN_BOTTOM = 30 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

Footer = Callable[[Canvas, int, int], None]


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def styles(chosen: dict[str, FontChoice], size: float = 14) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=chosen["body"].pdf_name, fontSize=size, leading=size * 1.75,
                          wordWrap="CJK", firstLineIndent=2 * size)
    return {
        "title": ParagraphStyle("title", fontName=chosen["title"].pdf_name, fontSize=22, leading=34, alignment=1,
                                wordWrap="CJK", spaceAfter=10),
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, firstLineIndent=0),
        "heading": ParagraphStyle("heading", parent=body, fontName=chosen["heading1"].pdf_name, firstLineIndent=0,
                                  spaceBefore=6, keepWithNext=1),
        "cell": ParagraphStyle("cell", fontName=chosen["body"].pdf_name, fontSize=10, leading=13.5, wordWrap="CJK"),
        "cell_head": ParagraphStyle("cell_head", fontName=chosen["heading1"].pdf_name, fontSize=10, leading=13.5,
                                    wordWrap="CJK", alignment=1),
        "small": ParagraphStyle("small", fontName=chosen["body"].pdf_name, fontSize=7.5, leading=10),
        "section": ParagraphStyle("section", parent=body, fontName=chosen["heading1"].pdf_name, firstLineIndent=0,
                                  spaceBefore=6),
    }


def grid(chosen: dict[str, FontChoice]) -> list[tuple[Any, ...]]:
    """A ruled table; its own font is set too, else reportlab writes (unembedded) Helvetica into the page."""
    return [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("FONTNAME", (0, 0), (-1, -1), chosen["body"].pdf_name)]


def numbered_canvas(footer: Footer, title_font: FontChoice | None = None) -> type[Canvas]:
    """A canvas class that holds its pages until the end, then draws ``footer(canvas, page, pages)`` on each."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


PdfTarget = Path | BinaryIO
"""Where a PDF goes: a file, or a stream (the window previews from memory, so nothing touches the disk)."""


def target(out: PdfTarget) -> str | BinaryIO:
    """What reportlab takes for ``out``; makes a file's folder first."""
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        return str(out)
    return out


def write_atomically(out: Path, make: Callable[[Path], object]) -> Path:
    """Calls ``make`` on a temporary sibling of ``out`` and renames it over ``out`` only when complete,
    so a failed or killed run leaves no half-written file."""
    return files.write_through(out, make)


def page_label(page: int, pages: int) -> str:
    return f"第 {page} 页 共 {pages} 页"


def centred_page_footer(font_name: str) -> Footer:
    """"第 X 页 共 Y 页" centred under the text, for documents that are not GB/T 9704 official documents."""
    def footer(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(font_name, 10.5)
        canvas.drawCentredString(PAGE_WIDTH / 2, 14 * mm, page_label(page, pages))
        canvas.restoreState()

    return footer


def build(out: PdfTarget, story: list[Any], title: str, author: str, subject: str, chosen: dict[str, FontChoice],
          footer: Footer, top: float = MARGIN_TOP, bottom: float = MARGIN_BOTTOM) -> PdfTarget:
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    doc = BaseDocTemplate(target(out), pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=top,
                          bottomMargin=bottom, title=title, author=author, subject=subject,
                          keywords=font_registry.metadata_line(chosen), creator="xuncha-desktop 巡察外业桌面端")
    doc.initialFontName = chosen["body"].pdf_name
    # No padding: text set to TEXT_WIDTH and tables of TEXT_WIDTH share the same left and right edges (a
    # padded frame put justified lines 2 mm beyond a full-width table's rule).
    # Half a point over, as on the GB/T grid: a grid flowable splits at whole lines with that tolerance.
    frame = Frame(MARGIN_X, bottom - 0.5, TEXT_WIDTH, PAGE_HEIGHT - top - bottom + 0.5, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="text")
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return out
