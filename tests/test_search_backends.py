"""Search on the office hub (PostgreSQL) gives the hits SQLite gives, for the same records and queries.

Two workspaces, one on an encrypted SQLite file and one on a fresh PostgreSQL database, are given the same
records (same ids, in the same order) and the same edits; every query is then asked of both, per kind: the
count, the ids in order (newest first), a page further on, and the grouped answer of the window's search. Both
must also agree with a plain reading of what a match is (every term present: a word as a prefix of a word, a
character among the characters, a longer term as consecutive character pairs), so the two cannot agree on a
mistake.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from tests.conftest import PASSPHRASE, _frame
from tests.hub_database import fresh_database
from xuncha_desktop.db import search_index, seed
from xuncha_desktop.db.search_index import TOKEN, searched_models, spec_of, text_of, token_lists
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services import search
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

pytestmark = pytest.mark.postgres

WORDS = ["问题", "工作", "落实", "干部", "资金", "管理", "制度", "公车私用", "违规发放", "补贴", "招待费", "项目审批",
         "整改", "巡察", "党组", "民主生活会", "土地出让金", "办证", "证", "问", "题"]
# Texts where FTS5's reading of a term is easy to get wrong: a term split by punctuation (问题，题工作 holds the
# pairs 问题 题工 工作 in a row), Latin words and digits (a prefix matches), a lone character, "×" between words.
TRICKY = ["问题，题工作", "ABC部门2020年度", "会议纪要abcdef", "张三×李四", "证", "办。证", "单位 Ⅱ 号"]
QUERIES = ["问", "题", "证", "办", "问题", "工作", "题工", "问题工", "问题工作", "公车私用", "公车", "私用问题",
           "土地出让金", "民主生活会", "问题 工作", "问 工作", "证 办证", "abc", "ab", "ABC", "2020", "20", "abcdef",
           "张三", "李四", "三×李", "罕见词语", "，。", "", "招待费 补贴 资金"]

Make = Callable[[Session, dict[str, str], str], Any]
MAKERS: dict[str, Make] = {
    "interview": lambda s, ids, t: KINDS["interview"].create(s, {
        "unit_id": ids["unit"], "interviewee_name": "李明", "interviewee_category": "中层干部",
        "started_at": "2020-04-10T09:00", "interviewers": ["赵刚", "钱敏"], "record_text": t}),
    "petition": lambda s, ids, t: KINDS["petition"].create(s, {
        "channel": "来信", "received_at": "2020-09-20T10:00", "anonymous": True, "summary": t}),
    "clue": lambda s, ids, t: KINDS["clue"].create(s, {"unit_id": ids["unit"], "source_kind": "interview",
                                                        "description": t}),
    "problem": lambda s, ids, t: KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                              "category": "line_policy", "statement": t}),
    "paper": lambda s, ids, t: KINDS["paper"].create(s, {"unit_id": ids["unit"], "title": "底稿", "summary": t}),
    "evidence": lambda s, ids, t: KINDS["evidence"].create(s, {"unit_id": ids["unit"], "title": t}),
}
TEXT_FIELD = {"interview": "record_text", "petition": "summary", "clue": "description", "problem": "statement",
              "paper": "summary", "evidence": "title"}


def _ids() -> Callable[[], uuid.UUID]:
    counter = iter(range(1, 1_000_000))
    return lambda: uuid.UUID(int=(0x0190 << 112) + next(counter))


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    """A SQLite workspace and a PostgreSQL one that will make the same ids in the same order."""
    with fresh_database() as url:
        lite = Workspace.create(tmp_path / "lite", "笔记本", PASSPHRASE, kdf=KdfParams.cheap(), user_name="张伟",
                                new_id=_ids())
        hub = Workspace.create(tmp_path / "hub", "巡察办", PASSPHRASE, kdf=KdfParams.cheap(), user_name="张伟",
                               new_id=_ids(), database_url=url)
        try:
            yield lite, hub
        finally:
            hub.close()
            lite.close()


def _texts(rng: random.Random, count: int) -> list[tuple[str, str]]:
    kinds = sorted(MAKERS)
    texts = [(kinds[i % len(kinds)], t) for i, t in enumerate(TRICKY)]
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 12))]
        texts.append((rng.choice(kinds), rng.choice(["，", "", "。", " "]).join(words)))
    # Longer than a tsvector's positions reach (16,383), and a pair found more than 256 times in one record.
    texts.append(("interview", "，".join(rng.choice(WORDS[:12]) for _ in range(6000)) + "罕见词语"))
    texts.append(("problem", "问题" * 300 + "题工作"))
    return texts


def _token_lists(session: Session) -> dict[str, dict[uuid.UUID, tuple[list[str], list[str]]]]:
    """Every live searched record's token lists, by kind."""
    found: dict[str, dict[uuid.UUID, tuple[list[str], list[str]]]] = {}
    for kind, model in searched_models().items():
        found[kind] = {record.id: token_lists(text_of(record, spec_of(model).columns))
                       for record in session.query(model).filter(model.deleted.is_(False))}
    return found


