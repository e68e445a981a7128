"""Workspace commands: init, demo, stats, verify, search, vocab."""

from __future__ import annotations

import argparse
import sys

from xuncha_desktop.cli import office
from xuncha_desktop.cli.common import (
    Handler,
    Subparsers,
    _Parser,
    emit,
    open_workspace,
    passphrase,
    passphrase_given,
    user_name,
    workspace_path,
)
from xuncha_desktop.errors import InvalidRequest

ORDER = 10


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text, description=help_text,
                                                              parents=[common])
        return parser

    init = command("init", "新建工作区 / create a workspace")
    init.add_argument("--device-name", required=True, help="设备名称，如 第六巡察组-笔记本1")
    # --user (a common option) names the first user, who adds the others (xuncha users add)
    init.add_argument("--role", choices=["leader", "office"], default="leader",
                      help="第一位使用人的角色：组长或巡察办 / the first user's role (default leader)")
    init.add_argument("--database", metavar="URL",
                      help="办公室汇总库，如 postgresql+psycopg://主机/库 / office hub database instead of the file")

    command("demo", "生成演示工作区 / build the demo workspace")

    stats = command("stats", "统计 / figures of a round")
    stats.add_argument("--round", dest="round_id")
    stats.add_argument("--json", action="store_true", help="JSON 输出（默认即为 JSON）/ JSON output")
    stats.add_argument("--as-of", help="逾期计算日期 / date for overdue (default today)")
    office.add_parser(stats.add_subparsers(dest="view", metavar="VIEW", parser_class=_Parser), common)

    command("verify", "检查数据库与证据文件 / check the database and every evidence file")

    search = command("search", "全文检索 / search every record family")
    search.add_argument("text")
    search.add_argument("--kind", action="append", help="只查这类记录（可重复）/ only this kind (repeatable)")
    search.add_argument("--limit", type=int, default=50)

    vocab = command("vocab", "词表 / vocabularies")
    vocab_actions = vocab.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    vocab_list = vocab_actions.add_parser("list", parents=[common])
    vocab_list.add_argument("vocabulary")
    vocab_list.add_argument("--round", dest="round_id")
    vocab_add = vocab_actions.add_parser("add", parents=[common])
    vocab_add.add_argument("vocabulary")
    vocab_add.add_argument("--code", required=True)
    vocab_add.add_argument("--label", required=True)
    vocab_add.add_argument("--label-en")
    vocab_add.add_argument("--round", dest="round_id")
    vocab_add.add_argument("--copy-defaults", action="store_true",
                           help="先把默认词表复制到本轮 / give the round a copy of the defaults first")
    vocab_update = vocab_actions.add_parser("update", parents=[common])
    vocab_update.add_argument("vocabulary")
    vocab_update.add_argument("--code", required=True)
    vocab_update.add_argument("--label")
    vocab_update.add_argument("--label-en")
    vocab_update.add_argument("--round", dest="round_id")
    vocab_remove = vocab_actions.add_parser("remove", parents=[common])
    vocab_remove.add_argument("vocabulary")
    vocab_remove.add_argument("--code", required=True)
    vocab_remove.add_argument("--round", dest="round_id")
    return {"init": cmd_init, "demo": cmd_demo, "stats": cmd_stats, "verify": cmd_verify, "search": cmd_search,
            "vocab": cmd_vocab}


def cmd_init(args: argparse.Namespace) -> int:
    from xuncha_desktop.security.roles import Role
    from xuncha_desktop.workspace import Workspace

    with Workspace.create(workspace_path(args), args.device_name, passphrase(args), user_name=user_name(args),
                          database_url=args.database, role=Role(args.role)) as ws:
        emit({"workspace": str(ws.path), "device_id": str(ws.info.device_id), "device_name": ws.info.device_name,
              "user": ws.user.name, "role": ws.user.role.value})
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from xuncha_desktop.demo.builder import DEMO_PASSPHRASE, build_demo

    given = passphrase_given(args)
    chosen = passphrase(args) if given else DEMO_PASSPHRASE
    path = workspace_path(args)

    def progress(step: str) -> None:
        print(f"… {step}", file=sys.stderr)

    summary = build_demo(path, chosen, progress=progress)
    if not given:
        print(f"演示工作区口令 / demo passphrase: {chosen}", file=sys.stderr)
    emit(summary)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from xuncha_desktop.services.stats import round_figures

    if getattr(args, "view", None) == "office":
        return office.run(args)
    as_of = office.parse_date(args.as_of, "as_of")
    with open_workspace(args) as ws, ws.transaction() as session:
        emit(round_figures(session, args.round_id, as_of).to_json())
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from xuncha_desktop.services.verify import verify

    with open_workspace(args) as ws, ws.transaction() as session:
        report = verify(session, ws.evidence)
    emit({"ok": report.ok, "database_ok": report.database_ok, "files_checked": report.files_checked,
           "problems": report.problems})
    if not report.ok:
        print("检查发现问题 / verification found damage", file=sys.stderr)
        return 1
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from xuncha_desktop.services.kinds import searched_kinds
    from xuncha_desktop.services.search import search

    unknown = sorted(set(args.kind or ()) - set(searched_kinds()))
    if unknown:
        raise InvalidRequest("unknown_kind", kind=unknown[0], kinds=" ".join(searched_kinds()))
    with open_workspace(args) as ws, ws.transaction() as session:
        hits = search(session, args.text, args.kind, args.limit)
        emit([{"kind": h.kind, "id": str(h.id), "snippet": h.snippet} for h in hits])
    return 0


def cmd_vocab(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import vocabulary
    from xuncha_desktop.services.rounds import service as rounds

    with open_workspace(args) as ws, ws.transaction() as session:
        round_id = rounds.get(session, args.round_id).id if args.round_id else None
        if args.action == "add":
            if args.copy_defaults and round_id is not None:
                vocabulary.copy_defaults_to_round(session, args.vocabulary, round_id)
            vocabulary.add_term(session, args.vocabulary, args.code, args.label, args.label_en, round_id)
        elif args.action == "update":
            vocabulary.update_term(session, args.vocabulary, args.code, round_id, args.label, args.label_en)
        elif args.action == "remove":
            vocabulary.remove_term(session, args.vocabulary, args.code, round_id)
        terms = vocabulary.terms(session, args.vocabulary, round_id)
        emit([{"code": t.code, "label_zh": t.label_zh, "label_en": t.label_en,
               "round_id": str(t.round_id) if t.round_id else None} for t in terms])
    return 0
