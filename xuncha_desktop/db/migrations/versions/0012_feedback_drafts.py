"""巡察反馈意见稿: feedback drafts and their items, and the group's signing organisation (落款).

Revision ID: 0012_feedback_drafts
Revises: 0011_hub_stations
Create Date: 2026-12-06 23:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_feedback_drafts"
down_revision: str | None = "0011_hub_stations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _replicated() -> list[sa.Column[object]]:
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
        "feedback_drafts",
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("assessment", sa.Text(), nullable=True),
        sa.Column("documents_reviewed", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("drafted_by", sa.String(length=100), nullable=True),
        sa.Column("leader_reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("leader_reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("office_reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("office_reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finalised_by", sa.String(length=100), nullable=True),
        sa.Column("finalised_at", sa.DateTime(timezone=True), nullable=True),
        *_replicated(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_drafts")),
    )
    with op.batch_alter_table("feedback_drafts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_drafts_hlc"), ["hlc"], unique=False)
        batch_op.create_index("ix_feedback_drafts_live_unit", ["deleted", "unit_id", "created_at", "id"])
        batch_op.create_index("ix_feedback_drafts_round_unit", ["round_id", "deleted", "unit_id", "created_at", "id"])
        batch_op.create_index("ix_feedback_drafts_status_unit", ["status", "deleted", "unit_id", "created_at", "id"])
    op.create_table(
        "feedback_items",
        sa.Column("draft_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("requirement", sa.Text(), nullable=False),
        sa.Column("problem_ids", sa.JSON(), nullable=False),
        *_replicated(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_items")),
    )
    with op.batch_alter_table("feedback_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_items_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_items_draft_id"), ["draft_id"], unique=False)
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signing_org", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_column("signing_org")
    with op.batch_alter_table("feedback_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_items_draft_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_items_hlc"))
    op.drop_table("feedback_items")
    with op.batch_alter_table("feedback_drafts", schema=None) as batch_op:
        batch_op.drop_index("ix_feedback_drafts_status_unit")
        batch_op.drop_index("ix_feedback_drafts_round_unit")
        batch_op.drop_index("ix_feedback_drafts_live_unit")
        batch_op.drop_index(batch_op.f("ix_feedback_drafts_hlc"))
    op.drop_table("feedback_drafts")
