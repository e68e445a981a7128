"""Benchmark of sync packages (issue 4): export and import of N records and M MB of evidence.

    .venv/bin/python bench/bench_sync.py                      # 100,000 records, 2 GB of evidence
    .venv/bin/python bench/bench_sync.py --records 10000 --evidence-mb 200   # quicker

Export is compared with ``tar -cf`` of the same evidence files, import with a bare ``executemany``
insert of the same rows into an encrypted SQLite file; peak memory is the child process's maximum RSS.
Targets: export within 2x tar, import within 3x the bare insert, peak memory under 300 MB for both.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "bench passphrase 2020"




_PEAK = ("import atexit, runpy, sys\n"
         "def peak():\n"
         "    for line in open('/proc/self/status'):\n"
         "        if line.startswith('VmHWM:'):\n"
         "            print('VmHWM', line.split()[1], file=sys.stderr)\n"
         "atexit.register(peak)\n"
         "sys.argv = ['xuncha', *sys.argv[1:]]\n"
         "runpy.run_module('xuncha_desktop', run_name='__main__')\n")


def _sync_disk() -> None:
    """Flushes dirty pages (POSIX; on Windows the runs simply start as they are)."""
    sync = getattr(os, "sync", None)
    if sync is not None:
        sync()


def _timed_child(args: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Runs a child; returns (seconds, peak resident memory in MB, stdout).

    The peak is the child's own VmHWM, read as it exits: ``ru_maxrss`` would include the memory of this
    (large) parent, which Linux carries across fork and exec.
    """
    if args[:3] == [sys.executable, "-m", "xuncha_desktop"]:
        args = [sys.executable, "-c", _PEAK, *args[3:]]
    started = time.monotonic()
    result = subprocess.run(args, env=env, capture_output=True, check=False)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"{args}: {result.stderr.decode()}")
    peak = 0
    for line in result.stderr.decode().splitlines():
        if line.startswith("VmHWM "):
            peak = int(line.split()[1]) // 1024
    return seconds, peak, result.stdout.decode()


def build(folder: Path, records: int, evidence_mb: int, files: int) -> tuple[Path, Path, Path, list[tuple]]:
    from xuncha_desktop.db.models.organisation import Unit
    from xuncha_desktop.security.keys import KdfParams
    from xuncha_desktop.services import sync as sync_service
    from xuncha_desktop.services.evidence import service as evidence_service
    from xuncha_desktop.workspace import Workspace

    a = Workspace.create(folder / "a", "笔记本A", PASSPHRASE, kdf=KdfParams.cheap(), user_name="bench")
    b = Workspace.create(folder / "b", "办公室", PASSPHRASE, kdf=KdfParams.cheap(), user_name="bench")
    for ws, other in ((a, b), (b, a)):
        with ws.transaction() as s:
            sync_service.trust(s, ws, sync_service.own_keys(other))
    (folder / "office.json").write_text(json.dumps(b.public_keys), encoding="utf-8")
    rows = []
    started = time.monotonic()
    for start in range(0, records, 5000):
        with a.transaction() as s:
            for number in range(start, min(records, start + 5000)):
                text = f"第{number}号单位：巡察发现的问题说明，整改措施与佐证材料。编号 {uuid.uuid4().hex}"
                s.add(Unit(name=f"单位{number:06d}", notes=text, level="市直"))
                rows.append((str(uuid.uuid4()), f"单位{number:06d}", text, "市直"))
    print(f"built {records} records in {time.monotonic() - started:.1f} s", file=sys.stderr)
    # The same records without evidence, for timing the records' part of an import on its own.
    sync_service.export(a, folder / "records.xcpkg", to=sync_service.own_keys(b))
    b.close()
    shutil.copytree(folder / "b", folder / "b-records")
    b = Workspace.open(folder / "b", PASSPHRASE)
    plain = folder / "plain"
    plain.mkdir()
    per_file = (evidence_mb << 20) // max(files, 1)
    for number in range(files):
        path = plain / f"evidence-{number:03d}.bin"
        with path.open("wb") as handle:
            left = per_file
            while left:
                chunk = os.urandom(min(left, 8 << 20))
                handle.write(chunk)
                left -= len(chunk)
        with a.transaction() as s:
            evidence_service.add_file(s, a.evidence, path, {"title": f"证据{number}"}, [])
    print(f"built {files} evidence files of {per_file >> 20} MB", file=sys.stderr)
    a.close()
    b.close()
    return folder / "a", folder / "b", plain, rows


def bare_insert(folder: Path, rows: list[tuple]) -> float:
    import sqlcipher3

    connection = sqlcipher3.connect(str(folder / "bare.db"))
    connection.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE units (id TEXT PRIMARY KEY, name TEXT, notes TEXT, level TEXT)")
    started = time.monotonic()
    with connection:
        connection.executemany("INSERT INTO units VALUES (?, ?, ?, ?)", rows)
    seconds = time.monotonic() - started
    connection.close()
    return seconds


