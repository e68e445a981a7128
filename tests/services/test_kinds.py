"""The registry of record families: each service's descriptor is whole and consistent with its model."""

from __future__ import annotations

from xuncha_desktop.db.search_index import searched_models
from xuncha_desktop.resources import resource_path
from xuncha_desktop.services.fields import FieldType
from xuncha_desktop.services.kinds import KINDS, nav_pages, searched_kinds


def test_every_descriptor_names_fields_of_its_own_family() -> None:
    wrong = []
    for kind, service in KINDS.items():
        names = {f.name for f in service.fields}
        wrong += [f"{kind}.list_columns: {c}" for c in service.list_columns if c not in names]
        if service.date_field is not None and service.field(service.date_field).value_type not in (
                FieldType.DATE, FieldType.DATETIME):
            wrong.append(f"{kind}.date_field is not a date")
        if service.category_field is not None and service.field(service.category_field).value_type not in (
                FieldType.VOCAB, FieldType.ENUM):
            wrong.append(f"{kind}.category_field has no choices")
        wrong += [f"{kind}.search_columns: {c}" for c in service.search_columns
                  if not hasattr(service.model, c)]
    assert wrong == []


def test_the_search_index_and_the_registry_agree_on_the_searched_families() -> None:
    assert {kind: model for kind, model in searched_models().items()} == {
        kind: KINDS[kind].model for kind in searched_kinds()}
    assert set(searched_kinds()) == {"interview", "petition", "clue", "evidence", "paper", "problem",
                                     "rule"}


def test_navigation_pages_come_in_order_with_their_icons() -> None:
    pages = nav_pages()
    assert [page.key for page, _kinds in pages] == ["rounds_units", "interview", "petition", "clue", "evidence",
                                                      "paper", "problem", "feedback_draft", "rule"]
    tabs = dict((page.key, kinds) for page, kinds in pages)
    assert tabs["rounds_units"] == ["round", "group", "unit", "declaration", "situation_report", "clue_transfer"]
    assert sorted(kind for _page, kinds in pages for kind in kinds) == sorted(KINDS)
    missing = [page.icon for page, _kinds in pages if not resource_path("icons", f"{page.icon}.svg").exists()]
    assert missing == []
    assert len({page.order for page, _kinds in pages}) == len(pages)
