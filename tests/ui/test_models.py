"""Every item model passes qtmodeltester; lists read pages from the database, never every row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from xuncha_desktop.services import records as records_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui import models
from xuncha_desktop.ui.controllers.records import Controller, Query, Row
from xuncha_desktop.ui.models import ID_ROLE, PlainTableModel, RecordTableModel
from xuncha_desktop.workspace import Workspace


def _interviews(workspace: Workspace, ids: dict[str, str], count: int) -> None:
    start = dt.datetime(2020, 9, 1, 9, 0).astimezone()
    with workspace.transaction() as session:
        for n in range(count):
            KINDS["interview"].create(session, {
                "round_id": ids["round"], "unit_id": ids["unit"], "interviewee_name": f"谈话对象{n:03d}",
                "interviewee_category": "班子成员" if n % 2 else "主要负责人",
                "started_at": (start + dt.timedelta(hours=n)).isoformat(), "interviewers": ["赵刚", "钱敏"],
                "record_text": "关于公车使用的情况" if n % 5 == 0 else "一般情况"})


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_list_model_passes_the_model_tester(qtmodeltester: Any, controller: Controller, ids: dict[str, str],
                                                  kind: str) -> None:
    model = RecordTableModel(controller, kind)
    qtmodeltester.check(model)


def test_model_pages_through_the_service(qtmodeltester: Any, monkeypatch: pytest.MonkeyPatch, controller: Controller,
                                         workspace: Workspace, ids: dict[str, str]) -> None:
    _interviews(workspace, ids, 25)
    monkeypatch.setattr(models, "PAGE_SIZE", 10)
    asked: list[tuple[int, int]] = []
    real_page = controller.page

    def spy(kind: str, offset: int, limit: int, query: Query | None = None) -> list[Row]:
        asked.append((offset, limit))
        return real_page(kind, offset, limit, query or Query())

    monkeypatch.setattr(controller, "page", spy)
    model = RecordTableModel(controller, "interview")
    # the first page is read and shown at once; the count arrives from a worker thread
    assert asked == [(0, 10)]
    assert model.rowCount() == 10 and not model.count_known
    qtmodeltester.check(model)
    assert model.wait_for_count() == 25
    assert model.rowCount() == 25 and model.count_known
    # newest first (the service's default order)
    assert model.data(model.index(0, 1)) == "谈话对象024"
    assert asked == [(0, 10)]
    assert model.data(model.index(24, 1)) == "谈话对象000"
    assert asked == [(0, 10), (20, 10)]
    qtmodeltester.check(model)

    # sorting is done by the database: ascending start time puts the first interview first
    asked.clear()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.query.order == ("started_at",)
    assert model.data(model.index(0, 1)) == "谈话对象000"
    assert asked == [(0, 10)]
    model.wait_for_count()

    # a column no index serves (the post) sorts a short list; on a long one it is not sorted, since that
    # would read and sort every row first (the threshold lowered to below these 25 rows)
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert model.query.order == ("interviewee_post",)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.wait_for_count()
    monkeypatch.setattr(records_service, "SORTED_WITHOUT_INDEX", 10)
    refused: list[int] = []
    model.sortRefused.connect(refused.append)
    asked.clear()
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert refused == [2] and asked == [] and model.query.order == ("started_at",)
    assert model.sortable(1) and not model.sortable(2)

    # filtering and searching are done by the database too, with the count of matches
    model.set_query(Query((("interviewee_category", "=", "principal"),), None, ("started_at",)))
    assert model.wait_for_count() == 13
    model.set_query(Query((), "公车", None))
    assert model.rowCount() == 5 and model.count_known  # one short page: the count needs no query
    assert isinstance(model.data(model.index(0, 0), ID_ROLE), str)
    qtmodeltester.check(model)


def test_evidence_model_passes_the_model_tester_before_and_after_its_thumbnails(
        qtbot: QtBot, qtmodeltester: ModelTester, controller: Controller, ids: dict[str, str], tmp_path: Path) -> None:
    """The evidence page's own model, before and after its thumbnails arrive (dataChanged on column 0)."""
    from PySide6.QtGui import QColor, QIcon, QImage

    from xuncha_desktop.ui.thumbnails import EvidenceTableModel

    picture = tmp_path / "现场照片.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#c00000"))
    assert image.save(str(picture))
    note = tmp_path / "说明.txt"
    note.write_text("谈话地点：三楼会议室", encoding="utf-8")
    photo_id = controller.evidence.add(picture, {"title": "现场照片"})
    note_id = controller.evidence.add(note, {"title": "说明"})
    model = EvidenceTableModel(controller)
    try:
        assert model.rowCount() == 2
        rows = {model.record_id(row): row for row in range(2)}
        qtmodeltester.check(model)
        changed: list[tuple[int, int, list[int]]] = []
        model.dataChanged.connect(lambda first, last, roles=(): changed.append((first.row(), last.column(),
                                                                                list(roles))))
        with qtbot.waitSignal(model.thumbnails.ready, timeout=10_000):
            # as the view paints: the icon of the type at once, the thumbnail made in the background
            first = model.data(model.index(rows[photo_id], 0), Qt.ItemDataRole.DecorationRole)
            assert isinstance(first, QIcon)
            model.data(model.index(rows[note_id], 0), Qt.ItemDataRole.DecorationRole)
        qtbot.waitUntil(lambda: not model.thumbnails.pending(), timeout=10_000)
        assert (rows[photo_id], 0, [Qt.ItemDataRole.DecorationRole]) in changed
        qtmodeltester.check(model)
        thumbnail = model.data(model.index(rows[photo_id], 0), Qt.ItemDataRole.DecorationRole)
        assert isinstance(thumbnail, QIcon) and not thumbnail.isNull()
        assert model.thumbnails.lookup(photo_id) == (True, thumbnail)
        kind_icon = model.data(model.index(rows[note_id], 0), Qt.ItemDataRole.DecorationRole)
        assert isinstance(kind_icon, QIcon) and not kind_icon.isNull()
        assert not model.thumbnails.pending()  # a text has its type's icon and is never sent to be decoded
        assert model.data(model.index(rows[photo_id], 1), Qt.ItemDataRole.DecorationRole) is None
        assert model.file_name(rows[note_id]) == "说明.txt"
    finally:
        model.thumbnails.shutdown()


