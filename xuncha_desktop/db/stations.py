"""The hub's stations and shared files, below the workspace (which opens a station) and the hub's use cases.

A station's folder holds copies of the hub's key files; the hub database holds the originals
(``hub_files``). :func:`pull` refreshes the copies before a station unlocks, :func:`push` writes a changed key
file back over the version the station read (refusing to overwrite another station's change).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, make_url, select, update
from sqlalchemy.orm import Session

from xuncha_desktop import files
from xuncha_desktop.db.models.stations import HubFile, Station
from xuncha_desktop.errors import InvalidRequest, NotFound, XunchaError

KEY_FILES = ("master-key.json", "device-secrets.json", "device-public.json")
SETTINGS = "hub.json"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def publish(session: Session, keys_folder: Path, settings: dict[str, Any]) -> None:
    """Stores the key files of ``keys_folder`` and the hub's ``settings`` in the hub (at its creation)."""
    for name in KEY_FILES:
        document = json.loads((keys_folder / name).read_text(encoding="utf-8"))
        session.add(HubFile(name=name, document=document, version=1, updated_at=_now()))
    session.add(HubFile(name=SETTINGS, document=settings, version=1, updated_at=_now()))


def settings(engine: Engine, url: str) -> dict[str, Any]:
    """The hub's settings (device id and name, evidence store, time zone). Raises ``hub_not_a_hub``."""
    with Session(engine) as session:
        found = session.get(HubFile, SETTINGS) if inspect(engine).has_table(HubFile.__tablename__) else None
        if found is None:
            raise XunchaError("hub_not_a_hub", url=make_url(url).render_as_string(hide_password=True))
        return dict(found.document)


def pull(engine: Engine, keys_folder: Path) -> dict[str, int]:
    """Writes the hub's key files into ``keys_folder`` (atomically, private); returns the versions read."""
    versions: dict[str, int] = {}
    with Session(engine) as session:
        for row in session.scalars(select(HubFile).where(HubFile.name.in_(KEY_FILES))):
            text = json.dumps(row.document, ensure_ascii=False, indent=2).encode("utf-8")
            target = keys_folder / row.name
            if not target.exists() or target.read_bytes() != text:
                files.write_bytes(target, text)
            versions[row.name] = row.version
    return versions


def push(session: Session, name: str, document: dict[str, Any], versions: dict[str, int]) -> None:
    """Writes key file ``name`` back to the hub in ``session``'s transaction, over the version this station
    read; raises XunchaError ``hub_files_changed`` when another station wrote it since."""
    read = versions.get(name, 0)
    done = session.execute(update(HubFile).where(HubFile.name == name, HubFile.version == read)
                           .values(document=document, version=read + 1, updated_at=_now()))
    if getattr(done, "rowcount", 0) != 1:
        raise XunchaError("hub_files_changed", name=name)
    versions[name] = read + 1


def enroll(session: Session, station_id: uuid.UUID, name: str, user_name: str, by: str) -> Station:
    """Enrols a station (a person's login at a desk). Raises InvalidRequest ``hub_station_exists``."""
    clean = name.strip()
    if session.scalar(select(Station.id).where(Station.name == clean)) is not None:
        raise InvalidRequest("hub_station_exists", name=clean)
    station = Station(id=station_id, name=clean, user_name=user_name, enrolled_at=_now(), enrolled_by=by,
                      last_seen_at=_now(), retired=False)
    session.add(station)
    session.flush()
    return station


def check_station(engine: Engine, station_id: uuid.UUID, name: str) -> None:
    """Raises XunchaError ``hub_station_retired`` / NotFound ``hub_station_unknown`` for a station that may not
    open the hub."""
    with Session(engine) as session:
        station = session.get(Station, station_id)
        if station is None:
            known = "、".join(session.scalars(select(Station.name).order_by(Station.name))) or "—"
            raise NotFound("hub_station_unknown", name=name, stations=known)
        if station.retired:
            raise XunchaError("hub_station_retired", name=name)


def seen(session: Session, station_id: uuid.UUID) -> None:
    station = session.get(Station, station_id)
    if station is not None:
        station.last_seen_at = _now()


def stations(session: Session) -> list[Station]:
    return list(session.scalars(select(Station).order_by(Station.name)))


def retire(session: Session, name: str) -> Station:
    station = session.scalar(select(Station).where(Station.name == name.strip()))
    if station is None:
        known = "、".join(s.name for s in stations(session)) or "—"
        raise NotFound("hub_station_unknown", name=name, stations=known)
    station.retired = True
    return station
