"""Benchmark of the window's lists (issue 3): a 500,000-row interview list, first screen and a filtered re-query.

    .venv/bin/python bench/bench_lists.py                     # 500,000 interviews
    .venv/bin/python bench/bench_lists.py --rows 50000        # quicker
    .venv/bin/python bench/bench_lists.py --keep /tmp/bench-ws   # reuse (or keep) the built workspace

Measures, offscreen, the time from creating the interview list page (model: one COUNT and the first page
of 200 rows through the services; view: painted into an image) to its first painted screen, and the time
to re-query and repaint with a filter (interviewee category) and with a sort on another column. The
baseline is the bare SQL query of the same page (same ORDER BY and LIMIT, same encrypted connection).
Target: within 3x the bare query, and under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "bench passphrase 2020"


def build(path: Path, rows: int) -> None:
    from sqlalchemy import text

    from xuncha_desktop.security.keys import KdfParams
    from xuncha_desktop.services.kinds import KINDS
    from xuncha_desktop.workspace import Workspace

    started = time.monotonic()
    with Workspace.create(path, "bench", PASSPHRASE, kdf=KdfParams.cheap(), user_name="bench") as ws:
        with ws.transaction() as session:
            unit = KINDS["unit"].create(session, {"name": "娄底市财政局"})
            template = KINDS["interview"].create(session, {
                "unit_id": str(unit.id), "interviewee_name": "张三", "interviewee_category": "principal",
                "started_at": "2020-09-15T09:30", "interviewers": ["赵刚", "钱敏"], "place": "巡察组驻点谈话室",
                "interviewee_post": "党组成员、副局长", "record_text": "问：单位落实情况？答：基本落实。"})
            template_id = template.id.hex
        # Copies of the template in bulk SQL (the services would take hours for half a million rows);
        # names, categories and start times vary so sorting and filtering have work to do.
        with ws.engine.begin() as connection:
            connection.execute(text("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :rows)
                INSERT INTO interviews (round_id, unit_id, number, kind, interviewee_name, interviewee_unit,
                    interviewee_post, interviewee_political_status, interviewee_category, started_at, ended_at,
                    place, interviewers, recorder, outline, record_text, signed, signed_at, id, hlc, changed_by,
                    field_hlc, deleted, created_at)
                SELECT round_id, unit_id, printf('谈-%06d', i), kind,
                    substr('张王李赵刘陈杨黄周吴', (i % 10) + 1, 1)
                        || substr('伟芳娜敏静丽强磊军洋', (i / 10 % 10) + 1, 1) || i,
                    interviewee_unit, interviewee_post, interviewee_political_status,
                    CASE i % 6 WHEN 0 THEN 'principal' WHEN 1 THEN 'leadership' WHEN 2 THEN 'middle'
                        WHEN 3 THEN 'staff' WHEN 4 THEN 'retired' ELSE 'public' END,
                    strftime('%Y-%m-%d %H:%M:%S.000000', started_at, '+' || (i * 7 % 525600) || ' minutes'),
                    ended_at, place, interviewers, recorder, outline, record_text, signed, signed_at,
                    lower(hex(randomblob(16))), hlc, changed_by, field_hlc, deleted, created_at
                FROM interviews, n WHERE interviews.id = :template
            """), {"rows": rows - 1, "template": template_id})
            connection.exec_driver_sql("ANALYZE")
    print(f"built {rows:,} interviews in {time.monotonic() - started:.1f} s", file=sys.stderr)


def measure(path: Path, repeats: int) -> None:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from xuncha_desktop.ui.controller import Controller, Query
    from xuncha_desktop.ui.models import PAGE_SIZE
    from xuncha_desktop.ui.pages import ListPage
    from xuncha_desktop.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    ws = Workspace.open(path, PASSPHRASE)
    controller = Controller(ws)
    controller.title("unit", controller.ref_choices("unit")[0][0])  # warm the small caches once

    def bare(sql: str, **params: object) -> float:
        with ws.engine.connect() as connection:
            started = time.perf_counter()
            rows = connection.execute(text(sql), params).fetchall()
            seconds = time.perf_counter() - started
        assert len(rows) == PAGE_SIZE
        return seconds

    first, filtered, sorted_, bare_first, bare_filtered, bare_sorted, count = [], [], [], [], [], [], 0
    data_path: list[float] = []
    counted: list[float] = []
    bare_count: list[float] = []
    page_sql = ("SELECT * FROM interviews WHERE deleted = 0 {where} ORDER BY {order}, id LIMIT :limit OFFSET 0")
    for _ in range(repeats):
        started = time.perf_counter()
        page = ListPage(controller, "interview")
        page.resize(1280, 720)
        page.show()
        page.grab()  # paints the first screen (the view reads only the rows it shows)
        first.append(time.perf_counter() - started)
        count = page.model.wait_for_count()  # the count comes from a worker thread, after the first screen
        counted.append(time.perf_counter() - started)

        started = time.perf_counter()
        page.model.set_query(Query((("interviewee_category", "=", "principal"),), None, None))
        page.grab()
        filtered.append(time.perf_counter() - started)
        page.model.wait_for_count()

        started = time.perf_counter()
        page.model.set_query(Query((), None, ("interviewee_name",)))
        page.grab()
        sorted_.append(time.perf_counter() - started)
        page.model.wait_for_count()
        page.close()
        page.deleteLater()
        app.processEvents()

        started = time.perf_counter()
        controller.page("interview", 0, PAGE_SIZE, Query())
        data_path.append(time.perf_counter() - started)
        bare_first.append(bare(page_sql.format(where="", order="started_at DESC"), limit=PAGE_SIZE))
        bare_filtered.append(bare(page_sql.format(where="AND interviewee_category = 'principal'",
                                                  order="started_at DESC"), limit=PAGE_SIZE))
        bare_sorted.append(bare(page_sql.format(where="", order="interviewee_name"), limit=PAGE_SIZE))
        with ws.engine.connect() as connection:
            started = time.perf_counter()
            connection.execute(text("SELECT count(*) FROM interviews WHERE deleted = 0")).scalar()
            bare_count.append(time.perf_counter() - started)
    ws.close()

    def line(name: str, ours: list[float], base: list[float]) -> str:
        a, b = statistics.median(ours) * 1000, statistics.median(base) * 1000
        verdict = "OK" if a <= max(3 * b, 0) and a < 100 else "over target"
        return f"{name:<34} {a:8.1f} ms   bare SQL {b:7.1f} ms   ratio {a / b:5.1f}x   {verdict}"

    print(f"interview list of {count:,} rows, page {PAGE_SIZE}, median of {repeats}")
    print(line("first page through the service", data_path, bare_first) + "   (no painting)")
    print(line("first painted screen", first, bare_first))
    print(line("filtered re-query + repaint", filtered, bare_filtered))
    print(line("sorted re-query + repaint (name)", sorted_, bare_sorted))
    print(f"{'count of matches (worker thread)':<34} {statistics.median(counted) * 1000:8.1f} ms   "
          f"bare SQL {statistics.median(bare_count) * 1000:7.1f} ms   (not on the GUI thread: informational)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--keep", type=Path, help="workspace folder to build once and reuse")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    from xuncha_desktop.workspace import is_workspace

    folder = args.keep or Path(tempfile.mkdtemp(prefix="xuncha-bench-")) / "ws"
    if not is_workspace(folder):
        build(folder, args.rows)
    measure(folder, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
