"""``xuncha feedback draft``: the 巡察反馈意见稿 of a unit in a round, made from its problems, edited, stepped.

Items are named by their number in ``show`` (1, 2, … in document order); problems by their 问题编号 or id.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from xuncha_desktop import messages
from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, emit, open_workspace
from xuncha_desktop.errors import InvalidRequest

ORDER = 42


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    feedback = commands.add_parser("feedback", help="巡察反馈意见稿 / feedback drafts", parents=[common])
    what = feedback.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    draft = what.add_parser("draft", help="反馈意见稿：生成、查看、修改、审核 / a unit's feedback draft",
                            parents=[common])
    actions = draft.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)

    def action(name: str, text: str) -> _Parser:
        parser: _Parser = actions.add_parser(name, help=text, parents=[common])
        parser.add_argument("--unit", required=True, help="被巡察单位编号 / unit id")
        parser.add_argument("--round", dest="round_id", help="巡察轮次编号（默认该单位最近一轮）/ round id")
        return parser

    create = action("create", "由列入反馈的问题生成意见稿 / make the draft from the problems")
    action("show", "查看意见稿及其事项 / show the draft and its items")
    update = action("update", "修改总体评价、调阅资料份数 / change the assessment or the documents reviewed")
    for parser in (create, update):
        parser.add_argument("--assessment", help="总体评价 / overall assessment")
        parser.add_argument("--documents", type=int, help="调阅资料份数 / documents reviewed")
    step = action("step", "状态流转 / a status step")
    step.add_argument("status", metavar="STATUS",
                      help="draft 起草 | leader_reviewed 组长审核 | office_reviewed 巡察办审核 | final 定稿")
    item = action("item", "改写事项的概述或整改要求 / rewrite an item's summary or requirement")
    item.add_argument("number", type=int, metavar="N", help="事项序号（见 show）/ the item's number in show")
    item.add_argument("--summary", help="概述 / summary")
    item.add_argument("--requirement", help="整改要求 / rectification requirement")
    move = action("move", "在同类事项中上移或下移 / move an item up or down within its category")
    move.add_argument("number", type=int, metavar="N")
    direction = move.add_mutually_exclusive_group(required=True)
    direction.add_argument("--up", action="store_true")
    direction.add_argument("--down", action="store_true")
    merge = action("merge", "合并同类事项 / merge items of one category")
    merge.add_argument("numbers", type=int, nargs="+", metavar="N")
    split = action("split", "把问题拆为新事项 / split problems off an item")
    split.add_argument("number", type=int, metavar="N")
    split.add_argument("--problem", action="append", required=True, metavar="NUMBER_OR_ID",
                       help="要拆出的问题（编号或记录编号），可重复 / a problem to split off, repeatable")
    action("add-new", "把后来列入反馈的问题加为新事项 / add items for problems listed since")
    return {"feedback": cmd_feedback}


def _items(view: Any, numbers: list[int]) -> list[str]:
    ids = []
    for number in numbers:
        if not 1 <= number <= len(view.items):
            raise InvalidRequest("feedback_item_number", number=number, count=len(view.items))
        ids.append(view.items[number - 1].id)
    return ids


def cmd_feedback(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import feedback_drafts as drafts
    from xuncha_desktop.services.feedback import latest_round_of_unit
    from xuncha_desktop.services.rounds import service as rounds
    from xuncha_desktop.services.units import service as units

    with open_workspace(args) as ws, ws.transaction() as session:
        unit = units.get(session, args.unit)
        the_round = rounds.get(session, args.round_id) if args.round_id else latest_round_of_unit(session, unit.id)
        if args.action == "create":
            draft = drafts.create_from_problems(session, unit.id, the_round.id, args.assessment or "", args.documents)
            print(messages.both("feedback_draft_created", items=len(drafts.items(session, draft.id))),
                  file=sys.stderr)
        else:
            found = drafts.draft_for(session, the_round.id, unit.id)
            if found is None:
                raise InvalidRequest("feedback_no_draft")
            draft = found
            view = drafts.view(session, draft.id)
            if args.action == "update":
                change: dict[str, Any] = {}
                if args.assessment is not None:
                    change["assessment"] = args.assessment
                if args.documents is not None:
                    change["documents_reviewed"] = args.documents
                drafts.service.update(session, draft.id, change)
            elif args.action == "step":
                drafts.step(session, draft.id, args.status)
            elif args.action == "item":
                drafts.update_item(session, _items(view, [args.number])[0], args.summary, args.requirement)
            elif args.action == "move":
                drafts.move_item(session, _items(view, [args.number])[0], -1 if args.up else 1)
            elif args.action == "merge":
                drafts.merge_items(session, _items(view, args.numbers))
            elif args.action == "split":
                item = view.items[args.number - 1] if 1 <= args.number <= len(view.items) else None
                if item is None:
                    raise InvalidRequest("feedback_item_number", number=args.number, count=len(view.items))
                by_number = {p.number: p.id for p in item.problems}
                drafts.split_item(session, item.id, [by_number.get(p, p) for p in args.problem])
            elif args.action == "add-new":
                drafts.add_uncovered(session, draft.id)
        emit(drafts.view(session, draft.id).to_json())
    return 0
