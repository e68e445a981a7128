"""Benchmark of key slots (issue 15): what opening costs with one user and with many.

    .venv/bin/python bench/bench_slots.py               # 8 users, 5 runs each
    .venv/bin/python bench/bench_slots.py --users 20

Opening unwraps exactly one slot (the named user's), so the cost should not grow with the number of users:
Argon2id at the program's default cost dominates. The baseline is that Argon2id derivation alone (the key
from the passphrase, ``keys.derive_kek``), measured in the same run; the figures are medians of
``time.perf_counter`` around ``Workspace.open`` + ``close`` (which also opens the database and takes the
lock). A wrong passphrase is timed too: it costs the same derivation (the wrong-role check that follows a
failed tag is AES only), and adds the counter file's write.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from xuncha_desktop import workspace as workspaces
from xuncha_desktop.errors import WrongPassphrase
from xuncha_desktop.security import keys
from xuncha_desktop.security.roles import Role
from xuncha_desktop.workspace import Workspace

PASSPHRASE = "巡察口令 correct horse"


def _median(runs: int, action: object) -> float:
    assert callable(action)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    workspaces.SLEEP = lambda seconds: None  # the slowdown is not what is measured
    with tempfile.TemporaryDirectory() as folder:
        one = Path(folder) / "one"
        many = Path(folder) / "many"
        Workspace.create(one, "笔记本1", PASSPHRASE, user_name="组长").close()
        with Workspace.create(many, "笔记本2", PASSPHRASE, user_name="组长") as ws:
            for i in range(args.users - 1):
                workspaces.add_user(ws, f"组员{i}", Role.MEMBER, f"{PASSPHRASE} {i}")
        salt = os.urandom(16)
        baseline = _median(args.runs, lambda: keys.derive_kek(PASSPHRASE, salt, keys.KdfParams()))
        open_one = _median(args.runs, lambda: Workspace.open(one, PASSPHRASE).close())
        last = f"组员{args.users - 2}"
        open_many = _median(args.runs, lambda: Workspace.open(many, f"{PASSPHRASE} {args.users - 2}",
                                                              user=last).close())

        def wrong() -> None:
            with contextlib.suppress(WrongPassphrase):
                Workspace.open(one, "不对的口令 wrong")

        wrong_one = _median(args.runs, wrong)
    print(f"Argon2id alone (baseline):          {baseline * 1000:8.1f} ms")
    print(f"open + close, 1 user:               {open_one * 1000:8.1f} ms  ({open_one / baseline:.2f}x baseline)")
    print(f"open + close, {args.users} users (the last):  {open_many * 1000:8.1f} ms  "
          f"({open_many / baseline:.2f}x baseline)")
    print(f"wrong passphrase, 1 user:           {wrong_one * 1000:8.1f} ms  ({wrong_one / baseline:.2f}x baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
