"""The command line in a child process that stops at a chosen moment of ``records add`` and waits there
to be killed: ``python -m tests.killed_child MARKER MOMENT ROWS -- xuncha arguments…``.

MOMENT is ``mid-batch`` (after ROWS records were flushed, the transaction still open) or ``committed``
(after the commit of a transaction that flushed at least ROWS records). Reaching it, the child writes
MARKER, so the test kills it at that moment and no other.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from xuncha_desktop.cli import main


def run(marker: Path, moment: str, rows: int, argv: list[str]) -> int:
    flushed = 0

    def hold() -> None:
        marker.write_text(moment, encoding="utf-8")
        time.sleep(600)  # only the kill ends this wait

    @event.listens_for(Session, "after_flush")
    def counted(_session: Session, _context: Any) -> None:
        nonlocal flushed
        flushed += 1
        if moment == "mid-batch" and flushed == rows:
            hold()

    @event.listens_for(Session, "after_commit")
    def committed(_session: Session) -> None:
        if moment == "committed" and flushed >= rows:
            hold()

    return main(argv)


if __name__ == "__main__":
    marker, moment, rows, separator, *rest = sys.argv[1:]
    assert moment in ("mid-batch", "committed") and separator == "--"
    sys.exit(run(Path(marker), moment, int(rows), rest))
