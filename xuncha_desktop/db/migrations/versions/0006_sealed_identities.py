"""Petitioners' identities leave the petitions for a sealed store (issue 15).

The name and contact columns are dropped from ``petitions``; their values wait in ``identity_staged``
until the workspace is next opened, when they are sealed to its identity key (a migration holds no key;
see ``db.identity_staging``). The change log loses them too: every petition change is rewritten without
them, the hash chains are computed again (as 0005 did, same canonical form), open conflicts about them are
removed, and a signed head that no longer matches the rewritten chain is dropped (that device's entries
are passed on again once it signs a new head, at its next export). Every device of a group moves to 0006
together: a package of an older program still carrying names is refused (unknown field).

``sync_devices`` learns the peer's identity key (with the peer's signature over it), whether the peer is
the office (identities are sealed to it) and whether this copy names the peer as a reader of identities
(the office re-seals to it).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 21:00:00
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_GENESIS = "0" * 64
_MOVED = {"petitioner_name": "name", "petitioner_contact": "contact"}


def _hash(previous: str, row: Any, fields: Any) -> str:
    body = json.dumps([str(row.id), str(row.device_id), row.seq, row.hlc, row.table_name, str(row.record_id),
                       row.op, fields, row.base_hlc], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((previous + body).encode("utf-8")).hexdigest()


def upgrade() -> None:
    op.create_table(
        "identity_envelopes",
        sa.Column("petition_id", sa.Uuid(), nullable=False),
        sa.Column("recipient", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("sealed_by", sa.Uuid(), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("petition_id", "recipient", "version", name=op.f("pk_identity_envelopes")),
    )
    op.create_table(
        "identity_staged",
        sa.Column("petition_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("petition_id", name=op.f("pk_identity_staged")),
    )
    with op.batch_alter_table("sync_devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("identity_public", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("office", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("reads_identities", sa.Boolean(), nullable=False, server_default=sa.false()))

    connection = op.get_bind()
    petitions = sa.table("petitions", sa.column("id", sa.Uuid()), sa.column("hlc", sa.String()),
                         sa.column("field_hlc", sa.JSON()), sa.column("petitioner_name", sa.String()),
                         sa.column("petitioner_contact", sa.String()))
    staged = sa.table("identity_staged", sa.column("petition_id", sa.Uuid()), sa.column("version", sa.String()),
                      sa.column("fields", sa.JSON()))
    moving = []
    for row in connection.execute(sa.select(petitions).where(sa.or_(petitions.c.petitioner_name.is_not(None),
                                                                    petitions.c.petitioner_contact.is_not(None)))):
        stamps = row.field_hlc or {}
        version = max([stamps[n] for n in _MOVED if n in stamps] or [row.hlc])
        fields = {key: getattr(row, name) for name, key in _MOVED.items() if getattr(row, name) is not None}
        moving.append({"petition_id": row.id, "version": version, "fields": fields})
    if moving:
        connection.execute(sa.insert(staged), moving)
    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.drop_column("petitioner_name")
        batch_op.drop_column("petitioner_contact")

    conflicts = sa.table("sync_conflicts", sa.column("table_name", sa.String()), sa.column("field", sa.String()))
    connection.execute(sa.delete(conflicts).where(conflicts.c.table_name == "petitions",
                                                  conflicts.c.field.in_(sorted(_MOVED))))
    changes = sa.table("changes", sa.column("id", sa.Uuid()), sa.column("device_id", sa.Uuid()),
                       sa.column("seq", sa.BigInteger()), sa.column("hlc", sa.String()),
                       sa.column("table_name", sa.String()), sa.column("record_id", sa.Uuid()),
                       sa.column("op", sa.String()), sa.column("fields", sa.JSON()),
                       sa.column("base_hlc", sa.String()), sa.column("chain", sa.String()))
    previous: dict[Any, str] = {}
    chains: dict[tuple[Any, int], str] = {}
    updates: list[dict[str, Any]] = []
    rows = connection.execute(sa.select(changes).order_by(changes.c.device_id, changes.c.seq))
    for row in rows:
        fields = row.fields
        scrubbed = row.table_name == "petitions" and isinstance(fields, dict) and any(n in fields for n in _MOVED)
        if scrubbed:
            fields = {k: v for k, v in fields.items() if k not in _MOVED}
        chain = _hash(previous.get(row.device_id, _GENESIS), row, fields)
        previous[row.device_id] = chain
        chains[(row.device_id, row.seq)] = chain
        if scrubbed or chain != row.chain:
            updates.append({"change_id": row.id, "fields_value": fields, "chain_value": chain})
    for start in range(0, len(updates), 5000):
        connection.execute(sa.update(changes).where(changes.c.id == sa.bindparam("change_id"))
                           .values(fields=sa.bindparam("fields_value"), chain=sa.bindparam("chain_value")),
                           updates[start:start + 5000])
    heads = sa.table("sync_heads", sa.column("device_id", sa.Uuid()), sa.column("stream", sa.String()),
                     sa.column("seq", sa.BigInteger()), sa.column("hash", sa.String()))
    for head in list(connection.execute(sa.select(heads).where(heads.c.stream == "changes"))):
        if chains.get((head.device_id, head.seq)) != head.hash:
            connection.execute(sa.delete(heads).where(heads.c.device_id == head.device_id,
                                                      heads.c.stream == "changes"))


def downgrade() -> None:
    # Sealed identities cannot be opened without a key: going back keeps only those still staged.
    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("petitioner_name", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("petitioner_contact", sa.String(length=200), nullable=True))
    with op.batch_alter_table("sync_devices", schema=None) as batch_op:
        batch_op.drop_column("reads_identities")
        batch_op.drop_column("office")
        batch_op.drop_column("identity_public")
    op.drop_table("identity_staged")
    op.drop_table("identity_envelopes")
