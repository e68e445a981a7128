"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28 15:23:22.720953
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The search index (see services/search.py), as it was in this revision: migrations never change.
CREATE_STATEMENTS = (
    "CREATE TABLE search_rows (rowid INTEGER PRIMARY KEY, kind VARCHAR(32) NOT NULL, "
    "record_id CHAR(32) NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE search_index USING fts5(grams, unigrams, content='', contentless_delete=1, "
    "tokenize='unicode61 remove_diacritics 0')",
)
DROP_STATEMENTS = ("DROP TABLE search_index", "DROP TABLE search_rows")

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=True),
        sa.Column("record_id", sa.Uuid(), nullable=True),
        sa.Column("detail", sa.String(length=500), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
        sa.UniqueConstraint("device_id", "seq", name=op.f("uq_audit_entries_device_id")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entries_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entries_record_id"), ["record_id"], unique=False)

    op.create_table(
        "changes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("op", sa.String(length=16), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("base_hlc", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
        sa.UniqueConstraint("device_id", "seq", name=op.f("uq_changes_device_id")),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_changes_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_changes_record_id"), ["record_id"], unique=False)

    op.create_table(
        "clues",
        sa.Column("round_id", sa.Uuid(), nullable=True),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=True),
        sa.Column("source_kind", sa.String(length=32), nullable=False),
        sa.Column("persons_involved", sa.String(length=500), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("sealed", sa.Boolean(), nullable=False),
        sa.Column("receiving_body", sa.String(length=200), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clues")),
    )
    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clues_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_clues_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_clues_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_clues_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_clues_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "custody_events",
        sa.Column("evidence_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("holder", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_events")),
    )
    with op.batch_alter_table("custody_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_custody_events_evidence_id"), ["evidence_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_custody_events_hlc"), ["hlc"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("round_id", sa.Uuid(), nullable=True),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("evidence_type", sa.String(length=64), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("provider", sa.String(length=100), nullable=True),
        sa.Column("obtained_how", sa.String(length=32), nullable=True),
        sa.Column("obtained_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("file_name", sa.String(length=300), nullable=True),
        sa.Column("media_type", sa.String(length=100), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "group_members",
        sa.Column("group_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("post", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_members")),
    )
    with op.batch_alter_table("group_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_members_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_group_members_hlc"), ["hlc"], unique=False)

    op.create_table(
        "groups",
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groups")),
    )
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_groups_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_groups_round_id"), ["round_id"], unique=False)

    op.create_table(
        "interviews",
        sa.Column("round_id", sa.Uuid(), nullable=True),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("interviewee_name", sa.String(length=100), nullable=False),
        sa.Column("interviewee_unit", sa.String(length=200), nullable=True),
        sa.Column("interviewee_post", sa.String(length=200), nullable=True),
        sa.Column("interviewee_political_status", sa.String(length=50), nullable=True),
        sa.Column("interviewee_category", sa.String(length=32), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("interviewers", sa.JSON(), nullable=False),
        sa.Column("recorder", sa.String(length=100), nullable=True),
        sa.Column("outline", sa.String(length=100), nullable=True),
        sa.Column("record_text", sa.Text(), nullable=False),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
    )
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interviews_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interviews_interviewee_category"), ["interviewee_category"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_interviews_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_interviews_started_at"), ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_interviews_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "links",
        sa.Column("relation", sa.String(length=32), nullable=False),
        sa.Column("from_kind", sa.String(length=32), nullable=False),
        sa.Column("from_id", sa.Uuid(), nullable=False),
        sa.Column("to_kind", sa.String(length=32), nullable=False),
        sa.Column("to_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_links")),
    )
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.create_index("ix_links_from", ["from_kind", "from_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_links_hlc"), ["hlc"], unique=False)
        batch_op.create_index("ix_links_to", ["to_kind", "to_id"], unique=False)

    op.create_table(
        "petitions",
        sa.Column("round_id", sa.Uuid(), nullable=True),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("number", sa.String(length=50), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("petitioner_name", sa.String(length=100), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("petitioner_contact", sa.String(length=200), nullable=True),
        sa.Column("subject_names", sa.String(length=500), nullable=True),
        sa.Column("subject_unit", sa.String(length=200), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("in_remit", sa.Boolean(), nullable=False),
        sa.Column("handling", sa.String(length=32), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_petitions")),
    )
    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_petitions_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_petitions_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_petitions_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_petitions_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_petitions_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "problems",
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("sub_category", sa.String(length=64), nullable=True),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("severity", sa.String(length=32), nullable=True),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("in_feedback", sa.Boolean(), nullable=False),
        sa.Column("handed_over", sa.Boolean(), nullable=False),
        sa.Column("requirement", sa.Text(), nullable=True),
        sa.Column("responsible", sa.String(length=200), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("measures", sa.Text(), nullable=True),
        sa.Column("proof", sa.Text(), nullable=True),
        sa.Column("supervision_remarks", sa.Text(), nullable=True),
        sa.Column("rectified_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_problems")),
    )
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_problems_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_problems_deadline"), ["deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_problems_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_problems_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_problems_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_problems_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "rectification_updates",
        sa.Column("problem_id", sa.Uuid(), nullable=False),
        sa.Column("round_id", sa.Uuid(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_before", sa.String(length=32), nullable=True),
        sa.Column("status_after", sa.String(length=32), nullable=False),
        sa.Column("measures", sa.Text(), nullable=True),
        sa.Column("proof", sa.Text(), nullable=True),
        sa.Column("remark", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectification_updates")),
    )
    with op.batch_alter_table("rectification_updates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rectification_updates_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_rectification_updates_problem_id"), ["problem_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rectification_updates_round_id"), ["round_id"], unique=False)

    op.create_table(
        "rounds",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("term", sa.String(length=50), nullable=True),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("supervised_round_ids", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rounds")),
    )
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rounds_hlc"), ["hlc"], unique=False)

    op.create_table(
        "units",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("party_org", sa.String(length=200), nullable=True),
        sa.Column("party_org_kind", sa.String(length=32), nullable=True),
        sa.Column("level", sa.String(length=50), nullable=True),
        sa.Column("contact_person", sa.String(length=100), nullable=True),
        sa.Column("contact_phone", sa.String(length=50), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_name"), ["name"], unique=False)

    op.create_table(
        "vocabulary_terms",
        sa.Column("vocabulary", sa.String(length=64), nullable=False),
        sa.Column("round_id", sa.Uuid(), nullable=True),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("label_zh", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=True),
        sa.Column("parent_code", sa.String(length=64), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vocabulary_terms")),
    )
    with op.batch_alter_table("vocabulary_terms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vocabulary_terms_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_vocabulary_terms_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vocabulary_terms_vocabulary"), ["vocabulary"], unique=False)

    op.create_table(
        "working_papers",
        sa.Column("round_id", sa.Uuid(), nullable=True),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("problem_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("how_found", sa.Text(), nullable=True),
        sa.Column("drafted_by", sa.String(length=100), nullable=True),
        sa.Column("checked_by", sa.String(length=100), nullable=True),
        sa.Column("approved_by", sa.String(length=100), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_working_papers")),
    )
    with op.batch_alter_table("working_papers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_working_papers_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_working_papers_problem_id"), ["problem_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_working_papers_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_working_papers_unit_id"), ["unit_id"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        for statement in CREATE_STATEMENTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in DROP_STATEMENTS:
            op.execute(statement)
    with op.batch_alter_table("working_papers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_working_papers_unit_id"))
        batch_op.drop_index(batch_op.f("ix_working_papers_round_id"))
        batch_op.drop_index(batch_op.f("ix_working_papers_problem_id"))
        batch_op.drop_index(batch_op.f("ix_working_papers_hlc"))

    op.drop_table("working_papers")
    with op.batch_alter_table("vocabulary_terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vocabulary_terms_vocabulary"))
        batch_op.drop_index(batch_op.f("ix_vocabulary_terms_round_id"))
        batch_op.drop_index(batch_op.f("ix_vocabulary_terms_hlc"))

    op.drop_table("vocabulary_terms")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_name"))
        batch_op.drop_index(batch_op.f("ix_units_hlc"))

    op.drop_table("units")
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rounds_hlc"))

    op.drop_table("rounds")
    with op.batch_alter_table("rectification_updates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectification_updates_round_id"))
        batch_op.drop_index(batch_op.f("ix_rectification_updates_problem_id"))
        batch_op.drop_index(batch_op.f("ix_rectification_updates_hlc"))

    op.drop_table("rectification_updates")
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problems_unit_id"))
        batch_op.drop_index(batch_op.f("ix_problems_status"))
        batch_op.drop_index(batch_op.f("ix_problems_round_id"))
        batch_op.drop_index(batch_op.f("ix_problems_hlc"))
        batch_op.drop_index(batch_op.f("ix_problems_deadline"))
        batch_op.drop_index(batch_op.f("ix_problems_category"))

    op.drop_table("problems")
    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_petitions_unit_id"))
        batch_op.drop_index(batch_op.f("ix_petitions_round_id"))
        batch_op.drop_index(batch_op.f("ix_petitions_received_at"))
        batch_op.drop_index(batch_op.f("ix_petitions_hlc"))
        batch_op.drop_index(batch_op.f("ix_petitions_category"))

    op.drop_table("petitions")
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.drop_index("ix_links_to")
        batch_op.drop_index(batch_op.f("ix_links_hlc"))
        batch_op.drop_index("ix_links_from")

    op.drop_table("links")
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interviews_unit_id"))
        batch_op.drop_index(batch_op.f("ix_interviews_started_at"))
        batch_op.drop_index(batch_op.f("ix_interviews_round_id"))
        batch_op.drop_index(batch_op.f("ix_interviews_interviewee_category"))
        batch_op.drop_index(batch_op.f("ix_interviews_hlc"))

    op.drop_table("interviews")
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_groups_round_id"))
        batch_op.drop_index(batch_op.f("ix_groups_hlc"))

    op.drop_table("groups")
    with op.batch_alter_table("group_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_members_hlc"))
        batch_op.drop_index(batch_op.f("ix_group_members_group_id"))

    op.drop_table("group_members")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_unit_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_sha256"))
        batch_op.drop_index(batch_op.f("ix_evidence_round_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_hlc"))

    op.drop_table("evidence")
    with op.batch_alter_table("custody_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custody_events_hlc"))
        batch_op.drop_index(batch_op.f("ix_custody_events_evidence_id"))

    op.drop_table("custody_events")
    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clues_unit_id"))
        batch_op.drop_index(batch_op.f("ix_clues_status"))
        batch_op.drop_index(batch_op.f("ix_clues_round_id"))
        batch_op.drop_index(batch_op.f("ix_clues_hlc"))
        batch_op.drop_index(batch_op.f("ix_clues_category"))

    op.drop_table("clues")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_changes_record_id"))
        batch_op.drop_index(batch_op.f("ix_changes_hlc"))

    op.drop_table("changes")
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entries_record_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entries_at"))

    op.drop_table("audit_entries")
