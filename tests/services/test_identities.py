"""Petitioners' identities: sealed on registration, read only by the roles allowed, every look audited."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from xuncha_desktop.db.models import AuditEntry, Change, IdentityEnvelope
from xuncha_desktop.errors import InvalidRequest, ValidationError, XunchaError
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import identities, redaction, search
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.records import Filter
from xuncha_desktop.workspace import Workspace

NAME = "欧阳秘密人"
PHONE = "13912345678"
petitions = KINDS["petition"]


@pytest.fixture
def as_member(workspace: Workspace) -> Iterator[Workspace]:
    """The same workspace, worked by a 组员 (who may register but not read identities)."""
    leader = workspace.user
    workspace.user = User("李组员", Role.MEMBER)
    yield workspace
    workspace.user = leader


def _register(ws: Workspace, **extra: object) -> uuid.UUID:
    with ws.transaction() as s:
        created: uuid.UUID = petitions.create(s, {
            "channel": "letter", "received_at": "2020-09-15T09:30", "summary": "反映招标问题",
                                    "petitioner_name": NAME, "petitioner_contact": PHONE,
                                    "petitioner_id_number": "430102199001011234",
                                    "petitioner_address": "娄底市娄星区乐坪街道1号", **extra}).id
        return created


def test_a_member_registers_an_identity_but_cannot_read_it_and_a_leader_can_with_an_audit_entry(
        as_member: Workspace) -> None:
    ws = as_member
    petition_id = _register(ws)
    with ws.transaction() as s:
        with pytest.raises(XunchaError) as refused:
            identities.identity(s, petition_id)
        assert refused.value.key == "identity_not_allowed" and "组员" in str(refused.value)
        shown = petitions.to_dict(s, petitions.read(s, petition_id))  # the editor's look: no identity
        assert shown["petitioner_name"] is None and shown["petitioner_contact"] is None
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "identity_view")) is None
    ws.user = User("赵刚", Role.LEADER)
    with ws.transaction() as s:
        found = identities.identity(s, petition_id)
        assert (found.name, found.contact, found.id_number, found.address) == (
            NAME, PHONE, "430102199001011234", "娄底市娄星区乐坪街道1号")
        looks = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "identity_view")))
        assert [(a.actor, a.record_id) for a in looks] == [("赵刚", petition_id)]
        # The editor's look (read) opens it for the leader, audited again.
        assert petitions.to_dict(s, petitions.read(s, petition_id))["petitioner_name"] == NAME
        assert s.scalar(select(text("count(*)")).select_from(AuditEntry).where(
            AuditEntry.action == "identity_view")) == 2


def test_no_identity_in_the_petitions_table_the_change_log_the_search_index_or_a_listing(workspace: Workspace) -> None:
    petition_id = _register(workspace)
    with workspace.engine.connect() as connection:
        columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(petitions)")]
        assert not [c for c in columns if c.startswith("petitioner")]
        for (fields,) in connection.execute(select(Change.fields)):
            assert NAME not in str(fields) and PHONE not in str(fields)
        blobs = [row[0] for row in connection.execute(select(IdentityEnvelope.blob))]
        assert blobs and not [b for b in blobs if NAME.encode() in b or PHONE.encode() in b]
    with workspace.transaction() as s:
        assert search.search(s, NAME, ["petition"]) == [] and search.search(s, PHONE, ["petition"]) == []
        listed = [petitions.to_dict(s, p) for p in petitions.find(s)]
        assert [p["id"] for p in listed] == [str(petition_id)]
        assert NAME not in str(listed) and PHONE not in str(listed)
        with pytest.raises(InvalidRequest) as refused:
            petitions.find(s, [Filter.parse(f"petitioner_name={NAME}")])
        assert refused.value.key == "identity_not_filterable"


def test_an_edit_by_a_member_changes_one_field_and_keeps_the_others(as_member: Workspace) -> None:
    ws = as_member
    petition_id = _register(ws)
    with ws.transaction() as s:
        # The 组员 cannot see the name, yet may change the summary and the contact of a named petition.
        petitions.update(s, petition_id, {"summary": "补充材料", "petitioner_contact": "13700000000"})
    ws.user = User("赵刚", Role.LEADER)
    with ws.transaction() as s:
        found = identities.identity(s, petition_id)
        assert (found.name, found.contact) == (NAME, "13700000000")


def test_a_signed_petition_without_a_name_is_refused_and_nothing_is_stored(workspace: Workspace) -> None:
    with workspace.transaction() as s, pytest.raises(ValidationError) as refused:
        petitions.create(s, {"channel": "letter", "received_at": "2020-09-15T09:30", "summary": "反映问题",
                             "petitioner_contact": PHONE})
    assert refused.value.field == "petitioner_name"
    with workspace.transaction() as s:
        assert s.scalar(select(IdentityEnvelope.version)) is None and petitions.find(s) == []


def test_redaction_refuses_a_role_that_cannot_read_identities(as_member: Workspace) -> None:
    _register(as_member)
    with as_member.transaction() as s, pytest.raises(XunchaError) as refused:
        redaction.identities(s)
    assert refused.value.key == "identity_redaction_refused"


def test_redaction_strikes_every_identity_field(workspace: Workspace) -> None:
    _register(workspace)
    with workspace.transaction() as s:
        redact = redaction.identities(s)
        assert redact(f"据{NAME}反映，电话{PHONE}，身份证430102199001011234") == "据×××反映，电话×××，身份证×××"
        detail = s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "identity_view"))
        assert detail is not None and detail.startswith("redaction")


def test_an_altered_envelope_is_refused_and_changes_nothing(workspace: Workspace) -> None:
    petition_id = _register(workspace)
    with workspace.transaction() as s:
        envelope = s.scalars(select(IdentityEnvelope)).one()
        s.execute(update(IdentityEnvelope).values(blob=envelope.blob[:-1] + bytes([envelope.blob[-1] ^ 1])))
    with workspace.transaction() as s, pytest.raises(XunchaError) as refused:
        identities.identity(s, petition_id)
    assert refused.value.key == "identity_unreadable"
    with workspace.transaction() as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "identity_view")) is None


def test_an_envelope_moved_to_another_petition_does_not_open(workspace: Workspace) -> None:
    first = _register(workspace)
    second = _register(workspace, number="信-002")
    with workspace.transaction() as s:
        moved = s.scalars(select(IdentityEnvelope).where(IdentityEnvelope.petition_id == first)).one()
        s.execute(update(IdentityEnvelope).where(IdentityEnvelope.petition_id == second).values(blob=moved.blob))
    with workspace.transaction() as s, pytest.raises(XunchaError) as refused:
        identities.identity(s, second)
    assert refused.value.key == "identity_unreadable"


def test_a_session_without_keys_cannot_store_an_identity(workspace: Workspace, session: Session) -> None:
    del session.info["xuncha.identity_keys"]
    with pytest.raises(XunchaError) as refused:
        petitions.create(session, {"channel": "letter", "received_at": "2020-09-15T09:30", "summary": "反映问题",
                                   "petitioner_name": NAME})
    assert refused.value.key == "identity_no_keys"
