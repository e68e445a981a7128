"""Hybrid logical clock (Kulkarni et al., 2014): stamps that sort by cause and survive clock skew.

A stamp is a fixed-width string ``MMMMMMMMMMMMMMM.CCCCCC.DEVICEHEX`` (wall milliseconds, counter,
device id), so the database can order and compare stamps as plain text and ties break by device.
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

_MILLIS_WIDTH = 15
_COUNTER_WIDTH = 6
_COUNTER_MAX = 10**_COUNTER_WIDTH - 1
_STAMP = re.compile(rf"([0-9]{{{_MILLIS_WIDTH}}})\.([0-9]{{{_COUNTER_WIDTH}}})\.([0-9a-f]{{32}})")


@dataclass(frozen=True, order=True)
class Stamp:
    millis: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.millis:0{_MILLIS_WIDTH}d}.{self.counter:0{_COUNTER_WIDTH}d}.{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        """Raises ValueError on anything that is not a stamp in its one written form (stamps are compared
        as text, so an upper-case or otherwise different spelling of the same stamp is refused)."""
        found = _STAMP.fullmatch(text)
        if found is None:
            raise ValueError(f"not a clock stamp: {text!r}")
        return cls(int(found[1]), int(found[2]), found[3])


def wall_millis() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues stamps for local changes and absorbs stamps seen in incoming changes."""

    def __init__(self, device_id: uuid.UUID, wall: Callable[[], int] = wall_millis,
                 last: str | None = None) -> None:
        self._device = device_id.hex
        self._wall = wall
        self._lock = threading.Lock()
        self._millis = 0
        self._counter = 0
        if last:
            self.observe(last)

    def now(self) -> str:
        with self._lock:
            physical = self._wall()
            if physical > self._millis:
                self._millis, self._counter = physical, 0
            elif self._counter < _COUNTER_MAX:
                self._counter += 1
            else:
                # The counter would outgrow its fixed width (and break text ordering): borrow a millisecond.
                self._millis, self._counter = self._millis + 1, 0
            return str(Stamp(self._millis, self._counter, self._device))

    def observe(self, stamp: str) -> None:
        """Moves the clock past ``stamp`` so that later local stamps sort after it."""
        seen = Stamp.parse(stamp)
        with self._lock:
            if (seen.millis, seen.counter) > (self._millis, self._counter):
                self._millis, self._counter = seen.millis, seen.counter
