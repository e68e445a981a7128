"""Benchmark of the office hub (issue 11): a package import while a clerk edits, on one PostgreSQL hub.

    .venv/bin/python bench/bench_hub.py                     # 100,000 records
    .venv/bin/python bench/bench_hub.py --records 10000     # quicker

The server is XUNCHA_TEST_DATABASE's (default 127.0.0.1:5432, as the tests); a fresh database is made and
dropped. Printed, from one run:

- a clerk's edit at a second station (open the form, save over its stamp: two transactions) without an import,
  and while the first station imports a package of N records in its own process: median, 95th percentile and
  worst latency (the import must never block editing for more than a moment);
- the import's time against a bare ``COPY`` of the rows it wrote (its change log entries, records and audit
  entries, as stored) into the same tables with the same indexes of an empty database: the floor of any import
  that keeps a change log.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "bench passphrase 2020"
SERVER = os.environ.get("XUNCHA_TEST_DATABASE", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _database(name: str, drop: bool = False) -> str:
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if drop:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        else:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False)


def build(folder: Path, url: str, records: int) -> tuple[Path, Path, Path, uuid.UUID, list[str]]:
    from xuncha_desktop import hub, workspace
    from xuncha_desktop.db.models.organisation import Unit
    from xuncha_desktop.security.keys import KdfParams
    from xuncha_desktop.services import sync as sync_service
    from xuncha_desktop.services.kinds import KINDS
    from xuncha_desktop.workspace import Workspace

    laptop = Workspace.create(folder / "laptop", "笔记本A", PASSPHRASE, kdf=KdfParams.cheap(), user_name="bench")
    first = hub.create(folder / "station1", "巡察办汇总库", PASSPHRASE, url, "一号工作站",
                       evidence_store=folder / "shared-evidence", user_name="bench", kdf=KdfParams.cheap())
    workspace.add_user(first, "clerk", "office", PASSPHRASE)
    for ws, other in ((laptop, first), (first, laptop)):
        with ws.transaction() as s:
            sync_service.trust(s, ws, sync_service.own_keys(other))
    started = time.monotonic()
    for start in range(0, records, 5000):
        with laptop.transaction() as s:
            for number in range(start, min(records, start + 5000)):
                text_ = f"第{number}号单位：巡察发现的问题说明，整改措施与佐证材料。编号 {uuid.uuid4().hex}"
                s.add(Unit(name=f"单位{number:06d}", notes=text_, level="市直"))
    print(f"built {records} records in {time.monotonic() - started:.1f} s", file=sys.stderr)
    package = folder / "records.xcpkg"
    sync_service.export(laptop, package, to=sync_service.own_keys(first))
    laptop_id = laptop.info.device_id
    laptop.close()
    second = hub.join(folder / "station2", url, "二号工作站", PASSPHRASE, "clerk")
    with second.transaction() as s:
        units = [str(KINDS["unit"].create(s, {"name": f"娄底市第{n}局", "contact_person": "周红"}).id)
                 for n in range(20)]
    second.close()
    first.close()
    return folder / "station1", folder / "station2", package, laptop_id, units


def edit_latencies(station: Path, units: list[str], until: subprocess.Popen[bytes] | None, count: int) -> list[float]:
    """Seconds of each edit (form read, then saved over its stamp) until the child ends, or ``count`` edits."""
    from xuncha_desktop.services.kinds import KINDS
    from xuncha_desktop.workspace import Workspace

    times: list[float] = []
    with Workspace.open(station, PASSPHRASE, "clerk") as ws:
        n = 0
        while (until.poll() is None) if until is not None else n < count:
            unit = units[n % len(units)]
            started = time.monotonic()
            with ws.transaction() as s:
                form = KINDS["unit"].to_dict(s, KINDS["unit"].read(s, unit))
            with ws.transaction() as s:
                KINDS["unit"].update(s, unit, {"contact_person": f"联系人{n}"}, base_hlc=form["hlc"])
            times.append(time.monotonic() - started)
            n += 1
            time.sleep(0.02)  # a clerk does not save fifty times a second
    return times


def bare_copy(url: str, laptop: uuid.UUID) -> tuple[float, int]:
    """Seconds of a bare COPY of the rows the import wrote into an empty database with the same schema."""
    import psycopg

    from xuncha_desktop.db import migrate

    name = f"bench_bare_{uuid.uuid4().hex[:12]}"
    bare_url = _database(name)
    try:
        engine = create_engine(bare_url)
        migrate.upgrade(engine)
        engine.dispose()
        queries = {"changes": f"SELECT * FROM changes WHERE device_id = '{laptop}'",
                   "units": f"SELECT * FROM units WHERE changed_by = '{laptop}'",
                   "audit_entries": f"SELECT * FROM audit_entries WHERE device_id = '{laptop}'"}
        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        data: dict[str, bytes] = {}
        rows = 0
        with psycopg.connect(plain) as source:
            for table, query in queries.items():
                rows += source.execute(f"SELECT count(*) FROM ({query}) AS q").fetchone()[0]  # type: ignore[index]
                buffer = bytearray()
                with source.cursor().copy(f"COPY ({query}) TO STDOUT") as copy:
                    for chunk in copy:
                        buffer += chunk
                data[table] = bytes(buffer)
        target_url = make_url(bare_url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(target_url) as target:
            started = time.monotonic()
            with target.transaction():
                for table, payload in data.items():
                    with target.cursor().copy(f"COPY {table} FROM STDIN") as copy:
                        copy.write(payload)
            seconds = time.monotonic() - started
        return seconds, rows
    finally:
        _database(name, drop=True)


def _stats(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (f"median {statistics.median(ordered) * 1000:6.1f} ms, p95 {p95 * 1000:6.1f} ms, "
            f"worst {ordered[-1] * 1000:6.1f} ms over {len(ordered)} edits")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    name = f"bench_hub_{uuid.uuid4().hex[:12]}"
    url = _database(name)
    try:
        with tempfile.TemporaryDirectory(prefix="xuncha-bench-hub-") as temp:
            folder = Path(temp)
            station1, station2, package, laptop, units = build(folder, url, args.records)
            quiet = edit_latencies(station2, units, None, 100)
            env = {**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
            started = time.monotonic()
            child = subprocess.Popen([sys.executable, "-m", "xuncha_desktop", "--workspace", str(station1),
                                      "--user", "bench", "sync", "import", str(package)], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            during = edit_latencies(station2, units, child, 0)
            out, err = child.communicate()
            import_s = time.monotonic() - started
            if child.returncode != 0:
                raise SystemExit(f"import failed: {err.decode()}")
            start_s = time.monotonic()
            subprocess.run([sys.executable, "-m", "xuncha_desktop", "--workspace", str(station1), "--user", "bench",
                            "keys", "show"], env=env, capture_output=True, check=True)
            start_s = time.monotonic() - start_s
            copy_s, rows = bare_copy(url, laptop)
    finally:
        _database(name, drop=True)
    print(f"records {args.records}, PostgreSQL hub, 2 stations")
    print(f"edit at station 2, no import:      {_stats(quiet)}")
    print(f"edit at station 2, during import:  {_stats(during)}")
    print(f"import at station 1 (own process): {import_s:.1f} s, of which a bare start of the command line "
          f"{start_s:.1f} s; bare COPY of the {rows} rows it wrote (change log, records, audit), same tables and "
          f"indexes: {copy_s:.2f} s; ratio {import_s / max(copy_s, 1e-6):.1f}x "
          f"({(import_s - start_s) / max(copy_s, 1e-6):.1f}x without the start)")
    print(out.decode().strip()[:300])


if __name__ == "__main__":
    main()
