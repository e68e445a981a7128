"""Benchmark of start-up (issue 12): the window's first paint on the demo and the command line, from source
and from the bundle, next to baselines measured in the same run.

    .venv/bin/python bench/bench_startup.py                          # builds a demo workspace first (a minute)
    .venv/bin/python bench/bench_startup.py --workspace demo-workspace --bundle dist/xuncha --runs 5

Every figure is the median wall time of fresh processes, from the spawn to the line ``painted`` (the window,
``xuncha gui --smoke``: the main window's first paint; the passphrase is given, so the login dialog is
skipped but the key derivation is not) or to the exit (command lines). The baselines:

- a bare PySide6 window (QMainWindow with a QTableView) spawned the same way, to its first paint;
- the passphrase's key derivation (Argon2id with the demo workspace's own parameters), which every opening
  must pay by design;
- for the command line: a bare interpreter (``python -c pass``, or the bundle's ``--version``) plus that
  derivation.

The target: the window within 1.5 × (bare window + derivation); the command line likewise.

The program starts the derivation on another thread as soon as it knows the passphrase and imports the rest
meanwhile (security/keys.derive_ahead): on two cores or more the two overlap. On a machine whose other core
is busy they add up again, so the load average is printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QTableView())
class First(QObject):
    def eventFilter(self, watched, event):
        if watched is window and event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
first = First()
window.installEventFilter(first)
window.resize(1200, 800)
window.show()
app.exec()
"""

SOURCE_CLI = [sys.executable, "-c", "import sys; from xuncha_desktop.cli import main; sys.exit(main())"]


def _until_painted(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen(list(command), env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    painted = None
    for line in child.stdout:
        if line.strip() == "painted":
            painted = time.perf_counter() - start
            break
    child.wait(timeout=120)
    if painted is None:
        raise RuntimeError(f"{command[0]} did not paint (exit {child.returncode})")
    return painted


def _until_exit(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(list(command), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   timeout=120)
    return time.perf_counter() - start


def _median(runs: int, measure: object, *args: object) -> float:
    assert callable(measure)
    return statistics.median(measure(*args) for _ in range(runs))


def _kdf_seconds(workspace: Path, passphrase: str, runs: int) -> float:
    from xuncha_desktop.security import keys

    document = json.loads((workspace / "keys" / "master-key.json").read_text(encoding="utf-8"))
    params = keys.kdf_params_of(document["slots"][0])
    salt = os.urandom(16)
    return _median(runs, lambda: _timed(lambda: keys.derive_kek(passphrase, salt, params)))


def _timed(action: object) -> float:
    assert callable(action)
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _row(name: str, seconds: float, baseline: float) -> str:
    ratio = seconds / baseline
    verdict = "ok" if ratio <= TARGET else f"over {TARGET}×"
    return f"  {name:<44} {seconds:6.2f} s   baseline {baseline:5.2f} s   {ratio:4.2f}×  {verdict}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace", type=Path, help="a demo workspace (default: one is built in a temp folder)")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "xuncha",
                        help="the bundle's folder (default dist/xuncha; skipped when absent)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from xuncha_desktop.demo.builder import DEMO_PASSPHRASE

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XUNCHA_PASSPHRASE": DEMO_PASSPHRASE}
    # An installation keeps its compiled modules (the bundle has them inside; a source checkout writes
    # __pycache__): a machine that forbids writing them would time the compiler at every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"{os.cpu_count()} cores, load {_load()} at the start", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        workspace = args.workspace
        if workspace is None:
            workspace = Path(folder) / "demo"
            print(f"building the demo workspace in {workspace} …", file=sys.stderr)
            subprocess.run([*SOURCE_CLI, "demo", "--workspace", str(workspace)], env=env, check=True,
                           stdout=subprocess.DEVNULL)
        where = ["--workspace", str(workspace)]
        # one unmeasured run of each, so every figure is "warm" (files in the OS cache) alike
        _until_painted([sys.executable, "-c", BARE_WINDOW], env)
        _until_painted([*SOURCE_CLI, "gui", "--smoke", *where], env)

        bare = _median(args.runs, _until_painted, [sys.executable, "-c", BARE_WINDOW], env)
        kdf = _kdf_seconds(workspace, DEMO_PASSPHRASE, args.runs)
        python = _median(args.runs, _until_exit, [sys.executable, "-c", "pass"], env)
        print(f"baselines: bare PySide6 window {bare:.2f} s, key derivation {kdf:.2f} s, "
              f"bare interpreter {python:.2f} s (median of {args.runs})")

        print("from source:")
        window = _median(args.runs, _until_painted, [*SOURCE_CLI, "gui", "--smoke", *where], env)
        print(_row("window, first paint on the demo", window, bare + kdf))
        listing = _median(args.runs, _until_exit, [*SOURCE_CLI, "records", "list", "interview", *where], env)
        print(_row("xuncha records list interview", listing, python + kdf))
        version = _median(args.runs, _until_exit, [*SOURCE_CLI, "--version"], env)
        print(_row("xuncha --version", version, python))

        bundle = args.bundle
        cli = bundle / ("xuncha.exe" if sys.platform == "win32" else "xuncha")
        gui = bundle / ("巡察外业桌面端.exe" if sys.platform == "win32" else "巡察外业桌面端")
        if not cli.exists():
            print(f"bundle: {bundle} not built (make bundle); skipped")
            return 0
        print(f"from the bundle ({bundle}):")
        _until_painted([str(gui), "gui", "--smoke", *where], env)
        version = _median(args.runs, _until_exit, [str(cli), "--version"], env)
        print(_row("xuncha --version", version, python))
        window = _median(args.runs, _until_painted, [str(gui), "gui", "--smoke", *where], env)
        print(_row("window, first paint on the demo", window, bare + kdf))
        listing = _median(args.runs, _until_exit, [str(cli), "records", "list", "interview", *where], env)
        print(_row("xuncha records list interview", listing, version + kdf))
    print(f"load {_load()} at the end (figures from a loaded machine say little)")
    return 0


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


if __name__ == "__main__":
    sys.exit(main())
