"""Failed passphrases slow the next try down; nothing ever locks the group out.

``keys/attempts.json`` (not secret) counts the wrong passphrases since the last success, with their times
and the user names tried. After the n-th failure the next try waits ``delay_after(n)`` seconds, counted from
that failure: 0, 0, 1, 2, 4, 8, 16, then 30 at most. A lock-out would let anyone who types wrong
passphrases on purpose stop the group from working; a growing wait costs a person at the keyboard little and
a guesser a lot. It protects the program's own door only: someone who copies the key file guesses offline
at Argon2id's cost, which is what the strength check of every passphrase is for.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xuncha_desktop import files

FILE = "keys/attempts.json"
MAX_WAIT = 30.0
KEEP = 50  # the newest failures kept by name and time (the count goes on)
log = logging.getLogger("xuncha")


def delay_after(failures: int) -> float:
    """Seconds the next try waits after ``failures`` wrong passphrases in a row."""
    if failures < 2:
        return 0.0
    return min(MAX_WAIT, float(2 ** (failures - 2)))


@dataclass(frozen=True)
class Failure:
    at: float  # seconds since the epoch
    user: str

    @property
    def at_text(self) -> str:
        return dt.datetime.fromtimestamp(self.at, dt.UTC).isoformat(timespec="seconds")


class Attempts:
    """The counter of one workspace folder. ``clock`` is replaceable for tests."""

    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self.file = folder / FILE
        self.clock = clock

    def _read(self) -> tuple[int, list[Failure]]:
        try:
            document: Any = json.loads(self.file.read_text(encoding="utf-8"))
            count = int(document["count"])
            recent = [Failure(float(f["at"]), str(f["user"])) for f in document["recent"]]
        except FileNotFoundError:
            return 0, []
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged counter is not a reason to keep anyone out; a missing one gives no advantage either
            # (an attacker who can edit the folder can copy the key file and guess offline).
            log.warning("the failed-passphrase counter %s is unreadable; counting from zero", self.file)
            return 0, []
        return max(count, 0), recent

    def failures(self) -> tuple[int, list[Failure]]:
        """How many failures since the last success, and the newest of them (at most ``KEEP``)."""
        return self._read()

    def wait_needed(self) -> float:
        """Seconds to wait before the next try may be checked (0 when none)."""
        count, recent = self._read()
        if not count or not recent:
            return 0.0
        elapsed = self.clock() - recent[-1].at
        return max(0.0, min(delay_after(count), delay_after(count) - elapsed))

    def record_failure(self, user: str) -> float:
        """Counts a wrong passphrase of ``user``; returns the wait the next try will have."""
        count, recent = self._read()
        recent = [*recent, Failure(self.clock(), user)][-KEEP:]
        self._write(count + 1, recent)
        return delay_after(count + 1)

    def reset(self) -> None:
        self.file.unlink(missing_ok=True)
        files.fsync_folder(self.file.parent)

    def _write(self, count: int, recent: list[Failure]) -> None:
        document = {"count": count, "recent": [{"at": f.at, "at_utc": f.at_text, "user": f.user} for f in recent]}
        files.write_bytes(self.file, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))


def summary(count: int, recent: list[Failure]) -> str:
    """The audit entry's detail: the count, and the times and names tried (newest last)."""
    tried = ", ".join(f"{f.at_text} {f.user}" for f in recent)
    return f"{count} failed passphrase attempt(s) since the last success: {tried}"
