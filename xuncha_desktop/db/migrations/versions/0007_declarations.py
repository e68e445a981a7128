"""回避: the declarations table (a member's relations that bar them from a matter).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "declarations",
        sa.Column("member_name", sa.String(length=100), nullable=False),
        sa.Column("relation", sa.String(length=32), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("person_name", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("declared_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declarations")),
    )
    with op.batch_alter_table("declarations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_declarations_hlc"), ["hlc"], unique=False)
        batch_op.create_index("ix_declarations_live_declared", ["deleted", "declared_at", "id"], unique=False)
        batch_op.create_index("ix_declarations_unit_declared", ["unit_id", "deleted", "declared_at", "id"],
                              unique=False)
        batch_op.create_index("ix_declarations_relation_declared", ["relation", "deleted", "declared_at", "id"],
                              unique=False)
        batch_op.create_index("ix_declarations_member", ["member_name", "deleted"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("declarations", schema=None) as batch_op:
        batch_op.drop_index("ix_declarations_member")
        batch_op.drop_index("ix_declarations_relation_declared")
        batch_op.drop_index("ix_declarations_unit_declared")
        batch_op.drop_index("ix_declarations_live_declared")
        batch_op.drop_index(batch_op.f("ix_declarations_hlc"))
    op.drop_table("declarations")
