"""证据材料: evidence records, their files in the encrypted store, and the chain of custody."""

from __future__ import annotations

import mimetypes
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db import audit
from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.enums import CustodyAction, EvidenceObtained
from xuncha_desktop.db.models.evidence import CustodyEvent, Evidence
from xuncha_desktop.errors import InvalidRequest, XunchaError
from xuncha_desktop.evidence.store import CancelFlag, EvidenceStore, Progress
from xuncha_desktop.services import links
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.permissions import require_edit
from xuncha_desktop.services.records import NavPage, RecordService
from xuncha_desktop.services.registry import service_for

T = FieldType


class EvidenceService(RecordService[Evidence]):
    kind = "evidence"
    zh = "证据材料"
    en = "evidence"
    nav = NavPage("evidence", "证据材料", "Evidence", "evidence", 50)
    list_columns = ("title", "evidence_type", "obtained_how", "obtained_at", "file_name", "size", "unit_id")
    date_field = "obtained_at"
    category_field = "evidence_type"
    model = Evidence
    default_order = ("-created_at",)
    fields = (
        Field("round_id", "巡察轮次", "round", T.REF, ref="round"),
        Field("unit_id", "被巡察单位", "unit", T.REF, ref="unit"),
        Field("title", "证据名称", "title", T.STRING, required=True, max_length=300),
        Field("evidence_type", "证据类型", "type", T.VOCAB, vocabulary="evidence_type"),
        Field("source", "来源", "source", T.STRING, max_length=300),
        Field("provider", "提供人", "provider", T.STRING, max_length=100),
        Field("obtained_how", "取得方式", "obtained how", T.ENUM, enum=EvidenceObtained),
        Field("obtained_at", "取得时间", "obtained at", T.DATETIME),
        Field("pages", "页数", "pages", T.INT),
        Field("file_name", "原文件名", "file name", T.STRING, max_length=300, read_only=True),
        Field("media_type", "文件类型", "media type", T.STRING, max_length=100, read_only=True),
        Field("size", "文件大小", "file size", T.INT, read_only=True),
        Field("sha256", "SHA-256", "SHA-256", T.STRING, read_only=True),
        Field("notes", "备注", "notes", T.TEXT),
    )

    def title(self, record: Evidence) -> str:
        return record.title

    def add_file(self, session: Session, store: EvidenceStore, path: Path, data: dict[str, Any] | None = None,
                 link_to: Sequence[tuple[str, uuid.UUID | str]] = (), progress: Progress | None = None,
                 cancelled: CancelFlag | None = None) -> Evidence:
        """Stores the file (once per content), records it as evidence and links it to records.

        Raises Cancelled if ``cancelled`` turns true; the store then holds no part of the file.
        """
        require_edit(session, self.kind)  # before the copy: a refusal leaves nothing in the store
        fields = dict(data or {})
        fields.setdefault("title", path.stem)
        # Validate before the (possibly long) copy, so bad input costs nothing.
        for kind, record_id in link_to:
            service_for(kind).get(session, record_id)
            links._orient("evidence", kind)
        sha256, size = store.put_file(path, progress, cancelled)
        record = self.create(session, fields)
        record.file_name = path.name
        record.media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        record.size = size
        record.sha256 = sha256
        session.flush()
        self.add_custody(session, record.id, CustodyAction.STORED, context_of(session).actor,
                         note=f"入库 {path.name}")
        for kind, record_id in link_to:
            links.link(session, "evidence", record.id, kind, record_id)
        return record

    def extract(self, session: Session, store: EvidenceStore, evidence_id: uuid.UUID | str, out: Path,
                overwrite: bool = False) -> Evidence:
        """Writes the evidence file's plaintext to ``out`` after checking its hash; logged in custody."""
        record = self.get(session, evidence_id)
        if record.sha256 is None:
            raise InvalidRequest("evidence_no_file", title=record.title)
        if out.exists() and not overwrite:
            raise InvalidRequest("output_exists", path=str(out))
        store.extract(record.sha256, out)
        self.add_custody(session, record.id, CustodyAction.EXTRACTED, context_of(session).actor,
                         note=f"导出至 {out.name}")
        audit.record(session, "extract", self.kind, record.id)
        return record

    def add_custody(self, session: Session, evidence_id: uuid.UUID, action: CustodyAction | str, holder: str,
                    note: str | None = None) -> CustodyEvent:
        event = CustodyEvent(evidence_id=evidence_id, at=context_of(session).now(), action=str(action),
                             holder=holder, note=note)
        session.add(event)
        session.flush()
        return event

    def custody(self, session: Session, evidence_id: uuid.UUID) -> list[CustodyEvent]:
        return list(session.scalars(select(CustodyEvent).where(CustodyEvent.evidence_id == evidence_id,
                                                               CustodyEvent.deleted.is_(False))
                                    .order_by(CustodyEvent.at, CustodyEvent.id)))

    def verify_file(self, session: Session, store: EvidenceStore, evidence_id: uuid.UUID | str) -> bool:
        record = self.get(session, evidence_id)
        if record.sha256 is None:
            raise XunchaError("evidence_no_file", title=record.title)
        return store.verify(record.sha256)

    def extra_dict(self, session: Session, record: Evidence) -> dict[str, Any]:
        return {"custody": [{"at": e.at.isoformat(), "action": e.action, "holder": e.holder, "note": e.note}
                            for e in self.custody(session, record.id)]}


service = EvidenceService()
