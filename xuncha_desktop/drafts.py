"""Drafts of records being typed, so a crash loses at most about a second of typing.

A draft is one file ``<workspace>/drafts/<key>.draft``: the form's values as JSON, sealed with
AES-256-GCM under a subkey of the workspace's master key (nothing is stored in plain text) and bound to the
device, written atomically (:func:`xuncha_desktop.files.write_bytes`), so a kill at any moment leaves
either the previous draft or the new one, never half of one. The draft is removed once the record is saved.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xuncha_desktop import files
from xuncha_desktop.security import keys

if TYPE_CHECKING:
    from xuncha_desktop.workspace import Workspace

SUFFIX = ".draft"


class DraftStore:
    """The sealed drafts of one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.folder = workspace.path / "drafts"
        self.folder.mkdir(mode=0o700, exist_ok=True)
        self._key = workspace.subkey("drafts")
        self._context = workspace.info.device_id.bytes

    def _path(self, key: str) -> Path:
        safe = "".join(c for c in key if c.isalnum() or c in "-_")
        return self.folder / f"{safe}{SUFFIX}"

    def save(self, key: str, payload: dict[str, Any]) -> None:
        """Seals ``payload`` (JSON values) and replaces the draft ``key``; raises OSError when the disk fails."""
        sealed = keys.seal(self._key, payload, self._context)
        files.write_bytes(self._path(key), json.dumps(sealed).encode("ascii"))

    def load(self, key: str) -> dict[str, Any] | None:
        """The draft's values; None when there is none or it is damaged or sealed by another key."""
        path = self._path(key)
        try:
            document = json.loads(path.read_text(encoding="ascii"))
            return keys.unseal(self._key, document, self._context)
        except Exception:  # a damaged draft is not worth a crash
            return None

    def discard(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def keys(self) -> list[str]:
        return sorted(p.name[:-len(SUFFIX)] for p in self.folder.glob(f"*{SUFFIX}"))
