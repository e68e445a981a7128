"""定性依据: the rules table; a working paper's 被巡察单位意见 (the unit's response and whether it agrees);
a supervision round's analysis and next steps (its report's sections three and four).

The shipped rules are not inserted here: a record that travels must be written through a session, so
its change log holds its creation (db/seed.py adds the missing ones when the workspace opens).

Revision ID: 0010_rules
Revises: 0009_clue_transfers
Create Date: 2026-12-06 23:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_rules"
down_revision: str | None = "0009_clue_transfers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rules",
        sa.Column("document", sa.String(length=200), nullable=False),
        sa.Column("edition", sa.String(length=100), nullable=True),
        sa.Column("article", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rules")),
    )
    with op.batch_alter_table("rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rules_hlc"), ["hlc"], unique=False)
        batch_op.create_index("ix_rules_live_document", ["deleted", "document", "position", "id"], unique=False)
    with op.batch_alter_table("working_papers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_response", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("unit_agrees", sa.String(length=32), nullable=True))
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("analysis", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("next_steps", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.drop_column("next_steps")
        batch_op.drop_column("analysis")
    with op.batch_alter_table("working_papers", schema=None) as batch_op:
        batch_op.drop_column("unit_agrees")
        batch_op.drop_column("unit_response")
    with op.batch_alter_table("rules", schema=None) as batch_op:
        batch_op.drop_index("ix_rules_live_document")
        batch_op.drop_index(batch_op.f("ix_rules_hlc"))
    op.drop_table("rules")
