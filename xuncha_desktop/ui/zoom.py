"""Zooming, the same in the document preview and the evidence viewer: one step, one range."""

from __future__ import annotations

from PySide6.QtPdfWidgets import QPdfView

STEP = 1.25  # one press of 放大 / 缩小 (Ctrl++ / Ctrl+-)
MIN = 0.05  # a large photo fits a small window
MAX = 8.0


def clamp(factor: float) -> float:
    return min(MAX, max(MIN, factor))


def zoom_pdf(view: QPdfView, factor: float) -> None:
    """Sets a PDF view to a fixed zoom (leaving fit-to-width or fit-in-view)."""
    view.setZoomMode(QPdfView.ZoomMode.Custom)
    view.setZoomFactor(clamp(factor))