def test_plain_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = PlainTableModel(["甲", "乙"])
    model.set_rows([(["一", "二"], "a"), (["三", "四"], "b")])
    qtmodeltester.check(model)
    assert model.payload(1) == "b"


@pytest.mark.parametrize("kind", ["round", "group", "unit", "interview"])
def test_page_shows_what_display_shows(controller: Controller, workspace: Workspace, ids: dict[str, str],
                                       kind: str) -> None:
    """A page labels its values column by column; each cell is what ``display`` gives for the record's value."""
    _interviews(workspace, ids, 7)
    rows = controller.page(kind, 0, 100)
    assert rows
    service = controller.service(kind)
    with workspace.session() as session:
        for row in rows:
            record = service.get(session, row.id)
            expected = tuple(controller.display(kind, name, getattr(record, name)) for name in controller.columns(kind))
            assert row.values == expected
            assert not row.overdue
    if kind == "interview":
        assert {row.values[controller.columns(kind).index("unit_id")] for row in rows} == {"娄底市住房和城乡建设局"}
        assert {row.values[controller.columns(kind).index("signed")] for row in rows} == {"否"}


def test_model_answers_each_role_from_the_page(controller: Controller, workspace: Workspace,
                                               ids: dict[str, str]) -> None:
    _interviews(workspace, ids, 3)
    model = RecordTableModel(controller, "interview")
    cell = model.index(0, 1)
    assert model.data(cell) == model.data(cell, Qt.ItemDataRole.ToolTipRole) == "谈话对象002"
    assert model.data(cell, ID_ROLE) == model.record_id(0)
    assert model.data(cell, models.OVERDUE_ROLE) is False
    for role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.DecorationRole,
                 Qt.ItemDataRole.FontRole, Qt.ItemDataRole.EditRole):
        assert model.data(cell, role) is None
    assert model.data(model.index(3, 0)) is None  # past the end
    assert model.headerData(1, Qt.Orientation.Horizontal) == controller.field_label("interview", "interviewee_name")
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(2, Qt.Orientation.Vertical) == 3
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(5, 0)) == Qt.ItemFlag.NoItemFlags  # not a valid index


def test_a_far_page_is_read_in_the_background(qtbot: QtBot, qtmodeltester: ModelTester, controller: Controller,
                                              workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows beyond NEAR_ROWS are blank until their page, read in a worker thread, arrives; the window never
    waits for it. Pages are 10 rows here, and "far" is beyond row 10."""

    monkeypatch.setattr(models, "PAGE_SIZE", 10)
    monkeypatch.setattr(models, "NEAR_ROWS", 10)
    with workspace.transaction() as s:
        for n in range(35):
            KINDS["unit"].create(s, {"name": f"单位{n:03d}"})
    model = RecordTableModel(controller, "unit")
    model.wait_for_count()
    total = model.rowCount()
    assert total >= 35
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles=(): changed.append((first.row(), last.row())))
    assert model.data(model.index(5, 0)) is not None  # near: read at once
    assert model.data(model.index(25, 0)) is None  # far: asked for, blank for now
    model.wait_for_pages()
    assert (20, 29) in changed
    name = model.columns.index("name")
    row = model.row_at(25)
    assert row is not None and model.data(model.index(25, name)) == row.values[name]
    assert model.record_id(33) is not None  # code that needs a row (opening it) waits for its page
    qtmodeltester.check(model)


def test_file_sizes_read_as_people_read_them(controller: Controller) -> None:
    assert [controller.display("evidence", "size", n) for n in (512, 2879, 5 << 20, 3 << 30)] == \
        ["512 B", "2.8 KB", "5.0 MB", "3.0 GB"]
    assert controller.display("unit", "name", "512") == "512"  # only byte counts are sizes
