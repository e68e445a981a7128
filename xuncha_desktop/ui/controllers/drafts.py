"""The interview form's drafts: what the form saves, restores and drops, sealed by the core's
:class:`xuncha_desktop.drafts.DraftStore` (this controller only forwards; it knows no key and no file)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from xuncha_desktop.drafts import DraftStore

if TYPE_CHECKING:
    from xuncha_desktop.workspace import Workspace


class DraftsController:
    def __init__(self, workspace: Workspace) -> None:
        self._store = DraftStore(workspace)

    def save(self, key: str, payload: dict[str, Any]) -> None:
        """Replaces the draft ``key`` with ``payload`` (JSON values); raises OSError when the disk fails."""
        self._store.save(key, payload)

    def load(self, key: str) -> dict[str, Any] | None:
        """The draft's values, or None when there is none or it cannot be opened."""
        return self._store.load(key)

    def discard(self, key: str) -> None:
        self._store.discard(key)

    def keys(self) -> list[str]:
        """The keys of the drafts left, e.g. by a crash, sorted."""
        return self._store.keys()
