"""The evidence list's thumbnails' only door to data (kept out of controller.py, which another part owns).

Plain values out, no Qt, one short session per call, like the controller. Runs in a worker thread.
Reading a thumbnail's plaintext is not written to the chain of custody: an icon of a few dozen pixels
is drawn for every image row the list paints, and logging each would bury the real looks (the viewer's
and the editor's preview, which are logged) under hundreds of "viewed" events per scroll.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from xuncha_desktop.errors import XunchaError

if TYPE_CHECKING:
    from xuncha_desktop.workspace import Workspace

THUMBNAIL_SOURCE_LIMIT = 40_000_000  # bigger images get the file-type icon: decrypting them costs too much


@dataclass(frozen=True)
class StoredFile:
    sha256: str | None
    media_type: str | None
    size: int | None


def stored_files(workspace: Workspace, record_ids: Iterable[str]) -> dict[str, StoredFile]:
    """The stored file of each evidence record (records without one are absent)."""
    from sqlalchemy import select

    from xuncha_desktop.db.models.evidence import Evidence

    wanted = [uuid.UUID(i) for i in record_ids]
    if not wanted:
        return {}
    with workspace.session() as session:
        rows = session.execute(select(Evidence.id, Evidence.sha256, Evidence.media_type, Evidence.size)
                               .where(Evidence.id.in_(wanted), Evidence.deleted.is_(False)))
        return {str(row.id): StoredFile(row.sha256, row.media_type, row.size) for row in rows if row.sha256}


def image_plaintexts(workspace: Workspace, record_ids: Iterable[str],
                     cancelled: Callable[[], bool] = lambda: False) -> Iterator[tuple[str, bytes | None]]:
    """(record id, plaintext) of each image record, decrypted into memory only; None for a record whose
    file is not an image, too big, missing or damaged (the list shows its file-type icon instead)."""
    ids = list(record_ids)
    files = stored_files(workspace, ids)
    for record_id in ids:
        if cancelled():
            return
        found = files.get(record_id)
        if found is None or found.sha256 is None or not (found.media_type or "").startswith("image/") \
                or (found.size or 0) > THUMBNAIL_SOURCE_LIMIT:
            yield record_id, None
            continue
        try:
            yield record_id, workspace.evidence.read_bytes(found.sha256)
        except (XunchaError, OSError):
            yield record_id, None