def _reference(records: dict[uuid.UUID, tuple[list[str], list[str]]], query: str) -> set[uuid.UUID]:
    """The records holding every term, read plainly from their tokens."""
    terms = [m.group() for m in TOKEN.finditer(query)]
    if not terms:
        return set()
    return {record_id for record_id, (grams, singles) in records.items()
            if all(_holds(grams, singles, term) for term in terms)}


def _holds(grams: list[str], singles: list[str], term: str) -> bool:
    if not ("\u3400" <= term[0] <= "\u9fff"):
        return any(g.startswith(term.casefold()) for g in grams)
    if len(term) == 1:
        return term in singles
    pairs = [term[i:i + 2] for i in range(len(term) - 1)]
    return any(grams[i:i + len(pairs)] == pairs for i in range(len(grams) - len(pairs) + 1))


def _answers(ws: Workspace, queries: list[str]) -> dict[tuple[str, str], Any]:
    answers: dict[tuple[str, str], Any] = {}
    with ws.session() as session:
        records = _token_lists(session)
        for query in queries:
            for kind in sorted(searched_models()):
                ids = search.matching_ids(session, query, kind, 0, 10_000)
                assert set(ids) == _reference(records[kind], query), (query, kind)
                answers[(query, kind)] = (search.count_matches(session, query, kind), ids,
                                          search.matching_ids(session, query, kind, 3, 4),
                                          search.count_matches(session, query, kind, 2))
            answers[(query, "*")] = search.search_by_kind(session, query, per_kind=5)
    return answers


def _compare(lite: Workspace, hub: Workspace, queries: list[str]) -> dict[tuple[str, str], Any]:
    on_sqlite, on_postgres = _answers(lite, queries), _answers(hub, queries)
    for key, answer in on_sqlite.items():
        assert on_postgres[key] == answer, key
    return on_sqlite


