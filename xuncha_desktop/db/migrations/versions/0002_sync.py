"""Sync bookkeeping: conflicts, peer marks, trusted devices, package history (issue 4).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 16:02:40.089598
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from xuncha_desktop.db.base import UTCDateTime

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("kept_value", sa.JSON(), nullable=True),
        sa.Column("kept_hlc", sa.String(length=64), nullable=False),
        sa.Column("kept_change_id", sa.Uuid(), nullable=False),
        sa.Column("other_value", sa.JSON(), nullable=True),
        sa.Column("other_hlc", sa.String(length=64), nullable=False),
        sa.Column("other_change_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("detected_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("settled_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("settled_by", sa.String(length=100), nullable=True),
        sa.Column("settled_change_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflicts_state"), ["state"], unique=False)

    op.create_table(
        "sync_devices",
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("device_name", sa.String(length=200), nullable=False),
        sa.Column("ed25519_public", sa.String(length=64), nullable=False),
        sa.Column("age_recipient", sa.String(length=100), nullable=False),
        sa.Column("trusted_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("trusted_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_devices")),
    )
    op.create_table(
        "sync_packages",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("peer", sa.String(length=200), nullable=True),
        sa.Column("file_name", sa.String(length=500), nullable=True),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("audit_entries", sa.Integer(), nullable=False),
        sa.Column("evidence_files", sa.Integer(), nullable=False),
        sa.Column("bytes", sa.BigInteger(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", "direction", name=op.f("pk_sync_packages")),
    )
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_packages_device_id"), ["device_id"], unique=False)

    op.create_table(
        "sync_peer_marks",
        sa.Column("peer_id", sa.Uuid(), nullable=False),
        sa.Column("stream", sa.String(length=16), nullable=False),
        sa.Column("origin_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("peer_id", "stream", "origin_id", name=op.f("pk_sync_peer_marks")),
    )


def downgrade() -> None:

    op.drop_table("sync_peer_marks")
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_packages_device_id"))

    op.drop_table("sync_packages")
    op.drop_table("sync_devices")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_state"))
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_record_id"))

    op.drop_table("sync_conflicts")
