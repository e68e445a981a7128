"""Checks a workspace: the database's integrity, every evidence file against its hash, the audit chain, and
every live record against the rules of input (a value that came in by sync from an older or rogue program)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from xuncha_desktop.db import audit
from xuncha_desktop.db.models.evidence import Evidence
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.evidence.store import EvidenceStore
from xuncha_desktop.services.kinds import KINDS


@dataclass
class VerifyReport:
    database_ok: bool = True
    files_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, store: EvidenceStore,
           progress: Callable[[int, int], None] | None = None) -> VerifyReport:
    report = VerifyReport()
    if session.get_bind().dialect.name == "sqlite":
        rows = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
        if rows != ["ok"]:
            report.database_ok = False
            report.problems.extend(f"database: {row}" for row in rows[:20])
        if session.get_bind().dialect.driver == "pysqlcipher":
            damaged = [str(row[0]) for row in session.execute(text("PRAGMA cipher_integrity_check"))]
            if damaged:
                report.database_ok = False
                report.problems.extend(f"database page: {row}" for row in damaged[:20])
    referenced = {sha for sha in session.scalars(select(Evidence.sha256).where(Evidence.deleted.is_(False)))
                  if sha is not None}
    stored = set(store)  # the files' keyed names (evidence/store.py)
    named = {store.name_of(sha256): sha256 for sha256 in referenced}
    for sha256 in sorted(sha256 for name, sha256 in named.items() if name not in stored):
        report.problems.append(f"evidence file missing: {sha256}")
    everything = sorted(stored)
    for number, name in enumerate(everything, 1):
        if store.verify_name(name) is None:
            report.problems.append(f"evidence file damaged or altered: {named.get(name, f'(stored as) {name}')}")
        report.files_checked += 1
        if progress is not None:
            progress(number, len(everything))
    report.problems.extend(audit.verify_chain(session))
    report.problems.extend(broken_records(session))
    return report


def broken_records(session: Session, limit: int = 200) -> list[str]:
    """Records whose stored values break the rules of input (``RecordService.check_stored``), at most ``limit``."""
    found: list[str] = []
    for kind, service in KINDS.items():
        for record in session.scalars(select(service.model).where(service.model.deleted.is_(False))
                                      .execution_options(yield_per=1000)):
            try:
                service.check_stored(session, record)
            except XunchaError as broken:
                found.append(f"{kind} {record.id}: {broken.text('en')}")
                if len(found) >= limit:
                    return found
    return found
