"""A record family that exists only in this process, added as docs/adding-a-record-family.md says: a model,
its service with the descriptor, registered in the list of kinds (and, in the real program, a migration).
Nothing else is told about it; the command line, search, sync and the window must take it from the registry.

Run by tests/services/test_new_family.py in a process of its own (the model must not join the test run's
metadata). Prints one JSON object of what it saw. The window is built offscreen, as the window tests build it
(tests/ui/conftest.py): private settings in the given folder, Chinese, no drafts offered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import sys
import uuid
from pathlib import Path

from sqlalchemy import Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated, SearchSpec
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services import sync
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.kinds import KINDS, nav_pages, searched_kinds
from xuncha_desktop.services.records import NavPage, RecordService
from xuncha_desktop.services.search import search
from xuncha_desktop.sync.dump import canonical_dump
from xuncha_desktop.workspace import Workspace

PASSPHRASE = "巡察口令 correct horse"


class Meeting(Replicated, Base):
    """列席会议: a meeting of the inspected unit the group attended."""

    __tablename__ = "meetings"
    search = SearchSpec("meeting", ("title", "summary"))
    __table_args__ = (Index("ix_meetings_live_held", "deleted", "held_at", "id"),)

    round_id: Mapped[uuid.UUID | None]
    unit_id: Mapped[uuid.UUID]
    title: Mapped[str] = mapped_column(String(300))
    held_at: Mapped[dt.datetime]  # no column type: the base maps datetimes to UTCDateTime, which sync reads
    summary: Mapped[str] = mapped_column(Text, default="")


class MeetingService(RecordService[Meeting]):
    kind = "meeting"
    zh = "列席会议"
    en = "meeting"
    nav = NavPage("meeting", "列席会议", "Meetings", "interview", 25)
    list_columns = ("held_at", "title", "unit_id")
    date_field = "held_at"
    model = Meeting
    default_order = ("-held_at",)
    fields = (
        Field("round_id", "巡察轮次", "round", FieldType.REF, ref="round"),
        Field("unit_id", "被巡察单位", "unit", FieldType.REF, required=True, ref="unit"),
        Field("title", "会议名称", "title", FieldType.STRING, required=True, max_length=300),
        Field("held_at", "召开时间", "held at", FieldType.DATETIME, required=True),
        Field("summary", "会议情况", "summary", FieldType.TEXT, default=""),
    )


def _workspace(path: Path, name: str) -> Workspace:
    ws = Workspace.create(path, name, PASSPHRASE, kdf=KdfParams.cheap(), user_name=name)
    table = Meeting.__table__
    assert isinstance(table, Table)
    table.create(ws.engine)  # in the program: the family's migration
    return ws


def _cli(*args: str) -> tuple[int, str, str]:
    from xuncha_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _window(folder: Path, workspace: Workspace, meeting_id: str) -> dict[str, object]:
    """Builds the main window on ``workspace`` and reports its navigation and the meeting page's list."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QMenu

    from xuncha_desktop.ui import i18n
    from xuncha_desktop.ui.app import application
    from xuncha_desktop.ui.controllers.records import Controller
    from xuncha_desktop.ui.main_window import MainWindow

    app = application()
    QCoreApplication.setOrganizationName("xuncha-test")
    QCoreApplication.setApplicationName("xuncha-desktop-test")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    i18n.install("zh")
    seen: dict[str, object] = {}
    window = MainWindow(Controller(workspace, "zh"), offer_drafts=False)
    window.show()
    app.processEvents()
    seen["nav"] = [window.nav.item(row).text() for row in range(window.nav.count())]
    view_menu = window.menuBar().actions()[2].menu()
    assert isinstance(view_menu, QMenu)
    seen["view_menu"] = [action.text() for action in view_menu.actions()]
    page = window.list_page("meeting")  # as a search hit or a link would show it
    seen["current_page"] = window.page_keys[window.nav.currentRow()]
    seen["shows_the_page"] = window.stack.currentWidget() is page
    model = page.model
    seen["headers"] = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]
    seen["rows"] = [[model.data(model.index(row, column)) for column in range(model.columnCount())]
                    for row in range(model.rowCount())]
    seen["row_ids"] = [model.record_id(row) for row in range(model.rowCount())]
    seen["date_filter"] = page.date_field
    editor = window.open_record("meeting", meeting_id)  # the generic form, built from the fields
    seen["editor_title"] = editor.widgets["title"].value()
    editor.close()
    window.close()
    english = MainWindow(Controller(workspace, "en"), offer_drafts=False)  # the descriptor's English label
    # the record pages only (工作台, 巡察办总览 and 同步 are the window's own, translated by Qt, not loaded here)
    seen["nav_en"] = [english.nav.item(row).text() for row in range(english.nav.count())][2:-1]
    english.close()
    app.processEvents()
    return seen


def main() -> None:
    folder = Path(sys.argv[1])
    KINDS["meeting"] = MeetingService()  # in the program: one line in services/kinds.py
    seen: dict[str, object] = {"pages": [page.key for page, _kinds in nav_pages()], "searched": searched_kinds()}
    a, b = _workspace(folder / "a", "笔记本A"), _workspace(folder / "b", "办公室")
    for one, other in ((a, b), (b, a)):
        with one.transaction() as s:
            sync.trust(s, one, sync.own_keys(other))
    with a.transaction() as s:
        unit = KINDS["unit"].create(s, {"name": "娄底市水利局", "party_org": "中共娄底市水利局党组",
                                        "party_org_kind": "党组"})
        unit_id = str(unit.id)
    os.environ["XUNCHA_PASSPHRASE"] = PASSPHRASE
    record = json.dumps({"unit_id": unit_id, "title": "局党组理论学习中心组学习会", "held_at": "2020-05-06T09:00",
                         "summary": "学习传达全面从严治党工作会议精神"}, ensure_ascii=False)
    seen["cli_add"] = _cli("records", "add", "meeting", "--json", record, "--workspace", str(a.path))[0]
    code, listed, _err = _cli("records", "list", "meeting", "--workspace", str(a.path))
    seen["cli_list"] = [code, [row["title"] for row in json.loads(listed)]] if code == 0 else [code, listed]
    code, _out, err = _cli("records", "add", "meeting", "--json", json.dumps({"unit_id": unit_id}),
                           "--workspace", str(a.path))
    seen["cli_missing_title"] = [code, "会议名称" in err]
    code, found, _err = _cli("search", "理论学习", "--kind", "meeting", "--workspace", str(a.path))
    seen["cli_search"] = [code, [hit["kind"] for hit in json.loads(found)]] if code == 0 else [code, found]
    with a.transaction() as s:
        seen["search"] = [hit.kind for hit in search(s, "从严治党")]
        seen["list"] = [r.title for r in KINDS["meeting"].find(s)]
        meeting_id = str(KINDS["meeting"].find(s)[0].id)
    seen["meeting_id"] = meeting_id
    seen["window"] = _window(folder, a, meeting_id)
    sync.export(a, folder / "a-to-b.xcpkg", sync.own_keys(b))
    seen["import"] = sync.import_(b, folder / "a-to-b.xcpkg").records_added
    sync.export(b, folder / "b-to-a.xcpkg", sync.own_keys(a))  # b's own default vocabulary, so both hold the same
    sync.import_(a, folder / "b-to-a.xcpkg")
    with a.transaction() as s1, b.transaction() as s2:
        dump_a, dump_b = canonical_dump(s1), canonical_dump(s2)
        seen["dumps_equal"] = dump_a == dump_b
        seen["meetings_at_b"] = [row["title"] for row in dump_b.get("meetings", [])]
    a.close()
    b.close()
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main()
