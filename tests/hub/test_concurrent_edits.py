"""No silent overwrite on the hub: two clerks at two stations (two real connections) edit the same record.

The choice is optimistic concurrency on the record's version (its clock stamp ``hlc``): the second save is
refused, naming who changed which fields when, and the first clerk's value stays. Edits of different records
never wait for each other beyond a commit.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tests.hub.conftest import Hub
from xuncha_desktop.db.concurrency import RecordChangedMeanwhile
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

pytestmark = pytest.mark.postgres


@pytest.fixture
def second(hub: Hub) -> Iterator[Workspace]:
    ws = hub.join("二号工作站")
    yield ws
    ws.close()


def _unit(ws: Workspace, name: str = "娄底市审计局") -> tuple[str, str]:
    with ws.transaction() as s:
        unit = KINDS["unit"].create(s, {"name": name, "contact_person": "周红"})
        return str(unit.id), unit.hlc


def test_the_second_save_of_a_form_is_refused_naming_who_changed_what(hub: Hub, second: Workspace) -> None:
    unit_id, read_hlc = _unit(hub.first)
    # Both clerks opened the form at the same version; 王科员 at 二号工作站 saves first.
    with second.transaction() as s:
        KINDS["unit"].update(s, unit_id, {"contact_person": "王芳"}, base_hlc=read_hlc)
    with pytest.raises(RecordChangedMeanwhile) as refused, hub.first.transaction() as s:
        KINDS["unit"].update(s, unit_id, {"contact_person": "李娜"}, base_hlc=read_hlc)
    zh, en = refused.value.text("zh"), refused.value.text("en")
    assert "王科员（二号工作站）" in zh and "contact_person" in zh and "保存未执行" in zh
    assert "王科员（二号工作站）" in en and "Not saved" in en
    with hub.first.transaction() as s:
        assert KINDS["unit"].get(s, unit_id).contact_person == "王芳"
        fresh = KINDS["unit"].get(s, unit_id).hlc
    # Having seen the other change (the form reloaded: its new stamp), the clerk saves.
    with hub.first.transaction() as s:
        KINDS["unit"].update(s, unit_id, {"contact_person": "李娜"}, base_hlc=fresh)
        assert KINDS["unit"].get(s, unit_id).contact_person == "李娜"


def test_a_transaction_that_read_a_record_before_another_desk_committed_does_not_overwrite_it(
        hub: Hub, second: Workspace) -> None:
    """Without a form's stamp too (a status step, a link): the write hook compares the row it locks with what
    the session read."""
    unit_id, _ = _unit(hub.first)
    with hub.first.session() as slow:
        slow.begin()
        record = KINDS["unit"].get(slow, unit_id)  # read, then the other desk commits
        with second.transaction() as s:
            KINDS["unit"].update(s, unit_id, {"party_org": "中共娄底市审计局党组"})
        record.contact_person = "李娜"
        with pytest.raises(RecordChangedMeanwhile) as refused:
            slow.flush()
        assert refused.value.fields == ["party_org"]
        slow.rollback()
    with hub.first.transaction() as s:
        unit = KINDS["unit"].get(s, unit_id)
        assert (unit.party_org, unit.contact_person) == ("中共娄底市审计局党组", "周红")


def test_two_desks_saving_the_same_record_at_the_same_moment_one_wins_one_is_told(
        hub: Hub, second: Workspace) -> None:
    unit_id, read_hlc = _unit(hub.first)
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(ws: Workspace, value: str) -> None:
        start.wait()
        try:
            with ws.transaction() as s:
                KINDS["unit"].update(s, unit_id, {"contact_person": value}, base_hlc=read_hlc)
            outcomes[value] = "saved"
        except RecordChangedMeanwhile:
            outcomes[value] = "refused"

    threads = [threading.Thread(target=save, args=(ws, v)) for ws, v in ((hub.first, "李娜"), (second, "王芳"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes.values()) == ["refused", "saved"]
    (winner,) = [v for v, o in outcomes.items() if o == "saved"]
    with hub.first.transaction() as s:
        assert KINDS["unit"].get(s, unit_id).contact_person == winner


def test_edits_of_different_records_at_two_desks_both_save(hub: Hub, second: Workspace) -> None:
    one, _ = _unit(hub.first)
    two, _ = _unit(second, "娄底市财政局")
    with hub.first.session() as a, second.session() as b:
        a.begin()
        b.begin()
        KINDS["unit"].update(a, one, {"contact_person": "甲"})
        done = threading.Event()

        def other() -> None:
            KINDS["unit"].update(b, two, {"contact_person": "乙"})
            b.commit()
            done.set()

        worker = threading.Thread(target=other)
        worker.start()
        a.commit()
        worker.join(30)
        assert done.is_set()
    with second.transaction() as s:
        assert [KINDS["unit"].get(s, k).contact_person for k in (one, two)] == ["甲", "乙"]
