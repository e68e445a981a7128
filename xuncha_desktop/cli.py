"""The command line: a thin front over the services, the stable interface for scripts and the office.

Exit codes: 0 success; 2 the request as given is wrong (usage, invalid JSON or data, unknown kind or
record); 1 it could not be done (wrong passphrase, damaged workspace, full disk, verification failed).
Results are JSON on stdout; messages go to stderr in Chinese and English.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from xuncha_desktop import messages
from xuncha_desktop.errors import InvalidRequest, XunchaError

log = logging.getLogger("xuncha")

KIND_NAMES = ("round", "group", "unit", "interview", "petition", "clue", "evidence", "paper", "problem")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exit code for usage errors is 2, too
        self.print_usage(sys.stderr)
        print(f"用法错误 / usage error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _common() -> _Parser:
    # Accepted before or after the command; SUPPRESS keeps a later default from hiding an earlier value.
    common = _Parser(add_help=False)
    common.add_argument("--workspace", type=Path, default=argparse.SUPPRESS,
                        help="工作区文件夹 / workspace folder (default: XUNCHA_WORKSPACE or the user data folder)")
    common.add_argument("--passphrase-file", type=Path, default=argparse.SUPPRESS,
                        help="从文件读取口令 / read the passphrase from FILE (else XUNCHA_PASSPHRASE)")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(prog="xuncha", description="巡察外业桌面端 / field desktop for inspection groups",
                     parents=[common])
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_text, description=help_text, parents=[common])

    init = command("init", "新建工作区 / create a workspace")
    init.add_argument("--device-name", required=True, help="设备名称，如 第六巡察组-笔记本1")
    init.add_argument("--user", help="使用人姓名 / the person using this laptop")

    command("demo", "生成演示工作区 / build the demo workspace")

    records = command("records", "记录的增删改查 / add, read, change and link records")
    actions = records.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    add = actions.add_parser("add", help="新增 / add", parents=[common])
    add.add_argument("kind", metavar="KIND", help=" ".join(KIND_NAMES))
    source = add.add_mutually_exclusive_group(required=True)
    source.add_argument("--json", dest="json_text", help="JSON 对象或数组 / a JSON object or array")
    source.add_argument("--file", type=Path, help="JSON 文件 / a JSON file")
    get = actions.add_parser("get", help="查看 / show one", parents=[common])
    get.add_argument("kind", metavar="KIND")
    get.add_argument("id", metavar="ID")
    listing = actions.add_parser("list", help="列表 / list", parents=[common])
    listing.add_argument("kind", metavar="KIND")
    listing.add_argument("--filter", action="append", default=[], metavar="FIELD=VALUE",
                         help="筛选，可重复；也可用 >= <= != / filter, repeatable")
    listing.add_argument("--search", help="全文检索 / full-text search")
    listing.add_argument("--limit", type=int, help="最多条数 / at most N records")
    listing.add_argument("--offset", type=int, default=0)
    listing.add_argument("--order", action="append", metavar="FIELD", help="排序字段，前加 - 为倒序")
    update = actions.add_parser("update", help="修改 / change", parents=[common])
    update.add_argument("kind", metavar="KIND")
    update.add_argument("id", metavar="ID")
    update.add_argument("--json", dest="json_text", required=True)
    delete = actions.add_parser("delete", help="删除（留存删除标记）/ delete (tombstone)", parents=[common])
    delete.add_argument("kind", metavar="KIND")
    delete.add_argument("id", metavar="ID")
    for name, text in (("link", "关联 / link two records"), ("unlink", "取消关联 / unlink")):
        linking = actions.add_parser(name, help=text, parents=[common])
        linking.add_argument("kind_a", metavar="KIND")
        linking.add_argument("id_a", metavar="ID")
        linking.add_argument("kind_b", metavar="KIND")
        linking.add_argument("id_b", metavar="ID")

    evidence = command("evidence", "证据文件 / evidence files")
    ev_actions = evidence.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    ev_add = ev_actions.add_parser("add", help="加入证据文件 / add a file", parents=[common])
    ev_add.add_argument("file", type=Path)
    ev_add.add_argument("--title")
    ev_add.add_argument("--json", dest="json_text", help="其他字段 / other fields as a JSON object")
    ev_add.add_argument("--link", action="append", default=[], metavar="KIND:ID")
    ev_extract = ev_actions.add_parser("extract", help="导出证据文件 / write the file out", parents=[common])
    ev_extract.add_argument("id")
    ev_extract.add_argument("--out", type=Path, required=True)

    stats = command("stats", "统计 / figures of a round")
    stats.add_argument("--round", dest="round_id")
    stats.add_argument("--json", action="store_true", help="JSON 输出（默认即为 JSON）/ JSON output")
    stats.add_argument("--as-of", help="逾期计算日期 / date for overdue (default today)")

    command("verify", "检查数据库与证据文件 / check the database and every evidence file")

    search = command("search", "全文检索 / search every record family")
    search.add_argument("text")
    search.add_argument("--kind", action="append", choices=("interview", "petition", "clue", "problem"))
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
    return parser


# ---- helpers ---------------------------------------------------------------------------------------

def _emit(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _passphrase(args: argparse.Namespace) -> str:
    path: Path | None = getattr(args, "passphrase_file", None)
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise InvalidRequest("passphrase_file_unreadable", path=str(path), reason=exc.strerror) from exc
    if "XUNCHA_PASSPHRASE" in os.environ:
        return os.environ["XUNCHA_PASSPHRASE"]
    if sys.stdin.isatty():
        return getpass.getpass("工作区口令 / passphrase: ")
    raise InvalidRequest("passphrase_missing")


def _workspace_path(args: argparse.Namespace) -> Path:
    from xuncha_desktop.workspace import default_path

    chosen: Path | None = getattr(args, "workspace", None)
    return chosen if chosen is not None else default_path()


def _open(args: argparse.Namespace) -> Any:
    from xuncha_desktop.workspace import Workspace

    return Workspace.open(_workspace_path(args), _passphrase(args))


def _json_input(text: str | None, file: Path | None) -> Any:
    try:
        raw = file.read_text(encoding="utf-8-sig") if file is not None else (text or "")
    except OSError as exc:
        raise InvalidRequest("file_missing", path=str(file)) from exc
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidRequest("bad_json", reason=f"{exc.msg} (line {exc.lineno}, column {exc.colno})") from exc


def _objects(value: Any) -> list[dict[str, Any]]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, dict) for item in items):
        raise InvalidRequest("json_not_object")
    return items


# ---- commands --------------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    from xuncha_desktop.workspace import Workspace

    with Workspace.create(_workspace_path(args), args.device_name, _passphrase(args), user_name=args.user) as ws:
        _emit({"workspace": str(ws.path), "device_id": str(ws.info.device_id), "device_name": ws.info.device_name})
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from xuncha_desktop.demo.builder import DEMO_PASSPHRASE, build_demo

    given = getattr(args, "passphrase_file", None) is not None or "XUNCHA_PASSPHRASE" in os.environ
    passphrase = _passphrase(args) if given else DEMO_PASSPHRASE
    path = _workspace_path(args)

    def progress(step: str) -> None:
        print(f"… {step}", file=sys.stderr)

    summary = build_demo(path, passphrase, progress=progress)
    if not given:
        print(f"演示工作区口令 / demo passphrase: {passphrase}", file=sys.stderr)
    _emit(summary)
    return 0


def cmd_records(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import links
    from xuncha_desktop.services.kinds import service_for
    from xuncha_desktop.services.records import Filter

    if args.action in ("link", "unlink"):
        service_for(args.kind_a)
        service_for(args.kind_b)
    else:
        service = service_for(args.kind)
    raw = _json_input(args.json_text, args.file) if args.action == "add" else None
    data = _objects(raw) if args.action == "add" else None
    patch = _json_input(args.json_text, None) if args.action == "update" else None
    if args.action == "update" and not isinstance(patch, dict):
        raise InvalidRequest("json_not_object")
    filters = [Filter.parse(text) for text in getattr(args, "filter", [])]
    with _open(args) as ws, ws.transaction() as session:
        if args.action == "add":
            assert data is not None
            created = []
            for number, item in enumerate(data, 1):
                try:
                    created.append(service.create(session, item))
                except XunchaError as exc:
                    if len(data) > 1:
                        print(f"第 {number} 条 / item {number}:", file=sys.stderr)
                    raise exc
            result: Any = [service.to_dict(session, r) for r in created]
            _emit(result if isinstance(raw, list) else result[0])
        elif args.action == "get":
            _emit(service.to_dict(session, service.read(session, args.id)))
        elif args.action == "list":
            found = service.find(session, filters, args.search, args.limit, args.offset, args.order)
            _emit([service.to_dict(session, r) for r in found])
        elif args.action == "update":
            assert isinstance(patch, dict)
            _emit(service.to_dict(session, service.update(session, args.id, patch)))
        elif args.action == "delete":
            record = service.delete(session, args.id)
            _emit({"id": str(record.id), "kind": args.kind, "deleted": True})
        elif args.action == "link":
            made = links.link(session, args.kind_a, args.id_a, args.kind_b, args.id_b)
            _emit({"id": str(made.id), "relation": made.relation, "from_kind": made.from_kind,
                   "from_id": str(made.from_id), "to_kind": made.to_kind, "to_id": str(made.to_id)})
        else:
            first, second = service_for(args.kind_a).get(session, args.id_a), \
                service_for(args.kind_b).get(session, args.id_b)
            _emit({"unlinked": links.unlink(session, args.kind_a, first.id, args.kind_b, second.id)})
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    from xuncha_desktop.services.evidence import service

    with _open(args) as ws:
        if args.action == "add":
            data = _json_input(args.json_text, None) if args.json_text else {}
            if not isinstance(data, dict):
                raise InvalidRequest("json_not_object")
            if args.title:
                data["title"] = args.title
            targets = []
            for text in args.link:
                kind, _, record_id = text.partition(":")
                if not record_id:
                    raise InvalidRequest("filter_bad", text=text)
                targets.append((kind, record_id))
            if not args.file.is_file():
                raise InvalidRequest("file_missing", path=str(args.file))
            with ws.transaction() as session:
                record = service.add_file(session, ws.evidence, args.file, data, targets)
                _emit(service.to_dict(session, record))
        else:
            with ws.transaction() as session:
                record = service.extract(session, ws.evidence, args.id, args.out)
                _emit({"id": str(record.id), "sha256": record.sha256, "out": str(args.out)})
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    import datetime as dt

    from xuncha_desktop.services.stats import round_figures

    as_of = None
    if args.as_of:
        try:
            as_of = dt.date.fromisoformat(args.as_of)
        except ValueError:
            raise InvalidRequest("field_type", field="as_of", field_zh="日期", expected_zh="日期",
                                 expected_en="a date", value=args.as_of) from None
    with _open(args) as ws, ws.transaction() as session:
        _emit(round_figures(session, args.round_id, as_of).to_json())
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from xuncha_desktop.services.verify import verify

    with _open(args) as ws, ws.transaction() as session:
        report = verify(session, ws.evidence)
    _emit({"ok": report.ok, "database_ok": report.database_ok, "files_checked": report.files_checked,
           "problems": report.problems})
    if not report.ok:
        print("检查发现问题 / verification found damage", file=sys.stderr)
        return 1
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from xuncha_desktop.services.search import search

    with _open(args) as ws, ws.transaction() as session:
        hits = search(session, args.text, args.kind, args.limit)
        _emit([{"kind": h.kind, "id": str(h.id), "snippet": h.snippet} for h in hits])
    return 0


def cmd_vocab(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import vocabulary
    from xuncha_desktop.services.fields import parse_uuid
    from xuncha_desktop.services.rounds import service as rounds

    with _open(args) as ws, ws.transaction() as session:
        round_id = rounds.get(session, args.round_id).id if args.round_id else None
        if args.action == "add":
            if args.copy_defaults and round_id is not None:
                vocabulary.copy_defaults_to_round(session, args.vocabulary, round_id)
            vocabulary.add_term(session, args.vocabulary, args.code, args.label, args.label_en, round_id)
        terms = vocabulary.terms(session, args.vocabulary, parse_uuid(round_id) if round_id else None)
        _emit([{"code": t.code, "label_zh": t.label_zh, "label_en": t.label_en,
                "round_id": str(t.round_id) if t.round_id else None} for t in terms])
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init, "demo": cmd_demo, "records": cmd_records, "evidence": cmd_evidence, "stats": cmd_stats,
    "verify": cmd_verify, "search": cmd_search, "vocab": cmd_vocab,
}


def main(argv: Sequence[str] | None = None) -> int:
    if sys.platform != "win32":
        os.umask(0o077)  # everything the program writes is private to the user
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        code = COMMANDS[args.command](args)
        log.info("command %s %s finished with %d", args.command, getattr(args, "action", "") or "", code)
        return code
    except XunchaError as exc:
        log.warning("command %s refused: %s", args.command, exc.key)
        print(f"错误：{exc.text('zh')}\nerror: {exc.text('en')}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        log.exception("command %s failed", args.command)
        key = "disk_full" if exc.errno == errno.ENOSPC else "io_error"
        print(messages.both(key, reason=str(exc)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(messages.both("cancelled"), file=sys.stderr)
        return 1
    except DBAPIError as exc:
        log.exception("command %s failed in the database", args.command)
        text = str(exc.orig).lower()
        if "full" in text:
            print(messages.both("disk_full"), file=sys.stderr)
        elif "not a database" in text or "malformed" in text:
            print(messages.both("workspace_damaged", path=str(_workspace_path(args)), reason=str(exc.orig)),
                  file=sys.stderr)
        else:
            print(messages.both("database_error", reason=str(exc.orig)), file=sys.stderr)
        return 1
    except Exception as exc:  # the last line of defence: a message and the details in the log
        log.exception("command %s failed", args.command)
        print(messages.both("internal_error", reason=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