@pytest.mark.slow
def test_the_hub_finds_what_sqlite_finds_for_terms_of_any_length(pair: tuple[Workspace, Workspace]) -> None:
    rng = random.Random(11)
    texts = _texts(rng, 100)

    for ws in pair:
        with ws.transaction() as session:
            ids = _frame(session, KINDS)
            made = [(kind, MAKERS[kind](session, ids, value).id) for kind, value in texts]
    queries = QUERIES + [value[i:i + n] for value in rng.sample([t for _, t in texts], 15)
                         for n in (1, 2, 3, 5) for i in (0, 2)]
    answers = _compare(*pair, queries)
    # the cases that make the point, beyond agreement
    assert answers[("问题工", "clue")][0] >= 1  # across the comma of 问题，题工作 (FTS5's reading)
    assert answers[("罕见词语", "interview")][0] == 1  # at the end of a record of 18,000 characters
    assert answers[("问题", "interview")][0] >= 3
    # newest first: the ids were made in increasing order
    assert all(answer[1] == sorted(answer[1], reverse=True) for key, answer in answers.items() if key[1] != "*")
    assert answers[("ab", "evidence")] == answers[("ABC", "evidence")] and answers[("ab", "evidence")][0] == 1  # prefix
    assert all(answer[0] == 0 for (query, _kind), answer in answers.items() if query in ("", "，。") and _kind != "*")

    # Edits and deletions: the index follows them on both, and an edited record keeps its place.
    edited = {kind: [record_id for k, record_id in made if k == kind][:4] for kind in MAKERS}
    for ws in pair:
        with ws.transaction() as session:
            for kind, record_ids in edited.items():
                KINDS[kind].update(session, record_ids[0], {TEXT_FIELD[kind]: "改为：党组书记罕见词语带头整改。"})
                KINDS[kind].update(session, record_ids[1], {TEXT_FIELD[kind]: "问题工作已落实"})
                KINDS[kind].delete(session, record_ids[2])
    answers = _compare(*pair, [*queries, "罕见词语", "带头整改", "书记"])
    for kind, record_ids in edited.items():
        assert record_ids[0] in answers[("带头整改", kind)][1]  # the term of the updated record
        assert record_ids[2] not in answers[("问题", kind)][1] + answers[("问", kind)][1]  # deleted
    # still newest first by creation: an edit does not move a record to the top (as in FTS5)
    assert all(answer[1] == sorted(answer[1], reverse=True) for key, answer in answers.items() if key[1] != "*")


def test_a_rebuilt_hub_index_gives_the_same_answers(pair: tuple[Workspace, Workspace],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    lite, hub = pair
    for ws in pair:
        with ws.transaction() as session:
            ids = _frame(session, KINDS)
            for n in range(12):
                MAKERS["clue"](session, ids, f"第{n}条：公车私用{'，问题工作' * (n % 3)}")
    before = _compare(lite, hub, ["公车", "问题工作", "私", "问题 公车"])
    # The hub looks for a page among the newest rows first, then in all: both ways give the same pages.
    monkeypatch.setattr(search, "RECENT_WINDOW", 3)
    assert _compare(lite, hub, ["公车", "问题工作", "私", "问题 公车"]) == before
    listed = []
    for ws in pair:  # a list's search box: the index as a subquery of the list's own query
        with ws.session() as session:
            listed.append([c.id for c in KINDS["clue"].find(session, search="问题工作")])
    assert listed[0] == listed[1] and len(listed[0]) == 8
    # An index of an older layout (or none at all) is rebuilt at the next open of the hub, in creation order.
    with hub.engine.begin() as connection:
        connection.execute(text("UPDATE search_meta SET version = 1"))
    # the 12 clues and the shipped 定性依据 entries (searched too): no other searched record
    assert search_index.ensure_current(hub.engine) == 12 + len(seed.RULES)
    assert search_index.ensure_current(hub.engine) is None  # current now
    with hub.engine.begin() as connection:
        connection.execute(text("DROP TABLE search_meta"))
        connection.execute(text("DROP TABLE search_rows"))
    path = hub.path
    hub.close()
    with Workspace.open(path, PASSPHRASE) as again:
        assert _compare(lite, again, ["公车", "问题工作", "私", "问题 公车"]) == before
        with again.session() as session:
            indexes = set(session.execute(text(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'search_rows'")).scalars())
    assert {"search_rows_terms", "search_rows_kind"} <= indexes


def test_vectors_of_a_long_record_keep_every_pair_and_the_stream() -> None:
    """A tsvector silently drops positions beyond 16,383 and beyond 256 of one token: such a record keeps its
    pairs without positions and its stream, and phrases are read in the stream."""
    short = search_index._vectors(["问题", "题工", "工作"], ["问", "题", "工", "作"])
    assert short == ("'问题':1 '题工':2 '工作':3", "'问' '题' '工' '作'", None)
    long_grams = ["问题"] * 257
    assert search_index._vectors(long_grams, ["问", "题"]) == ("'问题'", "'问' '题'", " " + " ".join(long_grams) + " ")
    assert search_index._quoted("it's\\") == "'it''s\\\\'"
