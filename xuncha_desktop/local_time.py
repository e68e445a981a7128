"""The one rule for time: everything shown, typed or printed is in the workspace's time zone.

The computer's clock may be set to UTC or to a zone the laptop was bought in; an inspection group works in
China's time, and its records, screens and documents must agree (an interview typed as 09:00 is printed as
09:00 and shown as 09:00, and Ctrl+T stamps the same clock). The zone is the workspace's (`time_zone` in
workspace.json, Asia/Shanghai by default), set when the workspace opens; times are stored in UTC.
"""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"

_lock = threading.Lock()
_zone: dt.tzinfo = ZoneInfo(DEFAULT_ZONE)


def use(name: str) -> None:
    """Makes ``name`` (an IANA zone such as Asia/Shanghai) the zone of everything shown and typed. Raises
    ValueError for a zone that does not exist."""
    global _zone
    try:
        found = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc
    with _lock:
        _zone = found


def zone() -> dt.tzinfo:
    return _zone


def now() -> dt.datetime:
    """The current time in the workspace's zone (aware)."""
    return dt.datetime.now(_zone)


def today() -> dt.date:
    """Today's date where the group works (not where the computer's clock thinks it is)."""
    return now().date()


def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in the workspace's zone; a naive value is taken as UTC (how the database stores times)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(_zone)


def assume_local(moment: dt.datetime) -> dt.datetime:
    """A time typed without a zone, read as the workspace's local time."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=_zone)


def text(moment: dt.datetime | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
    return "" if moment is None else local(moment).strftime(pattern)
