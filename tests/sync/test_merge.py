"""Packages between replicas: round trips, conflicts, deletions, settling, evidence, passphrases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import _frame
from tests.sync.conftest import Pair
from tests.sync.helpers import digest, dump, make, send, store_files, trust_all
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.search import search
from xuncha_desktop.services.verify import verify
from xuncha_desktop.workspace import Workspace


def _interview(ws: Workspace, ids: dict[str, str]) -> str:
    with ws.transaction() as s:
        record = KINDS["interview"].create(s, {
            "unit_id": ids["unit"], "round_id": ids["round"], "interviewee_name": "李明", "kind": "required",
            "interviewee_category": "principal", "started_at": "2020-09-15T09:30",
            "interviewers": ["赵刚", "钱敏"], "record_text": "问：请介绍不动产登记办证情况。答：存在积压。"})
        return str(record.id)


def _sync(a: Workspace, b: Workspace, folder: Path) -> None:
    sync_service.import_(b, send(a, b, folder))
    sync_service.import_(a, send(b, a, folder))


def _shared_interview(a: Workspace, b: Workspace, folder: Path) -> tuple[dict[str, str], str]:
    """A round, unit and group made on A and one interview, known to both laptops: (ids, interview id)."""
    with a.transaction() as s:
        ids = _frame(s, KINDS)
    interview = _interview(a, ids)
    _sync(a, b, folder)
    return ids, interview


def test_round_trip_converges_and_reimport_is_a_no_op(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    with a.transaction() as s:
        ids = _frame(s, KINDS)
    interview = _interview(a, ids)
    package = send(a, b, tmp_path)
    first = sync_service.import_(b, package)
    assert first.changes_applied > 0 and first.records_added > 0
    before = digest(b)
    again = sync_service.import_(b, package)
    assert again.changes_applied == 0 and digest(b) == before
    sync_service.import_(a, send(b, a, tmp_path))
    assert dump(a) == dump(b)
    with b.transaction() as s:  # the search index follows imported records
        assert [h.id for h in search(s, "办证")] == [KINDS["interview"].get(s, interview).id]
    # An incremental package now carries nothing new.
    summary = sync_service.export(a, tmp_path / "empty.xcpkg", to=sync_service.own_keys(b))
    assert summary["changes"] == 0


def test_concurrent_text_edits_keep_the_loser_and_settling_travels(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    _ids, interview = _shared_interview(a, b, tmp_path)
    with a.transaction() as s:
        KINDS["interview"].update(s, interview, {"record_text": "A 的版本：问答记录补充了时间。"})
    with b.transaction() as s:
        KINDS["interview"].update(s, interview, {"record_text": "B 的版本：问答记录补充了地点。"})
    _sync(a, b, tmp_path)
    assert dump(a) == dump(b)
    with a.transaction() as s:
        conflicts = sync_service.conflicts(s)
        assert len(conflicts) == 1
        conflict = conflicts[0]
        assert conflict.field == "record_text"
        assert {conflict.kept_value, conflict.other_value} == {"A 的版本：问答记录补充了时间。",
                                                               "B 的版本：问答记录补充了地点。"}
        both = sync_service.sides(s, conflict)
        # "local" is this laptop's own edit and "incoming" the other's, whichever the clocks put in force.
        assert (both.local_value, both.incoming_value) == ("A 的版本：问答记录补充了时间。",
                                                           "B 的版本：问答记录补充了地点。")
        loser = both.incoming_value
        sync_service.resolve(s, str(conflict.id), keep="incoming")
        assert KINDS["interview"].get(s, interview).record_text == loser
        assert sync_service.conflicts(s) == []
    _sync(a, b, tmp_path)
    with b.transaction() as s:
        assert sync_service.conflicts(s) == []
        assert KINDS["interview"].get(s, interview).record_text == loser
    assert dump(a) == dump(b)


def test_settle_with_an_edited_value(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    with a.transaction() as s:
        ids = _frame(s, KINDS)
    _sync(a, b, tmp_path)
    with a.transaction() as s:
        KINDS["unit"].update(s, ids["unit"], {"contact_person": "王芳"})
    with b.transaction() as s:
        KINDS["unit"].update(s, ids["unit"], {"contact_person": "王方"})
    _sync(a, b, tmp_path)
    with b.transaction() as s:
        (conflict,) = sync_service.conflicts(s)
        sync_service.resolve(s, str(conflict.id), value="王芳（办公室）", use_value=True)
    _sync(a, b, tmp_path)
    with a.transaction() as s:
        assert KINDS["unit"].get(s, ids["unit"]).contact_person == "王芳（办公室）"
        assert sync_service.conflicts(s) == []
    assert dump(a) == dump(b)


def test_edit_concurrent_with_deletion_is_a_conflict_and_the_tombstone_holds(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    with a.transaction() as s:
        unit = KINDS["unit"].create(s, {"name": "娄底市司法局"})
        unit_id = str(unit.id)
    _sync(a, b, tmp_path)
    with a.transaction() as s:
        KINDS["unit"].delete(s, unit_id)
    with b.transaction() as s:
        KINDS["unit"].update(s, unit_id, {"address": "娄底市娄星区"})
    _sync(a, b, tmp_path)
    assert dump(a) == dump(b)
    with b.transaction() as s:
        record = KINDS["unit"].get(s, unit_id) if False else s.get(type(unit), unit.id)
        assert record is not None and record.deleted
        (conflict,) = sync_service.conflicts(s)
        assert conflict.field == "deleted" and conflict.other_value == {"address": "娄底市娄星区"}
        # On B the local version is B's own edit; the deletion came from A.
        assert sync_service.sides(s, conflict).local_value == {"address": "娄底市娄星区"}
        sync_service.resolve(s, str(conflict.id), keep="incoming")
    _sync(a, b, tmp_path)
    with a.transaction() as s:
        assert sync_service.conflicts(s) == []
        assert s.get(type(unit), unit.id).deleted  # type: ignore[union-attr]
    assert dump(a) == dump(b)


def test_evidence_files_travel_once_and_verify(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 1000)
    with a.transaction() as s:
        evidence = evidence_service.add_file(s, a.evidence, source, {"title": "调阅资料：办证台账"}, [])
        evidence_service.add_custody(s, evidence.id, "received", "张伟")
        sha = evidence.sha256
    summary = sync_service.import_(b, send(a, b, tmp_path))
    assert summary.evidence_files_added == 1
    assert b.evidence.has(sha) and b.evidence.verify(sha)  # type: ignore[arg-type]
    with b.transaction() as s:
        assert verify(s, b.evidence).ok
    # The file is already there: a second package (everything) does not store it again.
    again = sync_service.import_(b, send(a, b, tmp_path, everything=True))
    assert again.evidence_files_added == 0 and again.evidence_files_present == 1
    # Custody events from both sides merge by union.
    with a.transaction() as s:
        count = len(evidence_service.custody(s, evidence.id))
    with b.transaction() as s:
        evidence_service.add_custody(s, evidence.id, "viewed", "钱敏")
    sync_service.import_(a, send(b, a, tmp_path))
    with a.transaction() as s:
        assert len(evidence_service.custody(s, evidence.id)) == count + 1


@pytest.mark.slow
def test_passphrase_package_and_dry_run(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    with a.transaction() as s:
        _frame(s, KINDS)
    out = tmp_path / "p.xcpkg"
    with pytest.raises(XunchaError) as weak:  # a package passphrase is checked like a workspace's
        sync_service.export(a, out, passphrase="12345678abc")
    assert weak.value.key == "passphrase_weak" and not out.exists()
    sync_service.export(a, out, passphrase="交换口令 青瓦 2187")
    before, files = digest(b), store_files(b)
    with pytest.raises(XunchaError) as caught:
        sync_service.import_(b, out)
    assert caught.value.key == "package_passphrase_needed"
    with pytest.raises(XunchaError) as caught:
        sync_service.import_(b, out, passphrase="错误口令")
    assert caught.value.key == "package_wrong_key"
    dry = sync_service.import_(b, out, passphrase="交换口令 青瓦 2187", dry_run=True)
    assert dry.dry_run and dry.records_added > 0
    assert digest(b) == before and store_files(b) == files
    real = sync_service.import_(b, out, passphrase="交换口令 青瓦 2187")
    assert real.records_added == dry.records_added
    with b.transaction() as s:
        assert [p.direction for p in sync_service.history(s)] == ["received"]


def test_a_package_for_the_office_cannot_be_read_by_another_laptop(tmp_path: Path) -> None:
    a, b, office = (make(tmp_path / n, n) for n in ("a", "b", "office"))
    try:
        trust_all([a, b, office])
        package = send(a, office, tmp_path)
        with pytest.raises(XunchaError) as caught:
            sync_service.import_(b, package)
        assert caught.value.key == "package_wrong_key"
        assert sync_service.import_(office, package).changes_applied > 0
    finally:
        for ws in (a, b, office):
            ws.close()


def test_progress_and_cancel(pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from xuncha_desktop.errors import Cancelled
    from xuncha_desktop.services import sync

    a, b = pair
    with a.transaction() as s:
        _frame(s, KINDS)
    keyfile = tmp_path / "b.json"
    keyfile.write_text(__import__("json").dumps(b.public_keys), encoding="utf-8")
    out = tmp_path / "cancelled.xcpkg"
    with pytest.raises(Cancelled):
        sync.export(a, out, keyfile, cancelled=lambda: True)
    assert not out.exists() and not list(tmp_path.glob(".xcpkg-*"))
    seen: list[tuple[int, int]] = []
    sync.export(a, out, keyfile, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    before, files = digest(b), store_files(b)
    with pytest.raises(Cancelled):
        sync.import_(b, out, cancelled=lambda: True)
    assert digest(b) == before and store_files(b) == files
    # Cancel heard while the changes are merged (after the whole package was read and checked): the
    # transaction is rolled back and the staged evidence discarded.
    from xuncha_desktop.sync import merge

    merging: list[bool] = []
    real_fold = merge.fold_records

    def fold_and_note(*args: Any, **kwargs: Any) -> None:
        merging.append(True)
        real_fold(*args, **kwargs)

    monkeypatch.setattr(merge, "fold_records", fold_and_note)
    with pytest.raises(Cancelled):
        sync.import_(b, out, cancelled=lambda: bool(merging))
    assert merging and digest(b) == before and store_files(b) == files
    assert list((b.evidence.root / "tmp").iterdir()) == []
    monkeypatch.undo()
    # one bar for reading and merging: it only moves forward and ends full
    calls: list[tuple[int, int]] = []
    summary = sync.import_(b, out, progress=lambda done, total: calls.append((done, total)))
    assert calls and summary.changes_applied > 0
    assert [done for done, _total in calls] == sorted(done for done, _total in calls)
    assert calls[-1][0] == calls[-1][1] and len({total for _done, total in calls}) == 1
    with b.transaction() as s:
        assert [h.direction for h in sync.history(s)] == ["received"]
        assert [d.device_name for d in sync.trusted(s)] == ["笔记本A"]


def test_a_laptop_clock_far_ahead_is_refused(tmp_path: Path) -> None:
    import time

    from tests.conftest import PASSPHRASE
    from tests.sync.helpers import trust_all
    from xuncha_desktop.security.keys import KdfParams
    from xuncha_desktop.sync.package import PackageError

    month_ahead = lambda: time.time_ns() // 1_000_000 + 30 * 86_400_000  # noqa: E731
    ahead = Workspace.create(tmp_path / "ahead", "时钟超前的笔记本", PASSPHRASE, kdf=KdfParams.cheap(),
                             wall=month_ahead)
    office = make(tmp_path / "office", "办公室")
    trust_all([ahead, office])
    with ahead.transaction() as s:
        KINDS["unit"].create(s, {"name": "娄底市科技局"})
    before = digest(office)
    with pytest.raises(PackageError) as caught:
        sync_service.import_(office, send(ahead, office, tmp_path))
    assert caught.value.key == "package_clock_ahead" and "日期时间" in caught.value.text("zh")
    assert digest(office) == before
    ahead.close()
    office.close()


def test_an_edit_concurrent_with_signing_does_not_change_the_signed_text(pair: Pair, tmp_path: Path) -> None:
    import datetime as dt

    from xuncha_desktop.services.interviews import service as interviews

    a, b = pair
    _ids, interview = _shared_interview(a, b, tmp_path)
    with a.transaction() as s:  # the interviewee signs on laptop A ...
        interviews.sign(s, interview, dt.datetime(2020, 9, 15, 11, 0, tzinfo=dt.UTC))
    with b.transaction() as s:  # ... while laptop B, not knowing, still edits the text
        interviews.update(s, interview, {"record_text": "问：请介绍情况。答：（B 机改过的记录）"})
    _sync(a, b, tmp_path)
    assert dump(a) == dump(b)
    for ws in (a, b):
        with ws.transaction() as s:
            record = interviews.get(s, interview)
            assert record.signed and record.record_text == "问：请介绍不动产登记办证情况。答：存在积压。"
    from xuncha_desktop.sync.merge import current_conflicts

    for ws in (a, b):  # B's edit is not lost: it waits in a conflict for a person to review
        with ws.transaction() as s:
            found = [c for c in current_conflicts(s) if c.field == "record_text"]
            assert len(found) == 1 and "B 机改过" in str(found[0].other_value)


def test_settling_obeys_the_records_rules(pair: Pair, tmp_path: Path) -> None:
    """A settled value goes through the field's rules, as an edit would; a refused one changes nothing."""
    import datetime as dt

    from xuncha_desktop.services.interviews import service as interviews

    a, b = pair
    ids, interview = _shared_interview(a, b, tmp_path)
    with a.transaction() as s:
        KINDS["unit"].update(s, ids["unit"], {"contact_person": "王芳"})
        interviews.sign(s, interview, dt.datetime(2020, 9, 15, 11, 0, tzinfo=dt.UTC))
    with b.transaction() as s:
        KINDS["unit"].update(s, ids["unit"], {"contact_person": "王方"})
        interviews.update(s, interview, {"record_text": "问：请介绍情况。答：（B 机改过的记录）"})
    _sync(a, b, tmp_path)
    before = dump(a)
    with a.transaction() as s:
        by_field = {c.field: c for c in sync_service.conflicts(s)}
        contact, text = by_field["contact_person"], by_field["record_text"]
        # the field holds at most 100 characters
        with pytest.raises(XunchaError) as too_long:
            sync_service.resolve(s, str(contact.id), value="王" * 101, use_value=True)
        assert too_long.value.key == "field_too_long"
        with pytest.raises(XunchaError) as locked:
            sync_service.resolve(s, str(text.id), keep="incoming")  # B's text would change the signed record
        assert locked.value.key == "signed_locked"
        s.rollback()
    assert dump(a) == before
    with a.transaction() as s:  # keeping the signed text is allowed and settles it
        (text,) = [c for c in sync_service.conflicts(s) if c.field == "record_text"]
        sync_service.resolve(s, str(text.id), keep="local")
        assert interviews.get(s, interview).record_text == "问：请介绍不动产登记办证情况。答：存在积压。"
        assert [c.field for c in sync_service.conflicts(s)] == ["contact_person"]


def test_a_damaged_stored_file_stops_the_export_with_its_name(pair: Pair, tmp_path: Path) -> None:
    """Evidence travels without re-encryption, but is still decrypted and hashed on the way out: a damaged
    file is named at the laptop, instead of the office refusing the whole package."""
    a, b = pair
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 1000)
    with a.transaction() as s:
        record = evidence_service.add_file(s, a.evidence, scan, {"title": "扫描件"}, [])
        sha256 = record.sha256
    assert sha256 is not None
    stored = a.evidence.path_of(sha256)
    damaged = bytearray(stored.read_bytes())
    damaged[-100] ^= 0x01
    stored.write_bytes(bytes(damaged))
    out = tmp_path / "out.xcpkg"
    with pytest.raises(XunchaError) as caught:
        sync_service.export(a, out, to=sync_service.own_keys(b))
    assert caught.value.key == "evidence_damaged" and sha256 in caught.value.text("en")
    assert not out.exists() and list(tmp_path.glob(".xcpkg-*")) == []
