"""Migration 0006 moves petitioners' identities out of the petitions and the change log into the sealed store."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

from sqlalchemy import select, text

from tests.conftest import PASSPHRASE
from tests.sync.helpers import make, trust_all
from xuncha_desktop.db import migrate
from xuncha_desktop.db.change_chain import GENESIS, change_hash
from xuncha_desktop.db.engine import make_engine, sqlcipher_url
from xuncha_desktop.db.models import Change, IdentityStaged
from xuncha_desktop.security import keys
from xuncha_desktop.services import identities, sync
from xuncha_desktop.workspace import DB_NAME, Workspace

FIXTURES = Path(__file__).parent / "fixtures"
NAME = "欧阳秘密人"
PHONE = "13912345678"


def _give_the_petition_an_identity(folder: Path) -> str:
    """Writes a name and contact into the 0004 fixture's petition and into its change-log entry, as the
    program of 0004 stored them; returns the petition's id."""
    info = json.loads((folder / "workspace.json").read_text(encoding="utf-8"))
    device = uuid.UUID(info["device_id"])
    master = keys.unwrap_master_key(json.loads((folder / "keys" / "master-key.json").read_text(encoding="utf-8")),
                                    PASSPHRASE, device.bytes)
    engine = make_engine(sqlcipher_url(folder / DB_NAME, master))
    try:
        assert migrate.current_revision(engine) == "0004"
        with engine.begin() as connection:
            petition_id, = connection.execute(text("SELECT id FROM petitions")).one()
            connection.execute(text("UPDATE petitions SET petitioner_name = :n, petitioner_contact = :c, "
                                    "anonymous = 0"), {"n": NAME, "c": PHONE})
            rows = connection.execute(text("SELECT id, fields FROM changes WHERE table_name = 'petitions'")).all()
            assert rows
            for change_id, fields in rows:
                values = json.loads(fields)
                values.update({"petitioner_name": NAME, "petitioner_contact": PHONE})
                connection.execute(text("UPDATE changes SET fields = :f WHERE id = :i"),
                                   {"f": json.dumps(values, ensure_ascii=False), "i": change_id})
    finally:
        engine.dispose()
    return str(petition_id)


def test_0006_seals_the_identities_of_the_0004_fixture_and_scrubs_the_change_log(tmp_path: Path) -> None:
    target = tmp_path / "office"
    shutil.copytree(FIXTURES / "workspace-0004", target)
    petition_key = _give_the_petition_an_identity(target)
    with Workspace.open(target, PASSPHRASE) as office:
        assert migrate.current_revision(office.engine) == migrate.head_revision()  # 0006 and after
        with office.engine.connect() as connection:
            columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(petitions)")]
            assert "petitioner_name" not in columns and "petitioner_contact" not in columns
            every = "\n".join(str(row) for table in ("petitions", "changes", "sync_conflicts", "identity_staged")
                              for row in connection.execute(text(f"SELECT * FROM {table}")))
            assert NAME not in every and PHONE not in every
        with office.transaction() as s:
            assert s.scalar(select(IdentityStaged.petition_id)) is None  # sealed at the first open
            petition_id = s.scalar(select(text("id")).select_from(text("petitions")))
            found = identities.identity(s, petition_id)
            assert (found.name, found.contact) == (NAME, PHONE)
            assert petition_key.replace("-", "") == str(petition_id).replace("-", "")
            # The chains were computed again over the scrubbed entries.
            previous: dict[object, str] = {}
            for c in s.scalars(select(Change).order_by(Change.device_id, Change.seq)):
                assert c.chain == change_hash(previous.get(c.device_id, GENESIS), c.id, c.device_id, c.seq, c.hlc,
                                              c.table_name, c.record_id, c.op, c.fields, c.base_hlc)
                previous[c.device_id] = c.chain
        # What the office signs now verifies on a new laptop, and carries no identity.
        laptop = make(tmp_path / "new", "笔记本C")
        try:
            trust_all([office, laptop])
            sync.export(office, tmp_path / "to-c.xcpkg", sync.own_keys(laptop))
            assert sync.import_(laptop, tmp_path / "to-c.xcpkg").changes_applied > 0
            with laptop.engine.connect() as connection:
                rows = "\n".join(str(r) for r in connection.execute(text("SELECT fields FROM changes")))
            assert NAME not in rows and PHONE not in rows
        finally:
            laptop.close()
