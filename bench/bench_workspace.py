"""The workspace the list and search benchmarks fill: one unit and one interview to copy in bulk SQL (the
services would take hours for hundreds of thousands of rows)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

PASSPHRASE = "bench passphrase 2020"


@contextmanager
def template_workspace(path: Path, database_url: str | None = None, **fields: Any) -> Iterator[tuple[Workspace, str]]:
    """A new workspace (cheap key derivation; its records in ``database_url`` if given, a hub) holding a unit and
    one interview of it, with ``fields`` on top of the usual ones; yields the open workspace and the interview's
    id as stored (hex), and closes it after."""
    with Workspace.create(path, "bench", PASSPHRASE, kdf=KdfParams.cheap(), user_name="bench",
                          database_url=database_url) as ws:
        with ws.transaction() as session:
            unit = KINDS["unit"].create(session, {"name": "娄底市财政局"})
            template = KINDS["interview"].create(session, {
                "unit_id": str(unit.id), "interviewee_name": "张三", "interviewee_category": "principal",
                "started_at": "2020-09-15T09:30", "interviewers": ["赵刚", "钱敏"], "place": "巡察组驻点谈话室",
                "record_text": "问：单位落实情况？答：基本落实。", **fields})
            template_id = template.id.hex
        yield ws, template_id
