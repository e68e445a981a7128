"""问题线索移交: clues handed over to the 纪委监委 or the 组织部.

The group lists the clues it transfers (``clue_ids``: clues of the transfer's unit and round, under analysis
(研判), each in no other transfer), to whom, the letter's number and date; the 移交函 and its annex
问题线索移交清单 are printed from it (``publishing.transfer``). When the receiving body signs for it,
:func:`receive` records who and when and moves every listed clue from 研判 to 移交, with the recipient as
its receiving body; from then on the list cannot change. The receiving body's result closes each clue
(移交 → 办结) as before.

Creating and editing a transfer is editing records (组长, 副组长, 组员, 巡察办); recording the receipt is a
disposal of clues (``Action.DISPOSE``: 组长, 巡察办), as the step to 移交 is.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop import local_time
from xuncha_desktop.db import audit
from xuncha_desktop.db.enums import ClueSource, ClueStatus, ProposedDisposition, TransferRecipient
from xuncha_desktop.db.models import Clue, Evidence, Interview
from xuncha_desktop.db.models.transfers import ClueTransfer
from xuncha_desktop.errors import ValidationError, XunchaError
from xuncha_desktop.reports.data import TransferItem, TransferLetterData
from xuncha_desktop.services import clues as clue_family
from xuncha_desktop.services import identities as identity_store
from xuncha_desktop.services import links, permissions
from xuncha_desktop.services import rounds as round_family
from xuncha_desktop.services.feedback import inspecting_group
from xuncha_desktop.services.fields import Field, FieldType, coerce, is_empty
from xuncha_desktop.services.permissions import Action
from xuncha_desktop.services.records import RecordService
from xuncha_desktop.services.redaction import Redactor, name_forms, redactor
from xuncha_desktop.services.rounds import service as rounds
from xuncha_desktop.services.units import service as units

T = FieldType

# The names a 移交函 is addressed to when the transfer names none.
DEFAULT_ADDRESSEES = {TransferRecipient.DISCIPLINE.value: "市纪委监委",
                      TransferRecipient.ORGANISATION.value: "市委组织部"}


class ClueTransferService(RecordService[ClueTransfer]):
    kind = "clue_transfer"
    zh = "问题线索移交"
    en = "clue transfer"
    # A tab of 轮次与单位 with the round's other paperwork (a page of its own would shift Ctrl+1…9 and push
    # 同步 beyond Ctrl+9).
    nav = round_family.PAGE
    list_columns = ("number", "recipient", "issued_on", "unit_id", "received_by", "received_at")
    model = ClueTransfer
    default_order = ("-created_at",)
    fields = (
        Field("round_id", "巡察轮次", "round", T.REF, required=True, ref="round"),
        Field("unit_id", "被巡察单位", "unit", T.REF, required=True, ref="unit"),
        Field("recipient", "移交对象", "recipient", T.ENUM, required=True, enum=TransferRecipient),
        Field("recipient_name", "主送机关", "addressed to", T.STRING, max_length=200),
        Field("number", "移交函文号", "letter number", T.STRING, max_length=100),
        Field("issued_on", "移交日期", "issued on", T.DATE),
        Field("clue_ids", "移交线索", "clues", T.REFS, default=list, ref="clue"),
        Field("received_by", "签收人", "received by", T.STRING, max_length=100, read_only=True),
        Field("received_at", "签收时间", "received at", T.DATETIME, read_only=True),
        Field("notes", "备注", "notes", T.TEXT),
    )

    def title(self, record: ClueTransfer) -> str:
        return record.number or f"{TransferRecipient(record.recipient).zh} {record.issued_on or ''}".strip()

    def update(self, session: Session, record_id: uuid.UUID | str, data: Mapping[str, Any],
               base_hlc: str | None = None) -> ClueTransfer:
        record = self.get(session, record_id)
        given = data.get("clue_ids")
        if record.received_at is not None and isinstance(given, list) and \
                {str(key) for key in given} == set(record.clue_ids or []):
            # a form sends the list back in its own order: the same clues are no change to a received transfer
            data = {key: value for key, value in data.items() if key != "clue_ids"}
        return super().update(session, record_id, data, base_hlc)

    def before_update(self, session: Session, record: ClueTransfer, changed: set[str]) -> None:
        super().before_update(session, record, changed)
        if record.received_at is not None and changed & {"clue_ids", "unit_id", "round_id", "recipient"}:
            raise ValidationError("transfer_received", sorted(changed)[0], transfer=self.title(record),
                                  at=local_time.text(record.received_at), by=record.received_by or "")

    def validate(self, session: Session, record: ClueTransfer, changed: set[str], is_new: bool) -> None:
        if record.received_at is not None or not (is_new or "clue_ids" in changed or "unit_id" in changed
                                                  or "round_id" in changed):
            return
        ids = list(dict.fromkeys(record.clue_ids or []))
        record.clue_ids = ids
        others = _listed_elsewhere(session, record.id)
        for clue in listed_clues(session, ids):
            name = clue_family.service.title(clue)
            if clue.unit_id != record.unit_id or (clue.round_id is not None and clue.round_id != record.round_id):
                raise ValidationError("transfer_clue_unit", "clue_ids", clue=name)
            if clue.status != ClueStatus.ANALYSING:
                raise ValidationError("transfer_clue_status", "clue_ids", clue=name,
                                      status=ClueStatus(clue.status).zh)
            if str(clue.id) in others:
                raise ValidationError("transfer_clue_twice", "clue_ids", clue=name, transfer=others[str(clue.id)])


def listed_clues(session: Session, ids: list[str]) -> list[Clue]:
    """The clues of ``ids`` in that order. Raises ValidationError (``field_ref_missing``) for an id that is
    not a live clue."""
    found = []
    for key in ids:
        clue = session.get(Clue, uuid.UUID(key))
        if clue is None or clue.deleted:
            raise ValidationError("field_ref_missing", "clue_ids", field_zh="移交线索", ref="clue",
                                  ref_zh="问题线索", value=key)
        found.append(clue)
    return found


def _listed_elsewhere(session: Session, transfer_id: uuid.UUID | None) -> dict[str, str]:
    """Clue id → the title of another live transfer listing it."""
    listed: dict[str, str] = {}
    for other in session.scalars(select(ClueTransfer).where(ClueTransfer.deleted.is_(False))):
        if other.id != transfer_id:
            for key in other.clue_ids or []:
                listed[key] = service.title(other)
    return listed


def addressee(record: ClueTransfer) -> str:
    return (record.recipient_name or "").strip() or DEFAULT_ADDRESSEES[record.recipient]


def receive(session: Session, transfer_id: uuid.UUID | str, received_by: str,
            received_at: dt.datetime | str | None = None) -> ClueTransfer:
    """Records that the recipient signed for the transfer (``received_at`` a time or its text as typed,
    in the workspace's zone; now when None) and moves each listed clue 研判 → 移交 (its receiving body the
    transfer's addressee). Raises PermissionDenied (``dispose``) before anything changes,
    ValidationError: ``transfer_receipt_needs`` (no name), ``transfer_received`` (already received),
    ``transfer_no_clues``, or a clue's step refused (no longer under analysis)."""
    permissions.require(session, Action.DISPOSE)
    record = service.get(session, transfer_id)
    if is_empty((received_by or "").strip()):
        raise ValidationError("transfer_receipt_needs", "received_by")
    if record.received_at is not None:
        raise ValidationError("transfer_received", "received_at", transfer=service.title(record),
                              at=local_time.text(record.received_at), by=record.received_by or "")
    at = coerce(service.field("received_at"), received_at) if received_at not in (None, "") else None
    clues = listed_clues(session, list(record.clue_ids or []))
    if not clues:
        raise ValidationError("transfer_no_clues", "clue_ids")
    body = f"{addressee(record)}（{TransferRecipient(record.recipient).zh}）"
    for clue in clues:
        clue_family.service.set_status(session, clue.id, ClueStatus.TRANSFERRED, receiving_body=body[:200])
    record.received_by = received_by.strip()[:100]
    record.received_at = at or local_time.now()
    session.flush()
    audit.record(session, "update", service.kind, record.id, detail="received")
    return record


service = ClueTransferService()


def letter_redactor(session: Session) -> tuple[frozenset[str], frozenset[str]]:
    """The name and contact forms of every petitioner (never printed) and of every interviewee (printed only
    where the interviewee is a person the clue involves). Raises XunchaError ``identity_redaction_refused``
    for a role that may not read the identities."""
    if not identity_store.can_read(session):
        raise XunchaError("identity_redaction_refused", role=identity_store.role_name(session))
    petitioners = identity_store.all_identities(session, "redaction")
    fixed = redactor([p.name for p in petitioners],
                     [value for p in petitioners for value in (p.contact, p.id_number, p.address)]).forms
    interviewees = redactor(session.scalars(select(Interview.interviewee_name)).all()).forms
    return fixed, interviewees


def letter_data(session: Session, transfer_id: uuid.UUID | str, issued_on: dt.date | None = None,
                marking: str | None = None) -> TransferLetterData:
    """The 移交函 and its 问题线索移交清单. Persons involved are named as recorded (the point of a transfer);
    petitioners' identities are struck out of every text, and interviewees' too unless the interviewee is
    one of the clue's persons involved. Raises NotFound, ValidationError (a listed clue gone),
    XunchaError ``identity_redaction_refused``."""
    record = service.get(session, transfer_id)
    unit = units.get(session, record.unit_id)
    the_round = rounds.get(session, record.round_id)
    group = inspecting_group(session, the_round.id, unit.id)
    fixed, interviewees = letter_redactor(session)
    items = []
    for index, clue in enumerate(listed_clues(session, list(record.clue_ids or [])), 1):
        persons = clue.persons_involved or ""
        redact = Redactor(fixed | (interviewees - {f for n in re.split(r"[、,，;；\s]+", persons) if n
                                                   for f in name_forms(n)}))
        evidence = [redact(e.title) for e in (session.get(Evidence, key)
                                              for key in links.linked_ids(session, "clue", clue.id, "evidence"))
                    if e is not None and not e.deleted]
        items.append(TransferItem(
            index=index, number=clue.number or "", persons=persons, summary=redact(clue.description),
            source=ClueSource(clue.source_kind).zh,
            disposition=ProposedDisposition(clue.proposed_disposition).zh if clue.proposed_disposition else "",
            evidence=evidence))
    received = ""
    if record.received_at is not None:
        received = f"{record.received_by or ''} {local_time.text(record.received_at, '%Y年%m月%d日 %H:%M')} 签收"
    recipient = TransferRecipient(record.recipient).zh
    return TransferLetterData(
        title=f"关于移交{unit.name}问题线索的函", number=record.number or "", addressee=addressee(record),
        recipient_kind=recipient, unit_name=unit.name, round_name=the_round.name,
        group_name=group.name if group else "巡察组", items=items,
        issued_on=issued_on or record.issued_on or local_time.today(), received=received, marking=marking)
