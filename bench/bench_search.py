"""Benchmark of the global search (issue 9): frequent words as fast as rare ones on 200,000 interviews.

    .venv/bin/python bench/bench_search.py                      # 200,000 interviews
    .venv/bin/python bench/bench_search.py --rows 20000         # quicker
    .venv/bin/python bench/bench_search.py --keep /tmp/bench-search   # reuse (or keep) the built workspace

Each interview's record is about 300 characters drawn from the words inspectors write, so that 问题 and
工作 are in most records, 公车 in about one in ten and 罕见词语 in one in two thousand. For each query it
times what the window's Ctrl+F runs (``services.search.search_by_kind``: per searched kind, the count, exact
up to ``COUNT_CAP`` and "more than" beyond, and the newest 20 hits, each loaded with its excerpt and unit),
and beside it, in the same run and on the same
encrypted connection:

- the baseline, a full LIKE scan (``count(*)`` of the records holding every term in any searched column,
  what search without the index costs);
- the former query (every match ranked by bm25, ``ORDER BY rank LIMIT 50``), for the record.

Figures are medians of ``--repeats`` runs after one warm-up. Target: every query under 50 ms.

    .venv/bin/python bench/bench_search.py --postgres          # the same on an office hub (PostgreSQL)

``--postgres [URL]`` builds the workspace on a new database of that server (default the local one,
postgresql+psycopg://postgres@127.0.0.1:5432) and drops it after: the interviews are loaded in batches of one
INSERT ... SELECT over an array each, and the index is rebuilt with COPY; the baseline is then a full ILIKE scan,
and there is no former ranked query (FTS5 only).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_workspace import PASSPHRASE, template_workspace  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from xuncha_desktop.db import search_index  # noqa: E402
from xuncha_desktop.services import search  # noqa: E402
from xuncha_desktop.services.kinds import KINDS, searched_kinds  # noqa: E402
from xuncha_desktop.workspace import Workspace  # noqa: E402

WORDS = ["问题", "工作", "落实", "干部", "资金", "管理", "制度", "会议", "学习", "党组", "责任", "监督", "整改", "巡察",
         "违规", "发放", "补贴", "招待", "项目", "审批", "采购", "工程", "群众", "作风", "纪律", "组织", "生活", "民主",
         "决策", "程序"]
QUERIES = ("问题", "工作", "问题 工作", "公车", "公车私用", "罕见词语")


def record_text(rng: random.Random, chars: int) -> str:
    parts = [rng.choice(WORDS) for _ in range(chars // 3)]
    if rng.random() < 0.1:
        parts.insert(rng.randrange(len(parts)), "公车私用")
    if rng.random() < 0.0005:
        parts.insert(rng.randrange(len(parts)), "罕见词语")
    return "问：" + "，".join(parts) + "。"


COLUMNS = """round_id, unit_id, number, kind, interviewee_name, interviewee_unit, interviewee_post,
    interviewee_political_status, interviewee_category, started_at, ended_at, place, interviewers, recorder, outline,
    {record}, signed, signed_at, {id}, hlc, changed_by, field_hlc, deleted, created_at"""


def build(path: Path, rows: int, chars: int, database_url: str | None = None) -> None:
    started = time.monotonic()
    rng = random.Random(2020)
    if database_url is not None:
        build_hub(path, rows, chars, database_url, rng)
        return
    with template_workspace(path) as (ws, template_id):
        # Copies of the template in bulk SQL (the services would take hours), each with its own record.
        with ws.engine.begin() as connection:
            connection.execute(text("""
                INSERT INTO interviews (round_id, unit_id, number, kind, interviewee_name, interviewee_unit,
                    interviewee_post, interviewee_political_status, interviewee_category, started_at, ended_at,
                    place, interviewers, recorder, outline, record_text, signed, signed_at, id, hlc, changed_by,
                    field_hlc, deleted, created_at)
                SELECT round_id, unit_id, number, kind, interviewee_name, interviewee_unit,
                    interviewee_post, interviewee_political_status, interviewee_category, started_at, ended_at,
                    place, interviewers, recorder, outline, :record, signed, signed_at,
                    lower(hex(randomblob(16))), hlc, changed_by, field_hlc, deleted, created_at
                FROM interviews WHERE interviews.id = :template
            """), [{"record": record_text(rng, chars), "template": template_id} for _ in range(rows - 1)])
        with ws.session() as session, session.begin():
            search_index.rebuild(session)
    print(f"built and indexed {rows:,} interviews in {time.monotonic() - started:.1f} s", file=sys.stderr)


def build_hub(path: Path, rows: int, chars: int, database_url: str, rng: random.Random) -> None:
    started = time.monotonic()
    with template_workspace(path, database_url) as (ws, template_id):
        loading = time.monotonic()
        with ws.engine.begin() as connection:
            for first in range(1, rows, 20_000):
                texts = [record_text(rng, chars) for _ in range(min(20_000, rows - first))]
                connection.execute(text(
                    f"INSERT INTO interviews ({COLUMNS.format(record='record_text', id='id')}) "
                    f"SELECT {COLUMNS.format(record='t.record', id='gen_random_uuid()')} "
                    "FROM interviews, unnest(CAST(:records AS text[])) AS t(record) WHERE interviews.id = :template"),
                    {"records": texts, "template": uuid.UUID(hex=template_id)})
        loaded = time.monotonic()
        with ws.session() as session, session.begin():
            search_index.rebuild(session)
        with ws.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    print(f"hub: loaded {rows:,} interviews in {loaded - loading:.1f} s, indexed them in "
          f"{time.monotonic() - loaded:.1f} s ({time.monotonic() - started:.1f} s in all)", file=sys.stderr)


@contextmanager
def hub_database(server: str) -> Iterator[str]:
    """A new database on ``server`` for the run, dropped after it."""
    name = f"bench_search_{uuid.uuid4().hex[:8]}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{server}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def median_ms(run: object, repeats: int) -> float:
    assert callable(run)
    run()  # warm-up
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def measure(path: Path, repeats: int) -> bool:
    kinds = searched_kinds()
    like_columns = {kind: KINDS[kind].search_columns for kind in kinds}
    ok = True
    with Workspace.open(path, PASSPHRASE) as ws, ws.session() as session:
        connection = session.connection()
        sqlite = connection.dialect.name == "sqlite"
        like = "LIKE" if sqlite else "ILIKE"
        print(f"{'query':<10} {'matches':>9} {'search':>9} {like + ' scan':>10} {'ratio':>6} {'ranked (old)':>13}")
        for query in QUERIES:
            terms = query.split()
            groups: list[search.KindHits] = []

            def grouped(query: str = query, groups: list[search.KindHits] = groups) -> None:
                groups[:] = search.search_by_kind(session, query, kinds, 20)

            def like_scan(terms: list[str] = terms) -> None:
                for kind in kinds:
                    table = KINDS[kind].model.__tablename__
                    condition = " AND ".join(
                        "(" + " OR ".join(f"{c} {like} :t{i}" for c in like_columns[kind]) + ")"
                        for i in range(len(terms)))
                    connection.execute(text(f"SELECT count(*) FROM {table} WHERE NOT deleted AND {condition}"),
                                       {f"t{i}": f"%{t}%" for i, t in enumerate(terms)}).scalar()

            def ranked(query: str = query) -> None:
                expression = search_index.match_expression(query)
                connection.execute(text("SELECT rowid FROM search_index WHERE search_index MATCH :q "
                                        "ORDER BY rank LIMIT 50"), {"q": expression}).fetchall()

            ours = median_ms(grouped, repeats)
            baseline = median_ms(like_scan, repeats)
            old = f"{median_ms(ranked, repeats):>11.1f}ms" if sqlite else f"{'—':>13}"
            matches = f"{sum(g.count for g in groups):,}" + ("+" if any(g.capped for g in groups) else "")
            ok = ok and ours < 50
            print(f"{query:<10} {matches:>9} {ours:>7.1f}ms {baseline:>8.1f}ms {baseline / ours:>5.0f}x {old}")
    print("target: every query under 50 ms —", "met" if ok else "NOT met")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--chars", type=int, default=300, help="length of each interview record")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build here (or reuse what is there)")
    parser.add_argument("--postgres", nargs="?", const="postgresql+psycopg://postgres@127.0.0.1:5432",
                        metavar="SERVER", help="on a new database of this PostgreSQL server (an office hub)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-")) / "ws"
    if args.postgres is None:
        if not (folder / "workspace.json").exists():
            build(folder, args.rows, args.chars)
        return 0 if measure(folder, args.repeats) else 1
    with hub_database(args.postgres) as url:
        build(folder, args.rows, args.chars, url)
        return 0 if measure(folder, args.repeats) else 1


if __name__ == "__main__":
    sys.exit(main())
