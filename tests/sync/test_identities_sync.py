"""Identities in packages: sealed to the office, relayed opaquely, re-sealed only to a laptop the office
names; never in the change log, the dump or any table of a laptop that may not read them."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import func, inspect, select, text

from tests.conftest import PASSPHRASE
from tests.sync.helpers import dump, make
from xuncha_desktop.cli import main
from xuncha_desktop.db.models import AuditEntry, IdentityEnvelope, Petition
from xuncha_desktop.errors import InvalidRequest, XunchaError
from xuncha_desktop.security import sealed_identity
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import identities
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.sync.keyfile import PublicKeys
from xuncha_desktop.sync.package import AUDIT, CHANGES, PackageError, read_package
from xuncha_desktop.workspace import Workspace

NAME = "欧阳秘密人"
PHONE = "13912345678"


@pytest.fixture
def three(tmp_path: Path) -> Any:
    laptop_a = make(tmp_path / "a", "笔记本A")
    office = make(tmp_path / "o", "巡察办")
    laptop_b = make(tmp_path / "b", "笔记本B")
    office.user = User("巡察办王主任", Role.OFFICE)
    # a 联络员 registers petitions and carries the packages, but may not read identities (docs/permissions.md)
    laptop_a.user = User("李联络员", Role.LIAISON)
    for laptop in (laptop_a, laptop_b):
        with laptop.transaction() as s:
            sync_service.trust(s, laptop, sync_service.own_keys(office), office=True)
        with office.transaction() as s:
            sync_service.trust(s, office, sync_service.own_keys(laptop))
    yield laptop_a, office, laptop_b
    for ws in (laptop_a, office, laptop_b):
        ws.close()


def _register(ws: Workspace) -> uuid.UUID:
    with ws.transaction() as s:
        created: uuid.UUID = KINDS["petition"].create(s, {"channel": "call", "received_at": "2020-09-15T09:30",
                                            "summary": "反映工程招标问题", "petitioner_name": NAME,
                                            "petitioner_contact": PHONE}).id
        return created


def _send(source: Workspace, target: Workspace, folder: Path) -> Path:
    out = folder / f"{uuid.uuid4()}.xcpkg"
    sync_service.export(source, out, to=sync_service.own_keys(target))
    return out


def _plaintext(ws: Workspace, path: Path, sender: Workspace) -> str:
    """Everything the package holds, decrypted with the receiver's key: manifest, logs, identities."""
    key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(sync_service.own_keys(sender).ed25519_public))
    package = read_package(path, [ws.evidence.identity], None, {sender.info.device_id: key}, lambda m: None,
                           ws.evidence.root / "tmp", ws.evidence.recipient, ws.evidence.has,
                           own_device=ws.info.device_id)
    try:
        parts = [json.dumps(package.manifest, ensure_ascii=False), package.identities.decode("ascii")]
        parts += [json.dumps(line, ensure_ascii=False) for name in (CHANGES, AUDIT) for line in package.log_lines(name)]
        return "\n".join(parts)
    finally:
        package.discard()


def _every_row(ws: Workspace) -> str:
    """Every row of every table of the database, as text (the database file's plaintext)."""
    with ws.engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        return "\n".join(str(row) for table in tables for row in connection.execute(text(f'SELECT * FROM "{table}"')))


def _read_as(ws: Workspace, user: User, petition_id: uuid.UUID) -> identities.Identity:
    ws.user = user
    with ws.transaction() as s:
        return identities.identity(s, petition_id)


