"""问题线索移交 and 巡察情况报告: the clue_transfers and situation_reports tables, and a clue's proposed
disposition (谈话函询 / 初步核实 / 暂存待查 / 予以了结).

Revision ID: 0009_clue_transfers
Revises: 0008
Create Date: 2026-12-07 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_clue_transfers"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _replicated() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "clue_transfers",
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("recipient", sa.String(length=32), nullable=False),
        sa.Column("recipient_name", sa.String(length=200), nullable=True),
        sa.Column("number", sa.String(length=100), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("clue_ids", sa.JSON(), nullable=False),
        sa.Column("received_by", sa.String(length=100), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_replicated(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clue_transfers")),
    )
    with op.batch_alter_table("clue_transfers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clue_transfers_hlc"), ["hlc"], unique=False)
        batch_op.create_index("ix_clue_transfers_live_created", ["deleted", "created_at", "id"], unique=False)
        batch_op.create_index("ix_clue_transfers_round_created", ["round_id", "deleted", "created_at", "id"],
                              unique=False)
        batch_op.create_index("ix_clue_transfers_unit_created", ["unit_id", "deleted", "created_at", "id"],
                              unique=False)
    op.create_table(
        "situation_reports",
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("overview", sa.Text(), nullable=True),
        sa.Column("suggestions", sa.Text(), nullable=True),
        *_replicated(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_situation_reports")),
    )
    with op.batch_alter_table("situation_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_situation_reports_hlc"), ["hlc"], unique=False)
        batch_op.create_index("ix_situation_reports_live_created", ["deleted", "created_at", "id"], unique=False)
        batch_op.create_index("ix_situation_reports_round_created", ["round_id", "deleted", "created_at", "id"],
                              unique=False)
        batch_op.create_index("ix_situation_reports_unit_created", ["unit_id", "deleted", "created_at", "id"],
                              unique=False)
    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.add_column(sa.Column("proposed_disposition", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.drop_column("proposed_disposition")
    for table in ("situation_reports", "clue_transfers"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{table}_unit_created")
            batch_op.drop_index(f"ix_{table}_round_created")
            batch_op.drop_index(f"ix_{table}_live_created")
            batch_op.drop_index(batch_op.f(f"ix_{table}_hlc"))
        op.drop_table(table)
