"""``xuncha stats office``: the office's view across rounds and groups, as tables or JSON (services/stats.py).

The subcommand hangs under ``stats`` (cli/workspace.py adds it with :func:`add_parser` and calls :func:`run`),
so this module has no ``register`` of its own."""

from __future__ import annotations

import argparse
import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import Any

from xuncha_desktop.cli.common import _Parser, emit, open_workspace
from xuncha_desktop.errors import InvalidRequest

PARTS = ("rates", "overdue", "clues", "repeats")


def add_parser(views: Any, common: _Parser) -> None:
    office = views.add_parser("office", parents=[common],
                              help="巡察办总览 / the office's view across rounds and groups",
                              description="巡察办总览：整改率（按轮次、巡察组、单位、类别）、逾期问题、线索三个月反馈、"
                                          "重复问题 / rectification rates, overdue problems, clue feedback, repeats")
    office.add_argument("--round", dest="round_id", help="只看本轮 / this round only (default: all rounds)")
    office.add_argument("--as-of", help="逾期计算日期 / date for overdue (default today)")
    office.add_argument("--show", action="append", choices=PARTS,
                        help="只显示这部分（可重复）/ only this part (repeatable; default all)")
    office.add_argument("--by", action="append", choices=("round", "group", "unit", "category"),
                        help="整改率的统计维度（可重复）/ rates by this (repeatable; default all four)")
    office.add_argument("--json", action="store_true", help="JSON 输出 / JSON output")


def parse_date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidRequest("field_type", field=name, field_zh="日期", expected_zh="日期", expected_en="a date",
                             value=value) from None


def run(args: argparse.Namespace) -> int:
    from xuncha_desktop.services.stats import office_view

    as_of = parse_date(args.as_of, "as_of")
    with open_workspace(args) as ws, ws.transaction() as session:
        view = office_view(session, args.round_id, as_of)
    shown = args.show or list(PARTS)
    dimensions = args.by or list(view.rates)
    if args.json:
        document = view.to_json()
        document["rates"] = {by: document["rates"][by] for by in dimensions}
        emit(_json_parts(document, shown))
        return 0
    scope = view.round_name or "全部轮次 / all rounds"
    print(f"巡察办总览 / office view — {scope} — 截至 / as of {view.as_of}")
    titles = {"round": "按轮次 / by round", "group": "按巡察组 / by group", "unit": "按被巡察单位 / by unit",
              "category": "按问题类别 / by category"}
    if "rates" in shown:
        for by in dimensions:
            print(f"\n整改率{titles[by]}")
            print(table(["名称 / name", "问题", "列入反馈", "已整改", "整改率", "逾期"],
                        [[r.label, r.problems, r.in_feedback, r.rectified, _percent(r.rate), r.overdue]
                         for r in view.rates[by]]))
    if "overdue" in shown:
        print("\n逾期未整改的问题 / overdue problems")
        print(table(["编号", "问题表述", "轮次", "巡察组", "单位", "时限", "逾期天数", "状态"],
                    [[p.number, _cut(p.statement, 24), p.round, p.group, p.unit, p.deadline, p.days_overdue, p.status]
                     for p in view.overdue]))
    if "clues" in shown:
        print("\n线索处置 / clues by disposition")
        print(table(["处置方式", "线索", "反馈逾期"],
                    [[d.label, d.clues, d.feedback_overdue] for d in view.clues_by_disposition]))
        print("\n线索三个月反馈 / clue feedback due (disposition + 3 months)")
        print(table(["线索", "单位", "处置方式", "处置日期", "反馈期限", "状态"],
                    [[c.title, c.unit, c.disposition_label, c.disposed_on, c.feedback_due,
                      f"逾期 {-c.days_left} 天" if c.overdue else f"剩 {c.days_left} 天"]
                     for c in view.clue_feedback]))
    if "repeats" in shown:
        print("\n重复问题（同一单位、同一类别在后续轮次再次发现）/ repeat problems")
        print(table(["单位", "问题类别", "发现轮次", "问题数", "此前已整改到位"],
                    [[r.unit, r.category_label, " → ".join(r.rounds), r.problems, r.earlier_rectified]
                     for r in view.repeats]))
    return 0


def _json_parts(document: dict[str, Any], shown: Sequence[str]) -> dict[str, Any]:
    keys = {"rates": ["rates"], "overdue": ["overdue"], "clues": ["clues_by_disposition", "clue_feedback"],
            "repeats": ["repeats"]}
    hidden = {key for part in PARTS if part not in shown for key in keys[part]}
    return {k: v for k, v in document.items() if k not in hidden}


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def _cut(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def width(text: str) -> int:
    """Columns a text takes in a terminal: two for a wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def table(headers: list[str], rows: list[list[Any]]) -> str:
    """A plain text table, aligned in a terminal with Chinese characters; numbers to the right."""
    if not rows:
        return "（无 / none）"
    cells = [[str(v) for v in row] for row in [headers, *rows]]
    numeric = [all(isinstance(row[i], int | float) for row in rows) for i in range(len(headers))]
    widths = [max(width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for at, row in enumerate(cells):
        padded = [(" " * (widths[i] - width(v)) + v) if numeric[i] and at else (v + " " * (widths[i] - width(v)))
                  for i, v in enumerate(row)]
        lines.append("  ".join(padded).rstrip())
        if at == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
