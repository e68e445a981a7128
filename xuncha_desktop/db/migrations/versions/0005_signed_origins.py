"""Every change proves its origin: a hash chain over each device's change log, the signed heads of the
logs that a copy has verified, and the devices known only because a trusted device vouched for them.

The chain of the changes already held is computed here, device by device in sequence order, with the
same canonical form as ``db.change_chain`` (copied, not imported, so this step never changes).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 18:40:00
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from xuncha_desktop.db.base import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_GENESIS = "0" * 64


def _hash(previous: str, row: Any, fields: Any) -> str:
    body = json.dumps([str(row.id), str(row.device_id), row.seq, row.hlc, row.table_name, str(row.record_id),
                       row.op, fields, row.base_hlc], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((previous + body).encode("utf-8")).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain", sa.String(length=64), nullable=True))
    changes = sa.table("changes", sa.column("id", sa.Uuid()), sa.column("device_id", sa.Uuid()),
                       sa.column("seq", sa.BigInteger()), sa.column("hlc", sa.String()),
                       sa.column("table_name", sa.String()), sa.column("record_id", sa.Uuid()),
                       sa.column("op", sa.String()), sa.column("fields", sa.JSON()),
                       sa.column("base_hlc", sa.String()), sa.column("chain", sa.String()))
    connection = op.get_bind()
    previous: dict[Any, str] = {}
    updates: list[dict[str, Any]] = []
    rows = connection.execute(sa.select(changes).order_by(changes.c.device_id, changes.c.seq))
    for row in rows:
        chain = _hash(previous.get(row.device_id, _GENESIS), row, row.fields)
        previous[row.device_id] = chain
        updates.append({"change_id": row.id, "chain_value": chain})
    for start in range(0, len(updates), 5000):
        connection.execute(sa.update(changes).where(changes.c.id == sa.bindparam("change_id"))
                           .values(chain=sa.bindparam("chain_value")), updates[start:start + 5000])
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.alter_column("chain", existing_type=sa.String(length=64), nullable=False)

    op.create_table(
        "sync_heads",
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("stream", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "stream", name=op.f("pk_sync_heads")),
    )
    with op.batch_alter_table("sync_devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("vouched_by", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_devices", schema=None) as batch_op:
        batch_op.drop_column("vouched_by")
    op.drop_table("sync_heads")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_column("chain")