def bare_insert_as_written(folder: Path, workspace: Path) -> tuple[float, int]:
    """Seconds of a bare ``executemany`` of the rows the import wrote (change log, records, audit entries),
    as stored, into the same tables and indexes of a fresh encrypted file; and how many rows.

    This is the floor of any import that keeps a change log: the bytes it must write, with no parsing,
    checking or merging.
    """
    import sqlcipher3

    from xuncha_desktop.workspace import Workspace

    ws = Workspace.open(workspace, PASSPHRASE)
    tables = ("changes", "units", "audit_entries")
    with ws.engine.connect() as connection:
        raw = connection.connection.driver_connection
        ddl = [sql for (sql,) in raw.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name IN (?, ?, ?) AND sql IS NOT NULL", tables)]
        data = {table: raw.execute(f"SELECT * FROM {table}").fetchall() for table in tables}
    ws.close()
    connection = sqlcipher3.connect(str(folder / "bare-written.db"))
    connection.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    for statement in ddl:
        connection.execute(statement)
    started = time.monotonic()
    with connection:
        for table, rows in data.items():
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    seconds = time.monotonic() - started
    connection.close()
    return seconds, sum(len(rows) for rows in data.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--evidence-mb", type=int, default=2048)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--folder", type=Path, help="work folder (default: a temporary one, removed)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of export and of tar (medians)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="xuncha-bench-", dir=args.folder) as temp:
        folder = Path(temp)
        a, b, plain, rows = build(folder, args.records, args.evidence_mb, args.files)
        env = {**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
        xuncha = [sys.executable, "-m", "xuncha_desktop"]

        # Export and tar alternate (--repeats times each), every run starting with no dirty pages (os.sync()
        # outside the timing): the disk's write-back of one run otherwise lands in the next one's time.
        tars, synced_tars, exports, export_mb = [], [], [], 0
        for run in range(args.repeats):
            tar_path, package_path = folder / f"plain-{run}.tar", folder / f"p-{run}.xcpkg"
            _sync_disk()
            tar_s, _tar_mb, _ = _timed_child(["tar", "-cf", str(tar_path), "-C", str(plain), "."], env)
            started = time.monotonic()
            with tar_path.open("rb") as handle:
                os.fsync(handle.fileno())
            tars.append(tar_s)
            synced_tars.append(tar_s + time.monotonic() - started)
            tar_path.unlink()
            _sync_disk()
            export_s, export_mb, out = _timed_child([*xuncha, "--workspace", str(a), "sync", "export", "--out",
                                                     str(package_path), "--to", str(folder / "office.json")], env)
            exports.append(export_s)
            if run < args.repeats - 1:
                package_path.unlink()
        package_path.rename(folder / "p.xcpkg")
        tar_s, synced_tar_s, export_s = statistics.median(tars), statistics.median(synced_tars), \
            statistics.median(exports)
        size = json.loads(out)["bytes"]
        records_s, _records_mb, _ = _timed_child([*xuncha, "--workspace", str(folder / "b-records"), "sync",
                                                  "import", str(folder / "records.xcpkg")], env)
        import_s, import_mb, out = _timed_child([*xuncha, "--workspace", str(b), "sync", "import",
                                                 str(folder / "p.xcpkg")], env)
        summary = json.loads(out)
        bare_s = bare_insert(folder, rows)
        written_s, written_rows = bare_insert_as_written(folder, b)
        start_s, start_mb, _ = _timed_child([*xuncha, "--workspace", str(b), "keys", "show"], env)

    print(f"records {args.records}, evidence {args.evidence_mb} MB in {args.files} files, package {size >> 20} MB")
    print(f"export  {export_s:7.1f} s  (tar -cf {tar_s:.1f} s: {export_s / tar_s:.2f}x, target <= 2x)  "
          f"peak {export_mb} MB (target < 300); medians of {args.repeats}: "
          f"{' '.join(f'{e:.1f}' for e in exports)} vs {' '.join(f'{t:.1f}' for t in tars)}, ratio run by run "
          f"{' '.join(f'{e / t:.2f}' for e, t in zip(exports, tars, strict=True))}")
    print(f"        the export ends with fsync (the package must be on the drive before it is pulled out); "
          f"tar -cf followed by fsync of its output: {synced_tar_s:.1f} s ({export_s / synced_tar_s:.2f}x)")
    print(f"import  {import_s:7.1f} s  (bare executemany {bare_s:.2f} s: {import_s / max(bare_s, 1e-6):.1f}x, "
          f"target <= 3x)  peak {import_mb} MB (target < 300)")
    print(f"        {summary['records_added']} records added, {summary['evidence_files_added']} files; "
          f"bare executemany of the {written_rows} rows the import wrote (change log, records, audit), "
          f"as stored, with their indexes: {written_s:.2f} s ({import_s / max(written_s, 1e-6):.1f}x)")
    print(f"import of the records alone (no evidence): {records_s:.1f} s "
          f"({records_s / max(bare_s, 1e-6):.1f}x the bare "
          f"executemany, {records_s / max(written_s, 1e-6):.1f}x the bare insert of the rows it writes)")
    print(f"(a bare start of the command line, `xuncha keys show`: {start_s:.1f} s, {start_mb} MB; included above)")


if __name__ == "__main__":
    main()
