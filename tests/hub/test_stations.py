"""Stations of the office hub: enrolment, the hub's key files shared through the database, one change-log
stream whose numbers the database hands out, one audit chain per station."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from tests.hub.conftest import CLERK_PASSPHRASE, Hub
from xuncha_desktop import hub as hub_service
from xuncha_desktop import workspace
from xuncha_desktop.db.audit import verify_chain
from xuncha_desktop.db.change_chain import GENESIS, change_hash
from xuncha_desktop.db.models.audit import AuditEntry
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.errors import InvalidRequest, PermissionDenied, WrongPassphrase, XunchaError
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

pytestmark = pytest.mark.postgres


def chain_problems(ws: Workspace) -> list[str]:
    """Gaps, duplicates and broken hashes in every device's change log (and the audit chains)."""
    problems: list[str] = []
    with ws.transaction() as s:
        previous: dict[object, tuple[int, str, str]] = {}
        for c in s.scalars(select(Change).order_by(Change.device_id, Change.seq)):
            seq, chain, hlc = previous.get(c.device_id, (0, GENESIS, ""))
            if c.seq != seq + 1:
                problems.append(f"{c.device_id}: {c.seq} after {seq}")
            if change_hash(chain, c.id, c.device_id, c.seq, c.hlc, c.table_name, c.record_id, c.op, c.fields,
                           c.base_hlc) != c.chain:
                problems.append(f"{c.device_id}: chain broken at {c.seq}")
            if c.hlc <= hlc:
                problems.append(f"{c.device_id}: stamp of {c.seq} not after the one before")
            previous[c.device_id] = (c.seq, c.chain, c.hlc)
        problems.extend(verify_chain(s))
    return problems


def test_a_second_station_joins_opens_the_same_hub_and_sees_users_added_elsewhere(hub: Hub) -> None:
    second = hub.join("二号工作站")
    assert (second.info.device_id, second.user.name) == (hub.first.info.device_id, "王科员")
    assert second.info.station_id != hub.first.info.station_id
    assert second.evidence.root == hub.folder / "shared-evidence"
    # A user added at the first desk can log in at the second once it opens again (the key slots live in the hub).
    workspace.add_user(hub.first, "赵会计", "readonly", "另一个口令 blue harbour")
    path = second.path
    second.close()
    with Workspace.open(path, "另一个口令 blue harbour", "赵会计") as again:
        assert again.user.name == "赵会计"
    names = [s.name for s in hub_service.list_stations(hub.first)]
    assert names == ["一号工作站", "二号工作站"]


def test_joining_with_a_wrong_passphrase_leaves_no_folder_and_no_station(hub: Hub) -> None:
    with pytest.raises(WrongPassphrase):
        hub_service.join(hub.folder / "三号", hub.url, "三号工作站", "不是这个口令 wrong one", "王科员")
    assert not (hub.folder / "三号").exists()
    assert [s.name for s in hub_service.list_stations(hub.first)] == ["一号工作站"]
    with pytest.raises(InvalidRequest) as taken:
        hub_service.join(hub.folder / "四号", hub.url, "一号工作站", CLERK_PASSPHRASE, "王科员")
    assert "一号工作站" in taken.value.text("zh") and not (hub.folder / "四号").exists()


def test_a_retired_station_no_longer_opens_and_only_a_manager_retires(hub: Hub) -> None:
    second = hub.join("二号工作站")
    path = second.path
    readonly = hub.join("三号工作站", "李主任")
    readonly.user = User("李主任", Role.READONLY)
    with pytest.raises(PermissionDenied):
        hub_service.retire(readonly, "二号工作站")
    readonly.close()
    second.close()
    hub_service.retire(hub.first, "二号工作站")
    with pytest.raises(XunchaError) as refused:
        Workspace.open(path, CLERK_PASSPHRASE, "王科员")
    assert refused.value.key == "hub_station_retired"


def test_the_key_files_are_written_over_the_version_read_only(hub: Hub) -> None:
    """Two desks adding users at once: the second write is refused, not lost over the first."""
    second = hub.join("二号工作站")
    workspace.add_user(hub.first, "赵会计", "readonly", "另一个口令 blue harbour")
    with pytest.raises(XunchaError) as refused:
        workspace.add_user(second, "钱出纳", "readonly", "第三个口令 green valley")
    assert refused.value.key == "hub_files_changed"
    document = json.loads((hub.first.path / "keys" / "master-key.json").read_text(encoding="utf-8"))
    assert [s["user"] for s in document["slots"]] == ["李主任", "王科员", "赵会计"]
    second.close()


def test_two_stations_writing_at_once_extend_one_stream_without_gaps_and_their_own_audit_chains(hub: Hub) -> None:
    """Station 2's flush waits while station 1's transaction holds the stream (it would otherwise take the
    same sequence number); both commit, numbers follow each other, hashes chain, stamps grow."""
    second = hub.join("二号工作站")
    first_flushed, second_done = threading.Event(), threading.Event()

    def other_desk() -> None:
        first_flushed.wait()
        with second.transaction() as s:
            KINDS["unit"].create(s, {"name": "娄底市财政局"})
        second_done.set()

    worker = threading.Thread(target=other_desk)
    worker.start()
    with hub.first.transaction() as s:
        KINDS["unit"].create(s, {"name": "娄底市审计局"})
        s.flush()
        first_flushed.set()
        # Station 2 is now blocked on the stream: it cannot finish while this transaction is open.
        assert not second_done.wait(1.0)
    worker.join(30)
    assert second_done.is_set()
    assert chain_problems(hub.first) == []
    with hub.first.transaction() as s:
        stations = {e.device_id for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "create"))}
        assert stations == {hub.first.info.station_id, second.info.station_id}
        devices = set(s.scalars(select(Change.device_id).distinct()))
        assert devices == {hub.first.info.device_id}
    second.close()


def test_hub_create_refuses_a_folder_and_join_a_database_that_is_no_hub(tmp_path: Path, hub_url: str) -> None:
    with pytest.raises(XunchaError) as refused:
        hub_service.join(tmp_path / "desk", hub_url, "一号工作站", PASSPHRASE)
    assert refused.value.key == "hub_not_a_hub" and not (tmp_path / "desk").exists()
