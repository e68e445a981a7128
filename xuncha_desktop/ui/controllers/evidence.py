"""Evidence files for the window: storing, looking (recorded in the chain of custody), checking, exporting a
copy, and the plaintexts the list's thumbnails are made from. Plain values out, one session per call, no Qt.

Reading a thumbnail's plaintext is not written to the chain of custody: an icon of a few dozen pixels is
drawn for every image row the list paints, and logging each would bury the real looks (the viewer's and the
editor's preview, which are logged) under hundreds of "viewed" events per scroll.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from xuncha_desktop import local_time
from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.enums import CustodyAction
from xuncha_desktop.db.models.evidence import Evidence
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.services import evidence as evidence_service
from xuncha_desktop.ui.controllers.jobs import CancelFlag, Job, Progress

if TYPE_CHECKING:
    from xuncha_desktop.workspace import Workspace

THUMBNAIL_SOURCE_LIMIT = 40_000_000  # bigger images get the file-type icon: decrypting them costs too much
VIEW_LIMIT = 50_000_000


@dataclass(frozen=True)
class StoredFile:
    sha256: str | None
    media_type: str | None
    size: int | None


@dataclass(frozen=True)
class Content:
    """An evidence file's plaintext, held in memory only."""

    media_type: str
    data: bytes


class EvidenceController:
    def __init__(self, workspace: Workspace, lang: str = "zh") -> None:
        self._workspace = workspace
        self.lang = lang

    def add(self, path: Path, data: Mapping[str, Any] | None = None, link_to: Sequence[tuple[str, str]] = (),
            progress: Progress | None = None, cancelled: CancelFlag | None = None) -> str:
        """Stores a file as evidence, linked to ``link_to`` ((kind, id) pairs); returns the new record's id.
        Raises ``Cancelled`` (nothing stored) when ``cancelled()`` turns true, and what the service raises."""
        ws = self._workspace
        with ws.transaction() as session:
            record = evidence_service.service.add_file(session, ws.evidence, path, dict(data or {}), list(link_to),
                                                       progress, cancelled)
            return str(record.id)

    def record(self, evidence_id: str) -> dict[str, Any]:
        """The evidence record's fields as JSON values (the look is audited, as any record's)."""
        with self._workspace.transaction() as session:
            service = evidence_service.service
            return service.to_dict(session, service.read(session, evidence_id))

    def custody(self, evidence_id: str) -> list[tuple[str, str, str, str]]:
        """(local time, action label, holder, note) of each custody event, oldest first."""
        with self._workspace.session() as session:
            events = evidence_service.service.custody(session, uuid.UUID(evidence_id))
            return [(local_time.text(e.at),
                     CustodyAction(e.action).zh if self.lang == "zh" else CustodyAction(e.action).en,
                     e.holder, e.note or "") for e in events]

    def content(self, evidence_id: str, limit: int = VIEW_LIMIT) -> Content | None:
        """The file for the viewer, in memory only; the look is recorded in the chain of custody. None when
        the record has no file or it is bigger than ``limit``."""
        ws = self._workspace
        with ws.transaction() as session:
            record = evidence_service.service.get(session, evidence_id)
            if record.sha256 is None or (record.size or 0) > limit:
                return None
            data = ws.evidence.read_bytes(record.sha256)
            evidence_service.service.add_custody(session, record.id, CustodyAction.VIEWED, context_of(session).actor)
            return Content(record.media_type or "", data)

    def verify(self, evidence_id: str) -> bool:
        """Whether the stored file still hashes to the record's SHA-256."""
        with self._workspace.session() as session:
            return evidence_service.service.verify_file(session, self._workspace.evidence, evidence_id)

    def extract(self, evidence_id: str, out: Path) -> None:
        """Writes a checked copy to ``out`` (replacing it); recorded in the custody and the audit log."""
        with self._workspace.transaction() as session:
            evidence_service.service.extract(session, self._workspace.evidence, evidence_id, out, overwrite=True)

    # ---- thumbnails ------------------------------------------------------------------------------
    def stored_files(self, record_ids: Iterable[str]) -> dict[str, StoredFile]:
        """The stored file of each evidence record (records without one are absent)."""
        wanted = [uuid.UUID(i) for i in record_ids]
        if not wanted:
            return {}
        with self._workspace.session() as session:
            rows = session.execute(select(Evidence.id, Evidence.sha256, Evidence.media_type, Evidence.size)
                                   .where(Evidence.id.in_(wanted), Evidence.deleted.is_(False)))
            return {str(row.id): StoredFile(row.sha256, row.media_type, row.size) for row in rows if row.sha256}

    def image_plaintexts(self, record_ids: Iterable[str],
                         cancelled: CancelFlag = lambda: False) -> Iterator[tuple[str, bytes | None]]:
        """(record id, plaintext) of each image record, decrypted into memory only; None for a record whose
        file is not an image, too big, missing or damaged (the list shows its file-type icon instead)."""
        ids = list(record_ids)
        found_files = self.stored_files(ids)
        for record_id in ids:
            if cancelled():
                return
            found = found_files.get(record_id)
            if found is None or found.sha256 is None or not (found.media_type or "").startswith("image/") \
                    or (found.size or 0) > THUMBNAIL_SOURCE_LIMIT:
                yield record_id, None
                continue
            try:
                yield record_id, self._workspace.evidence.read_bytes(found.sha256)
            except (XunchaError, OSError):
                yield record_id, None


# ---- jobs ----------------------------------------------------------------------------------------------
class AddEvidenceJob(Job[str]):
    """Stores one file as evidence (encrypting it is the long part); the result is the new record's id.
    Progress counts bytes; Cancel leaves nothing stored."""

    def __init__(self, controller: EvidenceController, path: Path, defaults: Mapping[str, Any],
                 link_to: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.controller, self.path, self.defaults, self.link_to = controller, path, dict(defaults), list(link_to)

    def work(self, progress: Progress, cancelled: CancelFlag) -> str:
        return self.controller.add(self.path, self.defaults, self.link_to, progress, cancelled)


class EvidenceContentJob(Job[Content | None]):
    def __init__(self, controller: EvidenceController, evidence_id: str) -> None:
        super().__init__()
        self.controller, self.evidence_id = controller, evidence_id

    def work(self, progress: Progress, cancelled: CancelFlag) -> Content | None:
        return self.controller.content(self.evidence_id)


class VerifyEvidenceJob(Job[bool]):
    def __init__(self, controller: EvidenceController, evidence_id: str) -> None:
        super().__init__()
        self.controller, self.evidence_id = controller, evidence_id

    def work(self, progress: Progress, cancelled: CancelFlag) -> bool:
        return self.controller.verify(self.evidence_id)


class ExtractEvidenceJob(Job[Path]):
    def __init__(self, controller: EvidenceController, evidence_id: str, out: Path) -> None:
        super().__init__()
        self.controller, self.evidence_id, self.out = controller, evidence_id, out

    def work(self, progress: Progress, cancelled: CancelFlag) -> Path:
        self.controller.extract(self.evidence_id, self.out)
        return self.out

