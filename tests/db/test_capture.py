"""Every change to a travelling record is stamped and logged in the same transaction."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.capture import HardDeleteRefused
from xuncha_desktop.db.hlc import HybridClock, Stamp
from xuncha_desktop.db.models import Change, Unit
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace


def test_changes_are_logged_per_field_with_gap_free_sequence(session: Session, workspace: Workspace) -> None:
    unit = KINDS["unit"].create(session, {"name": "娄底市水利局"})
    first_stamp = unit.hlc
    KINDS["unit"].update(session, unit.id, {"contact_person": "刘洋"})
    entries = list(session.scalars(select(Change).where(Change.record_id == unit.id).order_by(Change.seq)))
    assert [e.op for e in entries] == ["insert", "update"]
    assert entries[1].fields == {"contact_person": "刘洋"}
    assert entries[1].base_hlc == first_stamp
    assert unit.field_hlc["contact_person"] > unit.field_hlc["name"]
    assert unit.changed_by == workspace.info.device_id
    seqs = list(session.scalars(select(Change.seq).where(Change.device_id == workspace.info.device_id)
                                .order_by(Change.seq)))
    assert seqs == list(range(1, len(seqs) + 1))


def test_an_update_that_changes_nothing_logs_nothing(session: Session) -> None:
    unit = KINDS["unit"].create(session, {"name": "娄底市林业局"})
    KINDS["unit"].update(session, unit.id, {"name": "娄底市林业局"})
    assert len(list(session.scalars(select(Change).where(Change.record_id == unit.id)))) == 1


def test_hard_delete_is_refused(session: Session) -> None:
    unit = KINDS["unit"].create(session, {"name": "娄底市商务局"})
    session.delete(session.get(Unit, unit.id))
    with pytest.raises(HardDeleteRefused):
        session.flush()


def test_a_failed_transaction_leaves_neither_record_nor_change(workspace: Workspace) -> None:
    with pytest.raises(RuntimeError), workspace.transaction() as s:
        KINDS["unit"].create(s, {"name": "娄底市气象局"})
        raise RuntimeError("power cut")
    with workspace.transaction() as s:
        assert KINDS["unit"].find(s) == []
        assert s.scalar(select(Change).where(Change.table_name == "units")) is None


def test_clock_orders_stamps_and_survives_a_clock_going_back() -> None:
    device = uuid.uuid4()
    wall = [1_000]
    clock = HybridClock(device, wall=lambda: wall[0])
    first = clock.now()
    wall[0] = 500  # the laptop's clock was set back
    second = clock.now()
    assert second > first
    clock.observe(str(Stamp(9_000, 3, uuid.uuid4().hex)))
    assert Stamp.parse(clock.now()) > Stamp(9_000, 3, "0" * 32)
    with pytest.raises(ValueError):
        Stamp.parse("not-a-stamp")


def test_clock_counter_never_outgrows_its_width() -> None:
    clock = HybridClock(uuid.uuid4(), wall=lambda: 1_000)
    stamps = [clock.now() for _ in range(1_000_005)][-10:]
    assert stamps == sorted(stamps)
    assert all(len(s) == len(stamps[0]) for s in stamps)
    assert Stamp.parse(stamps[-1]).millis == 1_001
