"""巡后清退: the office acknowledges, the laptop checks and clears; it never shreds what is not acknowledged."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from tests.sync.helpers import make, send, trust_all
from xuncha_desktop.cli import main
from xuncha_desktop.db.models.interviews import Interview
from xuncha_desktop.drafts import DraftStore
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.services import clearance
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.sync import ack as ack_format
from xuncha_desktop.sync.ack import AckError
from xuncha_desktop.workspace import CLEARED_MARKER, Workspace

KEY_FILES = ("keys/master-key.json", "keys/device-secrets.json")
EVIDENCE_BYTES = "调阅资料：2020年度住建局办证台账扫描件".encode() * 500


@dataclass
class Round:
    office: Workspace
    laptop: Workspace
    folder: Path
    evidence_sha: str

    def ack(self, name: str = "ack.xcack", device: Workspace | None = None) -> Path:
        out = self.folder / name
        device_id = str((device or self.laptop).info.device_id)
        clearance.write_ack(self.office, clearance.acknowledge(self.office, device_id), out)
        return out


def _add_interview(ws: Workspace, number: str) -> None:
    with ws.transaction() as s:
        the_round = KINDS["round"].create(s, {"name": "五届市委第八轮巡察", "kind": "regular",
                                              "start_date": "2020-04-01", "end_date": "2020-06-30"})
        unit = KINDS["unit"].create(s, {"name": f"娄底市住房和城乡建设局（{number}）"})
        KINDS["interview"].create(s, {"round_id": str(the_round.id), "unit_id": str(unit.id), "number": number,
                                      "interviewee_name": "欧阳雪松", "interviewee_category": "leadership",
                                      "started_at": "2020-04-11T09:00+08:00", "ended_at": "2020-04-11T10:30+08:00",
                                      "interviewers": ["赵刚", "孙丽"], "recorder": "孙丽",
                                      "record_text": "问：请介绍分管工作。\n答：我分管办公室。"})


@pytest.fixture
def done(tmp_path: Path) -> Iterator[Round]:
    """An office and a laptop that trust each other; the laptop's round, interview and evidence file have
    reached the office."""
    office, laptop = make(tmp_path / "office", "巡察办"), make(tmp_path / "laptop", "第六巡察组-笔记本1")
    trust_all([office, laptop])
    _add_interview(laptop, "谈-001")
    scan = tmp_path / "台账扫描.pdf"
    scan.write_bytes(EVIDENCE_BYTES)
    with laptop.transaction() as s:
        record = evidence_service.add_file(s, laptop.evidence, scan, {"title": "办证台账扫描件"}, [])
        sha = str(record.sha256)
    sync_service.import_(office, send(laptop, office, tmp_path))
    state = Round(office, laptop, tmp_path, sha)
    yield state
    office.close()
    laptop.close()


def _snapshot(path: Path) -> dict[str, bytes]:
    return {name: (path / name).read_bytes() for name in KEY_FILES}


def _assert_intact(path: Path, keys_before: dict[str, bytes], interviews: int = 1) -> None:
    """Nothing destroyed: the key files as they were, no marker, the workspace opens with its records."""
    assert _snapshot(path) == keys_before
    assert not (path / CLEARED_MARKER).exists()
    with Workspace.open(path, PASSPHRASE) as ws, ws.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Interview)) == interviews
        assert sum(1 for _ in ws.evidence) == 1


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_end_to_end_clearance(done: Round) -> None:
    path = done.laptop.path
    ack_file = done.ack()
    checked = clearance.check(done.laptop, ack_file)
    assert checked.ok, checked.to_json()
    assert checked.own_evidence_files == 1 and checked.acknowledged_changes == checked.own_changes > 0
    certificate = done.folder / "U盘" / "清退证明.pdf"
    marker = clearance.clear(done.laptop, ack_file, certificate)

    assert marker["state"] == "cleared" and marker["ack_id"] == checked.ack_id
    assert json.loads((path / CLEARED_MARKER).read_text(encoding="utf-8"))["state"] == "cleared"
    for name in (*KEY_FILES, "keys", "xuncha.db", "evidence", "backups"):
        assert not (path / name).exists(), name
    # Opening the folder says it was cleared, in the window's and the command line's words.
    with pytest.raises(XunchaError) as opened:
        Workspace.open(path, PASSPHRASE)
    assert opened.value.key == "workspace_cleared" and "本机已清退" in opened.value.text("zh")
    with pytest.raises(XunchaError) as made:  # nor is a new workspace silently made over the marker
        Workspace.create(path, "新笔记本", PASSPHRASE)
    assert made.value.key == "workspace_cleared"
    # The certificate names the device, its user, the round, the acknowledgement and the office.
    text = _pdftotext(certificate)
    compact = "".join(text.split())
    for expected in ("巡后清退证明", "第六巡察组-笔记本1", str(done.laptop.info.device_id), checked.ack_id,
                     "巡察办", str(done.office.info.device_id), "五届市委第八轮巡察", "个别谈话", "Asia/Shanghai"):
        assert "".join(expected.split()) in compact, expected
    assert marker["certificate_sha256"] and certificate.stat().st_size > 1000
    # The office still holds what the laptop held.
    with done.office.transaction() as s:
        assert s.scalar(select(Interview.number)) == "谈-001"
    assert done.office.evidence.verify(done.evidence_sha)


def test_a_change_after_the_ack_is_not_shredded(done: Round) -> None:
    ack_file = done.ack()
    _add_interview(done.laptop, "谈-002")  # written after the office acknowledged
    checked = clearance.check(done.laptop, ack_file)
    assert not checked.ok and {c.table for c in checked.changes} == {"rounds", "units", "interviews"}
    assert all(c.seq > checked.acknowledged_changes for c in checked.changes)
    assert not checked.evidence and not checked.history_differs
    path, before = done.laptop.path, _snapshot(done.laptop.path)
    certificate = done.folder / "cert.pdf"
    with pytest.raises(XunchaError) as refused:
        clearance.clear(done.laptop, ack_file, certificate)
    assert refused.value.key == "clearance_refused" and "修改未经确认" in refused.value.text("zh")
    assert not certificate.exists()
    done.laptop.close()
    _assert_intact(path, before, interviews=2)
    # Exported and acknowledged again, it clears.
    with Workspace.open(path, PASSPHRASE) as laptop:
        sync_service.import_(done.office, send(laptop, done.office, done.folder))
        assert clearance.check(laptop, done.ack("again.xcack")).ok


def test_an_evidence_file_not_acknowledged_is_not_shredded(done: Round) -> None:
    # The office lost the file (its store no longer holds it): its acknowledgement cannot name it.
    done.office.evidence.path_of(done.evidence_sha).unlink()
    ack_file = done.ack()
    checked = clearance.check(done.laptop, ack_file)
    assert not checked.ok and not checked.changes
    assert [(m.sha256, m.titles) for m in checked.evidence] == [(done.evidence_sha, ["办证台账扫描件"])]
    path, before = done.laptop.path, _snapshot(done.laptop.path)
    with pytest.raises(XunchaError) as refused:
        clearance.clear(done.laptop, ack_file, done.folder / "cert.pdf")
    assert "证据文件未经确认" in refused.value.text("zh")
    done.laptop.close()
    _assert_intact(path, before)


def test_a_damaged_file_at_the_office_is_not_acknowledged(done: Round) -> None:
    stored = done.office.evidence.path_of(done.evidence_sha)
    data = bytearray(stored.read_bytes())
    data[-20] ^= 1
    stored.write_bytes(bytes(data))
    assert done.evidence_sha not in clearance.acknowledge(done.office, "第六巡察组-笔记本1").evidence


def _refused(done: Round, data: bytes, key: str) -> None:
    """The file is refused with ``key`` by check and by clear, and nothing is destroyed."""
    path, before = done.laptop.path, _snapshot(done.laptop.path)
    with pytest.raises(AckError) as checked:
        clearance.check(done.laptop, data)
    assert checked.value.key == key, checked.value
    certificate = done.folder / f"cert-{uuid.uuid4()}.pdf"
    with pytest.raises(AckError) as cleared:
        clearance.clear(done.laptop, data, certificate)
    assert cleared.value.key == key and not certificate.exists()
    _assert_intact(path, before)


def _envelope(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def test_an_altered_or_forged_ack_is_refused(done: Round) -> None:
    envelope = _envelope(done.ack())
    body = json.loads(envelope["body"])
    body["changes"]["seq"] += 5  # the office "holds" more than it does
    altered = {**envelope, "body": json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))}
    _refused(done, json.dumps(altered).encode(), "ack_forged")
    # A signature over the same body by another key, claiming the office's id.
    stranger = make(done.folder / "stranger", "伪造者")
    try:
        genuine = ack_format.loads(json.dumps(envelope).encode(), {
            done.office.info.device_id: done.office.signing_key.public_key()})
        forged = ack_format.dumps(dataclasses.replace(genuine, ack_id=uuid.uuid4()), stranger.signing_key)
    finally:
        stranger.close()
    _refused(done, forged, "ack_forged")
    # A changed signature byte.
    signature = envelope["signature"]
    flipped = signature[:10] + ("0" if signature[10] != "0" else "1") + signature[11:]
    _refused(done, json.dumps({**envelope, "signature": flipped}).encode(), "ack_forged")


def test_an_ack_for_another_device_is_refused(done: Round) -> None:
    other = make(done.folder / "other", "第六巡察组-笔记本2")
    try:
        trust_all([done.office, other])
        _add_interview(other, "谈-101")
        sync_service.import_(done.office, send(other, done.office, done.folder))
        data = done.ack("other.xcack", device=other).read_bytes()
    finally:
        other.close()
    _refused(done, data, "ack_not_addressed")


def test_an_ack_from_an_untrusted_device_is_refused(done: Round) -> None:
    # A device that holds all of the laptop's data but that the laptop does not trust.
    stranger = make(done.folder / "stranger", "陌生设备")
    try:
        with stranger.transaction() as s:
            sync_service.trust(s, stranger, sync_service.own_keys(done.laptop))
        sync_service.import_(stranger, send(done.laptop, stranger, done.folder, everything=True))
        out = done.folder / "stranger.xcack"
        clearance.write_ack(stranger, clearance.acknowledge(stranger, "第六巡察组-笔记本1"), out)
    finally:
        stranger.close()
    _refused(done, out.read_bytes(), "ack_untrusted")
    # Nor may the laptop acknowledge itself.
    genuine = ack_format.loads(done.ack().read_bytes(), {
        done.office.info.device_id: done.office.signing_key.public_key()})
    own = dataclasses.replace(genuine, office_device_id=done.laptop.info.device_id)
    _refused(done, ack_format.dumps(own, done.laptop.signing_key), "ack_untrusted")


def test_truncated_or_garbage_files_are_refused(done: Round) -> None:
    data = done.ack().read_bytes()
    for cut in (0, 1, len(data) // 2, len(data) - 3):
        _refused(done, data[:cut], "ack_malformed")
    _refused(done, os.urandom(4096), "ack_malformed")
    _refused(done, b"%PDF-1.4 not an ack", "ack_malformed")
    _refused(done, b'{"format": "xuncha-ack-1", "format": "xuncha-ack-1"}', "ack_malformed")
    _refused(done, b"[" * 100_000 + b"]" * 100_000, "ack_malformed")
    # Well signed, but the body breaks the rules: the office's own key signs a body with a negative count.
    envelope = _envelope(done.ack("bad.xcack"))
    body = json.loads(envelope["body"])
    for field, value in (("changes", {"seq": -1, "hash": "0" * 64, "count": 0}), ("evidence", ["XYZ"]),
                         ("created_at", "yesterday"), ("origins", {"not-a-uuid": 1})):
        text = json.dumps({**body, field: value}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        signature = done.office.signing_key.sign(b"xuncha-ack-1\n" + text.encode()).hex()
        _refused(done, json.dumps({**envelope, "body": text, "signature": signature}).encode(), "ack_malformed")
    # A file larger than any acknowledgement is refused before it is read whole.
    huge = done.folder / "huge.xcack"
    with huge.open("wb") as sink:
        sink.truncate(ack_format.MAX_BYTES + 10)
    with pytest.raises(AckError) as too_large:
        clearance.check(done.laptop, huge)
    assert too_large.value.key == "ack_too_large"
    with pytest.raises(AckError) as missing:
        clearance.check(done.laptop, done.folder / "nothing.xcack")
    assert missing.value.key == "ack_unreadable"


def test_unsaved_drafts_and_other_devices_changes_block(done: Round) -> None:
    ack_file = done.ack()
    drafts = DraftStore(done.laptop)
    drafts.save("interview-new", {"record_text": "未保存的谈话内容"})
    checked = clearance.check(done.laptop, ack_file)
    assert not checked.ok and checked.drafts == 1
    drafts.discard("interview-new")
    assert clearance.check(done.laptop, ack_file).ok
    # Another laptop's changes, received laptop to laptop, that the office does not have yet.
    other = make(done.folder / "other", "第六巡察组-笔记本2")
    try:
        trust_all([done.laptop, other])
        _add_interview(other, "谈-201")
        package = done.folder / "交换.xcpkg"
        sync_service.export(other, package, passphrase="交换口令 青瓦 2187")
        sync_service.import_(done.laptop, package, passphrase="交换口令 青瓦 2187")
        other_id = str(other.info.device_id)
    finally:
        other.close()
    # A new acknowledgement: the office holds everything of the laptop itself, but not the other laptop's changes.
    checked = clearance.check(done.laptop, done.ack("after.xcack"))
    assert [d.device_id for d in checked.other_devices] == [other_id] and checked.other_devices[0].acknowledged == 0
    path, before = done.laptop.path, _snapshot(done.laptop.path)
    with pytest.raises(XunchaError):
        clearance.clear(done.laptop, done.folder / "after.xcack", done.folder / "cert.pdf")
    assert _snapshot(path) == before and not (path / CLEARED_MARKER).exists()


def test_certificate_inside_the_workspace_is_refused(done: Round) -> None:
    path, before = done.laptop.path, _snapshot(done.laptop.path)
    with pytest.raises(XunchaError) as refused:
        clearance.clear(done.laptop, done.ack(), path / "logs" / "证明.pdf")
    assert refused.value.key == "clearance_certificate_inside"
    done.laptop.close()
    _assert_intact(path, before)


class Killed(BaseException):
    """Stands for the process dying at that point (not an Exception: nothing may catch it)."""


def test_a_kill_before_the_shred_leaves_the_workspace_usable(done: Round, monkeypatch: pytest.MonkeyPatch) -> None:
    path, before = done.laptop.path, _snapshot(done.laptop.path)

    def die(*_args: object) -> None:
        raise Killed()

    monkeypatch.setattr(clearance, "_write_marker", die)  # the certificate is written, the marker is not
    certificate = done.folder / "cert.pdf"
    with pytest.raises(Killed):
        clearance.clear(done.laptop, done.ack(), certificate)
    monkeypatch.undo()
    _assert_intact(path, before)
    assert certificate.exists()
    # A second run writes the certificate again and finishes.
    with Workspace.open(path, PASSPHRASE) as laptop:
        assert clearance.clear(laptop, done.folder / "ack.xcack", certificate, overwrite=True)["state"] == "cleared"
    assert not (path / "keys").exists()


def test_a_kill_during_the_shred_is_finished_by_a_rerun(done: Round, capsys: pytest.CaptureFixture[str]) -> None:
    path = done.laptop.path
    destroyed: list[str] = []

    def step(file: Path) -> None:
        destroyed.append(file.name)
        raise Killed()  # dies right after the first file

    certificate = done.folder / "cert.pdf"
    with pytest.raises(Killed):
        clearance.clear(done.laptop, done.ack(), certificate, step=step)
    assert destroyed == ["master-key.json"]
    assert not (path / "keys" / "master-key.json").exists() and (path / "keys" / "device-secrets.json").exists()
    assert json.loads((path / CLEARED_MARKER).read_text(encoding="utf-8"))["state"] == "shredding"
    with pytest.raises(XunchaError) as opened:
        Workspace.open(path, PASSPHRASE)
    assert opened.value.key == "workspace_cleared"
    # The command run again finishes without a passphrase (the keys are gone already).
    capsys.readouterr()
    code = main(["--workspace", str(path), "clearance", "run", "--ack", str(done.folder / "ack.xcack"),
                 "--certificate", str(certificate), "--yes"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["state"] == "cleared" and "本机已清退" in err
    for name in (*KEY_FILES, "keys", "xuncha.db", "evidence"):
        assert not (path / name).exists(), name
    assert clearance.finish(path)["state"] == "cleared"  # and again: nothing left to do


def _cli(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, Any, str]:
    capsys.readouterr()
    code = main(["--workspace", str(path), *args])
    out, err = capsys.readouterr()
    try:
        shown = json.loads(out) if out.strip() else None
    except ValueError:
        shown = out
    return code, shown, err


def test_command_line(done: Round, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    office, laptop = done.office.path, done.laptop.path
    done.office.close()
    done.laptop.close()
    ack_file = done.folder / "笔记本1.xcack"
    code, shown, err = _cli(capsys, office, "clearance", "ack", "--device", "第六巡察组-笔记本1",
                            "--out", str(ack_file))
    assert code == 0, err
    assert shown["evidence_files"] == 1 and shown["device_id"] == str(done.laptop.info.device_id)
    code, _shown, err = _cli(capsys, office, "clearance", "ack", "--device", "无此设备", "--out", str(ack_file))
    assert code == 2 and "无此设备" in err
    code, shown, err = _cli(capsys, laptop, "clearance", "check", "--ack", str(ack_file))
    assert code == 0 and shown["ok"] is True and shown["changes"] == [], err
    # Without --yes and without a terminal to ask, nothing happens.
    before = _snapshot(laptop)
    certificate = done.folder / "证明.pdf"
    code, _shown, err = _cli(capsys, laptop, "clearance", "run", "--ack", str(ack_file), "--certificate",
                             str(certificate))
    assert code == 2 and "--yes" in err
    _assert_intact(laptop, before)
    # A change after the ack: check lists it (exit 1), run refuses.
    with Workspace.open(laptop, PASSPHRASE) as ws:
        _add_interview(ws, "谈-003")
    code, shown, err = _cli(capsys, laptop, "clearance", "check", "--ack", str(ack_file))
    assert code == 1 and shown["ok"] is False
    assert {c["table"] for c in shown["changes"]} == {"rounds", "units", "interviews"}
    code, _shown, err = _cli(capsys, laptop, "clearance", "run", "--ack", str(ack_file), "--certificate",
                             str(certificate), "--yes")
    assert code == 1 and "不能清退" in err and not certificate.exists()
    _assert_intact(laptop, _snapshot(laptop), interviews=2)
    # Exported, imported, acknowledged again: cleared.
    package = done.folder / "p2.xcpkg"
    assert _cli(capsys, laptop, "sync", "export", "--out", str(package), "--to",
                str(_public(capsys, office, done.folder)))[0] == 0
    assert _cli(capsys, office, "sync", "import", str(package))[0] == 0
    assert _cli(capsys, office, "clearance", "ack", "--device", str(done.laptop.info.device_id), "--out",
                str(ack_file), "--overwrite")[0] == 0
    code, shown, err = _cli(capsys, laptop, "clearance", "run", "--ack", str(ack_file), "--certificate",
                            str(certificate), "--yes")
    assert code == 0 and shown["state"] == "cleared", err
    code, _shown, err = _cli(capsys, laptop, "records", "list", "interview")
    assert code == 1 and "本机已清退" in err


def _public(capsys: pytest.CaptureFixture[str], path: Path, folder: Path) -> Path:
    out = folder / f"{path.name}-public.json"
    if not out.exists():
        assert _cli(capsys, path, "keys", "export-public", "--out", str(out))[0] == 0
    return out


CHILD = """
import sys, time
from pathlib import Path
from xuncha_desktop.services import clearance
from xuncha_desktop.workspace import Workspace

