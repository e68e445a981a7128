"""The office hub's stations and the hub's shared files (see docs/hub.md). Neither travels.

A station is one person's login at one desk, enrolled in the hub: it writes the hub's change-log stream
(the hub's device id, numbers handed out by the database) and its own audit chain (its id is that chain's
device id), so every look and change says from which desk it came. ``hub_files`` holds the hub's key files
(the user key slots, the sealed device secrets, the public keys) and its settings, as the folder of a
workspace would: every station takes them from here when it opens, and a change made at one station (a user
added, a passphrase changed) reaches the others.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base


class Station(Base):
    __tablename__ = "hub_stations"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    user_name: Mapped[str] = mapped_column(String(100))
    enrolled_at: Mapped[dt.datetime]
    enrolled_by: Mapped[str] = mapped_column(String(100))
    last_seen_at: Mapped[dt.datetime | None]
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class HubFile(Base):
    """One of the hub's key files or settings (``master-key.json``, ``device-secrets.json``, ...), as JSON.

    ``version`` grows with every write; a station writes only over the version it read (no silent overwrite
    of another station's change to the key slots)."""

    __tablename__ = "hub_files"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime]