def test_laptop_a_to_office_to_laptop_b_reaches_b_only_when_the_office_names_it(three: Any, tmp_path: Path) -> None:
    laptop_a, office, laptop_b = three
    petition_id = _register(laptop_a)
    to_office = _send(laptop_a, office, tmp_path)
    carried = _plaintext(office, to_office, laptop_a)
    assert NAME not in carried and PHONE not in carried  # sealed to the office's identity key
    result = sync_service.import_(office, to_office)
    assert result.identities_added == 1
    found = _read_as(office, office.user, petition_id)
    assert (found.name, found.contact) == (NAME, PHONE)
    with office.transaction() as s:
        assert s.scalar(select(AuditEntry.actor).where(AuditEntry.action == "identity_view")) == "巡察办王主任"

    # The office passes the petition on to B, which it has not named: B gets the petition, not the identity.
    to_b = _send(office, laptop_b, tmp_path)
    carried = _plaintext(laptop_b, to_b, office)
    assert str(petition_id) in carried and NAME not in carried and PHONE not in carried
    assert sync_service.import_(laptop_b, to_b).identities_added == 0
    rows = _every_row(laptop_b)
    assert str(petition_id).replace("-", "") in rows.replace("-", "") and NAME not in rows and PHONE not in rows
    assert NAME not in json.dumps(dump(laptop_b), ensure_ascii=False)
    assert _read_as(laptop_b, User("B组长", Role.LEADER), petition_id).name is None  # nothing sealed to B

    # The office names B: its next package carries the identity sealed to B's key, which B's leader opens.
    with office.transaction() as s:
        sync_service.trust(s, office, sync_service.own_keys(laptop_b), reads_identities=True)
    named = _send(office, laptop_b, tmp_path)
    carried = _plaintext(laptop_b, named, office)
    assert NAME not in carried and PHONE not in carried  # sealed, even inside the package's encryption
    assert sync_service.import_(laptop_b, named).identities_added == 1
    found = _read_as(laptop_b, User("B组长", Role.LEADER), petition_id)
    assert (found.name, found.contact) == (NAME, PHONE)
    with pytest.raises(XunchaError) as refused:
        _read_as(laptop_b, User("B组员", Role.MEMBER), petition_id)
    assert refused.value.key == "identity_not_allowed"


def test_a_laptop_relays_envelopes_for_the_office_without_reading_them(three: Any, tmp_path: Path) -> None:
    laptop_a, office, laptop_b = three
    for one, other in ((laptop_a, laptop_b), (laptop_b, laptop_a)):
        with one.transaction() as s:
            sync_service.trust(s, one, sync_service.own_keys(other))
    petition_id = _register(laptop_a)
    sync_service.import_(laptop_b, _send(laptop_a, laptop_b, tmp_path))
    assert _read_as(laptop_b, User("B组长", Role.LEADER), petition_id).name is None
    with laptop_b.transaction() as s:
        held = list(s.scalars(select(IdentityEnvelope)))
    assert len(held) == 1 and NAME not in _every_row(laptop_b)
    sync_service.import_(office, _send(laptop_b, office, tmp_path))
    assert _read_as(office, office.user, petition_id).name == NAME


def test_identities_registered_before_the_office_was_trusted_are_sealed_to_it_on_export(tmp_path: Path) -> None:
    laptop, office = make(tmp_path / "a", "笔记本A"), make(tmp_path / "o", "巡察办")
    try:
        petition_id = _register(laptop)  # the leader registers, then the office is trusted
        with laptop.transaction() as s:
            sync_service.trust(s, laptop, sync_service.own_keys(office), office=True)
        with office.transaction() as s:
            sync_service.trust(s, office, sync_service.own_keys(laptop))
        sync_service.import_(office, _send(laptop, office, tmp_path))
        assert _read_as(office, office.user, petition_id).contact == PHONE
    finally:
        laptop.close()
        office.close()


def _tampered_import(three: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Any) -> PackageError:
    laptop_a, office, _b = three
    petition_id = _register(laptop_a)
    real = identities.outgoing

    def altered(*args: Any) -> identities.Outgoing:
        sent = real(*args)
        sent.envelopes = [change(dict(e)) for e in sent.envelopes]
        return sent

    monkeypatch.setattr(identities, "outgoing", altered)
    package = _send(laptop_a, office, tmp_path)
    before = dump(office)
    with pytest.raises(PackageError) as refused:
        sync_service.import_(office, package)
    assert dump(office) == before  # not even the petition
    with office.transaction() as s:
        assert s.scalar(select(func.count()).select_from(IdentityEnvelope)) == 0
        assert s.get(Petition, petition_id) is None
    return refused.value


def _flip(envelope: dict[str, str]) -> dict[str, str]:
    blob = envelope["blob"]
    envelope["blob"] = blob[:10] + ("A" if blob[10] != "A" else "B") + blob[11:]
    return envelope


def _resigned(sealer: Workspace, envelope: dict[str, str]) -> dict[str, str]:
    envelope["signature"] = sealed_identity.sign_envelope(
        sealer.signing_key, uuid.UUID(envelope["petition"]), envelope["recipient"], envelope["version"],
        uuid.UUID(envelope["sealed_by"]), base64.b64decode(envelope["blob"]))
    return envelope


