"""List indexes that end with the tie-break id, alone and under each filter of the list.

The services order every list by its sort, then by ``id`` in the direction of the last sort term. An
index of 0003 without ``id`` made SQLite read every row skipped by OFFSET from the table to sort the ties
(a page in the middle of a 500,000-row list: 1.1 s); each list index now holds the list's order and
the tie-break, led by ``deleted`` or by the column of one filter, so a far page skips index entries only.
Single-column indexes that a new one begins with are dropped. See docs/data-model.md, "List indexes".

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 19:09:22.543999
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.drop_index("ix_clues_category")
        batch_op.drop_index("ix_clues_round_id")
        batch_op.drop_index("ix_clues_status")
        batch_op.drop_index("ix_clues_unit_id")
        batch_op.drop_index("ix_clues_live_created")
        batch_op.create_index("ix_clues_live_created", ["deleted", "created_at", "id"], unique=False)
        batch_op.create_index("ix_clues_category_created", ["category", "deleted", "created_at", "id"], unique=False)
        batch_op.create_index("ix_clues_round_created", ["round_id", "deleted", "created_at", "id"], unique=False)
        batch_op.create_index("ix_clues_status_created", ["status", "deleted", "created_at", "id"], unique=False)
        batch_op.create_index("ix_clues_unit_created", ["unit_id", "deleted", "created_at", "id"], unique=False)

    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index("ix_evidence_round_id")
        batch_op.drop_index("ix_evidence_unit_id")
        batch_op.create_index("ix_evidence_live_created", ["deleted", "created_at", "id", "obtained_at"], unique=False)
        batch_op.create_index("ix_evidence_round_created", ["round_id", "deleted", "created_at", "id"], unique=False)
        batch_op.create_index("ix_evidence_type_created", ["evidence_type", "deleted", "created_at", "id"], unique=False)
        batch_op.create_index("ix_evidence_unit_created", ["unit_id", "deleted", "created_at", "id"], unique=False)

    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_index("ix_groups_round_id")
        batch_op.create_index("ix_groups_live_name", ["deleted", "name", "id"], unique=False)
        batch_op.create_index("ix_groups_round_name", ["round_id", "deleted", "name", "id"], unique=False)

    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index("ix_interviews_interviewee_category")
        batch_op.drop_index("ix_interviews_interviewee_name")
        batch_op.drop_index("ix_interviews_round_id")
        batch_op.drop_index("ix_interviews_unit_id")
        batch_op.drop_index("ix_interviews_category_started")
        batch_op.create_index("ix_interviews_category_started", ["interviewee_category", "deleted", "started_at", "id"], unique=False)
        batch_op.drop_index("ix_interviews_live_started")
        batch_op.create_index("ix_interviews_live_started", ["deleted", "started_at", "id"], unique=False)
        batch_op.create_index("ix_interviews_live_name", ["deleted", "interviewee_name", "id", "round_id", "unit_id", "interviewee_category", "started_at"], unique=False)
        batch_op.create_index("ix_interviews_round_started", ["round_id", "deleted", "started_at", "id"], unique=False)
        batch_op.create_index("ix_interviews_unit_started", ["unit_id", "deleted", "started_at", "id"], unique=False)

    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.drop_index("ix_petitions_category")
        batch_op.drop_index("ix_petitions_round_id")
        batch_op.drop_index("ix_petitions_unit_id")
        batch_op.drop_index("ix_petitions_category_received")
        batch_op.create_index("ix_petitions_category_received", ["category", "deleted", "received_at", "id"], unique=False)
        batch_op.drop_index("ix_petitions_live_received")
        batch_op.create_index("ix_petitions_live_received", ["deleted", "received_at", "id"], unique=False)
        batch_op.create_index("ix_petitions_round_received", ["round_id", "deleted", "received_at", "id"], unique=False)
        batch_op.create_index("ix_petitions_unit_received", ["unit_id", "deleted", "received_at", "id"], unique=False)

    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.drop_index("ix_problems_category")
        batch_op.drop_index("ix_problems_category_deleted")
        batch_op.drop_index("ix_problems_round_id")
        batch_op.drop_index("ix_problems_status")
        batch_op.drop_index("ix_problems_live_unit")
        batch_op.create_index("ix_problems_live_unit", ["deleted", "unit_id", "number", "created_at", "id", "deadline"], unique=False)
        batch_op.create_index("ix_problems_category_unit", ["category", "deleted", "unit_id", "number", "created_at", "id"], unique=False)
        batch_op.create_index("ix_problems_round_unit", ["round_id", "deleted", "unit_id", "number", "created_at", "id"], unique=False)
        batch_op.create_index("ix_problems_status_unit", ["status", "deleted", "unit_id", "number", "created_at", "id"], unique=False)

    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.create_index("ix_rounds_live_start", ["deleted", "start_date", "id"], unique=False)

    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index("ix_units_kind_name", ["party_org_kind", "deleted", "name", "id"], unique=False)
        batch_op.create_index("ix_units_live_name", ["deleted", "name", "id"], unique=False)

    with op.batch_alter_table("working_papers", schema=None) as batch_op:
        batch_op.drop_index("ix_working_papers_round_id")
        batch_op.drop_index("ix_working_papers_unit_id")
        batch_op.create_index("ix_working_papers_live_number", ["deleted", "number", "created_at", "id", "date"], unique=False)
        batch_op.create_index("ix_working_papers_round_number", ["round_id", "deleted", "number", "created_at", "id"], unique=False)
        batch_op.create_index("ix_working_papers_status_number", ["status", "deleted", "number", "created_at", "id"], unique=False)
        batch_op.create_index("ix_working_papers_unit_number", ["unit_id", "deleted", "number", "created_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("working_papers", schema=None) as batch_op:
        batch_op.drop_index("ix_working_papers_unit_number")
        batch_op.drop_index("ix_working_papers_status_number")
        batch_op.drop_index("ix_working_papers_round_number")
        batch_op.drop_index("ix_working_papers_live_number")
        batch_op.create_index("ix_working_papers_unit_id", ["unit_id"], unique=False)
        batch_op.create_index("ix_working_papers_round_id", ["round_id"], unique=False)

    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index("ix_units_live_name")
        batch_op.drop_index("ix_units_kind_name")

    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.drop_index("ix_rounds_live_start")

    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.drop_index("ix_problems_status_unit")
        batch_op.drop_index("ix_problems_round_unit")
        batch_op.drop_index("ix_problems_category_unit")
        batch_op.drop_index("ix_problems_live_unit")
        batch_op.create_index("ix_problems_live_unit", ["deleted", "unit_id", "number"], unique=False)
        batch_op.create_index("ix_problems_status", ["status"], unique=False)
        batch_op.create_index("ix_problems_round_id", ["round_id"], unique=False)
        batch_op.create_index("ix_problems_category_deleted", ["category", "deleted"], unique=False)
        batch_op.create_index("ix_problems_category", ["category"], unique=False)

    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.drop_index("ix_petitions_unit_received")
        batch_op.drop_index("ix_petitions_round_received")
        batch_op.drop_index("ix_petitions_live_received")
        batch_op.create_index("ix_petitions_live_received", ["deleted", "received_at"], unique=False)
        batch_op.drop_index("ix_petitions_category_received")
        batch_op.create_index("ix_petitions_category_received", ["category", "received_at"], unique=False)
        batch_op.create_index("ix_petitions_unit_id", ["unit_id"], unique=False)
        batch_op.create_index("ix_petitions_round_id", ["round_id"], unique=False)
        batch_op.create_index("ix_petitions_category", ["category"], unique=False)

    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index("ix_interviews_unit_started")
        batch_op.drop_index("ix_interviews_round_started")
        batch_op.drop_index("ix_interviews_live_name")
        batch_op.drop_index("ix_interviews_live_started")
        batch_op.create_index("ix_interviews_live_started", ["deleted", "started_at"], unique=False)
        batch_op.drop_index("ix_interviews_category_started")
        batch_op.create_index("ix_interviews_category_started", ["interviewee_category", "started_at"], unique=False)
        batch_op.create_index("ix_interviews_unit_id", ["unit_id"], unique=False)
        batch_op.create_index("ix_interviews_round_id", ["round_id"], unique=False)
        batch_op.create_index("ix_interviews_interviewee_name", ["interviewee_name"], unique=False)
        batch_op.create_index("ix_interviews_interviewee_category", ["interviewee_category"], unique=False)

    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_index("ix_groups_round_name")
        batch_op.drop_index("ix_groups_live_name")
        batch_op.create_index("ix_groups_round_id", ["round_id"], unique=False)

    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index("ix_evidence_unit_created")
        batch_op.drop_index("ix_evidence_type_created")
        batch_op.drop_index("ix_evidence_round_created")
        batch_op.drop_index("ix_evidence_live_created")
        batch_op.create_index("ix_evidence_unit_id", ["unit_id"], unique=False)
        batch_op.create_index("ix_evidence_round_id", ["round_id"], unique=False)

    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.drop_index("ix_clues_unit_created")
        batch_op.drop_index("ix_clues_status_created")
        batch_op.drop_index("ix_clues_round_created")
        batch_op.drop_index("ix_clues_category_created")
        batch_op.drop_index("ix_clues_live_created")
        batch_op.create_index("ix_clues_live_created", ["deleted", "created_at"], unique=False)
        batch_op.create_index("ix_clues_unit_id", ["unit_id"], unique=False)
        batch_op.create_index("ix_clues_status", ["status"], unique=False)
        batch_op.create_index("ix_clues_round_id", ["round_id"], unique=False)
        batch_op.create_index("ix_clues_category", ["category"], unique=False)
