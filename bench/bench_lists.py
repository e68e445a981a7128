"""Benchmark of the window's lists (issue 3): a 500,000-row interview list, first screen and a filtered re-query.

    .venv/bin/python bench/bench_lists.py                     # 500,000 interviews
    .venv/bin/python bench/bench_lists.py --rows 50000        # quicker
    .venv/bin/python bench/bench_lists.py --keep /tmp/bench-ws   # reuse (or keep) the built workspace

Measures, offscreen (QT_QPA_PLATFORM=offscreen, a 1280x720 page, every figure from ``time.perf_counter``):

- the first painted screen: creating the interview list page (its model reads the first page of
  ``PAGE_SIZE`` rows through the controller and the services, the count follows in a worker thread),
  showing it and painting it into a pixmap (``QWidget.grab``: the whole page, filter bar and table);
- the same page re-read (the refresh of the window, F5) and repainted; the repaint alone, with no query;
- a jump to the middle of the list (the scroll bar dragged there: the page there is read by OFFSET, in a
  worker thread; timed until its rows are painted);
- a re-query with a filter (interviewee category) and with a sort on another column, each repainted,
  and a jump to the middle of each of these two lists.

The baseline is the bare SQL query of the same page: ``SELECT *`` with the same WHERE, ORDER BY (taken
from the service's statement, tie-break included) and LIMIT, on the same encrypted connection, fetched to
Python tuples. The list reads its page after the count
of the previous query has run (its scan of the index pushes the page's rows out of SQLCipher's page cache),
so the baseline runs after the same count; the bare query with a warm cache is reported beside it. Every
ratio is of two medians taken in the same run. Target: within 3x the bare query, and under 100 ms.

Warm and cold: the first list page a process creates also pays one-time costs (Chinese glyphs, style
polish, vocabulary and unit-title caches, SQLAlchemy's statement cache). It is measured first and reported
on its own line ("cold"); the medians are of the pages created after it. In the program the window builds
every list page, the interview list among them, and paints the dashboard when it starts, so a person
opening the list in a running window meets these caches warm; no other warm-up is done here.
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

from bench_workspace import PASSPHRASE  # noqa: E402


def build(path: Path, rows: int) -> None:
    from bench_workspace import template_workspace
    from sqlalchemy import text

    started = time.monotonic()
    # Copies of the template in bulk SQL (the services would take hours for half a million rows);
    # names, categories and start times vary so sorting and filtering have work to do.
    with template_workspace(path, interviewee_post="党组成员、副局长") as (ws, template_id), \
            ws.engine.begin() as connection:
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

    from xuncha_desktop.services.kinds import KINDS
    from xuncha_desktop.ui.controllers.records import Controller, Query
    from xuncha_desktop.ui.models import PAGE_SIZE
    from xuncha_desktop.ui.pages import ListPage
    from xuncha_desktop.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    ws = Workspace.open(path, PASSPHRASE)
    controller = Controller(ws)

    def bare(sql: str, where: str = "", warm: bool = False, offset: int = 0, **params: object) -> float:
        """The bare query's time. Its pages are read as the window reads its own: after the count of the
        previous query, whose scan of the index has pushed them out of SQLCipher's page cache (the page
        read then decrypts them again); ``warm`` times it instead right after the same query."""
        params["offset"] = offset
        with ws.engine.connect() as connection:
            if warm:
                connection.execute(text(sql), params).fetchall()
            else:
                connection.execute(text(f"SELECT count(*) FROM interviews WHERE deleted = 0 {where}")).scalar()
            started = time.perf_counter()
            rows = connection.execute(text(sql), params).fetchall()
            seconds = time.perf_counter() - started
        assert len(rows) == PAGE_SIZE
        return seconds

    def order_by(order: list[str] | None) -> str:
        """The ORDER BY of the service's own statement for the list (so the baseline breaks ties alike)."""
        with ws.session() as session:
            sql = str(KINDS["interview"].query(session, order=order).compile(dialect=ws.engine.dialect))
        return sql.rsplit("ORDER BY", 1)[1].replace("interviews.", "").strip()

    def jump(page: ListPage) -> tuple[float, int]:
        """Drags the scroll bar to the middle and repaints until the rows are there; the time, and the first
        row of the page read. A far page is read in a worker thread (the first paint shows its rows blank,
        the window does not wait): the time runs until the page has arrived and is painted."""
        bar = page.view.verticalScrollBar()
        app.processEvents()  # the window's event loop lays the longer list out (scroll range) once the count is in
        started = time.perf_counter()
        bar.setValue(bar.maximum() // 2)
        page.grab()
        if page.model.reading_pages:  # read in the background: painted again when it has arrived
            page.model.wait_for_pages()
            page.grab()
        seconds = time.perf_counter() - started
        middle = page.view.rowAt(0) // PAGE_SIZE * PAGE_SIZE
        bar.setValue(0)
        return seconds, middle

    def open_page() -> tuple[ListPage, list[float]]:
        """Creates, shows and paints the list page; returns it with the times of the three steps."""
        started = time.perf_counter()
        page = ListPage(controller, "interview")
        page.resize(1280, 720)
        built = time.perf_counter()
        page.show()
        shown = time.perf_counter()
        page.grab()  # paints the first screen (the view reads only the rows it shows)
        return page, [built - started, shown - built, time.perf_counter() - shown]

    def close(page: ListPage) -> None:
        page.model.wait_for_count()
        page.close()
        page.deleteLater()
        app.processEvents()

    cold_page, cold = open_page()
    close(cold_page)

    keys = ("first", "build", "show", "paint", "refresh", "repaint", "filtered", "sorted", "counted", "data_path",
            "middle", "middle_filtered", "middle_sorted", "bare_first", "bare_warm", "bare_middle", "bare_filtered",
            "bare_sorted", "bare_middle_filtered", "bare_middle_sorted", "bare_count")
    times: dict[str, list[float]] = {key: [] for key in keys}
    count = 0
    page_sql = "SELECT * FROM interviews WHERE deleted = 0 {where} ORDER BY {order} LIMIT :limit OFFSET :offset"
    by_time, by_name = order_by(None), order_by(["interviewee_name"])
    middles = {"": 0, "filtered": 0, "sorted": 0}
    for _ in range(repeats):
        started = time.perf_counter()
        page, steps = open_page()
        times["first"].append(time.perf_counter() - started)
        for key, seconds in zip(("build", "show", "paint"), steps, strict=True):
            times[key].append(seconds)
        count = page.model.wait_for_count()  # the count comes from a worker thread, after the first screen
        times["counted"].append(time.perf_counter() - started)

        # a jump to the middle of the list (the scroll bar dragged there): the view asks for rows far down
        seconds, middles[""] = jump(page)
        times["middle"].append(seconds)

        started = time.perf_counter()
        page.model.refresh()
        page.grab()
        times["refresh"].append(time.perf_counter() - started)
        page.model.wait_for_count()
        started = time.perf_counter()
        page.grab()
        times["repaint"].append(time.perf_counter() - started)

        started = time.perf_counter()
        page.model.set_query(Query((("interviewee_category", "=", "principal"),), None, None))
        page.grab()
        times["filtered"].append(time.perf_counter() - started)
        page.model.wait_for_count()
        seconds, middles["filtered"] = jump(page)
        times["middle_filtered"].append(seconds)

        started = time.perf_counter()
        page.model.set_query(Query((), None, ("interviewee_name",)))
        page.grab()
        times["sorted"].append(time.perf_counter() - started)
        page.model.wait_for_count()
        seconds, middles["sorted"] = jump(page)
        times["middle_sorted"].append(seconds)
        close(page)

        started = time.perf_counter()
        controller.page("interview", 0, PAGE_SIZE, Query())
        times["data_path"].append(time.perf_counter() - started)
        category = "AND interviewee_category = 'principal'"
        times["bare_first"].append(bare(page_sql.format(where="", order=by_time), limit=PAGE_SIZE))
        times["bare_warm"].append(bare(page_sql.format(where="", order=by_time), warm=True, limit=PAGE_SIZE))
        times["bare_filtered"].append(bare(page_sql.format(where=category, order=by_time), category,
                                           limit=PAGE_SIZE))
        times["bare_middle"].append(bare(page_sql.format(where="", order=by_time), offset=middles[""],
                                         limit=PAGE_SIZE))
        times["bare_middle_filtered"].append(bare(page_sql.format(where=category, order=by_time), category,
                                                  offset=middles["filtered"], limit=PAGE_SIZE))
        times["bare_sorted"].append(bare(page_sql.format(where="", order=by_name), limit=PAGE_SIZE))
        times["bare_middle_sorted"].append(bare(page_sql.format(where="", order=by_name),
                                                offset=middles["sorted"], limit=PAGE_SIZE))
        with ws.engine.connect() as connection:
            started = time.perf_counter()
            connection.execute(text("SELECT count(*) FROM interviews WHERE deleted = 0")).scalar()
            times["bare_count"].append(time.perf_counter() - started)
    ws.close()

    def ms(key: str) -> float:
        return statistics.median(times[key]) * 1000

    def line(name: str, ours: str, base: str, note: str = "") -> str:
        a, b = ms(ours), ms(base)
        verdict = "OK" if a <= 3 * b and a < 100 else "over target"
        return f"{name:<36} {a:8.1f} ms   bare SQL {b:7.1f} ms   ratio {a / b:5.1f}x   {verdict}{note}"

    print(f"interview list of {count:,} rows, page {PAGE_SIZE}, median of {repeats} (after one cold page)")
    print(line("first page through the service", "data_path", "bare_first", "   (no painting)"))
    print(line("first painted screen", "first", "bare_first"))
    print(f"{'  = page built (query included)':<36} {ms('build'):8.1f} ms   + shown {ms('show'):5.1f} ms   "
          f"+ painted {ms('paint'):5.1f} ms")
    print(f"{'  cold (first list page of the process)':<36} {sum(cold) * 1000:8.1f} ms   (informational)")
    print(line("same page re-read + repaint (F5)", "refresh", "bare_first"))
    print(line("repaint alone (no query)", "repaint", "bare_first", "   (the floor of every line above)"))
    print(line("jump to the middle + repaint", "middle", "bare_middle"))
    print(line("filtered re-query + repaint", "filtered", "bare_filtered"))
    print(line("  jump to its middle + repaint", "middle_filtered", "bare_middle_filtered"))
    print(line("sorted re-query + repaint (name)", "sorted", "bare_sorted"))
    print(line("  jump to its middle + repaint", "middle_sorted", "bare_middle_sorted"))
    print(f"{'  bare SQL of the first page, warm':<36} {ms('bare_warm'):8.1f} ms   (the same query just before: "
          "its pages in the cache)")
    print(f"{'count of matches (worker thread)':<36} {ms('counted'):8.1f} ms   bare SQL {ms('bare_count'):7.1f} ms   "
          "(not on the GUI thread: informational)")


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