def test_a_tampered_envelope_is_refused_with_nothing_changed(three: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # Changed on the way (by a relaying device, say): its sealer's signature no longer holds.
    refused = _tampered_import(three, tmp_path, monkeypatch, _flip)
    assert refused.key == "package_bad_identities" and "not signed by the device that sealed it" in str(refused)


def test_an_envelope_in_another_devices_name_is_refused(three: Any, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    laptop_b = three[2]

    def claimed(envelope: dict[str, str]) -> dict[str, str]:
        return {**envelope, "sealed_by": str(laptop_b.info.device_id)}

    refused = _tampered_import(three, tmp_path, monkeypatch, claimed)
    assert refused.key == "package_bad_identities" and "not signed" in str(refused)


def test_a_signed_envelope_that_does_not_open_is_refused(three: Any, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Signed by its (trusted) sealer, yet not a sealed identity for the office: refused, not stored.
    laptop_a = three[0]

    def forged(envelope: dict[str, str]) -> dict[str, str]:
        return _resigned(laptop_a, _flip(envelope))

    refused = _tampered_import(three, tmp_path, monkeypatch, forged)
    assert refused.key == "package_bad_identities" and "does not open" in str(refused)


def test_an_envelope_for_a_petition_that_does_not_exist_is_refused(three: Any, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    laptop_a = three[0]

    def elsewhere(envelope: dict[str, str]) -> dict[str, str]:
        # Signed by its sealer, so the only fault is the petition: no copy holds it.
        return _resigned(laptop_a, {**envelope, "petition": str(uuid.uuid4())})

    refused = _tampered_import(three, tmp_path, monkeypatch, elsewhere)
    assert refused.key == "package_bad_identities" and "does not hold" in str(refused)


def test_an_oversized_or_malformed_identities_section_is_refused(three: Any, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def huge(envelope: dict[str, str]) -> dict[str, str]:
        return {**envelope, "blob": "A" * (identities.MAX_BLOB * 2)}

    refused = _tampered_import(three, tmp_path, monkeypatch, huge)
    assert refused.key == "package_bad_identities" and "larger than" in str(refused)


def test_trusting_as_the_office_needs_a_signed_identity_key(three: Any) -> None:
    laptop_a, _office, laptop_b = three
    keys = sync_service.own_keys(laptop_b)
    with laptop_a.transaction() as s:
        with pytest.raises(InvalidRequest) as unsigned:
            sync_service.trust(s, laptop_a, PublicKeys(keys.device_id, keys.device_name, keys.ed25519_public,
                                                       keys.age_recipient, identity_public=keys.identity_public,
                                                       identity_signature="00" * 64), office=True)
        assert unsigned.value.key == "keyfile_identity_unsigned"
        with pytest.raises(InvalidRequest) as missing:
            sync_service.trust(s, laptop_a, PublicKeys(keys.device_id, keys.device_name, keys.ed25519_public,
                                                       keys.age_recipient), office=True)
        assert missing.value.key == "trust_office_needs_identity_key"


def test_the_command_line_trusts_the_office_from_its_key_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    for name in ("a", "office"):
        make(tmp_path / name, name).close()

    def run(path: Path, *args: str) -> tuple[int, Any]:
        capsys.readouterr()
        code = main(["--workspace", str(path), *args])
        out = capsys.readouterr().out
        return code, json.loads(out) if code == 0 else out

    key_file = tmp_path / "office.json"
    code, written = run(tmp_path / "office", "keys", "export-public", "--out", str(key_file))
    assert code == 0 and len(written["identity_public"]) == 64 and len(written["identity_signature"]) == 128
    code, trusted = run(tmp_path / "a", "keys", "trust", str(key_file), "--yes", "--office")
    assert code == 0 and trusted["office"] is True and trusted["reads_identities"] is False
    # A key file whose identity key was swapped on the USB drive is refused.
    document = json.loads(key_file.read_text(encoding="utf-8"))
    document["identity_public"] = sealed_identity.public_hex(X25519PrivateKey.generate().public_key())
    swapped = tmp_path / "swapped.json"
    swapped.write_text(json.dumps(document), encoding="utf-8")
    code, _out = run(tmp_path / "a", "keys", "trust", str(swapped), "--yes", "--office")
    assert code == 2
    with Workspace.open(tmp_path / "a", PASSPHRASE) as ws, ws.transaction() as s:
        assert [d.office for d in sync_service.trusted(s)] == [True]
        assert [sealed_identity.public_hex(k) for k in identities.office_keys(s).values()] == [
            written["identity_public"]]
