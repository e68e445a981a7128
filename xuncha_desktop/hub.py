"""The office hub: one PostgreSQL database that several stations (a person's login at a desk) open at once.

``create`` makes the hub from its first station; ``join`` enrols another desk; both leave a station folder
(the hub's key files, copied from the database at every opening, the station's own log and workspace.json
naming the hub, the station and the shared evidence folder) that ``Workspace.open`` opens like any
workspace. The design — one change-log stream whose numbers the database hands out, one audit chain per
station, refusal of a save over another station's change, one import at a time — is in docs/hub.md and
db/concurrency.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import uuid
from pathlib import Path

from sqlalchemy import URL
from sqlalchemy.orm import Session

from xuncha_desktop import files
from xuncha_desktop.db import audit, stations
from xuncha_desktop.db.engine import make_engine
from xuncha_desktop.db.models.stations import Station
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.security import keys, slots
from xuncha_desktop.security.roles import Role
from xuncha_desktop.services.permissions import Action, require
from xuncha_desktop.workspace import Workspace, WorkspaceInfo, is_workspace, refuse_cleared


def hub_url(server: str, database: str, user: str) -> str:
    """The URL of a hub from what a person types: ``server`` as ``host`` or ``host:port``. The database role's
    password is not part of it (it comes from ~/.pgpass or PGPASSWORD), since the URL is kept in workspace.json."""
    host, _, port = server.strip().partition(":")
    return URL.create("postgresql+psycopg", username=user.strip() or None, host=host or None,
                      port=int(port) if port.isdigit() else None,
                      database=database.strip()).render_as_string(hide_password=False)


def _write_info(path: Path, info: WorkspaceInfo) -> None:
    files.write_bytes(path / "workspace.json", json.dumps(info.to_json(), ensure_ascii=False, indent=2).encode())


def create(path: Path, device_name: str, passphrase: str, database_url: str, station: str,
           evidence_store: Path | None = None, user_name: str | None = None,
           kdf: keys.KdfParams | None = None, role: Role = Role.OFFICE) -> Workspace:
    """Makes the hub in the (empty) database ``database_url`` with its first station at ``path``, whose user
    (the office, or a leader) adds the others. ``evidence_store`` is the shared folder every station reaches
    (default: the station folder's own, for a one-desk hub). Returns the opened station."""
    if evidence_store is not None:
        evidence_store.mkdir(mode=0o700, parents=True, exist_ok=True)
    ws = Workspace.create(path, device_name, passphrase, kdf=kdf, user_name=user_name, database_url=database_url,
                          role=role)
    try:
        station_id = uuid.uuid4()
        info = dataclasses.replace(ws.info, station_id=station_id, station_name=station.strip(),
                                   evidence_path=str(evidence_store) if evidence_store else None)
        settings = {"device_id": str(info.device_id), "device_name": info.device_name,
                    "evidence_path": info.evidence_path, "time_zone": info.time_zone,
                    "max_clock_ahead_minutes": info.max_clock_ahead_minutes, "created_at": info.created_at}
        with ws.transaction() as session:
            stations.publish(session, path / "keys", settings)
            stations.enroll(session, station_id, station, ws.user.name, ws.user.name)
            audit.record(session, "hub_created", detail=f"station {station.strip()}")
        user = ws.user.name
    finally:
        ws.close()
    _write_info(path, info)
    return Workspace.open(path, passphrase, user)


def join(path: Path, database_url: str, station: str, passphrase: str, user: str | None = None) -> Workspace:
    """Enrols this desk as ``station`` of the hub at ``database_url`` for ``user`` (whose key slot the
    passphrase must open: the hub's users are the hub's, added with ``xuncha users add`` at any station).
    Leaves nothing behind when it fails. Raises XunchaError ``hub_not_a_hub``, ``workspace_exists``,
    InvalidRequest ``hub_station_exists``, WrongPassphrase."""
    refuse_cleared(path)
    if is_workspace(path):
        raise XunchaError("workspace_exists", path=str(path))
    engine = make_engine(database_url)
    made = not path.exists()
    try:
        settings = stations.settings(engine, database_url)
        for sub in ("keys", "logs", "backups", "evidence"):
            (path / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
        stations.pull(engine, path / "keys")
        device_id = uuid.UUID(settings["device_id"])
        keyfile = json.loads((path / "keys" / "master-key.json").read_text(encoding="utf-8"))
        unlocked = slots.open_slot(slots.choose(keyfile, user, ""), passphrase, device_id.bytes)  # proves it first
        info = WorkspaceInfo(device_id=device_id, device_name=str(settings["device_name"]),
                             user_name=unlocked.user.name,
                             created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                             database_url=database_url,
                             max_clock_ahead_minutes=int(settings.get("max_clock_ahead_minutes", 15)),
                             time_zone=str(settings.get("time_zone")), station_id=uuid.uuid4(),
                             station_name=station.strip(), evidence_path=settings.get("evidence_path"))
        assert info.station_id is not None
        with Session(engine) as session, session.begin():
            stations.enroll(session, info.station_id, station, unlocked.user.name, unlocked.user.name)
        _write_info(path, info)
    except BaseException:
        if made:
            shutil.rmtree(path, ignore_errors=True)
        raise
    finally:
        engine.dispose()
    ws = Workspace.open(path, passphrase, unlocked.user.name)
    with ws.transaction() as session:
        audit.record(session, "station_enrolled", detail=f"station {info.station_name}, user {unlocked.user.name}")
    return ws


def list_stations(ws: Workspace) -> list[Station]:
    with ws.transaction() as session:
        return stations.stations(session)


def retire(ws: Workspace, name: str) -> Station:
    """Stops station ``name`` from opening the hub (a desk given up, a laptop lost). Office or leader only."""
    with ws.transaction() as session:
        require(session, Action.MANAGE_STATIONS)
        station = stations.retire(session, name)
        audit.record(session, "station_retired", detail=f"station {station.name}")
        return station