def step(path):
    print("destroyed", path.name, flush=True)
    time.sleep(120)  # killed here

ws = Workspace.open(Path(sys.argv[1]), sys.argv[2])
clearance.clear(ws, Path(sys.argv[3]), Path(sys.argv[4]), step=step)
"""


def test_a_killed_process_mid_shred_is_finished_by_a_rerun(done: Round) -> None:
    path, ack_file, certificate = done.laptop.path, done.ack(), done.folder / "cert.pdf"
    done.laptop.close()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), PASSPHRASE, str(ack_file), str(certificate)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2])
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "destroyed master-key.json", child.stderr.read() if child.stderr else line
    finally:
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        child.wait(30)
    assert certificate.exists() and (path / "keys" / "device-secrets.json").exists()
    with pytest.raises(XunchaError) as opened:
        Workspace.open(path, PASSPHRASE)
    assert opened.value.key == "workspace_cleared"
    marker = clearance.finish(path)  # the lock died with the process
    assert marker["state"] == "cleared" and not (path / "keys").exists() and not (path / "xuncha.db").exists()


def test_a_stray_marker_destroys_nothing(done: Round, capsys: pytest.CaptureFixture[str]) -> None:
    """A CLEARED.json the program did not write for this workspace (copied from another laptop, damaged)
    makes the folder refuse to open, but a rerun of the command destroys nothing."""
    path, before = done.laptop.path, _snapshot(done.laptop.path)
    done.laptop.close()
    for content in ('{"state": "shredding", "device_id": "00000000-0000-0000-0000-000000000000"}', "{garbage"):
        (path / CLEARED_MARKER).write_text(content, encoding="utf-8")
        code, _shown, err = _cli(capsys, path, "clearance", "run", "--ack", str(done.folder / "x.xcack"),
                                 "--certificate", str(done.folder / "cert.pdf"), "--yes")
        assert code == 1 and "清退标记" in err
        assert _snapshot(path) == before
    (path / CLEARED_MARKER).unlink()
    _assert_intact(path, before)


def test_a_certificate_that_does_not_read_back_stops_before_the_shred(done: Round,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk took the certificate but it reads back without the acknowledgement's id (a broken drive, say):
    nothing is destroyed and no half certificate is left."""
    from xuncha_desktop.reports import clearance as certificate_pdf

    path, before = done.laptop.path, _snapshot(done.laptop.path)
    certificate = done.folder / "cert.pdf"

    def broken(_data: object, out: Path, _fonts: object = None) -> Path:
        out.write_bytes(b"%PDF-1.4\n%%EOF\n")
        return out

    monkeypatch.setattr(certificate_pdf, "write_pdf", broken)
    with pytest.raises(XunchaError) as failed:
        clearance.clear(done.laptop, done.ack(), certificate)
    assert failed.value.key == "clearance_certificate_failed" and not certificate.exists()
    done.laptop.close()
    _assert_intact(path, before)


def test_an_office_hub_is_not_cleared(done: Round) -> None:
    path, before = done.laptop.path, _snapshot(done.laptop.path)
    done.laptop.info = dataclasses.replace(done.laptop.info, database_url="postgresql+psycopg://hub/xuncha")
    with pytest.raises(XunchaError) as refused:
        clearance.clear(done.laptop, done.ack(), done.folder / "cert.pdf")
    assert refused.value.key == "clearance_server_database" and not (done.folder / "cert.pdf").exists()
    done.laptop.close()
    _assert_intact(path, before)
