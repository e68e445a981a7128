"""Indexes for the lists: live rows in display order (usable before ANALYZE), filters by category and time.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 17:02:31.045564
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.create_index("ix_clues_live_created", ["deleted", "created_at"], unique=False)

    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index("ix_interviews_category_started", ["interviewee_category", "started_at"], unique=False)
        batch_op.create_index("ix_interviews_interviewee_name", ["interviewee_name"], unique=False)
        batch_op.create_index("ix_interviews_live_started", ["deleted", "started_at"], unique=False)

    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.create_index("ix_petitions_category_received", ["category", "received_at"], unique=False)
        batch_op.create_index("ix_petitions_live_received", ["deleted", "received_at"], unique=False)

    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.create_index("ix_problems_category_deleted", ["category", "deleted"], unique=False)
        batch_op.create_index("ix_problems_live_unit", ["deleted", "unit_id", "number"], unique=False)
        batch_op.create_index("ix_problems_status_deadline", ["status", "deadline"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.drop_index("ix_problems_status_deadline")
        batch_op.drop_index("ix_problems_live_unit")
        batch_op.drop_index("ix_problems_category_deleted")

    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.drop_index("ix_petitions_live_received")
        batch_op.drop_index("ix_petitions_category_received")

    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index("ix_interviews_live_started")
        batch_op.drop_index("ix_interviews_interviewee_name")
        batch_op.drop_index("ix_interviews_category_started")

    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.drop_index("ix_clues_live_created")
