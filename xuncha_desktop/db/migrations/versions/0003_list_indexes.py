"""Indexes for the lists: counts read the deleted index, filters and sorts use category and time.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 16:51:52.380488
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
        batch_op.create_index("ix_clues_deleted", ["deleted"], unique=False)

    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index("ix_interviews_category_started", ["interviewee_category", "started_at"], unique=False)
        batch_op.create_index("ix_interviews_deleted", ["deleted"], unique=False)
        batch_op.create_index("ix_interviews_interviewee_name", ["interviewee_name"], unique=False)

    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.create_index("ix_petitions_category_received", ["category", "received_at"], unique=False)
        batch_op.create_index("ix_petitions_deleted", ["deleted"], unique=False)

    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.create_index("ix_problems_category_deleted", ["category", "deleted"], unique=False)
        batch_op.create_index("ix_problems_deleted", ["deleted"], unique=False)
        batch_op.create_index("ix_problems_status_deadline", ["status", "deadline"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.drop_index("ix_problems_status_deadline")
        batch_op.drop_index("ix_problems_deleted")
        batch_op.drop_index("ix_problems_category_deleted")

    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.drop_index("ix_petitions_deleted")
        batch_op.drop_index("ix_petitions_category_received")

    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index("ix_interviews_interviewee_name")
        batch_op.drop_index("ix_interviews_deleted")
        batch_op.drop_index("ix_interviews_category_started")

    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.drop_index("ix_clues_deleted")
