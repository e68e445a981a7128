"""demo/corpus.py reads its texts from resources/demo/corpus.json; every placeholder there can be filled."""

from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest

from xuncha_desktop.demo import corpus
from xuncha_desktop.resources import resource_path

# Filled by the functions themselves rather than by a generator: the interview's people and its own
# department, business, project and counts (interview_record), the papers' documents, roles and rule.
_FILLED_BY_CALLER = {"er", "ee", "mydept", "mybiz", "myproj", "myn", "myk", "docs", "roles", "reg"}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value
    return [text for item in items for text in _strings(item)]


def test_the_corpus_is_read_from_the_resources() -> None:
    path = resource_path("demo", "corpus.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [tuple(row) for row in data["municipal_units"]] == corpus.MUNICIPAL_UNITS
    assert len(corpus.MUNICIPAL_UNITS) == 32 and len(corpus.PROBLEM_CATEGORIES) == 4
    assert set(corpus.POSTS) == set(corpus.INTERVIEWEE_CATEGORIES)


def test_every_placeholder_has_a_filler() -> None:
    data = json.loads(resource_path("demo", "corpus.json").read_text(encoding="utf-8"))
    used = {name for text in _strings(data) for name in re.findall(r"\{([a-z0-9_]+)\}", text)}
    assert used - set(corpus._GENERATORS) == _FILLED_BY_CALLER


def test_every_leader_topic_up_to_the_self_checks_has_a_category() -> None:
    assert len(corpus._SELF_CHECK) == min(len(corpus._LEADER_TOPICS), 10)
    assert set(corpus._SELF_CHECK.values()) <= set(corpus.PROBLEM_CATEGORIES)


@pytest.mark.parametrize("value", [[1, "二"], "三", {"a": "b"}])
def test_a_malformed_list_is_refused(value: Any) -> None:
    with pytest.raises(ValueError, match="demo corpus"):
        corpus._texts(value, "places")


def test_the_same_seed_gives_the_same_texts() -> None:
    def sample(seed: int) -> list[str]:
        rng = random.Random(seed)
        unit = corpus.MUNICIPAL_UNITS[0][0]
        return [corpus.person_name(rng), corpus.problem_statement(rng, "line_policy", unit),
                corpus.interview_record(rng, "principal", unit, "赵刚", "刘洋"),
                corpus.petition_summary(rng, None, unit), corpus.paper_summary(rng, "公车私用。")]

    first = sample(7)
    assert first == sample(7) and first != sample(8)
    assert all(not re.search(r"\{[a-z0-9_]+\}", text) for text in first)  # nothing left unfilled


def test_a_working_papers_title_holds_a_whole_clause_and_its_unit_once() -> None:
    unit = "娄底市住房和城乡建设局"
    statement = "娄底市住房和城乡建设局党组落实全面从严治党主体责任不到位，研究党风廉政建设不经常。"
    title = corpus.paper_title(unit, statement)
    assert title == "关于娄底市住房和城乡建设局党组落实全面从严治党主体责任不到位的问题底稿"
    rng = random.Random(3)
    for category in corpus.PROBLEM_CATEGORIES:
        statement = corpus.problem_statement(rng, category, unit)
        title = corpus.paper_title(unit, statement)
        clause = title.removeprefix(f"关于{unit}").removesuffix("的问题底稿")
        assert "……" not in title and title.count(unit) == 1
        assert clause and clause in statement  # a clause of the statement as written, not cut inside a word


def test_the_typed_interview_record_leaves_the_confirmation_to_the_interviewees_hand() -> None:
    rng = random.Random(5)
    for _ in range(20):
        text = corpus.interview_record(rng, "principal", corpus.MUNICIPAL_UNITS[0][0], "赵刚", "刘洋")
        assert "以上记录" not in text and "以上谈话记录" not in text
