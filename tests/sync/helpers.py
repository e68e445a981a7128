"""Replicas for sync tests: cheap workspaces that trust each other."""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

from tests.conftest import PASSPHRASE
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.sync.dump import canonical_dump
from xuncha_desktop.workspace import Workspace


def make(path: Path, name: str) -> Workspace:
    return Workspace.create(path, name, PASSPHRASE, kdf=KdfParams.cheap(), user_name=name)


def trust_all(workspaces: list[Workspace]) -> None:
    for ws in workspaces:
        with ws.transaction() as session:
            for other in workspaces:
                if other is not ws:
                    sync_service.trust(session, ws, sync_service.own_keys(other))


def dump(ws: Workspace) -> dict[str, Any]:
    with ws.transaction() as session:
        return canonical_dump(session)


def digest(ws: Workspace) -> str:
    text = json.dumps(dump(ws), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def store_files(ws: Workspace) -> dict[str, bytes]:
    return {str(p.relative_to(ws.evidence.root)): p.read_bytes()
            for p in sorted(ws.evidence.root.rglob("*")) if p.is_file()}


def send(source: Workspace, target: Workspace, folder: Path, everything: bool = False) -> Path:
    out = folder / f"{uuid.uuid4()}.xcpkg"
    sync_service.export(source, out, to=sync_service.own_keys(target), everything=everything)
    return out
