"""Drafts through the controller: sealed on disk, readable by this workspace only."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PASSPHRASE
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.ui.controllers.drafts import DraftsController
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.workspace import Workspace


def test_save_load_discard(controller: Controller, workspace: Workspace) -> None:
    drafts = controller.drafts
    drafts.save("new-1", {"interviewee_name": "李四", "content": "问：情况？答：存在积压。"})
    drafts.save("new-1", {"interviewee_name": "李四", "content": "问：情况？答：已清理。"})
    assert drafts.keys() == ["new-1"]
    assert drafts.load("new-1") == {"interviewee_name": "李四", "content": "问：情况？答：已清理。"}
    raw = (workspace.path / "drafts" / "new-1.draft").read_bytes()
    assert "李四".encode() not in raw and "已清理".encode() not in raw
    assert sorted(p.name for p in (workspace.path / "drafts").iterdir()) == ["new-1.draft"]  # no temporary left
    drafts.discard("new-1")
    assert drafts.keys() == [] and drafts.load("new-1") is None


def test_another_workspace_cannot_open_the_draft(controller: Controller, workspace: Workspace,
                                                 tmp_path: Path) -> None:
    controller.drafts.save("k", {"content": "秘密"})
    other = Workspace.create(tmp_path / "other", "另一台", PASSPHRASE, kdf=KdfParams.cheap())
    try:
        theirs = DraftsController(other)
        (other.path / "drafts" / "k.draft").write_bytes((workspace.path / "drafts" / "k.draft").read_bytes())
        assert theirs.keys() == ["k"] and theirs.load("k") is None
    finally:
        other.close()
